/**
 * Discord interactions endpoint: `POST /webhooks/discord`.
 *
 * verify (Ed25519) → PING gets PONG; application commands `/ask question:…`,
 * `/latest` and `/help` are answered inside the interaction response
 * (type 4, CHANNEL_MESSAGE_WITH_SOURCE) with mentions disabled, so no
 * outbound call is needed. Discord does not retry interactions.
 * Commands to register: docs/discord-commands.json (see docs/channels.md).
 * @module
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../env.js';
import {
  formatReply,
  LENGTH_LIMITS,
  parseJson,
  rawBody,
  requireChannel,
  respond,
  sharedReply,
  SLOW_DOWN,
  unauthorized,
  obj,
  type Payload,
} from '../chat/index.js';
import { ApiError } from '../errors.js';
import { backgroundOf } from '../insights/record.js';
import { verifyDiscordSignature } from './verify.js';

export { verifyDiscordSignature };

/** Interaction types and response types used here (Discord API v10). */
const InteractionType = { PING: 1, APPLICATION_COMMAND: 2 } as const;
const ResponseType = { PONG: 1, CHANNEL_MESSAGE_WITH_SOURCE: 4 } as const;
/** Message flag: only the invoking user sees it. */
const EPHEMERAL = 64;

export type DiscordInteraction =
  { kind: 'ping' } | { kind: 'command'; id: string; name: string; text: string; chatKey: string } | { kind: 'unsupported'; type: unknown };

/**
 * Read an interaction: `/ask` takes its `question` (or first string) option;
 * `/latest` and `/help` map to the shared commands.
 */
function parseDiscordInteraction(payload: unknown): DiscordInteraction {
  const p = obj(payload);
  if (p?.type === InteractionType.PING) return { kind: 'ping' };
  const data = obj(p?.data);
  if (!p || p.type !== InteractionType.APPLICATION_COMMAND || !data || typeof data.name !== 'string') {
    return { kind: 'unsupported', type: p?.type };
  }
  const options: Payload[] = Array.isArray(data.options) ? data.options : [];
  const name = data.name.toLowerCase();
  let text: string;
  if (name === 'latest' || name === 'help') text = `/${name}`;
  else {
    const option = options.find((o) => o.name === 'question') ?? options.find((o) => typeof o.value === 'string');
    text = typeof option?.value === 'string' ? option.value : '';
  }
  const user = obj(obj(p.member)?.user) ?? obj(p.user);
  // One memory per person, also in a shared channel.
  const where = p.channel_id ? `${p.channel_id}:${user?.id ?? ''}` : `dm:${user?.id ?? ''}`;
  return { kind: 'command', id: String(p.id), name, text, chatKey: `discord:${where}` };
}

/** The interaction response carrying a reply (Markdown, at most 2000 characters). */
function renderDiscordResponse(content: string, ephemeral = false) {
  return {
    type: ResponseType.CHANNEL_MESSAGE_WITH_SOURCE,
    data: { content, allowed_mentions: { parse: [] as string[] }, ...(ephemeral ? { flags: EPHEMERAL } : {}) },
  };
}

/** The Discord sub-app, mounted at `/webhooks/discord`. */
export function discord() {
  const app = new Hono<AppEnv>();
  app.use('*', requireChannel('discord'));
  app.post('/', async (c) => {
    const body = await rawBody(c);
    const ok = await verifyDiscordSignature(c.env.DISCORD_PUBLIC_KEY!, c.req.header('X-Signature-Ed25519'), c.req.header('X-Signature-Timestamp'), body);
    if (!ok) throw unauthorized();
    const interaction = parseDiscordInteraction(parseJson(body));
    if (interaction.kind === 'ping') return c.json({ type: ResponseType.PONG });
    if (interaction.kind === 'unsupported') {
      throw new ApiError(400, 'bad_request', `Unsupported interaction type: ${JSON.stringify(interaction.type ?? null)}.`);
    }
    // An interaction must be answered: a chat over its limit is told to slow down every time.
    const reply = (await respond(c.var.engine, c.env, 'discord', interaction.chatKey, interaction.text, undefined, backgroundOf(c))) ?? SLOW_DOWN;
    // Answers and lists are shared with the channel; help and notices are for the asker only.
    return c.json(renderDiscordResponse(formatReply(reply, 'discord', LENGTH_LIMITS.discord), !sharedReply(reply)));
  });
  return app;
}

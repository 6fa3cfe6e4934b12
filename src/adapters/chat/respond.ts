/**
 * The one place where an incoming chat text becomes a reply. Every channel
 * (Telegram, Slack, WhatsApp, Discord, Twilio, LINE) calls {@link respond};
 * the channel only verifies, parses and formats.
 *
 * The reply is structured data ({@link ChatReply}), not text: each channel
 * renders it in its own markup and length limit (see `format.ts`).
 *
 * Conversation memory lives here too: every message goes through
 * `converse()` (`memory.ts`), keyed by `chatKey` and stored in that chat's
 * Durable Object, so follow-up questions, "tell me more", "source?" and `/new`
 * work on every channel (docs/conversations.md). So do retry de-duplication
 * (the delivery id is claimed in the same request) and the per-chat rate limit.
 * @module
 */
import type { ChatReply as CoreReply } from '../../core/chat.js';
import type { Engine } from '../../core/engine.js';
import { detectIntent } from '../../core/intents.js';
import type { Env } from '../../env.js';
import { DEDUPE_TTL_SECONDS } from './dedupe.js';
import { converse } from './memory.js';
import { chatRateLimited } from '../rate-limit.js';

/** Names of the messaging channels (also the `dedupe:<channel>:…` key prefix). */
export type ChannelName = 'telegram' | 'slack' | 'whatsapp' | 'discord' | 'twilio' | 'line';

/** A source listed under a reply: a cited passage's brief, or a brief in a list. */
export interface ChatSource {
  /** The number used in the reply's `[n]` markers (answers) or the list position. */
  n: number;
  title: string;
  /** ISO date of the brief, when known. */
  date: string | null;
  url: string | null;
}

export interface ChatReply {
  /**
   * `answer`: cited answer (also "tell me more"); `no_answer`: not in the briefs; `latest`: newest briefs;
   * `help`: usage (also the greeting); `source`: the sources of the last answer; `chat`: small talk
   * ("thanks") and `/new`, no sources.
   */
  kind: 'answer' | 'no_answer' | 'latest' | 'help' | 'source' | 'chat';
  /** Plain text (no markup). In answers each sentence is followed by its `[n]` marker(s). */
  text: string;
  /** Heading for `sources` ("Sources", "Newest briefs", "Related briefs"). */
  sourcesLabel: string;
  /** Answers: only the sources the text cites, in marker order. Lists: the listed briefs. */
  sources: ChatSource[];
}

/** How many briefs `/latest` lists. */
export const LATEST_COUNT = 5;

/** A parsed command, or `null` for a plain question. */
export type ChatCommand = 'help' | 'latest' | { unknown: string } | null;

/**
 * Recognise the commands every channel understands: `/start`, `/help`,
 * `help`, `/latest`, `latest` (any case, an optional `@botname` suffix as in
 * Telegram groups). Any other `/word` is an unknown command.
 */
export function parseCommand(text: string): ChatCommand {
  const t = text.trim();
  if (t === '') return 'help';
  const slash = /^\/([A-Za-z0-9_]+)(?:@[A-Za-z0-9_]+)?\s*$/.exec(t);
  const word = slash ? slash[1]!.toLowerCase() : /^(help|latest|start)[.!?]*$/i.exec(t)?.[1]?.toLowerCase();
  if (word === 'start' || word === 'help') return 'help';
  if (word === 'latest' || word === 'news') return 'latest';
  if (slash) return { unknown: slash[1]! };
  return null;
}

/** What a rate-limited chat is told, once per window. */
export const SLOW_DOWN_TEXT = "You're sending messages faster than I can answer. Please wait a minute, then ask again.";

/**
 * Turn one incoming chat message into a reply, or `null` when nothing must be
 * sent: a platform retry of a delivery already answered, or a chat over its rate
 * limit that was already told to slow down in this window.
 *
 * @param engine  the loaded engine (`c.var.engine`)
 * @param env     Worker bindings (`CHAT_STATE` holds the memory, `CHAT_RATE_LIMIT` the limit)
 * @param channel which channel the text came from
 * @param chatKey stable id of the conversation, prefixed with the channel (e.g.
 *                `telegram:<chat id>`, `slack:<team>:<channel>:<thread>:<user>`; phone
 *                numbers only hashed, see {@link hashedId}); the memory key
 * @param text    the user's text with any bot mention already removed
 * @param deliveryId the platform's id of this delivery, when it retries deliveries
 *
 * @example
 * const reply = await respond(c.var.engine, c.env, 'telegram', `telegram:${chat.id}`, 'When is Petro meeting Trump?', String(update.update_id));
 * if (reply) return c.json(renderTelegramReply(msg, formatReply(reply, 'telegram')));
 */
export async function respond(
  engine: Engine,
  env: Env,
  channel: ChannelName,
  chatKey: string,
  text: string,
  deliveryId?: string,
): Promise<ChatReply | null> {
  const limited = await chatRateLimited(env, chatKey);
  if (limited) return limited === 'notify' ? { kind: 'chat', text: SLOW_DOWN_TEXT, sourcesLabel: '', sources: [] } : null;
  const command = parseCommand(text);
  // Slash commands the chat intents know (/new, /more, /sources…) go on; others are unknown.
  if (command && typeof command === 'object' && detectIntent(text) === 'question') {
    const help = helpReply(engine);
    return { ...help, text: `I don't know the command /${command.unknown}. ${help.text}` };
  }
  const delivery = deliveryId === undefined ? undefined : { id: deliveryId, ttlSeconds: DEDUPE_TTL_SECONDS[channel] };
  const result = await converse(engine, env, chatKey, command === 'help' ? 'help' : text, delivery ? { delivery } : {});
  return result.status === 'answered' ? toChannelReply(engine, result.reply) : null;
}

/** The core's chat reply in the channels' shape. */
function toChannelReply(engine: Engine, reply: CoreReply): ChatReply {
  switch (reply.kind) {
    case 'answer':
    case 'more':
      return answerReply(engine, reply);
    case 'no_answer':
      return answerReply(engine, reply);
    case 'latest':
      return latestReply(engine);
    case 'help':
    case 'greeting':
      return { kind: 'help', text: reply.answer, sourcesLabel: '', sources: [] };
    case 'source': {
      const [intro = '', ...lines] = reply.answer.split('\n');
      void lines; // the list is rendered from `sources`, in each platform's markup
      return {
        kind: 'source',
        text: intro,
        sourcesLabel: '',
        sources: reply.citations.map((c, i) => ({ n: i + 1, title: c.title, date: c.date, url: c.url })),
      };
    }
    case 'thanks':
    case 'reset':
      return { kind: 'chat', text: reply.answer, sourcesLabel: '', sources: [] };
  }
}

function helpReply(engine: Engine): ChatReply {
  const newest = engine.list(1)[0];
  const example = newest ? ` For example, ask about "${newest.title}".` : '';
  return {
    kind: 'help',
    text:
      'I answer questions about the news briefs, quoting them and citing my sources.' +
      `${example} Send /latest (or "latest") for the newest briefs, and /help (or "help") to see this again.`,
    sourcesLabel: '',
    sources: [],
  };
}

function latestReply(engine: Engine): ChatReply {
  const briefs = engine.list(LATEST_COUNT);
  if (briefs.length === 0) return { kind: 'latest', text: 'There are no briefs yet.', sourcesLabel: '', sources: [] };
  return {
    kind: 'latest',
    text: briefs.length === 1 ? 'The newest brief:' : `The ${briefs.length} newest briefs:`,
    sourcesLabel: '',
    sources: briefs.map((b, i) => ({ n: i + 1, title: b.title, date: b.date, url: b.url })),
  };
}

function answerReply(engine: Engine, answer: CoreReply): ChatReply {
  if (!answer.answered) {
    const related = answer.related ?? [];
    return {
      kind: 'no_answer',
      text: answer.answer,
      sourcesLabel: related.length ? 'Related briefs' : '',
      sources: related.map((r, i) => ({ n: i + 1, title: r.title, date: r.date, url: engine.brief(r.briefId)?.url ?? null })),
    };
  }
  // Markers `[n]` point at citations[n-1]; list only the cited ones, keeping their numbers.
  const cited = [...new Set([...answer.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
  const sources: ChatSource[] = [];
  for (const n of cited) {
    const c = answer.citations[n - 1];
    if (c) sources.push({ n, title: c.title, date: c.date, url: c.url });
  }
  return { kind: 'answer', text: answer.answer, sourcesLabel: 'Sources', sources };
}

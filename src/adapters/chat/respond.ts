/**
 * The one place where an incoming chat text becomes a reply. Every channel
 * (Telegram, Slack, WhatsApp, Discord, Twilio, LINE) calls {@link respond};
 * the channel only verifies, parses and formats.
 *
 * The reply is the core's {@link ChatReply}, the same one the JSON API, the
 * widget and the OpenAI API show: each channel renders it in its own markup
 * and length limit (see `format.ts`).
 *
 * Conversation memory lives here too: every message goes through
 * `converse()` (`memory.ts`), keyed by `chatKey` and stored in that chat's
 * Durable Object, so follow-up questions, "tell me more", "source?" and `/new`
 * work on every channel (docs/conversations.md). So do retry de-duplication
 * (the delivery id is claimed in the same request) and the per-chat rate limit.
 * @module
 */
import type { ChatReply } from '../../core/chat.js';
import type { Engine } from '../../core/engine.js';
import type { Env } from '../../env.js';
import { DEDUPE_TTL_SECONDS } from './dedupe.js';
import { converse } from './memory.js';
import { chatRateLimited } from '../rate-limit.js';
import type { Background, LoggedReply } from '../insights/record.js';

/** Names of the messaging channels. */
export type ChannelName = 'telegram' | 'slack' | 'whatsapp' | 'discord' | 'twilio' | 'line';

/** What a rate-limited chat is told, once per window. */
export const SLOW_DOWN_TEXT = "You're sending messages faster than I can answer. Please wait a minute, then ask again.";

/** The reply telling a chat to slow down. */
export const SLOW_DOWN: ChatReply = { kind: 'notice', answered: false, answer: SLOW_DOWN_TEXT, citations: [] };

/**
 * Turn one incoming chat message into a reply, or `null` when nothing must be
 * sent: a platform retry of a delivery already answered, or a chat over its rate
 * limit that was already told to slow down in this window. The reply is the
 * core's {@link ChatReply}, the same every surface shows; the channel renders it
 * with `formatReply`.
 *
 * @param engine  the loaded engine (`c.var.engine`)
 * @param env     Worker bindings (`CHAT_STATE` holds the memory, `CHAT_RATE_LIMIT` the limit)
 * @param channel which channel the text came from (its retry window for de-duplication)
 * @param chatKey stable id of the conversation, prefixed with the channel (e.g.
 *                `telegram:<chat id>`, `slack:<team>:<channel>:<thread>:<user>`; phone
 *                numbers only hashed, see `hashedId`); the memory key
 * @param text    the user's text with any bot mention already removed
 * @param deliveryId the platform's id of this delivery, when it retries deliveries
 * @param background where the question log is written (`backgroundOf(c)`); the reply then
 *                carries the `answerId` readers vote on (feedback buttons)
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
  background?: Background,
): Promise<LoggedReply | null> {
  const limited = await chatRateLimited(env, chatKey);
  if (limited) return limited === 'notify' ? SLOW_DOWN : null;
  const delivery = deliveryId === undefined ? undefined : { id: deliveryId, ttlSeconds: DEDUPE_TTL_SECONDS[channel] };
  const log = { surface: channel, ...(background ? { background } : {}) };
  const result = await converse(engine, env, chatKey, text, delivery ? { delivery, log } : { log });
  if (result.status !== 'answered') return null;
  return result.answerId ? { ...result.reply, answerId: result.answerId } : result.reply;
}

/**
 * Whether a reply is for the whole chat to see where a platform lets the bot
 * choose (Slack slash commands, Discord): replies that quote the briefs are;
 * help, "not found" and notices go to the asker alone.
 */
export function sharedReply(reply: ChatReply): boolean {
  return reply.answered;
}

/**
 * Conversation memory for clients that do not send their history (the
 * messaging channels, and `POST /api/ask` with a `conversationId`): the last
 * turns of each conversation live in the `STATE` KV namespace under
 * `conv:<key>`, and are forgotten after `CONVERSATION_TTL_MINUTES` of
 * inactivity (default 30).
 *
 * Expiry is enforced twice: KV's own `expirationTtl` removes the key, and the
 * stored `updatedAt` is checked on read, so a conversation is never resumed
 * after the TTL even where KV deletes lazily (and tests can move the clock).
 * @module
 */
import { chat, type ChatOptions, type ChatReply } from '../../core/chat.js';
import type { Engine } from '../../core/engine.js';
import type { Turn } from '../../core/types.js';
import type { Env } from '../../env.js';

/** Default inactivity before a conversation is forgotten. */
export const DEFAULT_CONVERSATION_TTL_MINUTES = 30;

/** What is stored under `conv:<key>`. */
export interface StoredConversation {
  v: 1;
  /** Epoch milliseconds of the last turn. */
  updatedAt: number;
  turns: Turn[];
}

/** The configured inactivity TTL in seconds (KV's minimum is 60). */
export function conversationTtlSeconds(env: Pick<Env, 'CONVERSATION_TTL_MINUTES'>): number {
  const minutes = Number(env.CONVERSATION_TTL_MINUTES ?? DEFAULT_CONVERSATION_TTL_MINUTES);
  return Math.max(60, Math.round((Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_CONVERSATION_TTL_MINUTES) * 60));
}

export function conversationKey(key: string): string {
  return `conv:${key}`;
}

/** The remembered turns of a conversation ([] when new, expired or unreadable). */
export async function loadHistory(env: Env, key: string, now = Date.now()): Promise<Turn[]> {
  const stored = await env.STATE.get<StoredConversation>(conversationKey(key), 'json').catch(() => null);
  if (!stored || stored.v !== 1 || !Array.isArray(stored.turns)) return [];
  if (now - stored.updatedAt > conversationTtlSeconds(env) * 1000) return [];
  return stored.turns;
}

/** Remember the turns (an empty list forgets the conversation). */
export async function saveHistory(env: Env, key: string, turns: Turn[], now = Date.now()): Promise<void> {
  if (turns.length === 0) {
    await env.STATE.delete(conversationKey(key));
    return;
  }
  const value: StoredConversation = { v: 1, updatedAt: now, turns };
  await env.STATE.put(conversationKey(key), JSON.stringify(value), { expirationTtl: conversationTtlSeconds(env) });
}

/**
 * Answer one message of a remembered conversation: load its history, reply
 * (follow-ups, intents, `/new`), store the new history. What the channels
 * call with their chat key (e.g. `telegram:<chat id>`).
 *
 * @example
 * const reply = await converse(c.var.engine, c.env, `telegram:${chat.id}`, text);
 */
export async function converse(
  engine: Engine,
  env: Env,
  key: string,
  text: string,
  options: ChatOptions & { now?: number } = {},
): Promise<ChatReply> {
  const now = options.now ?? Date.now();
  const history = await loadHistory(env, key, now);
  // engine.run loads the index shards the turn reads first (R2 storage); bundled, it just runs it.
  const { reply, history: next } = await engine.run(text, () => chat(engine, text, history, options));
  // Any message counts as activity: saving again restarts the inactivity TTL.
  if (next !== history || next.length > 0) await saveHistory(env, key, next, now);
  return reply;
}

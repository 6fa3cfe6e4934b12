/**
 * Conversation memory for clients that do not send their history (the
 * messaging channels, and `/api/ask`): the last turns of each conversation
 * live in its own Durable Object (`src/storage/chat-state.ts`, binding
 * `CHAT_STATE`), named by the conversation key, and are forgotten after
 * `CONVERSATION_TTL_MINUTES` of inactivity (default 30).
 *
 * Storage never takes an answer down: when the binding is missing, or the
 * object throws or does not answer within {@link STATE_TIMEOUT_MS}, the
 * question is answered without memory (and without retry de-duplication), with
 * one log line.
 * @module
 */
import { chat, type ChatOptions, type ChatReply } from '../../core/chat.js';
import type { Engine } from '../../core/engine.js';
import type { Turn } from '../../core/types.js';
import type { Env } from '../../env.js';
import type { BeginRequest, BeginResult } from '../../storage/chat-state.js';
import { logReply, type LogContext } from '../insights/record.js';

/** Default inactivity before a conversation is forgotten. */
const DEFAULT_CONVERSATION_TTL_MINUTES = 30;

/** Longest wait for the conversation's Durable Object before answering without it. */
export const STATE_TIMEOUT_MS = 2000;

/** The configured inactivity TTL in seconds (at least a minute). */
export function conversationTtlSeconds(env: Pick<Env, 'CONVERSATION_TTL_MINUTES'>): number {
  const minutes = Number(env.CONVERSATION_TTL_MINUTES ?? DEFAULT_CONVERSATION_TTL_MINUTES);
  return Math.max(60, Math.round((Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_CONVERSATION_TTL_MINUTES) * 60));
}

/** The storage is not configured: what an operator must add. */
export const MISSING_STATE_BINDING =
  'Conversation memory needs the CHAT_STATE Durable Object binding: add [[durable_objects.bindings]] name = "CHAT_STATE", class_name = "ChatState" and its [[migrations]] new_sqlite_classes = ["ChatState"] to wrangler.toml (see the shipped wrangler.toml)';

function stateOf(env: Env, key: string) {
  const ns = env.CHAT_STATE;
  return ns ? ns.get(ns.idFromName(key)) : undefined;
}

/** `promise`, or a rejection after `ms` (the object may be overloaded or unreachable). */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer!));
}

export interface ConverseOptions extends ChatOptions {
  now?: number;
  /** A new API conversation: nothing to read, and the id is recorded as issued. */
  issue?: boolean;
  /** The API: refuse an id this server did not issue. */
  mustBeIssued?: boolean;
  /** The channels: the platform's delivery id and how long to remember it. */
  delivery?: { id: string; ttlSeconds: number };
  /** Log the question to the insights (docs/insights.md): which surface asked, and where the write runs. */
  log?: LogContext;
}

export type ConverseResult =
  /** `remembered`: the turn is stored (false when storage failed and the answer went without memory). */
  /** `answerId`: the logged question's id, for feedback (absent when not logged). */
  { status: 'answered'; reply: ChatReply; remembered: boolean; answerId?: string } | { status: 'duplicate' } | { status: 'unknown' };

/**
 * Answer one message of a remembered conversation: read its turns (claiming the
 * delivery id, for channels), reply (follow-ups, intents, `/new`), store the new
 * turns. Two requests to the conversation's object; one for a new API conversation.
 *
 * @example
 * const result = await converse(c.var.engine, c.env, `telegram:${chat.id}`, text, { delivery: { id, ttlSeconds } });
 */
export async function converse(engine: Engine, env: Env, key: string, text: string, options: ConverseOptions = {}): Promise<ConverseResult> {
  const started = performance.now();
  const { now = Date.now(), issue, mustBeIssued, delivery, log, ...chatOptions } = options;
  const ttlMs = conversationTtlSeconds(env) * 1000;
  const state = stateOf(env, key);
  let history: Turn[] = [];
  let stored = Boolean(state);
  if (state && !issue) {
    let begun: BeginResult | undefined;
    try {
      const request: BeginRequest = { now, ttlMs, ...(mustBeIssued ? { mustBeIssued } : {}) };
      if (delivery) Object.assign(request, { deliveryId: delivery.id, dedupeTtlMs: delivery.ttlSeconds * 1000 });
      // (The RPC stub's type mangles the union of results; it is a BeginResult.)
      begun = await within(state.begin(request) as Promise<BeginResult>, STATE_TIMEOUT_MS);
    } catch (err) {
      console.warn(`briefbot: conversation state unavailable, answering without memory (${(err as Error).message})`);
      stored = false;
    }
    if (begun?.status === 'duplicate' || begun?.status === 'unknown') return { status: begun.status };
    if (begun) history = begun.turns;
  }
  // engine.run loads the index shards the turn reads first (R2 storage); bundled, it just runs it.
  const { reply, history: next } = await engine.run([...history.map((t) => t.question), text], () => chat(engine, text, history, chatOptions));
  // Written in the background (waitUntil): no added latency, and a failed write is only logged.
  const answerId = logReply(env, log, text, reply, performance.now() - started, now);
  // Any message counts as activity: saving again restarts the inactivity TTL.
  if (state && stored && (issue || next !== history || next.length > 0)) {
    try {
      await within(state.save({ now, ttlMs, turns: next, ...(issue ? { issue } : {}) }), STATE_TIMEOUT_MS);
    } catch (err) {
      console.warn(`briefbot: could not store the conversation (${(err as Error).message})`);
      stored = false;
    }
  }
  return { status: 'answered', reply, remembered: stored, ...(answerId ? { answerId } : {}) };
}

/**
 * Logging one reply to the question log (docs/insights.md). Every surface
 * passes through here: `converse()` (the JSON API, the widget and the six
 * messaging channels) and the OpenAI-compatible API. The row is built at once
 * (cheap: the question scrubbed of personal data, the cited ids) and written
 * in `waitUntil`, after the reply; a failed write is logged and dropped.
 *
 * Only questions are logged (answered or declined): greetings, help, "tell me
 * more" and notices are not. No user id, IP address, phone number or
 * conversation id is ever part of the row.
 * @module
 */
import type { Context } from 'hono';
import type { ChatReply } from '../../core/chat.js';
import { questionRow } from '../../core/insights.js';
import type { Env } from '../../env.js';
import { insertQuestion, insightsDb } from '../../storage/insights.js';
import type { ChannelName } from '../chat/respond.js';

/** Where a question came from, as the log names it. */
type Surface = ChannelName | 'api' | 'widget' | 'openai' | 'mcp';

/** Runs work after the response (`executionCtx.waitUntil`). */
export type Background = (work: Promise<unknown>) => void;

/** What a surface tells the log about a question. */
export interface LogContext {
  surface: Surface;
  /** Where the write runs (`backgroundOf(c)`); without one, nothing is logged. */
  background?: Background | undefined;
  /** The question's language, when the surface knows it. */
  language?: string | null;
}

/** A reply that was logged carries the id readers vote on (`POST /api/feedback`). */
export type LoggedReply = ChatReply & { answerId?: string };

const LOGGED_KINDS: ReadonlySet<string> = new Set(['answer', 'no_answer']);

/** `executionCtx.waitUntil` of a request, when it has one (a plain `app.request()` has none). */
export function backgroundOf(c: Context): Background | undefined {
  try {
    const ctx = c.executionCtx;
    return (work) => ctx.waitUntil(work);
  } catch {
    return undefined;
  }
}

/** 128 random bits, base64url (22 characters): an answerId nobody can guess. */
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * Log a reply to a question, when logging is on: returns its answerId (for the
 * reply), or `undefined` when nothing is logged (logging off, or not a question).
 */
export function logReply(env: Env, log: LogContext | undefined, question: string, reply: ChatReply, latencyMs: number, now = Date.now()): string | undefined {
  if (!log?.background || !LOGGED_KINDS.has(reply.kind)) return undefined;
  const db = insightsDb(env);
  if (!db) return undefined;
  const id = randomId();
  const write = (async () => {
    try {
      await insertQuestion(db, questionRow(id, log.surface, question, reply, latencyMs, now, log.language ?? reply.lang ?? null));
    } catch (err) {
      console.warn(`briefbot: could not log the question (${(err as Error).message})`);
    }
  })();
  log.background(write);
  return id;
}

/**
 * Reader feedback on an answer (docs/insights.md): a thumbs up or down, with
 * an optional comment, stored next to the logged question in D1. Reached by
 * `POST /api/feedback` (the widget and API clients), the Telegram inline
 * buttons and the Slack block buttons. A vote again changes the vote.
 * @module
 */
import { scrubPersonalData } from '../../core/scrub.js';
import type { Env } from '../../env.js';
import { insightsDb, upsertFeedback } from '../../storage/insights.js';

export type Rating = 'up' | 'down';

/** Longest comment kept. */
const MAX_COMMENT_CHARS = 500;

/** The shape of an answerId ({@link randomId}: 22 base64url characters). */
const ANSWER_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * Store a vote: `ok`, `unknown` (no logged question has this answerId: never
 * issued, or past retention) or `off` (logging is off, so there is nothing to vote on).
 */
export async function recordFeedback(env: Env, answerId: string, rating: Rating, comment?: string | null): Promise<'ok' | 'unknown' | 'off'> {
  const db = insightsDb(env);
  if (!db) return 'off';
  if (!ANSWER_ID.test(answerId)) return 'unknown';
  const text = comment?.trim() ? scrubPersonalData(comment.trim()).slice(0, MAX_COMMENT_CHARS) : null;
  return (await upsertFeedback(db, answerId, rating, text, Date.now())) ? 'ok' : 'unknown';
}

/** Button payload (Telegram `callback_data`, at most 64 bytes): `fb:u:<answerId>` or `fb:d:<answerId>`. */
export function feedbackData(answerId: string, rating: Rating): string {
  return `fb:${rating === 'up' ? 'u' : 'd'}:${answerId}`;
}

/** The vote a button payload carries, or `null` when it is not one. */
export function parseFeedbackData(data: unknown): { answerId: string; rating: Rating } | null {
  const m = typeof data === 'string' ? /^fb:([ud]):([A-Za-z0-9_-]{22})$/.exec(data) : null;
  return m ? { answerId: m[2]!, rating: m[1] === 'u' ? 'up' : 'down' } : null;
}

/** What a reader is told after voting (Telegram's toast, Slack's ephemeral note). */
export const THANKS: Record<'ok' | 'unknown' | 'off', string> = {
  ok: 'Thanks for your feedback!',
  unknown: 'This answer can no longer be rated.',
  off: 'Feedback is not collected here.',
};

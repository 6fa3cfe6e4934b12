/**
 * The question log and reader feedback in D1 (binding `INSIGHTS`, schema in
 * `migrations/`; docs/insights.md). Writes happen after the reply, in
 * `waitUntil`, and a failed write is logged and dropped: the log never takes
 * an answer down. Logging is off without the binding, or with
 * `INSIGHTS = "off"` in place of it.
 * @module
 */
import type { FeedbackRow, QuestionRow } from '../core/insights.js';
import type { Env } from '../env.js';
import SCHEMA from '../../migrations/0001_insights.sql';

/** Default days a question is kept (`INSIGHTS_RETENTION_DAYS`). */
const DEFAULT_RETENTION_DAYS = 90;

/** The database, or `undefined` when logging is off. */
export function insightsDb(env: Pick<Env, 'INSIGHTS'>): D1Database | undefined {
  const db = env.INSIGHTS as D1Database | string | undefined;
  return db && typeof db === 'object' && typeof db.prepare === 'function' ? db : undefined;
}

/** The schema's statements (comments out), for {@link withSchema}. */
function schemaStatements(): string[] {
  return SCHEMA.replace(/--[^\n]*/g, '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Run `op`; when the tables are missing (a local `wrangler dev` started
 * without `npm start`, or a deploy before `wrangler d1 migrations apply`),
 * create them from the migration (every statement `IF NOT EXISTS`) and run it again.
 */
async function withSchema<T>(db: D1Database, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    if (!/no such table/i.test((err as Error).message)) throw err;
    console.warn('briefbot: the insights tables were missing; creating them from migrations/0001_insights.sql');
    await db.batch(schemaStatements().map((sql) => db.prepare(sql)));
    return op();
  }
}

/** Write one question (the row's `id` is the answerId the reply carried). */
export async function insertQuestion(db: D1Database, row: QuestionRow): Promise<void> {
  await withSchema(db, () => insert(db, row));
}

async function insert(db: D1Database, row: QuestionRow): Promise<void> {
  await db
    .prepare(
      'INSERT INTO questions (id, at, channel, language, question, answered, kind, brief_ids, passage_ids, strength, latency_ms, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .bind(
      row.id,
      row.at,
      row.channel,
      row.language,
      row.question,
      row.answered,
      row.kind,
      row.brief_ids,
      row.passage_ids,
      row.strength,
      row.latency_ms,
      row.answer,
    )
    .run();
}

/**
 * Record (or change) the vote on an answer. `false` when no question with that
 * answerId is logged (unknown, or past retention).
 */
export async function upsertFeedback(db: D1Database, answerId: string, rating: 'up' | 'down', comment: string | null, at: number): Promise<boolean> {
  const result = await withSchema(db, () =>
    db
      .prepare(
        'INSERT INTO feedback (answer_id, rating, comment, at) SELECT id, ?2, ?3, ?4 FROM questions WHERE id = ?1 ' +
          'ON CONFLICT (answer_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment, at = excluded.at',
      )
      .bind(answerId, rating, comment, at)
      .run(),
  );
  return (result.meta.changes ?? 0) > 0;
}

/** The questions and votes of `[from, to)` (Unix ms), oldest first. */
export async function readPeriod(db: D1Database, from: number, to: number): Promise<{ questions: QuestionRow[]; feedback: FeedbackRow[] }> {
  const [questions, feedback] = await withSchema(db, () =>
    db.batch([
      db.prepare('SELECT * FROM questions WHERE at >= ? AND at < ? ORDER BY at').bind(from, to),
      db
        .prepare(
          'SELECT f.answer_id, f.rating, f.comment, f.at, q.question, q.answer FROM feedback f JOIN questions q ON q.id = f.answer_id WHERE f.at >= ? AND f.at < ? ORDER BY f.at',
        )
        .bind(from, to),
    ]),
  );
  return { questions: (questions!.results ?? []) as QuestionRow[], feedback: (feedback!.results ?? []) as FeedbackRow[] };
}

/** `INSIGHTS_RETENTION_DAYS`, at least 1 (default 90). */
export function retentionDays(env: Pick<Env, 'INSIGHTS_RETENTION_DAYS'>): number {
  const days = Number(env.INSIGHTS_RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS);
  return Number.isFinite(days) && days >= 1 ? Math.floor(days) : DEFAULT_RETENTION_DAYS;
}

/** Delete the questions (and their votes) older than the retention period; how many questions went. */
export async function purgeOld(db: D1Database, retention: number, now: number): Promise<number> {
  const cutoff = now - retention * 86_400_000;
  const [, deleted] = await withSchema(db, () =>
    db.batch([
      db.prepare('DELETE FROM feedback WHERE answer_id IN (SELECT id FROM questions WHERE at < ?)').bind(cutoff),
      db.prepare('DELETE FROM questions WHERE at < ?').bind(cutoff),
    ]),
  );
  return deleted!.meta.changes ?? 0;
}

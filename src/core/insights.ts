/**
 * The editorial insights report (docs/insights.md), built from the rows of
 * the question log and the feedback: pure functions over plain rows, shared
 * by the `/admin` dashboard and JSON API (read from D1 in the Worker) and by
 * `npm run insights` (read with `wrangler d1 execute`).
 * @module
 */
import type { ChatReply } from './chat.js';
import { scrubPersonalData } from './scrub.js';
import type { Vocabulary } from './lang/compound.js';
import { analyze, analyzeWithRanges } from './text.js';

/** One logged question, as stored in D1 (`migrations/0001_insights.sql`). */
export interface QuestionRow {
  id: string;
  /** Unix milliseconds (rounded down to the minute). */
  at: number;
  channel: string;
  language: string | null;
  question: string;
  /** 1 or 0 (SQLite has no booleans). */
  answered: number;
  kind: string;
  /** JSON array of brief ids. */
  brief_ids: string;
  /** JSON array of passage ids. */
  passage_ids: string;
  strength: number | null;
  latency_ms: number | null;
  answer: string | null;
}

/** One vote, with the question it is about (a join of `feedback` and `questions`). */
export interface FeedbackRow {
  answer_id: string;
  rating: 'up' | 'down';
  comment: string | null;
  at: number;
  question: string;
  answer: string | null;
}

export interface DayCount {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  questions: number;
  answered: number;
}

/** Unanswered questions that share their analysed words. */
interface QuestionGroup {
  /** The analysed words the group shares (every question in it has at least these). */
  terms: string[];
  count: number;
  /** Up to {@link EXAMPLES_PER_GROUP} of its questions, most asked first. */
  examples: string[];
  /** When one of them was last asked (Unix ms). */
  lastAt: number;
  /**
   * Words of its questions that no brief holds, most asked first (at most {@link UNKNOWN_WORDS}): what readers
   * call the thing, for the briefs folder's `synonyms.txt` when the briefs say it in other words. Only when the
   * report was given the index's vocabulary.
   */
  unknownWords?: string[];
}

export interface InsightsReport {
  from: string;
  to: string;
  totals: {
    questions: number;
    answered: number;
    unanswered: number;
    /** answered / questions (0 without questions). */
    answerRate: number;
    feedback: { up: number; down: number };
    /** Median latency in ms over the period (null without rows). */
    medianLatencyMs: number | null;
  };
  channels: { channel: string; questions: number; answered: number }[];
  perDay: DayCount[];
  topUnanswered: QuestionGroup[];
  topBriefs: { briefId: string; citations: number }[];
  downVoted: { answerId: string; at: string; question: string; answer: string | null; comment: string | null }[];
}

const EXAMPLES_PER_GROUP = 3;
const UNKNOWN_WORDS = 5;
const TOP_GROUPS = 20;
const TOP_BRIEFS = 10;
const DOWN_VOTES = 50;
const DAY_MS = 86_400_000;

/** The longest question kept (the API accepts 500 characters; the channels more). */
const MAX_LOGGED_CHARS = 500;

/**
 * The log row for one reply (no I/O: what a request pays for logging, besides
 * the write): the question scrubbed of personal data, to the minute, with the
 * cited ids; the answer text only for answers. Never a user or conversation id.
 */
export function questionRow(
  id: string,
  surface: string,
  question: string,
  reply: ChatReply,
  latencyMs: number,
  now: number,
  language: string | null = null,
): QuestionRow {
  const answered = reply.answered;
  return {
    id,
    at: now - (now % 60_000),
    channel: surface,
    language,
    question: scrubPersonalData(question.replace(/\s+/g, ' ').trim()).slice(0, MAX_LOGGED_CHARS),
    answered: answered ? 1 : 0,
    kind: reply.kind,
    brief_ids: JSON.stringify([...new Set(reply.citations.map((c) => c.briefId))]),
    passage_ids: JSON.stringify(reply.citations.map((c) => c.passageId)),
    strength: reply.citations[0]?.score ?? null,
    latency_ms: Math.round(latencyMs * 100) / 100,
    answer: answered ? reply.answer : null,
  };
}

/** `YYYY-MM-DD` (UTC) of a time. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The report over `[from, to)` (Unix ms). Rows outside it are ignored, so the
 * caller may pass more; every day in the period appears in `perDay`, with 0s.
 */
export function buildReport(questions: QuestionRow[], feedback: FeedbackRow[], from: number, to: number, known?: Vocabulary): InsightsReport {
  const rows = questions.filter((r) => r.at >= from && r.at < to);
  const votes = feedback.filter((f) => f.at >= from && f.at < to);
  const answered = rows.filter((r) => r.answered).length;

  const days = new Map<string, DayCount>();
  for (let t = Date.parse(dayOf(from)); t < to; t += DAY_MS) days.set(dayOf(t), { day: dayOf(t), questions: 0, answered: 0 });
  const channels = new Map<string, { channel: string; questions: number; answered: number }>();
  const briefs = new Map<string, number>();
  for (const r of rows) {
    const d = days.get(dayOf(r.at));
    if (d) {
      d.questions++;
      if (r.answered) d.answered++;
    }
    const ch = channels.get(r.channel) ?? { channel: r.channel, questions: 0, answered: 0 };
    ch.questions++;
    if (r.answered) ch.answered++;
    channels.set(r.channel, ch);
    if (r.answered) for (const id of new Set(parseIds(r.brief_ids))) briefs.set(id, (briefs.get(id) ?? 0) + 1);
  }

  const latencies = rows
    .map((r) => r.latency_ms)
    .filter((x): x is number => typeof x === 'number')
    .sort((a, b) => a - b);
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    totals: {
      questions: rows.length,
      answered,
      unanswered: rows.length - answered,
      answerRate: rows.length ? answered / rows.length : 0,
      feedback: { up: votes.filter((v) => v.rating === 'up').length, down: votes.filter((v) => v.rating === 'down').length },
      medianLatencyMs: latencies.length ? latencies[Math.floor((latencies.length - 1) / 2)]! : null,
    },
    channels: [...channels.values()].sort((a, b) => b.questions - a.questions || a.channel.localeCompare(b.channel)),
    perDay: [...days.values()],
    topUnanswered: groupQuestions(
      rows.filter((r) => !r.answered),
      known,
    ).slice(0, TOP_GROUPS),
    topBriefs: [...briefs]
      .map(([briefId, citations]) => ({ briefId, citations }))
      .sort((a, b) => b.citations - a.citations || a.briefId.localeCompare(b.briefId))
      .slice(0, TOP_BRIEFS),
    downVoted: votes
      .filter((v) => v.rating === 'down')
      .sort((a, b) => b.at - a.at)
      .slice(0, DOWN_VOTES)
      .map((v) => ({ answerId: v.answer_id, at: new Date(v.at).toISOString(), question: v.question, answer: v.answer, comment: v.comment })),
  };
}

/**
 * Group questions by their analysed words (the search's own analysis: stop
 * words and question words out, stems in), so "when is the vote" and "vote
 * date?" fall together. Distinct word sets are taken smallest first (the most
 * asked first among equals); each joins the first group whose words it holds
 * all of, or starts a group. Questions without any topic word group together.
 * Groups come most asked first. With the index's vocabulary (`known`), each
 * group also lists the words of its questions that no brief holds.
 */
export function groupQuestions(rows: Pick<QuestionRow, 'question' | 'at'>[], known?: Vocabulary): QuestionGroup[] {
  const sets = new Map<string, { terms: string[]; rows: Pick<QuestionRow, 'question' | 'at'>[] }>();
  for (const r of rows) {
    const terms = [...new Set(analyze(r.question))].sort();
    const key = terms.join(' ');
    const entry = sets.get(key) ?? { terms, rows: [] };
    entry.rows.push(r);
    sets.set(key, entry);
  }
  const ordered = [...sets.values()].sort(
    (a, b) => a.terms.length - b.terms.length || b.rows.length - a.rows.length || a.terms.join(' ').localeCompare(b.terms.join(' ')),
  );
  const groups: { terms: string[]; rows: Pick<QuestionRow, 'question' | 'at'>[] }[] = [];
  for (const set of ordered) {
    const held = new Set(set.terms);
    const home = set.terms.length ? groups.find((g) => g.terms.length > 0 && g.terms.every((t) => held.has(t))) : groups.find((g) => g.terms.length === 0);
    if (home) home.rows.push(...set.rows);
    else groups.push({ terms: set.terms, rows: [...set.rows] });
  }
  return groups
    .map((g) => ({
      terms: g.terms,
      count: g.rows.length,
      examples: examples(g.rows),
      lastAt: Math.max(...g.rows.map((r) => r.at)),
      ...(known ? { unknownWords: unknownWords(g.rows, known) } : {}),
    }))
    .sort((a, b) => b.count - a.count || b.lastAt - a.lastAt || a.terms.join(' ').localeCompare(b.terms.join(' ')));
}

/** The words (lower case, as typed) of `rows`' questions whose terms no brief holds, most asked first. */
function unknownWords(rows: Pick<QuestionRow, 'question'>[], known: Vocabulary): string[] {
  const counts = new Map<string, number>();
  for (const r of rows)
    for (const { term, start, end } of analyzeWithRanges(r.question)) {
      if (known(term)) continue;
      const word = r.question.slice(start, end).toLowerCase();
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, UNKNOWN_WORDS)
    .map(([w]) => w);
}

/** The group's distinct questions (ignoring case and spacing), most asked first. */
function examples(rows: Pick<QuestionRow, 'question'>[]): string[] {
  const counts = new Map<string, { text: string; n: number }>();
  for (const r of rows) {
    const key = r.question.toLowerCase().replace(/\s+/g, ' ').trim();
    const c = counts.get(key) ?? { text: r.question.trim(), n: 0 };
    c.n++;
    counts.set(key, c);
  }
  return [...counts.values()]
    .sort((a, b) => b.n - a.n)
    .slice(0, EXAMPLES_PER_GROUP)
    .map((c) => c.text);
}

function parseIds(json: string): string[] {
  try {
    const ids: unknown = JSON.parse(json);
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

const CSV_COLUMNS = [
  'id',
  'at',
  'channel',
  'language',
  'question',
  'answered',
  'kind',
  'brief_ids',
  'passage_ids',
  'strength',
  'latency_ms',
  'rating',
  'comment',
] as const;

/** The question log as CSV (RFC 4180), one row per question with its vote, for a spreadsheet. */
export function questionsCsv(questions: QuestionRow[], feedback: Pick<FeedbackRow, 'answer_id' | 'rating' | 'comment'>[]): string {
  const votes = new Map(feedback.map((f) => [f.answer_id, f]));
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of questions) {
    const v = votes.get(r.id);
    const cells: Record<(typeof CSV_COLUMNS)[number], unknown> = {
      ...r,
      at: new Date(r.at).toISOString(),
      rating: v?.rating ?? '',
      comment: v?.comment ?? '',
    };
    lines.push(CSV_COLUMNS.map((k) => csvCell(cells[k])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  // A cell a spreadsheet would run as a formula is quoted as text.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The period a request asks for: `from`/`to` as `YYYY-MM-DD` or ISO times; by default the last 30 days up to now. */
export function reportPeriod(fromParam: string | undefined, toParam: string | undefined, now: number): { from: number; to: number } | { error: string } {
  const to = toParam ? parseDay(toParam, true) : now;
  if (Number.isNaN(to)) return { error: 'to must be a date (YYYY-MM-DD) or an ISO 8601 time' };
  const from = fromParam ? parseDay(fromParam, false) : Date.parse(dayOf(to - 29 * DAY_MS));
  if (Number.isNaN(from)) return { error: 'from must be a date (YYYY-MM-DD) or an ISO 8601 time' };
  if (from >= to) return { error: 'from must be before to' };
  if (to - from > 366 * DAY_MS) return { error: 'the period must be at most 366 days' };
  return { from, to };
}

/** A date is a whole day: `to=2026-11-29` includes that day. */
function parseDay(s: string, end: boolean): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    const t = Date.parse(`${s}T00:00:00Z`);
    return end ? t + DAY_MS : t;
  }
  return /^\d{4}-\d{2}-\d{2}T/.test(s) ? Date.parse(s) : NaN;
}

/**
 * Time in answers: which questions lean on the newest brief of a story, the
 * dates an answer shows ("As of Feb. 1, 2026"), and relative time words in a
 * quoted sentence ("Friday", "yesterday", "next week") placed on the calendar
 * from the brief's date. The quote itself is never changed: the resolved dates
 * travel beside it ({@link TimeNote}).
 * @module
 */
import { replyStrings } from './lang/strings.js';
import { dayOf } from './stories.js';
import type { Answer, Brief } from './types.js';

/** When a brief last said something: its `updated` date, else its `date`. */
export function effectiveDate(b: Pick<Brief, 'date' | 'updated'>): string | undefined {
  return b.updated ?? b.date;
}

/** Is the brief past its `expires` date at `now` (ms since the epoch)? */
export function isExpired(b: Pick<Brief, 'expires'>, now: number): boolean {
  if (!b.expires) return false;
  const at = Date.parse(b.expires.length === 10 ? `${b.expires}T23:59:59Z` : b.expires.replace(' ', 'T'));
  return !Number.isNaN(at) && at < now;
}

/**
 * A question about where things stand — a date or time, a change of plan, the
 * latest state — whose answer is the one the newest brief of a story gives.
 */
const STATUS_RE =
  /\b(?:when|what (?:time|day|date)|which (?:day|date)|date|latest|now|still|currently|current|yet|any ?more|status|so far|recent(?:ly)?|new|updated?|postpon\w*|delay\w*|cancel\w*|call(?:ed)? off|scrap\w*|resched\w*|moved?|push(?:ed)? back|put off|resum\w*|end(?:ed)?|over|outcome|result|decid\w*|final(?:ly)?)\b/i;

export function leansOnLatest(question: string): boolean {
  return STATUS_RE.test(question);
}

/**
 * "What's the latest on X?", "Any news about X?", "Updates on X", "What's the main news about X?", "What's the story with
 * X?", "What's happening with X?": the topic X,
 * for a list of the newest briefs about it (see `chat.ts`).
 */
export function latestTopic(text: string): string | undefined {
  const m =
    /^\s*(?:(?:what(?:'|’)?s|what is|what are|give me|tell me|show me)\s+)?(?:the\s+)?(?:latest|newest|most recent)(?:\s+(?:news|updates?|briefs?|stories|developments))?\s+(?:on|about|in|with|regarding|concerning)\s+(.+?)\s*[?.!]*\s*$/i.exec(
      text,
    ) ??
    // "Any news on X?", "What's the main news about X?", "What's the story with X?", "Is there any update on X?"
    /^\s*(?:(?:what(?:'|’)?s|what is|what are|is there|are there)\s+)?(?:(?:the|any)\s+)?(?:(?:main|big|biggest|top|key)\s+)?(?:news|updates?|developments|story)\s+(?:on|about|regarding|concerning|with)\s+(.+?)(?:\s+(?:here|today|right now|now))?\s*[?.!]*\s*$/i.exec(
      text,
    ) ??
    /^\s*(?:what(?:'|’)?s|what is|what are)\s+(?:happening|going on|new|up)\s+(?:with|in|on|at|about|regarding|concerning|between)\s+(.+?)\s*[?.!]*\s*$/i.exec(
      text,
    );
  const topic = m?.[1]?.trim();
  return topic ? topic : undefined;
}

const MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** An ISO date (or timestamp) as a reader writes it: in English the AP style, "Feb. 1, 2026"; otherwise as `Intl` writes a date in `lang`. */
export function formatDay(iso: string, lang = 'en'): string {
  const d = dayOf(iso);
  if (Number.isNaN(d)) return iso;
  const t = new Date(d * 86_400_000);
  if (lang !== 'en') return t.toLocaleDateString(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  return `${MONTHS[t.getUTCMonth()]} ${t.getUTCDate()}, ${t.getUTCFullYear()}`;
}

/** Days since the epoch → `YYYY-MM-DD`. */
function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** A relative time phrase of a quoted sentence, placed on the calendar. */
export interface TimeNote {
  /** The answer sentence's marker (`[n]`) the phrase appears before. */
  marker: number;
  /** The words as the sentence has them ("Friday", "next week"). */
  phrase: string;
  /** The day (`YYYY-MM-DD`), or the first day of the week, month or year meant. */
  date: string;
  /** The last day, when the phrase names a span (a week, a month, a year). */
  end?: string;
  /** How a reader would say it: "Jan. 30, 2026" (for "Friday"), "Saturday, Jan. 31, 2026" (for "yesterday"), "the week of Feb. 2, 2026", "December 2025". */
  label: string;
}

/** Words that put a weekday after the brief's date ("will meet Friday"); otherwise it is the last one. */
const FUTURE_RE = /\b(?:will|would|shall|is to|are to|set to|due|scheduled|expected|plans?|planned|planning|upcoming|coming|next|until|later)\b/i;
const RELATIVE_RE =
  /\b(?:(?:on\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.?\s+\d)|(yesterday|today|tonight|tomorrow)|(last|this|next)\s+(week|month|year))\b/gi;

/**
 * The relative time phrases of `sentence` (a quote from a brief published on
 * `date`), placed on the calendar. A weekday is the last one on or before the
 * brief's date, unless the sentence speaks of the future ("will", "scheduled",
 * "next"…): then it is the next one on or after it. A weekday followed by a
 * calendar date ("Friday, Feb. 6") is already placed and left alone.
 */
export function resolveTimes(sentence: string, date: string | undefined, marker: number): TimeNote[] {
  const base = dayOf(date);
  if (Number.isNaN(base)) return [];
  const weekday = (base + 4) % 7; // 1970-01-01 was a Thursday.
  const notes: TimeNote[] = [];
  for (const m of sentence.matchAll(RELATIVE_RE)) {
    // Tense from the clause up to the phrase and the few words after it ("will meet Friday",
    // "who on Friday said", "confirmed Friday that … would").
    const clause = sentence
      .slice(0, m.index)
      .split(/[,;:—–(]|\s-\s/)
      .pop()!;
    const after = sentence
      .slice(m.index + m[0].length)
      .split(/\s+/)
      .slice(0, 3)
      .join(' ');
    const future = FUTURE_RE.test(`${clause} ${m[0]} ${after}`) && !/^\s*(?:said|told|announced|reported)\b/i.test(after);
    const phrase = m[0].replace(/^on\s+/i, '');
    if (m[1]) {
      const target = WEEKDAYS.indexOf(m[1][0]!.toUpperCase() + m[1].slice(1).toLowerCase());
      const day = future ? base + ((target - weekday + 7) % 7) : base - ((weekday - target + 7) % 7);
      notes.push({ marker, phrase, date: isoDay(day), label: formatDay(isoDay(day)) });
    } else if (m[2]) {
      const w = m[2].toLowerCase();
      const day = base + (w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0);
      notes.push({ marker, phrase, date: isoDay(day), label: `${WEEKDAYS[(day + 4) % 7]}, ${formatDay(isoDay(day))}` });
    } else {
      const shift = { last: -1, this: 0, next: 1 }[m[3]!.toLowerCase() as 'last' | 'this' | 'next'];
      const unit = m[4]!.toLowerCase();
      if (unit === 'week') {
        // On a Sunday, "this week" ahead is the week starting the next day.
        const ahead = weekday === 0 && shift === 0 && future ? 1 : 0;
        const monday = base - ((weekday + 6) % 7) + 7 * (shift + ahead);
        notes.push({ marker, phrase, date: isoDay(monday), end: isoDay(monday + 6), label: `the week of ${formatDay(isoDay(monday))}` });
      } else {
        const t = new Date(base * 86_400_000);
        const y = unit === 'year' ? t.getUTCFullYear() + shift : t.getUTCFullYear();
        const mo = unit === 'month' ? t.getUTCMonth() + shift : 0;
        const first = new Date(Date.UTC(y, mo, 1));
        const last = new Date(Date.UTC(y, unit === 'month' ? mo + 1 : 12, 0));
        const label = unit === 'month' ? `${MONTH_NAMES[first.getUTCMonth()]} ${first.getUTCFullYear()}` : String(first.getUTCFullYear());
        notes.push({ marker, phrase, date: first.toISOString().slice(0, 10), end: last.toISOString().slice(0, 10), label });
      }
    }
  }
  return notes;
}

/** What an answer carries about time (see {@link Answer}). */
type Dated = Pick<Answer, 'asOf' | 'earlier' | 'times' | 'expired' | 'citations' | 'lang'>;

/** "As of Feb. 1, 2026", for the start of a dated answer. */
export function asOfLabel(a: Dated): string | undefined {
  const lang = a.lang ?? 'en';
  return a.asOf ? replyStrings(lang).asOf(formatDay(a.asOf, lang)) : undefined;
}

/**
 * What a surface shows around one answer sentence (with its `[n]` markers):
 * "Earlier, on Jan. 30, 2026:" before an earlier-context sentence, and the
 * calendar dates of its relative time words after it ("(Friday: Jan. 30, 2026)").
 */
export function sentenceDates(a: Dated, sentence: string): { before: string; after: string } {
  const markers = [...sentence.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  const early = markers.find((n) => a.earlier?.includes(n));
  const date = early !== undefined ? a.citations[early - 1]?.date : undefined;
  const lang = a.lang ?? 'en';
  const before = early !== undefined && date ? replyStrings(lang).earlier(formatDay(date, lang)) : '';
  const notes = (a.times ?? []).filter((t) => markers.includes(t.marker)).map((t) => `${t.phrase}: ${t.label}`);
  return { before, after: notes.length ? `(${notes.join('; ')})` : '' };
}

/** A note on quoted briefs past their `expires` date, or undefined. */
export function expiredNote(a: Dated): string | undefined {
  if (!a.expired?.length) return undefined;
  const lang = a.lang ?? 'en';
  const list = a.expired.map((x) => `[${x.marker}]`).join(', ');
  return replyStrings(lang).expired(list, formatDay(a.expired.map((x) => x.expires).sort()[0]!, lang), a.expired.length > 1);
}

/** An answer's text with its dates, as plain text (the CLI; each channel renders the same parts in its markup). */
export function datedText(a: Dated & { answer: string }): string {
  const parts = replySentences(a.answer).map((s) => {
    const nl = s.startsWith('\n') ? '\n' : '';
    const { before, after } = sentenceDates(a, s);
    return nl + [before, s.trim(), after].filter(Boolean).join(' ');
  });
  const asOf = asOfLabel(a);
  let text = parts.map((p, i) => (i > 0 && !p.startsWith('\n') ? ' ' + p : p)).join('');
  if (asOf) text = `${asOf}: ${text}`;
  const note = expiredNote(a);
  return note ? `${text}\n\n${note}` : text;
}

/**
 * Split text into sentences, each keeping the `[n]` markers that follow it.
 * Answers (which carry markers) are split only after markers, so an
 * abbreviation such as "U.S." never splits an answer sentence. A sentence
 * that began a new line of the text starts with "\n" (lists stay lists).
 */
export function replySentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.trim().split(/\n+/)) {
    const t = line.trim();
    if (!t) continue;
    const parts = /\[\d+\]/.test(t) ? t.split(/(?<=\])\s+(?!\[)/) : t.split(/(?<=[.!?:])\s+(?=["“(\p{Lu}\d/])/u);
    parts
      .map((p) => p.trim())
      .filter(Boolean)
      .forEach((p, i) => out.push(i === 0 && out.length > 0 ? `\n${p}` : p));
  }
  return out;
}

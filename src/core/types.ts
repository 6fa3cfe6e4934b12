/**
 * Data shapes shared by every part of Briefbot: the parser, the index, the
 * answerer and every adapter (HTTP, widget, messaging channels, CLI).
 *
 * Everything here is plain data (JSON-serialisable), so it can cross the
 * Worker/CLI boundary and be written into the generated index module.
 * @module
 */

/** One brief (a short news article) after parsing. */
export interface Brief {
  /** Stable id: front matter `id`, else a slug of the file name. */
  id: string;
  title: string;
  /** ISO 8601 date (`YYYY-MM-DD` or a full timestamp), when known. */
  date?: string;
  /** ISO 8601 date of the latest revision (front matter `updated`), when revised after `date`. */
  updated?: string;
  /** ISO 8601 date after which the brief is out of date (front matter `expires`). */
  expires?: string;
  /** Ids of the earlier briefs this one follows (front matter `updates` / `supersedes`). */
  supersedes?: string[];
  /**
   * The story the brief belongs to, when it shares one with other briefs: the id
   * of the story's first brief (set at build time from `supersedes` and from
   * shared names and key words in title and lead; see `stories.ts`).
   */
  story?: string;
  byline?: string;
  source?: string;
  /** Canonical URL of the brief, when known. */
  url?: string;
  tags: string[];
  lang: string;
  /** Links found in the body (`[text](url)` with a real URL), kept as metadata. */
  links: { text: string; url: string }[];
  /** The file the brief was read from, relative to the briefs folder. */
  file: string;
  passages: Passage[];
}

/** A paragraph-sized piece of a brief: the unit that is indexed and cited. */
export interface Passage {
  /** `<briefId>#p<n>`, n counting the brief's body paragraphs from 1. */
  id: string;
  briefId: string;
  /** 1-based paragraph number inside the brief. */
  n: number;
  /** Section heading the passage sits under, if any. */
  section?: string;
  text: string;
  /** `[start, end)` character offsets of each sentence in `text`. */
  sentences: [number, number][];
}

/** `[start, end)` character range. */
export type Range = [number, number];

/** A source cited by an answer (or offered as further reading). */
export interface Citation {
  briefId: string;
  title: string;
  byline: string | null;
  date: string | null;
  /** The brief's `updated` date, when it was revised after `date`. */
  updated?: string;
  url: string | null;
  passageId: string;
  /** At most 300 characters: whole sentences, or cut at a word with `…`. */
  snippet: string;
  /** `[start, end)` ranges of the matched query terms inside `snippet`. */
  highlights: Range[];
  /** Retrieval score of the passage (higher is better; not comparable across queries). */
  score: number;
}

/** A brief offered when no answer was found. */
export interface RelatedBrief {
  briefId: string;
  title: string;
  date: string | null;
  url: string | null;
}

/** The answer to one question: what `POST /api/ask` returns (less `query`). */
export interface Answer {
  answered: boolean;
  /** 1–3 sentences from the briefs, each followed by its marker `[n]`; or a helpful message when not answered. */
  answer: string;
  /** The answer's sources first (marker `[n]` is `citations[n-1]`), then further supporting passages, best first. */
  citations: Citation[];
  /** Up to 3 briefs that share words with the question, when not answered. */
  related?: RelatedBrief[];
  /** Only when asked with a history: how the question was read against it (see `conversation.ts`). */
  followUp?: import('./conversation.js').Resolution;
  /** When answered from a dated brief: the date (`updated`, else `date`) of the brief the answer's first sentence quotes. */
  asOf?: string;
  /**
   * Markers of answer sentences quoted as earlier context: an older brief of the
   * same story, whose account a newer brief has changed (shown "Earlier, on <date>: …").
   */
  earlier?: number[];
  /** Relative time words of the quoted sentences ("Friday", "next week") placed on the calendar from their brief's date. */
  times?: import('./recency.js').TimeNote[];
  /** Quoted briefs past their `expires` date (they answer only when nothing else does): marker and expiry date. */
  expired?: { marker: number; expires: string }[];
}

/** Options for one question. */
export interface AskOptions {
  /** Number of citations wanted (default 3, at most 10). */
  limit?: number;
  /** The conversation so far, oldest first: used to resolve follow-up questions (see `conversation.ts`). */
  history?: Turn[];
  /** The time of the question (ms since the epoch; default now): briefs past their `expires` date answer only when nothing else does. */
  now?: number;
}

/** One earlier exchange of a conversation, as remembered for follow-up questions. */
export interface Turn {
  /** What the user asked. */
  question: string;
  /** Whether the bot answered from the briefs. */
  answered: boolean;
  /** The bot's answer text (at most a few sentences), when it answered. */
  answer?: string;
  /** Briefs the answer quoted (its `[n]` markers), in marker order: the conversation's focus. */
  briefIds: string[];
  /** Passages cited (or shown by "tell me more"), best first. */
  passageIds: string[];
}

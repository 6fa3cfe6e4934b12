/**
 * The engine: the one object every adapter talks to. It owns the loaded
 * search index and the passage store, and answers questions.
 *
 * @example
 * const engine = Engine.build(parseBriefs(files));
 * const answer = engine.ask('When is Petro meeting Trump?');
 * @module
 */
import { answerQuestion, type AnswerOptions } from './answer.js';
import { resolveFollowUp, stripTopicMarker, type FollowUpOptions } from './conversation.js';
import { buildSearchIndex, loadSearchIndex, serializeSearchIndex, type SearchIndex, type SerializedIndex } from './search-index.js';
import type { AskOptions, Answer, Brief, Passage } from './types.js';

/** A brief without its passages, as listed by `GET /api/briefs`. */
export interface BriefSummary {
  id: string;
  title: string;
  date: string | null;
  byline: string | null;
  url: string | null;
  tags: string[];
  passageCount: number;
}

/** Figures about the loaded index (for `/health` and the build log). */
export interface IndexStats {
  builtAt: string;
  briefs: number;
  passages: number;
  /** Short hash of the brief contents, changes whenever a brief changes. */
  contentHash: string;
}

/** Briefs newest first; undated ones last, then by title. */
function newestFirst(a: Brief, b: Brief): number {
  if (a.date && b.date) return a.date < b.date ? 1 : a.date > b.date ? -1 : a.title.localeCompare(b.title);
  if (a.date) return -1;
  if (b.date) return 1;
  return a.title.localeCompare(b.title);
}

export class Engine {
  private readonly briefById: Map<string, Brief>;
  private readonly passageById: Map<string, Passage>;
  private readonly byDate: Brief[];

  private constructor(
    readonly index: SearchIndex,
    readonly briefs: Brief[],
    readonly stats: IndexStats,
  ) {
    this.briefById = new Map(briefs.map((b) => [b.id, b]));
    this.passageById = new Map(briefs.flatMap((b) => b.passages.map((p) => [p.id, p] as const)));
    this.byDate = [...briefs].sort(newestFirst);
  }

  /** Build from parsed briefs (build step, CLI, tests). */
  static build(briefs: Brief[], builtAt = new Date().toISOString()): Engine {
    const index = buildSearchIndex(briefs);
    return new Engine(index, briefs, { builtAt, briefs: briefs.length, passages: index.passages.length, contentHash: hashBriefs(briefs) });
  }

  /** Load what {@link Engine.serialize} wrote (the Worker, at first request). */
  static load(data: SerializedEngine): Engine {
    const index = loadSearchIndex(data.index, data.briefs);
    return new Engine(index, data.briefs, data.stats);
  }

  /** Everything the Worker needs, as JSON-safe data. */
  serialize(): SerializedEngine {
    return { version: 1, stats: this.stats, briefs: this.briefs, index: serializeSearchIndex(this.index) };
  }

  /**
   * Answer one question from the briefs. With `options.history` (the
   * conversation so far), a follow-up is resolved against it and the answer
   * says how in `followUp` (see `conversation.ts`).
   */
  ask(question: string, options: AskOptions = {}, tuning?: Partial<AnswerOptions> & { followUp?: Partial<FollowUpOptions> }): Answer {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 3), 1), 10);
    const { followUp: followUpTuning, ...answerTuning } = tuning ?? {};
    const resolved = options.history ? resolveFollowUp(this.index, question, options.history, followUpTuning) : undefined;
    const answer = answerQuestion(this.index, resolved?.question ?? stripTopicMarker(question), {
      limit,
      briefOf: (id) => this.briefById.get(id)!,
      options: answerTuning,
      ...(resolved?.context ? { context: resolved.context } : {}),
    });
    return resolved ? { ...answer, followUp: resolved.resolution } : answer;
  }

  /**
   * Answer and time it: the body of `POST /api/ask`. `now` is injectable
   * because Workers only advance the clock on I/O (so `tookMs` reads 0 there
   * for CPU-only work, by design of the platform).
   */
  respond(question: string, options: AskOptions = {}, now: () => number = () => performance.now()): AskResponse {
    const t0 = now();
    const answer = this.ask(question, options);
    return { ...answer, query: { tookMs: Math.round((now() - t0) * 100) / 100 } };
  }

  brief(id: string): Brief | undefined {
    return this.briefById.get(id);
  }

  passage(id: string): Passage | undefined {
    return this.passageById.get(id);
  }

  /** Brief summaries, newest first. */
  list(limit = Infinity): BriefSummary[] {
    return this.byDate.slice(0, limit).map(summarize);
  }
}

/** The JSON body of an answer as the API and the CLI return it. */
export type AskResponse = Answer & { query: { tookMs: number } };

export interface SerializedEngine {
  version: 1;
  stats: IndexStats;
  briefs: Brief[];
  index: SerializedIndex;
}

export function summarize(b: Brief): BriefSummary {
  return {
    id: b.id,
    title: b.title,
    date: b.date ?? null,
    byline: b.byline ?? null,
    url: b.url ?? null,
    tags: b.tags,
    passageCount: b.passages.length,
  };
}

/** FNV-1a over the brief contents: a cheap, stable fingerprint for `/health`. */
function hashBriefs(briefs: Brief[]): string {
  let h = 0x811c9dc5;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  };
  for (const b of briefs) {
    feed(b.id);
    feed(b.title);
    feed(b.date ?? '');
    for (const p of b.passages) feed(p.text);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

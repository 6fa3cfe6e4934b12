/**
 * The engine: the one object every adapter talks to. It owns the loaded
 * search index and the passage store, and answers questions.
 *
 * Engines are built from briefs at build time (`buildEngine` in
 * `indexer.ts`, which runs MiniSearch) and loaded from the packed bytes at
 * run time ({@link Engine.load}); this module never imports MiniSearch, so
 * the Worker does not bundle it.
 *
 * @example
 * const engine = Engine.load(packedBytes, new Lexicon(lexiconBytes));
 * const answer = engine.ask('When is Petro meeting Trump?');
 * @module
 */
import { answerQuestion, type AnswerOptions } from './answer.js';
import { askedQuestions, choiceStem, eitherReadings, joinAnswers, leansOnEarlier } from './compound.js';
import { resolveFollowUp, stripTopicMarker, turnOf, type FollowUpOptions } from './conversation.js';
import { IndexError } from './errors.js';
import { retrieve } from './retrieve.js';
import type { Lexicon } from './lexicon.js';
import { loadSearchIndex, openIndex, type OpenedIndex, type SearchIndex, type SerializedIndex } from './search-index.js';
import { MANIFEST_KEY, ShardedSource, ShardMissing, type ShardFetch, type ShardStats } from './sharded.js';
import { questionLanguage } from './lang/detect.js';
import { analyze } from './text.js';
import type { AskOptions, Answer, Brief, Passage } from './types.js';

/** A brief without its passages, as listed by `GET /api/briefs`. */
export interface BriefSummary {
  id: string;
  title: string;
  date: string | null;
  /** Latest revision (front matter `updated`), or null. */
  updated: string | null;
  /** Front matter `expires`, or null. */
  expires: string | null;
  /** The id of the first brief of the story this one belongs to (see `stories.ts`), or null when it stands alone. */
  story: string | null;
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
  private byDate: Brief[] | undefined;
  /** Set when the postings and text live in shards (R2) rather than in one buffer. */
  private shards: ShardedSource | undefined;

  private constructor(
    readonly index: SearchIndex,
    readonly briefs: Brief[],
    readonly stats: IndexStats,
    private readonly bytes: SerializedIndex | undefined,
  ) {
    this.briefById = new Map(briefs.map((b) => [b.id, b]));
  }

  /**
   * Load what {@link Engine.serialize} wrote (the bundled index, at first
   * request), with the lexicon the answers use (`src/generated/lexicon.bin`).
   */
  static load(data: SerializedIndex | ArrayBuffer, lexicon: Lexicon): Engine {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    return Engine.open(loadSearchIndex(bytes, lexicon), bytes);
  }

  /** Wrap an opened index (bundled or sharded). */
  static open(opened: OpenedIndex, bytes?: SerializedIndex): Engine {
    const stats = opened.meta as IndexStats;
    if (!stats || typeof stats.builtAt !== 'string') throw new IndexError('Briefbot: the index has no build information; run "npm run build:index" again');
    return new Engine(opened.index, opened.briefs, stats, bytes);
  }

  /**
   * Open an index stored as shards (see `sharded.ts`): reads the manifest and
   * the core object now, postings and text when questions need them.
   */
  static async openSharded(fetchObject: ShardFetch, lexicon: Lexicon, manifestKey = MANIFEST_KEY): Promise<Engine> {
    const { source, tables } = await ShardedSource.open(fetchObject, manifestKey);
    const engine = Engine.open(openIndex(tables, source, lexicon));
    engine.shards = source;
    return engine;
  }

  /** Shard figures (build id, objects and bytes fetched, cache), or null for a bundled index. */
  get shardStats(): ShardStats | null {
    return this.shards ? { ...this.shards.stats } : null;
  }

  /**
   * {@link Engine.respond} for any storage: with shards, first loads the ones
   * the question needs (postings of its terms, then the text of the passages
   * retrieval ranks highest), in parallel, and asks again if composing the
   * answer reached one more. Bundled, it is `respond` itself.
   */
  async respondAsync(question: string, options: AskOptions = {}, now: () => number = () => performance.now()): Promise<AskResponse> {
    return this.run(question, () => this.respond(question, options, now));
  }

  /** {@link Engine.brief} with its passages' text loaded (sharded storage). */
  async briefAsync(id: string): Promise<Brief | undefined> {
    const brief = this.briefById.get(id);
    if (brief && this.shards) {
      const docs = brief.passages.map((p) => (p as unknown as { doc: number }).doc);
      await this.shards.load(this.shards.missing([], docs));
    }
    return brief;
  }

  /**
   * Run synchronous work on the engine (an answer, a chat turn) for one or more
   * questions (the one asked, and any earlier ones it replays), with whatever
   * shards it reads loaded first: the postings of every question's terms in one
   * batch, then the text of each question's best passages in a second; then, if
   * the work reaches a shard not loaded yet, that one, and again, for as long as
   * each round asks for shards it has not asked for before. Bundled, it is
   * `run()` itself. Adapters wrap their calls into the core with it.
   */
  async run<T>(questions: string | readonly string[], run: () => T): Promise<T> {
    const shards = this.shards;
    if (!shards) return run();
    const list = (typeof questions === 'string' ? [questions] : questions).filter((q) => q.trim() !== '');
    const dictionary = this.index.searcher.tables.dictionary;
    const terms = new Set(
      list.flatMap((q) =>
        analyze(q, questionLanguage(q, this.index.languages))
          .map((t) => dictionary.termIndex(t))
          .filter((t) => t >= 0),
      ),
    );
    await shards.load(shards.missing([...terms], []));
    // Retrieval may reach further postings (related words, prefixes): loaded as it asks for them.
    const docs = await this.untilLoaded(shards, () => new Set(list.flatMap((q) => retrieve(this.index, q, { k: 16 }).hits.map((h) => h.doc))));
    await shards.load(shards.missing([], [...docs]));
    return this.untilLoaded(shards, run);
  }

  /** Run `work`, loading what it reports missing and running it again, while each round asks for new shards. */
  private async untilLoaded<T>(shards: ShardedSource, work: () => T): Promise<T> {
    const asked = new Set<string>();
    // Rounds that asked only for shards asked for before (evicted meanwhile by the cache budget).
    let stalled = 0;
    for (;;) {
      try {
        return work();
      } catch (err) {
        if (!(err instanceof ShardMissing)) throw err;
        const fresh = err.keys.filter((k) => !asked.has(k));
        if (fresh.length === 0 && ++stalled > 2) throw err;
        for (const k of err.keys) asked.add(k);
        await shards.load(err.keys);
      }
    }
  }

  /** The packed index (what the Worker bundles): see `packed/format.ts`. */
  serialize(): SerializedIndex {
    if (!this.bytes) throw new IndexError('Briefbot: this engine was opened from shards and has no single serialized form');
    return this.bytes;
  }

  /**
   * Answer one question from the briefs. With `options.history` (the
   * conversation so far), a follow-up is resolved against it and the answer
   * says how in `followUp` (see `conversation.ts`).
   */
  ask(question: string, options: AskOptions = {}, tuning?: Partial<AnswerOptions> & { followUp?: Partial<FollowUpOptions> }): Answer {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 3), 1), 10);
    // A message that asks two or three things: each question in turn, the later ones as follow-ups of the
    // earlier. Questions that stand alone ("Who is the foreign minister? When is the meeting?") always; ones
    // that lean on the one before ("Who is Locetta? What did she say?") only when the message asked whole is
    // declined ("When is the meeting and what will they discuss?": no sentence gives both), as a follow-up's
    // reading can go wrong where the whole message's does not.
    const questions = askedQuestions(question, () => questionLanguage(question, this.index.languages));
    const alone = questions.length > 1 && questions.slice(1).every((q) => !leansOnEarlier(q));
    const whole = alone ? undefined : this.askOne(question, options, tuning, limit);
    if (whole?.answered) return whole;
    if (whole && questions.length < 2) return this.eitherOr(question, options, tuning, limit) ?? whole;
    let history = options.history ?? [];
    const answers = questions.map((q, i) => {
      const answer = this.askOne(q, i === 0 ? options : { ...options, history }, tuning, limit);
      history = [...history, turnOf(q, answer)];
      return answer;
    });
    return answers.some((a) => a.answered) || !whole ? joinAnswers(answers, limit) : whole;
  }

  /**
   * A yes-no question offering two alternatives, declined asked whole: the answer to the reading the briefs
   * answer when they answer one and not the other ("Is the meeting at Mar-a-Lago or at the White House?" is
   * answered as "Is the meeting at the White House?"); undefined otherwise.
   */
  private eitherOr(
    question: string,
    options: AskOptions,
    tuning: (Partial<AnswerOptions> & { followUp?: Partial<FollowUpOptions> }) | undefined,
    limit: number,
  ): Answer | undefined {
    const english = questionLanguage(question, this.index.languages) === 'en';
    const readings = english ? eitherReadings(question) : null;
    if (!readings) {
      // "Where are they meeting, in Bogotá or in Washington?": the question without the choice.
      const stem = english ? choiceStem(question) : null;
      const answer = stem ? this.askOne(stem, options, tuning, limit) : undefined;
      return answer?.answered ? answer : undefined;
    }
    const [a, b] = readings.map((q) => this.askOne(q, options, tuning, limit)) as [Answer, Answer];
    return a.answered === b.answered ? undefined : a.answered ? a : b;
  }

  private askOne(
    question: string,
    options: AskOptions,
    tuning: (Partial<AnswerOptions> & { followUp?: Partial<FollowUpOptions> }) | undefined,
    limit: number,
  ): Answer {
    const { followUp: followUpTuning, ...answerTuning } = tuning ?? {};
    const resolved = options.history ? resolveFollowUp(this.index, question, options.history, followUpTuning, (id) => this.passage(id)) : undefined;
    const answer = answerQuestion(this.index, resolved?.question ?? stripTopicMarker(question), {
      limit,
      briefOf: (id) => this.briefById.get(id)!,
      options: answerTuning,
      ...(options.now !== undefined ? { now: options.now } : {}),
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
    const m = /^(.*)#p(\d+)$/.exec(id);
    const fromId = m ? this.briefById.get(m[1]!)?.passages[Number(m[2]) - 1] : undefined;
    if (fromId?.id === id) return fromId;
    // Ids that do not follow `<briefId>#p<n>`: look through the brief, then everywhere.
    const brief = m ? this.briefById.get(m[1]!) : undefined;
    return brief?.passages.find((p) => p.id === id) ?? this.index.passages.find((p) => p.id === id);
  }

  /** Brief summaries, newest first: `limit` of them from `offset`. */
  list(limit = Infinity, offset = 0): BriefSummary[] {
    this.byDate ??= [...this.briefs].sort(newestFirst);
    return this.byDate.slice(offset, offset + limit).map(summarize);
  }
}

/** The JSON body of an answer as the API and the CLI return it. */
export type AskResponse = Answer & { query: { tookMs: number } };

export function summarize(b: Brief): BriefSummary {
  return {
    id: b.id,
    title: b.title,
    date: b.date ?? null,
    updated: b.updated ?? null,
    expires: b.expires ?? null,
    story: b.story ?? null,
    byline: b.byline ?? null,
    url: b.url ?? null,
    tags: b.tags,
    passageCount: b.passages.length,
  };
}

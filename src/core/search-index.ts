/**
 * The MiniSearch index over passages: how it is built, serialized for the
 * bundle and loaded back.
 *
 * Passages are indexed under a numeric id (their position in the brief
 * order), with three fields: the brief title, the section heading and the
 * passage text. Nothing is stored in MiniSearch itself: the passage text
 * lives in the briefs, which the answerer reads directly.
 * @module
 */
import MiniSearch, { type Options } from 'minisearch';
import { IndexError } from './errors.js';
import { analyze } from './text.js';
import type { Brief, Passage } from './types.js';

/** What MiniSearch indexes for one passage. */
interface IndexedPassage {
  id: number;
  title: string;
  section: string;
  text: string;
}

export const FIELDS = ['title', 'section', 'text'] as const;

/** The MiniSearch options; `loadJSON` must be given the very same ones. */
export const MINISEARCH_OPTIONS: Options<IndexedPassage> = {
  fields: [...FIELDS],
  storeFields: [],
  // Documents are analysed as a whole (variants, stop words, stemming) by our own pipeline.
  tokenize: (text) => analyze(text),
  processTerm: (term) => term,
};

/** A loaded index: MiniSearch plus the passages its numeric ids point to. */
export interface SearchIndex {
  mini: MiniSearch<IndexedPassage>;
  /** `passages[id]` is the passage MiniSearch calls `id`. */
  passages: Passage[];
  /** The brief of each passage, same order. */
  briefOfPassage: Brief[];
  /** 0 (oldest or undated) … 1 (newest): recency of each passage's brief. */
  recency: Float32Array;
  /** Total passage count, for IDF. */
  documentCount: number;
}

/** The serialized MiniSearch index (the object form of `toJSON`). */
export type SerializedIndex = ReturnType<MiniSearch['toJSON']>;

/** Build the index from parsed briefs. */
export function buildSearchIndex(briefs: Brief[]): SearchIndex {
  const mini = new MiniSearch<IndexedPassage>(MINISEARCH_OPTIONS);
  const shell = describe(briefs, mini);
  mini.addAll(
    shell.passages.map((p, id) => ({ id, title: shell.briefOfPassage[id]!.title, section: p.section ?? '', text: p.text })),
  );
  return { ...shell, documentCount: mini.documentCount };
}

/** The JSON-safe form to bundle. */
export function serializeSearchIndex(index: SearchIndex): SerializedIndex {
  return index.mini.toJSON();
}

/** Load a serialized index back, given the same briefs it was built from. */
export function loadSearchIndex(data: SerializedIndex, briefs: Brief[]): SearchIndex {
  let mini: MiniSearch<IndexedPassage>;
  try {
    mini = MiniSearch.loadJS<IndexedPassage>(data, MINISEARCH_OPTIONS);
  } catch (err) {
    throw new IndexError(`Briefbot: the bundled index cannot be loaded (${(err as Error).message}); run "npm run build:index" again`);
  }
  const shell = describe(briefs, mini);
  if (mini.documentCount !== shell.passages.length) {
    throw new IndexError(
      `Briefbot: the index holds ${mini.documentCount} passages but the briefs have ${shell.passages.length}; run "npm run build:index" again`,
    );
  }
  return { ...shell, documentCount: mini.documentCount };
}

function describe(briefs: Brief[], mini: MiniSearch<IndexedPassage>) {
  const passages: Passage[] = [];
  const briefOfPassage: Brief[] = [];
  for (const b of briefs) {
    for (const p of b.passages) {
      passages.push(p);
      briefOfPassage.push(b);
    }
  }
  // Recency by rank among distinct dates, so one old outlier does not squash the rest.
  const dates = [...new Set(briefs.map((b) => b.date).filter((d): d is string => !!d))].sort();
  const rank = new Map(dates.map((d, i) => [d, dates.length > 1 ? i / (dates.length - 1) : 1]));
  const recency = Float32Array.from(briefOfPassage, (b) => (b.date ? rank.get(b.date)! : 0));
  return { mini, passages, briefOfPassage, recency };
}

/**
 * Number of passages whose text contains `term` (0 when unknown).
 * Reads MiniSearch's term map, which it does not expose publicly; the
 * MiniSearch version is pinned so this stays valid.
 */
export function documentFrequency(index: SearchIndex, term: string): number {
  const internals = index.mini as unknown as { _index: { get(t: string): Map<number, Map<number, number>> | undefined }; _fieldIds: Record<string, number> };
  const fields = internals._index.get(term);
  if (!fields) return 0;
  let df = 0;
  for (const [, docs] of fields) df = Math.max(df, docs.size);
  return df;
}

/** BM25 inverse document frequency, as MiniSearch computes it. */
export function idf(index: SearchIndex, term: string): number {
  const n = index.documentCount;
  const df = documentFrequency(index, term);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

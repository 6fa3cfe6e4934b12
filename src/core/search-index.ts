/**
 * The MiniSearch index over passages: how it is built, serialized for the
 * bundle and loaded back.
 *
 * Passages are indexed under a numeric id (their position in the brief
 * order), with three fields: the brief title, the section heading and the
 * passage text. MiniSearch runs at build time only (`indexer.ts`): its index
 * is packed (`packed/writer.ts`) with the passage text, and searched at run
 * time by a searcher that scores as MiniSearch does (`packed/search.ts`) that decodes
 * only the postings and passages a query touches. This module holds the
 * run-time side and imports nothing of MiniSearch but its types.
 * @module
 */
import type { Options } from 'minisearch';
import { part, readHeader } from './packed/format.js';
import { PassageStore, unpackBriefs } from './packed/passages.js';
import { BufferSource, PackedTables, type PackedSource } from './packed/reader.js';
import { PackedSearcher } from './packed/search.js';
import type { Vocabulary } from './lang/compound.js';
import { langOf, type Lang } from './lang/detect.js';
import type { Lexicon } from './lexicon.js';
import { Synonyms } from './synonyms.js';
import { analyze } from './text.js';
import type { Brief, Passage } from './types.js';

/** What MiniSearch indexes for one passage. */
export interface IndexedPassage {
  id: number;
  title: string;
  section: string;
  text: string;
}

const FIELDS = ['title', 'section', 'text'] as const;

/** The MiniSearch options; `loadJSON` must be given the very same ones. */
export const MINISEARCH_OPTIONS: Options<IndexedPassage> = {
  fields: [...FIELDS],
  storeFields: [],
  // Documents are analysed as a whole (variants, stop words, stemming) by our own pipeline.
  tokenize: (text) => analyze(text),
  processTerm: (term) => term,
};

/** A loaded index: the searcher plus the passages its numeric ids point to. */
export interface SearchIndex {
  /** BM25 search over the packed index, scored as MiniSearch scores (see `packed/search.ts`). */
  searcher: PackedSearcher;
  /** `passages[id]` is the passage the searcher calls `id` (text decoded when read). */
  passages: Passage[];
  /** Position (in brief order) of each passage's brief. */
  briefOfDoc: Uint32Array;
  /** 0 (oldest or undated) … 1 (newest): recency of each passage's brief. */
  recency: Float32Array;
  /** Total passage count, for IDF. */
  documentCount: number;
  /** General-English relations and background word frequencies (see `lexicon.ts`). */
  lexicon: Lexicon;
  /** Analysis language of each brief (by position), from its `lang` (see `lang/detect.ts`). */
  briefLang: Lang[];
  /** The collection's languages, most briefs first: a question's language is chosen among them. */
  languages: Lang[];
  /** Does the index hold this term? (How a question's or a sentence's compound words find their pieces.) */
  known: Vocabulary;
  /** The newsroom's synonyms (`synonyms.txt` beside the briefs; none when it has none). */
  synonyms: Synonyms;
}

/** The serialized index: the packed bytes (see `packed/format.ts`). */
export type SerializedIndex = Uint8Array;

/** A loaded index with its briefs and the build's `meta`. */
export interface OpenedIndex {
  index: SearchIndex;
  briefs: Brief[];
  meta: unknown;
}

/** Open a packed buffer: parses the header and small tables; postings and text stay encoded. */
export function loadSearchIndex(data: Uint8Array | ArrayBuffer, lexicon: Lexicon): OpenedIndex {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const header = readHeader(bytes);
  const tables = new PackedTables(header, part(bytes, header, 'terms'), part(bytes, header, 'fieldLength'));
  return openIndex(tables, new BufferSource(bytes, header), lexicon);
}

/** Assemble a {@link SearchIndex} over packed tables and a postings/text source (bundled or sharded). */
export function openIndex(tables: PackedTables, source: PackedSource, lexicon: Lexicon): OpenedIndex {
  const header = tables.header;
  const store = new PassageStore(header, source);
  const { briefs, passages } = unpackBriefs(header, store);
  const searcher = new PackedSearcher(tables, source);
  const recency = recencyOf(briefs, tables.briefStart, header.documentCount);
  const briefOfDoc = new Uint32Array(header.documentCount);
  briefs.forEach((_, i) => briefOfDoc.fill(i, tables.briefStart[i]!, tables.briefStart[i + 1]!));
  const briefLang = briefs.map((b) => langOf(b.lang));
  const count = new Map<Lang, number>();
  for (const l of briefLang) count.set(l, (count.get(l) ?? 0) + 1);
  const languages = [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)!);
  return {
    index: {
      searcher,
      passages,
      briefOfDoc,
      recency,
      documentCount: header.documentCount,
      lexicon,
      briefLang,
      languages,
      known: (term) => tables.dictionary.termIndex(term) >= 0,
      synonyms: new Synonyms(header.synonyms ?? []),
    },
    briefs,
    meta: header.meta,
  };
}

/** 0 (oldest or undated) … 1 (newest) per passage: rank among distinct dates, so one old outlier does not squash the rest. */
function recencyOf(briefs: Brief[], briefStart: Uint32Array, n: number): Float32Array {
  const dates = [...new Set(briefs.map((b) => b.date).filter((d): d is string => !!d))].sort();
  const rank = new Map(dates.map((d, i) => [d, dates.length > 1 ? i / (dates.length - 1) : 1]));
  const recency = new Float32Array(n);
  briefs.forEach((b, i) => {
    if (b.date) recency.fill(rank.get(b.date)!, briefStart[i]!, briefStart[i + 1]!);
  });
  return recency;
}

/** Number of passages whose field holds `term` (largest over fields, as MiniSearch counts it; 0 when unknown). */
export function documentFrequency(index: SearchIndex, term: string): number {
  return index.searcher.documentFrequency(term);
}

/** BM25 inverse document frequency, as MiniSearch computes it. */
export function idf(index: SearchIndex, term: string): number {
  return idfOf(index.documentCount, documentFrequency(index, term));
}

/** BM25 inverse document frequency of a term `df` of `n` passages hold. */
export function idfOf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

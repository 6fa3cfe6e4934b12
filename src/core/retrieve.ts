/**
 * Passage retrieval: question → ranked passages.
 *
 * The question goes through the same analysis as the briefs (variants, stop
 * words, stemming). Known terms match exactly; a term the index has never
 * seen (a typo, a plural the stemmer missed) may match fuzzily or by prefix.
 * BM25 ranks, field boosts favour the title and section, and a small recency
 * factor breaks near-ties in favour of newer briefs.
 * @module
 */
import { documentFrequency, type SearchIndex } from './search-index.js';
import { analyze } from './text.js';
import type { Passage } from './types.js';

/** Tunable retrieval settings (defaults chosen on the public evaluation sets; see README). */
export interface RetrieveOptions {
  /** Passages to return. */
  k: number;
  /** Field boosts. */
  boost: { title: number; section: number; text: number };
  /** BM25 parameters (MiniSearch's BM25+). */
  bm25: { k: number; b: number; d: number };
  /** Relative weight of recency between otherwise equal matches (0 = off). */
  recency: number;
  /** Unknown terms at least this long are matched fuzzily and by prefix. */
  fuzzyMinLength: number;
}

export const DEFAULT_RETRIEVE_OPTIONS: RetrieveOptions = {
  k: 12,
  boost: { title: 1.5, section: 1, text: 1 },
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  recency: 0.02,
  fuzzyMinLength: 5,
};

export interface Hit {
  passage: Passage;
  /** Index of the passage inside the search index. */
  doc: number;
  score: number;
  /** The question's terms this passage matched (index terms, stemmed). */
  matched: string[];
}

export interface Retrieval {
  /** The question's distinct terms, in order. */
  terms: string[];
  /** Terms with no exact match anywhere in the index. */
  unknown: string[];
  hits: Hit[];
}

/** Rank the passages for a question. */
export function retrieve(index: SearchIndex, question: string, options: Partial<RetrieveOptions> = {}): Retrieval {
  const o = { ...DEFAULT_RETRIEVE_OPTIONS, ...options };
  const terms = [...new Set(analyze(question))];
  const unknown = terms.filter((t) => documentFrequency(index, t) === 0);
  if (terms.length === 0) return { terms, unknown, hits: [] };

  const loose = (term: string) => unknown.includes(term) && term.length >= o.fuzzyMinLength && !/^\d/.test(term);
  const results = index.mini.search(terms.join(' '), {
    tokenize: (q) => q.split(' '),
    processTerm: (t) => t,
    combineWith: 'OR',
    boost: o.boost,
    bm25: o.bm25,
    fuzzy: (term) => (loose(term) ? 0.2 : false),
    prefix: (term) => loose(term),
  });

  const hits: Hit[] = [];
  for (const r of results) {
    const doc = r.id as number;
    hits.push({
      passage: index.passages[doc]!,
      doc,
      score: r.score * (1 + o.recency * index.recency[doc]!),
      matched: r.queryTerms,
    });
  }
  hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return { terms, unknown, hits: hits.slice(0, o.k) };
}

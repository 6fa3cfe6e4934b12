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

/**
 * What a conversation adds to a follow-up question (built by `conversation.ts`):
 * extra terms from the earlier turns, each with a weight below 1, and a boost
 * for the passages of the briefs in focus.
 */
export interface QueryContext {
  /** Extra query term → weight (0–1) relative to the question's own terms. */
  terms: Map<string, number>;
  /** Brief id → score factor (≥ 1) for its passages. */
  focus: Map<string, number>;
}

export interface Retrieval {
  /** The question's distinct terms, in order. */
  terms: string[];
  /** Terms from the conversation and their weights, when a context was given. */
  context?: QueryContext;
  /** Terms with no exact match anywhere in the index. */
  unknown: string[];
  hits: Hit[];
}

/** Rank the passages for a question. */
export function retrieve(
  index: SearchIndex,
  question: string,
  options: Partial<RetrieveOptions> = {},
  context?: QueryContext,
): Retrieval {
  const o = { ...DEFAULT_RETRIEVE_OPTIONS, ...options };
  const terms = [...new Set(analyze(question))];
  const unknown = terms.filter((t) => documentFrequency(index, t) === 0);
  // Conversation terms only add what the question lacks, and only known ones (no fuzzy matching).
  const extra = context ? [...context.terms.keys()].filter((t) => !terms.includes(t) && documentFrequency(index, t) > 0) : [];
  if (terms.length + extra.length === 0) return { terms, unknown, hits: [], ...(context ? { context } : {}) };

  const loose = (term: string) => unknown.includes(term) && term.length >= o.fuzzyMinLength && !/^\d/.test(term);
  const results = index.mini.search([...terms, ...extra].join(' '), {
    ...(context && {
      boostTerm: (term: string) => (terms.includes(term) ? 1 : (context.terms.get(term) ?? 1)),
      boostDocument: (doc: number) => context.focus.get(index.passages[doc]!.briefId) ?? 1,
    }),
    tokenize: (q) => q.split(' '),
    processTerm: (t) => t,
    combineWith: 'OR',
    boost: o.boost,
    bm25: o.bm25,
    fuzzy: (term) => (loose(term) ? 0.2 : false),
    prefix: (term) => loose(term),
  });

  // MiniSearch multiplies a result's score by the number of query terms it matched;
  // a conversation's terms count there by their weight only, like in the sum.
  const quality = (r: { score: number; queryTerms: string[] }) =>
    context ? (r.score / r.queryTerms.length) * r.queryTerms.reduce((s, t) => s + (terms.includes(t) ? 1 : (context.terms.get(t) ?? 1)), 0) : r.score;
  const byScore = (a: Hit, b: Hit) => b.score - a.score || a.doc - b.doc;
  // Without a context, `results` come best score first and recency lifts a score by at most `lift`:
  // once a score cannot reach the k-th best so far, no later one can (same hits as sorting them all).
  const lift = Math.max(1, 1 + o.recency);
  let floor = -Infinity;
  const hits: Hit[] = [];
  for (const r of results) {
    if (!context && r.score * lift < floor) break;
    const doc = r.id as number;
    hits.push({
      passage: index.passages[doc]!,
      doc,
      score: quality(r) * (1 + o.recency * index.recency[doc]!),
      matched: r.queryTerms,
    });
    if (!context && hits.length === 2 * o.k) {
      hits.sort(byScore);
      hits.length = o.k;
      floor = hits[o.k - 1]!.score;
    }
  }
  hits.sort(byScore);
  return { terms, unknown, hits: hits.slice(0, o.k), ...(context ? { context } : {}) };
}

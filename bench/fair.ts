/**
 * The bench's fair baseline: MiniSearch as Briefbot would use it without the
 * packed index. Same analysis as our index (`MINISEARCH_OPTIONS`: our
 * tokenizer with variants, stop words and stemming; fields title, section,
 * text), no stored fields, and the passage text kept apart from the index,
 * decoded only for the passages a query returns. Queries run with the
 * production retrieval's MiniSearch options (`DEFAULT_RETRIEVE_OPTIONS`: OR,
 * boosts, BM25 parameters, fuzzy and prefix matching only for terms the index
 * does not hold).
 *
 * The bytes: `u32 jsonLength`, `u32 passages`, `passages + 1` u32 text
 * offsets (little-endian), the index as `JSON.stringify(miniSearch)`, then
 * the passage text (UTF-8, back to back). Loading decodes the JSON and calls
 * `MiniSearch.loadJSON`; the text stays bytes.
 *
 * This module runs in Node (the bench) and in the bench's Worker for this
 * variant, so it imports nothing of Node.
 * @module
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { DEFAULT_RETRIEVE_OPTIONS } from '../src/core/retrieve.js';
import { MINISEARCH_OPTIONS, type IndexedPassage } from '../src/core/search-index.js';
import { analyze } from '../src/core/text.js';
import type { Brief } from '../src/core/types.js';

/** Passages a query returns (production retrieval's `k`), and how many of them have their text read. */
export const FAIR_K = DEFAULT_RETRIEVE_OPTIONS.k;
export const FAIR_TEXTS = 3;

/** Index the briefs as `indexer.ts` does, keep the text apart, and serialize both. */
export function packFair(briefs: Brief[]): Uint8Array {
  const mini = new MiniSearch<IndexedPassage>(MINISEARCH_OPTIONS);
  const passages = briefs.flatMap((b) => b.passages.map((p) => ({ p, title: b.title })));
  mini.addAll(passages.map(({ p, title }, id) => ({ id, title, section: p.section ?? '', text: p.text })));
  const json = new TextEncoder().encode(JSON.stringify(mini));
  const texts = passages.map(({ p }) => new TextEncoder().encode(p.text));
  const head = 8 + 4 * (texts.length + 1);
  const textBytes = texts.reduce((n, t) => n + t.length, 0);
  const out = new Uint8Array(head + json.length + textBytes);
  const view = new DataView(out.buffer);
  view.setUint32(0, json.length, true);
  view.setUint32(4, texts.length, true);
  let at = 0;
  texts.forEach((t, i) => {
    view.setUint32(8 + 4 * i, at, true);
    out.set(t, head + json.length + at);
    at += t.length;
  });
  view.setUint32(8 + 4 * texts.length, at, true);
  out.set(json, head);
  return out;
}

export interface FairHit {
  id: number;
  score: number;
  /** The passage's text, for the first {@link FAIR_TEXTS} hits. */
  text?: string;
}

export interface FairIndex {
  documentCount: number;
  /** The production retrieval's MiniSearch query, top {@link FAIR_K}, the best ones' text decoded. */
  search(question: string): FairHit[];
  /** A passage's text, decoded from the bytes. */
  text(id: number): string;
}

/** Open what {@link packFair} wrote. */
export function openFair(data: Uint8Array | ArrayBuffer): FairIndex {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(0, true);
  const count = view.getUint32(4, true);
  const head = 8 + 4 * (count + 1);
  const decoder = new TextDecoder();
  const mini = MiniSearch.loadJSON<IndexedPassage>(decoder.decode(bytes.subarray(head, head + jsonLength)), MINISEARCH_OPTIONS);
  // MiniSearch has no public "does the index hold this term?"; its term map does (minisearch 7.2, pinned).
  const terms = (mini as unknown as { _index: { has(term: string): boolean } })._index;
  const textStart = head + jsonLength;
  const text = (id: number) => decoder.decode(bytes.subarray(textStart + view.getUint32(8 + 4 * id, true), textStart + view.getUint32(12 + 4 * id, true)));
  const o = DEFAULT_RETRIEVE_OPTIONS;
  return {
    documentCount: mini.documentCount,
    text,
    search(question) {
      const own = [...new Set(analyze(question))];
      if (own.length === 0) return [];
      // As `retrieve()`: unknown terms of some length match fuzzily and by prefix, known ones exactly.
      const loose = (term: string) => !terms.has(term) && term.length >= o.fuzzyMinLength && !/^\d/.test(term);
      const results: SearchResult[] = mini.search(own.join(' '), {
        tokenize: (q) => q.split(' '),
        processTerm: (t) => t,
        combineWith: 'OR',
        boost: o.boost,
        bm25: o.bm25,
        fuzzy: (term) => (loose(term) ? 0.2 : false),
        prefix: (term) => loose(term),
      });
      return results.slice(0, FAIR_K).map((r, i) => ({ id: r.id as number, score: r.score, ...(i < FAIR_TEXTS && { text: text(r.id as number) }) }));
    },
  };
}

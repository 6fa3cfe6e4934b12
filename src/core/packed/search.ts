/**
 * MiniSearch's `search`, over the packed index.
 *
 * Same query semantics and the same scores as MiniSearch 7.2.0 (BM25+, field
 * boosts, prefix and fuzzy expansion with their weights, OR/AND/AND_NOT,
 * `boostTerm`, `boostDocument`, `filter`), computed in the same order of
 * floating-point operations, so rankings match. Differences: prefix and
 * fuzzy expansions are visited in term order rather than MiniSearch's
 * radix-tree order (a sum of three or more expansions can differ in the last
 * bit), `queryTerms` arrays are shared between results (do not mutate them),
 * and `terms`/`match` are computed when first read.
 * @module
 */
import type { SearchOptions, SearchResult } from 'minisearch';
import { VarintReader } from '../bytes.js';
import { blockFrequency, eachPosting, fieldPostings } from './postings.js';
import type { PackedSource, PackedTables } from './reader.js';

type Tokenize = (text: string, field?: string) => string[];
type ProcessTerm = (term: string, field?: string) => string | string[] | null | undefined | false;

interface QuerySpec {
  term: string;
  fuzzy: boolean | number;
  prefix: boolean;
  termBoost: number;
}

const DEFAULT_BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const DEFAULT_WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };

/** A derived term that contributed to the last search (for lazy `match`). */
interface Expansion {
  source: string;
  term: number;
}

/** What `search` returns: MiniSearch's result shape. */
class PackedResult {
  constructor(
    private readonly searcher: PackedSearcher,
    private readonly expansions: Expansion[],
    readonly id: number,
    readonly score: number,
    readonly queryTerms: string[],
  ) {}

  get match(): Record<string, string[]> {
    return this.searcher.matchOf(this.id, this.expansions, this.queryTerms);
  }

  get terms(): string[] {
    return Object.keys(this.match);
  }

  toJSON() {
    return { id: this.id, score: this.score, terms: this.terms, queryTerms: this.queryTerms, match: this.match };
  }
}

export class PackedSearcher {
  /** Scratch space reused by every search (a Worker isolate runs one request at a time per search). */
  private readonly acc: Float64Array;
  private readonly part: Float64Array;
  private readonly accStamp: Uint32Array;
  private readonly partStamp: Uint32Array;
  private readonly mask: Uint32Array;
  private epoch = 0;

  constructor(
    readonly tables: PackedTables,
    readonly source: PackedSource,
    private readonly tokenize: Tokenize,
    private readonly processTerm: ProcessTerm,
  ) {
    const n = tables.header.documentCount;
    this.acc = new Float64Array(n);
    this.part = new Float64Array(n);
    this.accStamp = new Uint32Array(n);
    this.partStamp = new Uint32Array(n);
    this.mask = new Uint32Array(n);
  }

  get documentCount(): number {
    return this.tables.header.documentCount;
  }

  /** Passages whose field holds `term` (largest over fields), 0 when unknown. */
  documentFrequency(term: string): number {
    const t = this.tables.dictionary.termIndex(term);
    return t < 0 ? 0 : blockFrequency(this.source.postings(t), this.tables.header.briefLevel);
  }

  /** The term positions a query spec expands to, with their weights, in scoring order. */
  private expand(spec: QuerySpec, maxFuzzy: number, weights: { fuzzy: number; prefix: number }): { term: number; weight: number }[] {
    const tables = this.tables;
    const out: { term: number; weight: number }[] = [];
    const exact = tables.dictionary.termIndex(spec.term);
    if (exact >= 0) out.push({ term: exact, weight: 1 });
    const prefixed: number[] = [];
    if (spec.prefix) {
      const [from, to] = tables.dictionary.prefixRange(spec.term);
      for (let t = from; t < to; t++) {
        const len = tables.dictionary.termAt(t).length;
        const distance = len - spec.term.length;
        if (!distance) continue;
        prefixed.push(t);
        out.push({ term: t, weight: (weights.prefix * len) / (len + 0.3 * distance) });
      }
    }
    if (spec.fuzzy) {
      const fuzzy = spec.fuzzy === true ? 0.2 : spec.fuzzy;
      const maxDistance = fuzzy < 1 ? Math.min(maxFuzzy, Math.round(spec.term.length * fuzzy)) : fuzzy;
      if (maxDistance) {
        const skip = new Set(prefixed);
        for (const [t, distance] of tables.dictionary.fuzzy(spec.term, maxDistance)) {
          if (!distance || skip.has(t)) continue;
          const len = tables.dictionary.termAt(t).length;
          out.push({ term: t, weight: (weights.fuzzy * len) / (len + distance) });
        }
      }
    }
    return out;
  }

  /** The distinct, processed query terms `search` would use. */
  queryTerms(query: string, options: SearchOptions = {}): string[] {
    const tokenize = (options.tokenize as Tokenize | undefined) ?? this.tokenize;
    const processTerm = (options.processTerm as ProcessTerm | undefined) ?? this.processTerm;
    return tokenize(query)
      .flatMap((term) => processTerm(term) || [])
      .filter((term): term is string => !!term);
  }

  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const terms = this.queryTerms(query, options);
    const specs: QuerySpec[] = terms.map((term, i) => ({
      term,
      fuzzy: typeof options.fuzzy === 'function' ? options.fuzzy(term, i, terms) : options.fuzzy || false,
      prefix: typeof options.prefix === 'function' ? options.prefix(term, i, terms) : options.prefix === true,
      termBoost: typeof options.boostTerm === 'function' ? options.boostTerm(term, i, terms) : 1,
    }));
    const { header } = this.tables;
    const fieldIds: Record<string, number> = Object.fromEntries(header.fields.map((f, i) => [f, i]));
    const F = header.fields.length;
    const fields = options.fields ?? header.fields;
    const boosts = fields.map((field) => ({
      fieldId: Object.hasOwn(fieldIds, field) ? fieldIds[field]! : -1,
      name: field,
      boost: (options.boost && Object.hasOwn(options.boost, field) ? options.boost[field] : 0) || 1,
    }));
    const { k, b, d } = options.bm25 ?? DEFAULT_BM25;
    const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
    const maxFuzzy = options.maxFuzzy ?? 6;
    const combineWith = (options.combineWith ?? 'OR').toLowerCase();
    if (combineWith !== 'or' && combineWith !== 'and' && combineWith !== 'and_not') {
      throw new Error(`Invalid combination operator: ${options.combineWith}`);
    }
    const boostDocument = options.boostDocument;
    const N = header.documentCount;
    const avg = header.avgFieldLength;
    const lengths = this.tables.lengths;
    const { briefStart } = this.tables;
    const briefLevel = header.briefLevel;
    const { acc, part, accStamp, partStamp, mask } = this;
    const unique = [...new Set(terms)];
    const bitOf = new Map(unique.map((t, i) => [t, i]));
    const wide = unique.length > 32;
    const wideTerms: (string[] | undefined)[] = [];

    if (this.epoch > 0xfffffff0) {
      accStamp.fill(0);
      partStamp.fill(0);
      this.epoch = 0;
    }
    let accEpoch = ++this.epoch;
    let order: number[] = [];
    const expansions: Expansion[] = [];

    const expanded = specs.map((spec) => this.expand(spec, maxFuzzy, weights));
    this.source.require?.(expanded.flatMap((list) => list.map((e) => e.term)));
    specs.forEach((spec, qi) => {
      const partEpoch = ++this.epoch;
      const partOrder: number[] = [];
      for (const { term: t, weight: termWeight } of expanded[qi]!) {
        expansions.push({ source: spec.term, term: t });
        const block = this.source.postings(t);
        const lists = fieldPostings(block, briefLevel);
        const derived = boostDocument ? this.tables.dictionary.termAt(t) : '';
        for (const { fieldId, boost: fieldBoost } of boosts) {
          if (fieldId < 0) continue;
          const list = lists[fieldId]!;
          if (list.count === 0) continue;
          const matching = list.count;
          const avgLength = avg[fieldId]!;
          const perBrief = briefLevel[fieldId]!;
          const fieldLengths = lengths[fieldId]!;
          // Loop-invariant parts of MiniSearch's expressions, computed exactly as it does.
          const invDocFreq = Math.log(1 + (N - matching + 0.5) / (matching + 0.5));
          const boostProduct = termWeight * spec.termBoost * fieldBoost;
          // The posting format is `eachPosting`'s (postings.ts), decoded inline here:
          // this is the query hot path, and a callback per posting costs measurably.
          const r = new VarintReader(block, list.pos);
          let id = -1;
          for (let i = 0; i < list.entries; i++) {
            const v = r.next();
            id += Math.floor(v / 2);
            const termFreq = v & 1 ? r.next() : 1;
            const last = perBrief ? briefStart[id + 1]! : id + 1;
            for (let doc = perBrief ? briefStart[id]! : id; doc < last; doc++) {
              const docBoost = boostDocument ? boostDocument(doc, derived, {}) : 1;
              if (!docBoost) continue;
              const length = fieldLengths[perBrief ? id : doc]!;
              // MiniSearch's calcBM25Score and weighting, operation for operation.
              const raw = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * length) / avgLength)));
              const weighted = boostProduct * docBoost * raw;
              if (partStamp[doc] !== partEpoch) {
                partStamp[doc] = partEpoch;
                part[doc] = weighted;
                partOrder.push(doc);
              } else {
                part[doc] = part[doc]! + weighted;
              }
            }
          }
        }
      }
      const bit = bitOf.get(spec.term)!;
      if (qi === 0) {
        for (const doc of partOrder) {
          accStamp[doc] = accEpoch;
          acc[doc] = part[doc]!;
          if (wide) wideTerms[doc] = [spec.term];
          else mask[doc] = 1 << bit;
        }
        order = partOrder;
        return;
      }
      if (combineWith === 'or') {
        for (const doc of partOrder) {
          if (accStamp[doc] !== accEpoch) {
            accStamp[doc] = accEpoch;
            acc[doc] = part[doc]!;
            if (wide) wideTerms[doc] = [spec.term];
            else mask[doc] = 1 << bit;
            order.push(doc);
          } else {
            acc[doc] = acc[doc]! + part[doc]!;
            if (wide) {
              if (!wideTerms[doc]!.includes(spec.term)) wideTerms[doc]!.push(spec.term);
            } else mask[doc]! |= 1 << bit;
          }
        }
      } else if (combineWith === 'and') {
        const next: number[] = [];
        const nextEpoch = ++this.epoch;
        for (const doc of partOrder) {
          if (accStamp[doc] !== accEpoch) continue;
          acc[doc] = acc[doc]! + part[doc]!;
          if (wide) {
            if (!wideTerms[doc]!.includes(spec.term)) wideTerms[doc]!.push(spec.term);
          } else mask[doc]! |= 1 << bit;
          next.push(doc);
        }
        for (const doc of next) accStamp[doc] = nextEpoch;
        accEpoch = nextEpoch;
        order = next;
      } else {
        for (const doc of partOrder) if (accStamp[doc] === accEpoch) accStamp[doc] = 0;
        order = order.filter((doc) => accStamp[doc] === accEpoch);
      }
    });

    // Matched query terms, in query order; arrays shared by equal sets.
    const termLists = new Map<number, string[]>();
    const termsOf = (doc: number): string[] => {
      if (wide) return wideTerms[doc] ?? [];
      const m = mask[doc]!;
      let list = termLists.get(m);
      if (!list) {
        list = [];
        // Order of first match = query order of the terms, as MiniSearch's OR/AND merges give.
        for (const spec of specs) {
          const bit = 1 << bitOf.get(spec.term)!;
          if (m & bit && !list.includes(spec.term)) list.push(spec.term);
        }
        termLists.set(m, list);
      }
      return list;
    };

    const results: SearchResult[] = [];
    const filter = options.filter;
    for (const doc of order) {
      const queryTerms = termsOf(doc);
      const quality = queryTerms.length || 1;
      const result = new PackedResult(this, expansions, doc, acc[doc]! * quality, queryTerms) as unknown as SearchResult;
      if (!filter || filter(result)) results.push(result);
    }
    return sortByScore(results);
  }

  /** `match` of one result: the derived terms it matched and in which fields. */
  matchOf(doc: number, expansions: Expansion[], queryTerms: string[]): Record<string, string[]> {
    const { header, briefStart } = this.tables;
    const match: Record<string, string[]> = {};
    for (const { source, term } of expansions) {
      if (!queryTerms.includes(source)) continue;
      const block = this.source.postings(term);
      const lists = fieldPostings(block, header.briefLevel);
      header.fields.forEach((field, fieldId) => {
        let found = false;
        eachPosting(block, lists[fieldId]!, header.briefLevel[fieldId]!, briefStart, (d) => (found ||= d === doc));
        if (found) (match[this.tables.dictionary.termAt(term)] ??= []).push(field);
      });
    }
    return match;
  }
}

/**
 * Stable sort by score, best first: what MiniSearch's `results.sort(byScore)`
 * gives, in linear time (LSD radix sort on the scores' IEEE-754 bits, which
 * order like the numbers when they are positive). Falls back to the
 * comparator sort when a score is negative, zero or NaN.
 */
export function sortByScore<T extends { score: number }>(results: T[]): T[] {
  const n = results.length;
  if (n < 64) return results.sort((x, y) => y.score - x.score);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = results[i]!.score;
    if (!(s > 0) || s === Infinity) return results.sort((x, y) => y.score - x.score);
    keys[i] = s;
  }
  const words = new Uint32Array(keys.buffer);
  let idx = new Uint32Array(n);
  let tmp = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const count = new Uint32Array(257);
  // 8 passes of 8 bits, least significant first; descending = sort ascending on inverted bits.
  for (let pass = 0; pass < 8; pass++) {
    const word = pass < 4 ? 0 : 1;
    const shift = (pass % 4) * 8;
    count.fill(0);
    for (let i = 0; i < n; i++) count[((~words[idx[i]! * 2 + word]! >>> shift) & 0xff) + 1]!++;
    if (count[1 + ((~words[idx[0]! * 2 + word]! >>> shift) & 0xff)] === n) continue; // all equal in this byte
    for (let b = 0; b < 256; b++) count[b + 1]! += count[b]!;
    for (let i = 0; i < n; i++) {
      const id = idx[i]!;
      tmp[count[(~words[id * 2 + word]! >>> shift) & 0xff]!++] = id;
    }
    [idx, tmp] = [tmp, idx];
  }
  const sorted = new Array<T>(n);
  for (let i = 0; i < n; i++) sorted[i] = results[idx[i]!]!;
  return sorted;
}

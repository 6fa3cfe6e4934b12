/**
 * Search over the packed index: what retrieval (`../retrieve.ts`) asks of it,
 * and nothing more.
 *
 * Scores are MiniSearch 7.2.0's BM25+ for an OR query (field boosts, prefix
 * and fuzzy expansion of a term with MiniSearch's default weights), computed
 * in the same order of floating-point operations, with one difference by
 * design: where MiniSearch multiplies a result's score by the number of query
 * terms it matched, this multiplies it by their total weight (a term of
 * weight 1 counts 1, as in MiniSearch; a related or conversation term counts
 * its weight, as it does in the sum). Prefix and fuzzy expansions are visited
 * in term order rather than MiniSearch's radix-tree order (a sum of three or
 * more expansions can differ in the last bit). MiniSearch stays the oracle:
 * `tests/node/packed-index.test.ts` compares the two.
 * @module
 */
import { VarintReader } from '../bytes.js';
import { Memo } from '../memo.js';
import { blockFrequency, fieldPostings } from './postings.js';
import type { PackedSource, PackedTables } from './reader.js';

/** One term of a query. */
export interface TermQuery {
  /** An index term (already analysed). */
  term: string;
  /** Weight against the question's own terms (1): multiplies the term's BM25 and counts this much in the result's quality. */
  weight: number;
  /** Also match the terms it is a prefix of, and terms within 20 % of its length in edits (at most 6): for a word the index lacks. */
  loose: boolean;
}

export interface SearchSettings {
  /** Field boosts by field name (a field not named, or boosted 0, weighs 1). */
  boost: Readonly<Record<string, number>>;
  /** BM25+ parameters. */
  bm25: { k: number; b: number; d: number };
}

/** A passage that matched at least one query term. */
export interface Match {
  /** Passage position in the index. */
  doc: number;
  /** BM25+ summed over the matched terms, times their total weight. */
  score: number;
  /** The query terms it matched, in query order. Shared between matches with the same terms: do not mutate. */
  terms: string[];
}

/** MiniSearch's default weights of a prefix and a fuzzy expansion, and its fuzziness cap. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const FUZZINESS = 0.2;
const MAX_FUZZY = 6;
/** Document frequencies remembered per searcher. */
const FREQUENCY_CACHE_SIZE = 4096;

export class PackedSearcher {
  /** Scratch space reused by every search (a Worker isolate runs one request at a time per search). */
  private readonly acc: Float64Array;
  private readonly part: Float64Array;
  private readonly accStamp: Uint32Array;
  private readonly partStamp: Uint32Array;
  /** Per passage: its node in the tree of matched-term lists (valid where `accStamp` is current). */
  private readonly listOf: Uint32Array;
  /** The passages matched so far, in order of first match, and those of the term being read. */
  private readonly order: Uint32Array;
  private readonly partOrder: Uint32Array;
  /** The scores of the passages matched, in order of first match, and a copy the cut is chosen in. */
  private readonly scores: Float64Array;
  private readonly select: Float64Array;
  private epoch = 0;
  /** The matches {@link searchTransient} reuses, and the array it returns them in, best first. */
  private readonly kept: Match[] = [];
  private readonly sorted: Match[] = [];
  private readonly fieldIds: Map<string, number>;
  /** Per field: BM25 length normalisation by length, for the last parameters searched with. */
  private readonly norms: ({ k: number; b: number; norm: Float64Array } | undefined)[] = [];
  /** Term id → document frequency, for the terms asked about most recently. */
  private readonly frequencies = new Memo<number, number>(FREQUENCY_CACHE_SIZE);
  private readonly readFrequency = (t: number): number => blockFrequency(this.source.postings(t), this.tables.header.briefLevel);
  /** Term id → passages whose text holds it. */
  private readonly textFrequencies = new Memo<number, number>(FREQUENCY_CACHE_SIZE);
  private readonly readTextFrequency = (t: number): number => fieldPostings(this.source.postings(t), this.tables.header.briefLevel).at(-1)!.count;

  constructor(
    readonly tables: PackedTables,
    readonly source: PackedSource,
  ) {
    const n = tables.header.documentCount;
    this.acc = new Float64Array(n);
    this.part = new Float64Array(n);
    this.accStamp = new Uint32Array(n);
    this.partStamp = new Uint32Array(n);
    this.listOf = new Uint32Array(n);
    this.order = new Uint32Array(n);
    this.partOrder = new Uint32Array(n);
    this.scores = new Float64Array(n);
    this.select = new Float64Array(n);
    this.fieldIds = new Map(tables.header.fields.map((f, i) => [f, i]));
  }

  /**
   * Passages whose field holds `term` (largest over fields, as MiniSearch counts it), 0 when unknown.
   * Remembered per term: an answer asks it of the same few terms dozens of times, and reading it means
   * stepping over the term's title and section lists.
   */
  documentFrequency(term: string): number {
    const t = this.tables.dictionary.termIndex(term);
    return t < 0 ? 0 : this.frequencies.get(t, this.readFrequency);
  }

  /** Passages whose text (the last field) holds `term`; remembered per term as {@link documentFrequency} is. */
  textFrequency(term: string): number {
    const t = this.tables.dictionary.termIndex(term);
    return t < 0 ? 0 : this.textFrequencies.get(t, this.readTextFrequency);
  }

  /**
   * BM25's length normalisation of one field, `k * (1 - b + (b * length) / avgLength)`, for every length the
   * field has (computed as the scoring loop would, so scores are the same to the bit); kept for the last `k`, `b`.
   */
  private lengthNorms(fieldId: number, k: number, b: number): Float64Array {
    const kept = this.norms[fieldId];
    if (kept && kept.k === k && kept.b === b) return kept.norm;
    const lengths = this.tables.lengths[fieldId]!;
    const avgLength = this.tables.header.avgFieldLength[fieldId]!;
    let max = 0;
    for (const l of lengths) if (l > max) max = l;
    const norm = new Float64Array(max + 1);
    for (let length = 0; length <= max; length++) norm[length] = k * (1 - b + (b * length) / avgLength);
    this.norms[fieldId] = { k, b, norm };
    return norm;
  }

  /** The terms a query term matches, with the weight of each (exact 1, then prefix, then fuzzy expansions, in term order). */
  private expand(q: TermQuery): { term: number; weight: number }[] {
    const dict = this.tables.dictionary;
    const out: { term: number; weight: number }[] = [];
    const exact = dict.termIndex(q.term);
    if (exact >= 0) out.push({ term: exact, weight: 1 });
    if (!q.loose) return out;
    const [from, to] = dict.prefixRange(q.term);
    for (let t = from; t < to; t++) {
      const len = dict.termAt(t).length;
      const distance = len - q.term.length;
      if (distance) out.push({ term: t, weight: (PREFIX_WEIGHT * len) / (len + 0.3 * distance) });
    }
    const maxDistance = Math.min(MAX_FUZZY, Math.round(q.term.length * FUZZINESS));
    if (maxDistance) {
      for (const [t, distance] of dict.fuzzy(q.term, maxDistance)) {
        if (!distance || (t >= from && t < to)) continue;
        const len = dict.termAt(t).length;
        out.push({ term: t, weight: (FUZZY_WEIGHT * len) / (len + distance) });
      }
    }
    return out;
  }

  /**
   * Passages matching any of `queries` (distinct terms), best score first (ties in order of first match);
   * with `limit`, only the first `limit` of that list (chosen without sorting the rest).
   */
  search(queries: readonly TermQuery[], settings: SearchSettings, limit = Infinity): Match[] {
    return this.run(queries, settings, limit, false) as Match[];
  }

  /**
   * {@link search} for a caller that is done with the results before it searches again: the best
   * `limit` come in Match objects (and an array) that this searcher reuses, valid until its next
   * `searchTransient`. The question path uses it: at 10,000 briefs, 512 fresh matches per question
   * were a sixth of what an answer allocated, and what the collector then spent its pauses on.
   */
  searchTransient(queries: readonly TermQuery[], settings: SearchSettings, limit: number): readonly Match[] {
    return this.run(queries, settings, limit, true);
  }

  private run(queries: readonly TermQuery[], settings: SearchSettings, limit: number, reuse: boolean): readonly Match[] {
    const { header, lengths, briefStart } = this.tables;
    const boosts: { fieldId: number; boost: number }[] = [];
    for (const [fieldId, field] of header.fields.entries()) {
      boosts.push({ fieldId, boost: (Object.hasOwn(settings.boost, field) ? settings.boost[field] : 0) || 1 });
    }
    for (const field of Object.keys(settings.boost)) if (!this.fieldIds.has(field)) throw new Error(`search: no field "${field}" in the index`);
    const { k, b, d } = settings.bm25;
    const N = header.documentCount;
    const briefLevel = header.briefLevel;
    const { acc, part, accStamp, partStamp, listOf, order, partOrder } = this;
    if (new Set(queries.map((q) => q.term)).size !== queries.length) throw new Error('search: query terms must be distinct');

    // Matched-term lists as a tree: node 0 is the empty list, a child appends one term.
    // Terms are added in query order, so each list is in query order and equal lists are one node.
    const nodeTerms: string[][] = [[]];
    const nodeWeight: number[] = [0];
    const child: number[] = [0];
    const childOf: number[] = [-1];

    if (this.epoch > 0xffffff00 - queries.length) {
      accStamp.fill(0);
      partStamp.fill(0);
      this.epoch = 0;
    }
    const accEpoch = ++this.epoch;
    let n = 0;

    const expanded = queries.map((q) => this.expand(q));
    this.source.require?.(expanded.flatMap((list) => list.map((e) => e.term)));
    queries.forEach((q, qi) => {
      const partEpoch = ++this.epoch;
      let parts = 0;
      for (const { term: t, weight: termWeight } of expanded[qi]!) {
        const block = this.source.postings(t);
        const lists = fieldPostings(block, briefLevel);
        for (const { fieldId, boost: fieldBoost } of boosts) {
          const list = lists[fieldId]!;
          if (list.count === 0) continue;
          const matching = list.count;
          const perBrief = briefLevel[fieldId]!;
          const fieldLengths = lengths[fieldId]!;
          // Loop-invariant parts of MiniSearch's expressions, computed exactly as it does.
          const invDocFreq = Math.log(1 + (N - matching + 0.5) / (matching + 0.5));
          const boostProduct = termWeight * q.weight * fieldBoost;
          // `k * (1 - b + (b * length) / avgLength)` by field length: a length is a small integer.
          const norm = this.lengthNorms(fieldId, k, b);
          // The posting format is `eachPosting`'s (postings.ts), decoded inline here:
          // this is the query hot path, and a callback per posting costs measurably.
          const r = new VarintReader(block, list.pos);
          let id = -1;
          for (let i = 0; i < list.entries; i++) {
            const v = r.next();
            id += v >>> 1;
            const termFreq = v & 1 ? r.next() : 1;
            // MiniSearch's calcBM25Score and weighting, operation for operation.
            const weighted = boostProduct * (invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + norm[fieldLengths[id]!]!)));
            const last = perBrief ? briefStart[id + 1]! : id + 1;
            for (let doc = perBrief ? briefStart[id]! : id; doc < last; doc++) {
              if (partStamp[doc] !== partEpoch) {
                partStamp[doc] = partEpoch;
                part[doc] = weighted;
                partOrder[parts++] = doc;
              } else {
                part[doc] = part[doc]! + weighted;
              }
            }
          }
        }
      }
      // Add this term's part to the running sums (in query order, as MiniSearch's OR merge does).
      for (let j = 0; j < parts; j++) {
        const doc = partOrder[j]!;
        let from = 0;
        if (accStamp[doc] !== accEpoch) {
          accStamp[doc] = accEpoch;
          acc[doc] = part[doc]!;
          order[n++] = doc;
        } else {
          acc[doc] = acc[doc]! + part[doc]!;
          from = listOf[doc]!;
        }
        if (childOf[from] !== qi) {
          childOf[from] = qi;
          child[from] = nodeTerms.length;
          nodeTerms.push([...nodeTerms[from]!, q.term]);
          nodeWeight.push(nodeWeight[from]! + q.weight);
          childOf.push(-1);
        }
        listOf[doc] = child[from]!;
      }
    });

    // A match at `list[i]`: a fresh object, or (reusing) the one already there, rewritten.
    const put = (list: Match[], i: number, doc: number, score: number) => {
      const terms = nodeTerms[listOf[doc]!]!;
      const m = reuse ? list[i] : undefined;
      if (!m) list[i] = { doc, score, terms };
      else {
        m.doc = doc;
        m.score = score;
        m.terms = terms;
      }
    };
    const finish = (list: Match[], count: number) => {
      list.length = count;
      return reuse ? sortByScore(list, this.sorted) : sortByScore(list);
    };
    if (n <= limit) {
      const results: Match[] = reuse ? this.kept : new Array(n);
      for (let i = 0; i < n; i++) {
        const doc = order[i]!;
        put(results, i, doc, acc[doc]! * nodeWeight[listOf[doc]!]!);
      }
      return finish(results, n);
    }
    // The best `limit`: every score above the limit-th best, then as many equal to it as fit, in
    // order of first match — the first `limit` of the stable sort, without sorting the rest.
    // (In the scratch arrays: at 10k briefs a question matches up to 60,000 passages, and two fresh
    // arrays that large per question are what the collector then spends its pauses on.)
    const scores = this.scores.subarray(0, n);
    const select = this.select.subarray(0, n);
    for (let i = 0; i < n; i++) {
      const doc = order[i]!;
      select[i] = scores[i] = acc[doc]! * nodeWeight[listOf[doc]!]!;
    }
    const { value: cut, above } = kthLargest(select, limit);
    let ties = limit - above;
    const top: Match[] = reuse ? this.kept : new Array(limit);
    let taken = 0;
    for (let i = 0; i < n && taken < limit; i++) {
      const score = scores[i]!;
      if (score > cut || (score === cut && ties-- > 0)) put(top, taken++, order[i]!, score);
    }
    return finish(top, taken);
  }
}

/**
 * The `k`-th largest of `xs` (1-based; reorders `xs`), and how many are larger
 * than it: quickselect, linear on average.
 */
export function kthLargest(xs: Float64Array, k: number): { value: number; above: number } {
  let lo = 0;
  let hi = xs.length - 1;
  const want = k - 1;
  // Everything before `lo` is larger than the answer, everything after `hi` smaller.
  while (lo < hi) {
    // Median of three as the pivot; partition into > pivot | == | < pivot (descending).
    const mid = (lo + hi) >>> 1;
    const a = xs[lo]!;
    const b = xs[mid]!;
    const c = xs[hi]!;
    const pivot = a > b ? (b > c ? b : a > c ? c : a) : a > c ? a : b > c ? c : b;
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i <= gt) {
      const x = xs[i]!;
      if (x > pivot) {
        xs[i] = xs[lt]!;
        xs[lt++] = x;
        i++;
      } else if (x < pivot) {
        xs[i] = xs[gt]!;
        xs[gt--] = x;
      } else i++;
    }
    if (want < lt) hi = lt - 1;
    else if (want > gt) lo = gt + 1;
    else return { value: pivot, above: lt };
  }
  return { value: xs[lo]!, above: lo };
}

/** Scratch arrays of {@link sortByScore}, grown to the longest list sorted (one sort runs at a time). */
let sortScratch = newSortScratch(1024);
function newSortScratch(n: number) {
  const keys = new Float64Array(n);
  return { keys, words: new Uint32Array(keys.buffer), idx: new Uint32Array(n), tmp: new Uint32Array(n), count: new Uint32Array(257) };
}

/**
 * Stable sort by score, best first: what `results.sort((a, b) => b.score - a.score)`
 * gives, in linear time (LSD radix sort on the scores' IEEE-754 bits, which
 * order like the numbers when they are positive). Falls back to the
 * comparator sort when a score is negative, zero or NaN.
 */
function sortByScore<T extends { score: number }>(results: T[], out: T[] = new Array<T>(results.length)): T[] {
  const n = results.length;
  if (n < 64) return results.sort((x, y) => y.score - x.score);
  if (sortScratch.keys.length < n) sortScratch = newSortScratch(n);
  const { keys, words, count } = sortScratch;
  let { idx, tmp } = sortScratch;
  for (let i = 0; i < n; i++) {
    const s = results[i]!.score;
    if (!(s > 0) || s === Infinity) return results.sort((x, y) => y.score - x.score);
    keys[i] = s;
  }
  for (let i = 0; i < n; i++) idx[i] = i;
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
  out.length = n;
  for (let i = 0; i < n; i++) out[i] = results[idx[i]!]!;
  return out;
}

/**
 * The term dictionary: every index term, sorted by UTF-8 bytes (code point
 * order) and joined with `\n` (the `terms` part). A term's position in this
 * order is its id: the postings of term `t` are the `t`-th block.
 *
 * Lookups binary-search the bytes without decoding them; prefix ranges are
 * contiguous; fuzzy matching walks the sorted list as a trie. The whole list
 * is decoded to strings only when a fuzzy lookup first needs it.
 * @module
 */
import { utf8 } from '../bytes.js';
import { IndexError } from '../errors.js';
import { Memo } from '../memo.js';

/** Compare two byte strings (UTF-8 order = code point order). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** The `terms` part for terms already sorted by {@link compareBytes} of their UTF-8 (no duplicates, no line breaks). */
export function encodeTerms(sorted: readonly string[]): Uint8Array {
  for (const term of sorted) if (term.includes('\n')) throw new IndexError(`packIndex: a term holds a line break: ${JSON.stringify(term)}`);
  return utf8.encode(sorted.join('\n'));
}

/** Term ids remembered per dictionary. */
const ID_CACHE_SIZE = 4096;
/** Fuzzy lookups remembered per dictionary. */
const FUZZY_CACHE_SIZE = 1024;

export class TermDictionary {
  /** Start of each term in the UTF-8 term list (and, at `count`, one past the end of the last plus its separator). */
  private readonly termStart: Uint32Array;
  private decoded: string[] | undefined;
  private walk: { units: Uint16Array; start: Uint32Array; byLength: ({ ids: Uint32Array; lcp: Uint8Array; skip: Uint32Array } | undefined)[] } | undefined;
  /** Results of recent fuzzy lookups (the walk is the dearest step of a search; the same unknown words come back). */
  private readonly fuzzyCache = new Memo<string, [number, number][]>(FUZZY_CACHE_SIZE);
  /** Ids of recently looked-up terms: a question's few terms are looked up again and again. */
  private readonly idCache = new Memo<string, number>(ID_CACHE_SIZE);

  /** A dictionary over any terms (sorted and deduplicated here): for tests and tools. */
  static of(terms: Iterable<string>): TermDictionary {
    const sorted = [...new Set(terms)].map((t) => [t, utf8.encode(t)] as const).sort((a, b) => compareBytes(a[1], b[1]));
    return new TermDictionary(encodeTerms(sorted.map(([t]) => t)), sorted.length);
  }

  constructor(
    private readonly termBytes: Uint8Array,
    readonly count: number,
  ) {
    this.termStart = new Uint32Array(count + 1);
    let at = 0;
    for (let t = 0; t < count; t++) {
      this.termStart[t] = at;
      const nl = termBytes.indexOf(10, at);
      at = nl < 0 ? termBytes.length : nl + 1;
    }
    this.termStart[count] = termBytes.length + 1;
    if (count > 0 && at !== termBytes.length) {
      throw new IndexError('Briefbot: the index term list is corrupt; run "npm run build:index" again');
    }
  }

  /** Every term as a string, in id order (decoded on first use: fuzzy matching walks them all). */
  get terms(): string[] {
    this.decoded ??= this.count === 0 ? [] : utf8.decode(this.termBytes).split('\n');
    return this.decoded;
  }

  /** Term `t` as a string. */
  termAt(t: number): string {
    return this.decoded ? this.decoded[t]! : utf8.decode(this.termBytes.subarray(this.termStart[t]!, this.termStart[t + 1]! - 1));
  }

  private compareAt(t: number, key: Uint8Array): number {
    const a = this.termBytes;
    const from = this.termStart[t]!;
    const len = this.termStart[t + 1]! - 1 - from;
    const n = len < key.length ? len : key.length;
    for (let i = 0; i < n; i++) {
      const d = a[from + i]! - key[i]!;
      if (d !== 0) return d;
    }
    return len - key.length;
  }

  /** First position whose term is ≥ `key` (UTF-8 bytes). */
  private lowerBound(key: Uint8Array): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareAt(mid, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Id of `term`, or -1. */
  termIndex(term: string): number {
    return this.idCache.get(term, this.findId);
  }

  /** {@link termIndex} without the memo: a binary search over the encoded terms. */
  private readonly findId = (term: string): number => {
    const key = utf8.encode(term);
    const i = this.lowerBound(key);
    return i < this.count && this.compareAt(i, key) === 0 ? i : -1;
  };

  /** `[from, to)`: the ids of the terms starting with `prefix` (the term itself included, when present). */
  prefixRange(prefix: string): [number, number] {
    const key = utf8.encode(prefix);
    const from = this.lowerBound(key);
    let to = from;
    while (to < this.count) {
      const start = this.termStart[to]!;
      if (this.termStart[to + 1]! - 1 - start < key.length) break;
      let same = true;
      for (let i = 0; i < key.length && same; i++) same = this.termBytes[start + i] === key[i];
      if (!same) break;
      to++;
    }
    return [from, to];
  }

  /**
   * Every term within Levenshtein distance `max` of `query` (in UTF-16 code
   * units, as JavaScript strings count), as `[id, distance]` in id order (remembered: do not mutate).
   * Walks the sorted list as if it were a trie: rows of the distance matrix
   * are shared between terms with a common prefix, and a prefix whose best
   * row value exceeds `max` skips every term that starts with it.
   */
  fuzzy(query: string, max: number): [number, number][] {
    return this.fuzzyCache.get(`${max}:${query}`, () => this.fuzzyWalk(query, max));
  }

  /**
   * The terms that are `query` with two neighbouring letters swapped ("zeira" for "zeria"), as ids in
   * id order (one exact lookup per pair): a typo that Levenshtein distance counts as two edits.
   */
  transposed(query: string): number[] {
    const out: number[] = [];
    for (let i = 0; i + 1 < query.length; i++) {
      if (query[i] === query[i + 1]) continue;
      const t = this.termIndex(query.slice(0, i) + query[i + 1] + query[i] + query.slice(i + 2));
      if (t >= 0) out.push(t);
    }
    return out.sort((a, b) => a - b);
  }

  private fuzzyWalk(query: string, max: number): [number, number][] {
    const out: [number, number][] = [];
    const { units, start, byLength } = this.trie();
    const n = query.length;
    const cap = max + 1;
    const W = n + 1;
    const q = new Uint16Array(n);
    for (let j = 0; j < n; j++) q[j] = query.charCodeAt(j);
    // Row i (the first i characters of the current term) lives at buf[i * W …]; only the band
    // |i - j| <= max is computed, values are capped at max + 1 (all that matters is "<= max").
    const buf = new Uint8Array((n + max + 1) * W);
    for (let j = 0; j <= n; j++) buf[j] = Math.min(j, cap);
    // One walk per term length L within reach: knowing L, a prefix whose every cell, plus the
    // difference between what is left of the term (L - i) and of the query (n - j), exceeds `max`
    // leads nowhere (Ukkonen's cut-off), which prunes far earlier than the row minimum alone.
    for (let L = Math.max(1, n - max); L <= n + max; L++) {
      const bucket = byLength[L];
      if (!bucket) continue;
      const { ids, lcp, skip } = bucket;
      const count = ids.length;
      let valid = 0; // rows 0..valid are computed for the previous term visited
      let shared = 0; // common prefix of the previous term visited and this one
      let k = 0;
      while (k < count) {
        const t = ids[k]!;
        const from = start[t]!;
        const l = shared < valid ? shared : valid;
        let pruned = -1;
        for (let i = l + 1; i <= L; i++) {
          const base = i * W;
          const up = base - W;
          const c = units[from + i - 1];
          const lo = i - max > 1 ? i - max : 1;
          const hi = i + max < n ? i + max : n;
          const rest = L - i - n; // (L - i) - (n - j) = rest + j
          let bound: number;
          if (lo === 1) {
            const d0 = (buf[base] = i < cap ? i : cap);
            bound = d0 + (rest < 0 ? -rest : rest);
          } else {
            buf[base + lo - 1] = cap;
            bound = cap;
          }
          for (let j = lo; j <= hi; j++) {
            let d = buf[up + j - 1]! + (c === q[j - 1] ? 0 : 1);
            const del = buf[up + j]! + 1;
            const ins = buf[base + j - 1]! + 1;
            if (del < d) d = del;
            if (ins < d) d = ins;
            if (d > cap) d = cap;
            buf[base + j] = d;
            const gap = rest + j;
            const b = d + (gap < 0 ? -gap : gap);
            if (b < bound) bound = b;
          }
          if (hi < n) buf[base + hi + 1] = cap;
          if (bound > max) {
            pruned = i;
            break;
          }
        }
        if (pruned > 0) {
          valid = pruned - 1;
          // Skip every term of this length that shares the hopeless prefix: they follow in a run
          // whose lcp stays >= pruned; each jump lands on the next smaller lcp.
          k++;
          while (k < count && lcp[k]! >= pruned) k = skip[k]!;
          shared = k < count ? lcp[k]! : 0;
          continue;
        }
        valid = L;
        const d = buf[L * W + n]!;
        if (d <= max) out.push([t, d]);
        k++;
        shared = k < count ? lcp[k]! : 0;
      }
    }
    return out.sort((x, y) => x[0] - y[0]);
  }

  /**
   * The term list as tries for {@link fuzzy}, built on first use: every term's UTF-16 code units
   * end to end (`units`, term t at `start[t]` to `start[t + 1]`), and per length the ids of the
   * terms that long (`ids`, in order), `lcp[k]` the code units term `ids[k]` shares with the one
   * before it (at most 255), and `skip[k]` the first position after k whose lcp is smaller
   * (every term between shares at least `lcp[k]` units with the one before k).
   */
  private trie(): { units: Uint16Array; start: Uint32Array; byLength: ({ ids: Uint32Array; lcp: Uint8Array; skip: Uint32Array } | undefined)[] } {
    if (this.walk) return this.walk;
    const count = this.count;
    const text = count === 0 ? '' : utf8.decode(this.termBytes);
    const units = new Uint16Array(Math.max(0, text.length - count + 1));
    const start = new Uint32Array(count + 1);
    let u = 0;
    let t = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) start[++t] = u;
      else units[u++] = c;
    }
    start[count] = u;
    const lists: number[][] = [];
    for (let t = 0; t < count; t++) (lists[start[t + 1]! - start[t]!] ??= []).push(t);
    const byLength = lists.map((list) => {
      if (!list) return undefined;
      const ids = Uint32Array.from(list);
      const lcp = new Uint8Array(ids.length);
      for (let k = 1; k < ids.length; k++) {
        const a = start[ids[k - 1]!]!;
        const b = start[ids[k]!]!;
        const lim = Math.min(start[ids[k]! + 1]! - b, 255);
        let l = 0;
        while (l < lim && units[a + l] === units[b + l]) l++;
        lcp[k] = l;
      }
      // Next smaller value to the right, with a stack of positions whose lcp is not yet undercut.
      const skip = new Uint32Array(ids.length).fill(ids.length);
      const stack: number[] = [];
      for (let k = 1; k < ids.length; k++) {
        while (stack.length && lcp[stack[stack.length - 1]!]! > lcp[k]!) skip[stack.pop()!] = k;
        stack.push(k);
      }
      return { ids, lcp, skip };
    });
    return (this.walk = { units, start, byLength });
  }
}

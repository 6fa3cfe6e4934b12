/**
 * Postings: for each term, which passages hold it, in which field, how often.
 *
 * A term's block (the `postings` part; `termBlocks` gives each block's byte
 * length) is a varint mask of the fields holding the term, then per such
 * field a varint count of passages (and, for a brief-level field, a varint
 * count of briefs), then per passage (or brief) a varint
 * `(idDelta << 1) | (freq > 1)` and, when freq > 1, a varint freq.
 *
 * A brief-level field (the title: same terms in every passage of a brief) is
 * listed once per brief; a reader expands a brief to its passages.
 * @module
 */
import { ByteWriter, VarintReader } from '../bytes.js';

/** `[id, freq]` pairs by increasing id: passages, or briefs for a brief-level field. */
export type PostingList = readonly (readonly [number, number])[];

/**
 * Append one term's block. `lists[f]` are the passages holding the term in
 * field f (absent or empty: none); `count[f]` the number of passages for a
 * brief-level field whose list holds briefs.
 */
export function writeTermBlock(
  w: ByteWriter,
  lists: readonly (PostingList | undefined)[],
  briefLevel: readonly boolean[],
  passageCount: readonly number[],
): void {
  let mask = 0;
  lists.forEach((list, f) => {
    if (list?.length) mask |= 1 << f;
  });
  w.varint(mask);
  lists.forEach((list, f) => {
    if (!list?.length) return;
    w.varint(passageCount[f]!);
    if (briefLevel[f]) w.varint(list.length);
    let prev = -1;
    for (const [id, freq] of list) {
      w.varint(((id - prev) << 1) | (freq > 1 ? 1 : 0));
      if (freq > 1) w.varint(freq);
      prev = id;
    }
  });
}

/** One field's postings inside a term block. */
export interface FieldPostings {
  /** Passages holding the term in this field (its document frequency in the field). */
  count: number;
  /** Entries stored: passages, or briefs for a brief-level field. */
  entries: number;
  /** Byte position of the first entry inside the block. */
  pos: number;
}

const NONE: FieldPostings = { count: 0, entries: 0, pos: 0 };

/** Split a term block into its per-field lists (reads counts, skips entries). */
export function fieldPostings(block: Uint8Array, briefLevel: readonly boolean[]): FieldPostings[] {
  const r = new VarintReader(block);
  const mask = r.next();
  const out: FieldPostings[] = [];
  for (let f = 0; f < briefLevel.length; f++) {
    if (!(mask & (1 << f))) {
      out.push(NONE);
      continue;
    }
    const count = r.next();
    const entries = briefLevel[f] ? r.next() : count;
    const pos = r.pos;
    if (f < briefLevel.length - 1) for (let i = 0; i < entries; i++) if (r.next() & 1) r.next();
    out.push({ count, entries, pos });
  }
  return out;
}

/** Number of passages holding the term: the largest per-field count (MiniSearch's document frequency). */
export function blockFrequency(block: Uint8Array, briefLevel: readonly boolean[]): number {
  let df = 0;
  for (const f of fieldPostings(block, briefLevel)) if (f.count > df) df = f.count;
  return df;
}

/**
 * Call `visit(doc, freq)` for every passage of one field's list, in passage
 * order. The reference decoder: the searcher decodes the same format inline
 * on its hot path (`search.ts`).
 */
export function eachPosting(
  block: Uint8Array,
  list: FieldPostings,
  briefLevel: boolean,
  briefStart: Uint32Array,
  visit: (doc: number, freq: number) => void,
): void {
  const r = new VarintReader(block, list.pos);
  let id = -1;
  for (let i = 0; i < list.entries; i++) {
    const v = r.next();
    id += Math.floor(v / 2);
    const freq = v & 1 ? r.next() : 1;
    if (briefLevel) for (let d = briefStart[id]!; d < briefStart[id + 1]!; d++) visit(d, freq);
    else visit(id, freq);
  }
}

/**
 * The packed index: the bundled form of the search index and the passage
 * text, designed to load in a few milliseconds without building an object
 * graph, and to stay small once gzipped.
 *
 * Layout (little-endian): `BBX3`, u32 header length, the header as JSON,
 * zero padding to 4 bytes, then the parts the header lists by offset:
 *
 * | part          | content                                                              |
 * | ------------- | -------------------------------------------------------------------- |
 * | `terms`       | every index term, sorted by UTF-8 bytes, joined with `\n`            |
 * | `termBlocks`  | varint: byte length of each term's postings block                    |
 * | `postings`    | per term: varint mask of the fields holding it; per such field a     |
 * |               | varint count (and, for a brief-level field, a varint brief count),   |
 * |               | then per passage (or brief) varint `(idDelta << 1) \| (freq > 1)`    |
 * |               | and, when freq > 1, varint freq                                      |
 * | `fieldLength` | per field, u16 or u32 per passage (per brief for a brief-level       |
 * |               | field), each field padded to 4 bytes: read as typed-array views      |
 * | `text`        | every passage's text, UTF-8, back to back                            |
 * | `textLength`  | varint: byte length of each passage's text                           |
 *
 * Statistics (field lengths, their averages, document count) are copied from
 * the MiniSearch index built at build time (read from its public, versioned
 * `toJSON()` serialization), so scores are the same numbers.
 * Postings and text are decoded only when a query touches them.
 * @module
 */
import type { AsPlainObject } from 'minisearch';
import { ByteWriter, utf8, VarintReader } from './bytes.js';
import { IndexError } from './errors.js';
import { splitSentences } from './text.js';
import type { Brief, Passage, Range } from './types.js';

export const PACK_MAGIC = 'BBX3';
export const PACK_VERSION = 3;

export const PART_NAMES = ['terms', 'termBlocks', 'postings', 'fieldLength', 'text', 'textLength'] as const;
export type PartName = (typeof PART_NAMES)[number];

/** Brief fields in the order the parser writes them; any others follow. */
const BRIEF_KEY_ORDER = ['id', 'title', 'date', 'byline', 'source', 'url', 'tags', 'lang', 'links', 'file'];

export interface PackHeader {
  format: 'briefbot-index';
  version: number;
  /** Anything the engine wants to keep (build stats). */
  meta: unknown;
  fields: string[];
  documentCount: number;
  avgFieldLength: number[];
  termCount: number;
  /** Brief metadata, one column per key (`null` = key absent), without passages. */
  briefs: { count: number; passages: number[]; columns: Record<string, BriefColumn> };
  /** Per field: stored once per brief (its terms and length are the same in every passage of a brief). */
  briefLevel: boolean[];
  /** Bytes per field length (2 or 4) in the `fieldLength` part. */
  fieldLengthWidth: 2 | 4;
  /** Passage sections, sparse: `[doc, index into sectionNames]`. */
  sectionNames: string[];
  sectionOf: [number, number][];
  /** Present only when passage ids do not follow `<briefId>#p<n>`. */
  passageIds?: string[];
  /** Present only when sentence ranges are not what `splitSentences(text)` gives. */
  sentences?: Range[][];
  /** `[offset, length]` of each part, from the start of the buffer. */
  parts: Record<PartName, [number, number]>;
}

/** One brief metadata column: plain values (`null` = absent), a value table, or file-name exceptions. */
export type BriefColumn = unknown[] | { table: unknown[]; index: number[] } | { fileExcept: Record<number, unknown> };

/** The `serializationVersion` of MiniSearch's `toJSON()` output that the packer reads. */
export const MINISEARCH_SERIALIZATION_VERSION = 2;

/**
 * Pack a MiniSearch index, given as its public serialization (`toJSON()`),
 * whose document ids are passage positions (0 … n-1 in `briefs` order),
 * together with the briefs themselves.
 */
export function packIndex(json: AsPlainObject, briefs: Brief[], meta: unknown): Uint8Array {
  if (json.serializationVersion !== MINISEARCH_SERIALIZATION_VERSION) {
    throw new IndexError(
      `packIndex: MiniSearch serialization version ${String(json.serializationVersion)} is not the one this build reads (${MINISEARCH_SERIALIZATION_VERSION}); pin the MiniSearch version the packer was written for`,
    );
  }
  const fields = Object.entries(json.fieldIds)
    .sort((a, b) => a[1] - b[1])
    .map(([name]) => name);
  if (fields.some((name, f) => json.fieldIds[name] !== f)) throw new IndexError('packIndex: field ids are not 0 … n-1');
  const F = fields.length;
  const passages = briefs.flatMap((b) => b.passages);
  const n = passages.length;
  if (json.documentCount !== n) throw new IndexError(`packIndex: the index has ${json.documentCount} documents, the briefs ${n} passages`);
  const shortToDoc = new Map<string, number>();
  for (const [shortId, id] of Object.entries(json.documentIds)) {
    if (typeof id !== 'number' || id < 0 || id >= n) throw new IndexError(`packIndex: unexpected document id ${String(id)}`);
    shortToDoc.set(shortId, id);
  }
  // Per passage, per field: distinct terms (MiniSearch's field length).
  const docLengths: number[][] = new Array(n);
  const docOf = (shortId: string) => {
    const doc = shortToDoc.get(shortId);
    if (doc === undefined) throw new IndexError(`packIndex: the index refers to an unknown document ${shortId}`);
    return doc;
  };
  for (const [shortId, lengths] of Object.entries(json.fieldLength)) docLengths[docOf(shortId)] = lengths;
  const lengthOf = (doc: number, f: number) => docLengths[doc]?.[f] ?? 0;

  // Terms, sorted by UTF-8 bytes (code point order, the order the reader's byte comparisons use);
  // per term, per field: [passage, term frequency], by passage.
  const entries = json.index
    .map(([term, byFieldId]) => {
      const byField = new Map<number, [number, number][]>();
      for (const [fieldId, docs] of Object.entries(byFieldId)) {
        const list = Object.entries(docs).map(([shortId, freq]): [number, number] => [docOf(shortId), freq]);
        if (list.length) byField.set(Number(fieldId), list.sort((a, b) => a[0] - b[0]));
      }
      return [term, byField, utf8.encode(term)] as const;
    })
    .sort((a, b) => compareBytes(a[2], b[2]));
  for (const [term] of entries) if (term.includes('\n')) throw new IndexError(`packIndex: a term holds a line break: ${JSON.stringify(term)}`);
  // A field whose terms and lengths are the same for every passage of a brief
  // (the title) is stored once per brief, not once per passage.
  const briefStart = [0];
  for (const b of briefs) briefStart.push(briefStart[briefStart.length - 1]! + b.passages.length);
  const briefOfDoc = new Uint32Array(n);
  briefs.forEach((b, i) => briefOfDoc.fill(i, briefStart[i]!, briefStart[i + 1]!));
  const briefLevel = fields.map((_, f) => {
    for (let b = 0; b < briefs.length; b++) {
      for (let doc = briefStart[b]! + 1; doc < briefStart[b + 1]!; doc++) if (lengthOf(doc, f) !== lengthOf(briefStart[b]!, f)) return false;
    }
    for (const [, byField] of entries) {
      const docs = byField.get(f);
      if (!docs) continue;
      const freqOf = new Map(docs);
      for (const [doc, freq] of freqOf) {
        const b = briefOfDoc[doc]!;
        for (let d = briefStart[b]!; d < briefStart[b + 1]!; d++) if (freqOf.get(d) !== freq) return false;
      }
    }
    return true;
  });

  const postings = new ByteWriter();
  const termBlocks = new ByteWriter();
  const writeList = (list: (readonly [number, number])[]) => {
    let prev = -1;
    for (const [id, freq] of list) {
      postings.varint(((id - prev) << 1) | (freq > 1 ? 1 : 0));
      if (freq > 1) postings.varint(freq);
      prev = id;
    }
  };
  for (const [, byField] of entries) {
    const start = postings.length;
    let mask = 0;
    for (let f = 0; f < F; f++) if (byField.get(f)?.length) mask |= 1 << f;
    postings.varint(mask);
    for (let f = 0; f < F; f++) {
      if (!(mask & (1 << f))) continue;
      const list = byField.get(f)!;
      postings.varint(list.length);
      if (briefLevel[f]) {
        const perBrief = list.filter(([doc]) => doc === briefStart[briefOfDoc[doc]!]).map(([doc, freq]) => [briefOfDoc[doc]!, freq] as const);
        postings.varint(perBrief.length);
        writeList(perBrief);
      } else {
        writeList(list);
      }
    }
    termBlocks.varint(postings.length - start);
  }

  // Fixed width (a typed-array view at load, nothing to decode), per field, per brief when brief-level.
  const perField = fields.map((_, f) =>
    briefLevel[f] ? briefs.map((_b, b) => lengthOf(briefStart[b]!, f)) : Array.from({ length: n }, (_d, doc) => lengthOf(doc, f)),
  );
  const fieldLengthWidth = perField.every((list) => list.every((x) => x < 0x10000)) ? 2 : 4;
  const fieldLength = new ByteWriter();
  for (const list of perField) {
    const arr = fieldLengthWidth === 2 ? Uint16Array.from(list) : Uint32Array.from(list);
    fieldLength.bytes(new Uint8Array(arr.buffer));
    fieldLength.align(4);
  }

  const text = new ByteWriter();
  const textLength = new ByteWriter();
  for (const p of passages) {
    const bytes = utf8.encode(p.text);
    text.bytes(bytes);
    textLength.varint(bytes.length);
  }

  // Brief metadata, columnar.
  const keys = new Set<string>();
  for (const b of briefs) for (const k of Object.keys(b)) if (k !== 'passages') keys.add(k);
  const ordered = [...BRIEF_KEY_ORDER.filter((k) => keys.has(k)), ...[...keys].filter((k) => !BRIEF_KEY_ORDER.includes(k))];
  const columns: Record<string, BriefColumn> = {};
  for (const k of ordered) {
    const values = briefs.map((b) => (Object.hasOwn(b, k) ? (b as unknown as Record<string, unknown>)[k] : null));
    if (k === 'file') {
      // Usually `<id>.md`: keep only the exceptions.
      const except: Record<number, unknown> = {};
      values.forEach((v, i) => v !== `${briefs[i]!.id}.md` && (except[i] = v));
      columns[k] = { fileExcept: except };
      continue;
    }
    const keys = values.map((v) => JSON.stringify(v));
    const distinct = [...new Set(keys)];
    columns[k] = distinct.length * 4 < values.length ? { table: distinct.map((d) => JSON.parse(d) as unknown), index: keys.map((x) => distinct.indexOf(x)) } : values;
  }
  const sectionNames: string[] = [];
  const sectionOf: [number, number][] = [];
  passages.forEach((p, doc) => {
    if (p.section === undefined) return;
    let i = sectionNames.indexOf(p.section);
    if (i < 0) i = sectionNames.push(p.section) - 1;
    sectionOf.push([doc, i]);
  });

  const regularIds = briefs.every((b) => b.passages.every((p, i) => p.id === `${b.id}#p${i + 1}` && p.briefId === b.id && p.n === i + 1));
  const regularSentences = passages.every((p) => sameRanges(p.sentences, splitSentences(p.text)));

  const parts: Record<PartName, Uint8Array> = {
    terms: utf8.encode(entries.map((e) => e[0]).join('\n')),
    termBlocks: termBlocks.finish(),
    postings: postings.finish(),
    fieldLength: fieldLength.finish(),
    text: text.finish(),
    textLength: textLength.finish(),
  };
  const header: Omit<PackHeader, 'parts'> = {
    format: 'briefbot-index',
    version: PACK_VERSION,
    meta,
    fields,
    documentCount: n,
    avgFieldLength: fields.map((_, f) => json.averageFieldLength[f] ?? 0),
    termCount: entries.length,
    briefLevel,
    fieldLengthWidth,
    briefs: { count: briefs.length, passages: briefs.map((b) => b.passages.length), columns },
    sectionNames,
    sectionOf,
    ...(regularIds ? {} : { passageIds: passages.map((p) => p.id) }),
    ...(regularSentences ? {} : { sentences: passages.map((p) => p.sentences) }),
  };
  return assemble(header, parts);
}

function sameRanges(a: Range[], b: Range[]): boolean {
  return a.length === b.length && a.every((r, i) => r[0] === b[i]![0] && r[1] === b[i]![1]);
}

/** Lay out header and parts in one buffer. */
export function assemble(header: Omit<PackHeader, 'parts'>, parts: Partial<Record<PartName, Uint8Array>>): Uint8Array {
  // Offsets depend on the header length, which depends on the offsets: iterate
  // until stable (lengths only grow), padding with JSON whitespace if one shrinks.
  const names = PART_NAMES.filter((p) => parts[p]);
  let len = 0;
  let headerBytes: Uint8Array;
  for (;;) {
    let offset = 8 + len;
    offset += (4 - (offset % 4)) % 4;
    const table = {} as Record<PartName, [number, number]>;
    for (const name of names) {
      table[name] = [offset, parts[name]!.length];
      offset += parts[name]!.length;
      offset += (4 - (offset % 4)) % 4;
    }
    const json = JSON.stringify({ ...header, parts: table });
    headerBytes = utf8.encode(json);
    if (headerBytes.length === len) break;
    if (headerBytes.length < len) {
      headerBytes = utf8.encode(json + ' '.repeat(len - headerBytes.length));
      break;
    }
    len = headerBytes.length;
  }
  const w = new ByteWriter();
  w.bytes(utf8.encode(PACK_MAGIC));
  w.u32(headerBytes.length);
  w.bytes(headerBytes);
  w.align(4);
  for (const name of names) {
    w.bytes(parts[name]!);
    w.align(4);
  }
  return w.finish();
}

/** Read the header of a packed buffer (cheap: only the JSON header is parsed). */
export function readHeader(bytes: Uint8Array): PackHeader {
  const magic = bytes.length >= 8 ? String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!) : '';
  if (magic !== PACK_MAGIC) {
    throw new IndexError('Briefbot: this is not a Briefbot index (or one from an older version); run "npm run build:index" again');
  }
  const len = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (8 + len > bytes.length) throw new IndexError('Briefbot: the index is truncated; run "npm run build:index" again');
  let header: PackHeader;
  try {
    header = JSON.parse(utf8.decode(bytes.subarray(8, 8 + len))) as PackHeader;
  } catch {
    throw new IndexError('Briefbot: the index header is corrupt; run "npm run build:index" again');
  }
  if (header.format !== 'briefbot-index' || header.version !== PACK_VERSION) {
    throw new IndexError(`Briefbot: index format ${header.version} is not the one this build reads (${PACK_VERSION}); run "npm run build:index" again`);
  }
  for (const [name, [offset, length]] of Object.entries(header.parts)) {
    if (offset + length > bytes.length) throw new IndexError(`Briefbot: the index part "${name}" is truncated; run "npm run build:index" again`);
  }
  return header;
}

export function part(bytes: Uint8Array, header: PackHeader, name: PartName): Uint8Array {
  const [offset, length] = header.parts[name];
  return bytes.subarray(offset, offset + length);
}

/**
 * Where postings and passage text come from. The bundled store has them all
 * in one buffer; the sharded store fetches them in pieces (see `sharded.ts`).
 */
export interface PackedSource {
  /** The postings block of term `t` (throws when it is not loaded). */
  postings(t: number): Uint8Array;
  /** The UTF-8 text of passage `doc` (throws when it is not loaded). */
  text(doc: number): Uint8Array;
  /** Optional: throw once for every term whose postings are not loaded (sharded storage). */
  require?(terms: number[]): void;
}

/** Compare two byte strings (UTF-8 order = code point order). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** What every packed index shares, however its postings and text are stored. */
export class PackedTables {
  /** `lengths[field][i]`: distinct terms of that field in passage i (or brief i, for a brief-level field). */
  readonly lengths: (Uint16Array | Uint32Array)[];
  readonly fieldIds: Record<string, number>;
  /** Passages of brief `b` are `briefStart[b]` … `briefStart[b + 1] - 1`. */
  readonly briefStart: Uint32Array;
  /** Start of each term in the UTF-8 term list (and its end, for the last). */
  private readonly termStart: Uint32Array;
  private decoded: string[] | undefined;

  constructor(
    readonly header: PackHeader,
    private readonly termBytes: Uint8Array,
    fieldLengthBytes: Uint8Array,
  ) {
    const T = header.termCount;
    this.termStart = new Uint32Array(T + 1);
    let at = 0;
    for (let t = 0; t < T; t++) {
      this.termStart[t] = at;
      const nl = termBytes.indexOf(10, at);
      at = nl < 0 ? termBytes.length : nl + 1;
    }
    this.termStart[T] = termBytes.length + 1;
    if (T > 0 && at !== termBytes.length) {
      throw new IndexError('Briefbot: the index term list is corrupt; run "npm run build:index" again');
    }
    const n = header.documentCount;
    this.briefStart = new Uint32Array(header.briefs.count + 1);
    header.briefs.passages.forEach((c, b) => (this.briefStart[b + 1] = this.briefStart[b]! + c));
    // Typed-array views straight over the bytes (copied once if the buffer is misaligned).
    const width = header.fieldLengthWidth;
    const aligned = fieldLengthBytes.byteOffset % 4 === 0 ? fieldLengthBytes : fieldLengthBytes.slice();
    this.lengths = [];
    let offset = 0;
    for (let f = 0; f < header.fields.length; f++) {
      const count = header.briefLevel[f] ? header.briefs.count : n;
      const view = width === 2 ? new Uint16Array(aligned.buffer, aligned.byteOffset + offset, count) : new Uint32Array(aligned.buffer, aligned.byteOffset + offset, count);
      this.lengths.push(view);
      offset += count * width;
      offset += (4 - (offset % 4)) % 4;
    }
    if (offset !== aligned.length) throw new IndexError('Briefbot: the index field lengths are corrupt; run "npm run build:index" again');
    this.fieldIds = Object.fromEntries(header.fields.map((f, i) => [f, i]));
  }

  /** Every term as a string (decoded on first use: fuzzy matching walks them all). */
  get terms(): string[] {
    this.decoded ??= this.header.termCount === 0 ? [] : utf8.decode(this.termBytes).split('\n');
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
    let hi = this.header.termCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareAt(mid, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Position of `term` in the sorted term list, or -1. */
  termIndex(term: string): number {
    const key = utf8.encode(term);
    const i = this.lowerBound(key);
    return i < this.header.termCount && this.compareAt(i, key) === 0 ? i : -1;
  }

  /** `[from, to)`: the terms starting with `prefix`. */
  prefixRange(prefix: string): [number, number] {
    const key = utf8.encode(prefix);
    const from = this.lowerBound(key);
    let to = from;
    const T = this.header.termCount;
    while (to < T) {
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
   * Every term within Levenshtein distance `max` of `query`, with its
   * distance, in term order. Walks the sorted list as if it were a trie:
   * rows of the distance matrix are shared between terms with a common
   * prefix, and a prefix whose best row value exceeds `max` skips every
   * term that starts with it.
   */
  fuzzy(query: string, max: number): [number, number][] {
    const out: [number, number][] = [];
    const terms = this.terms;
    const n = query.length;
    const maxLen = n + max;
    const cap = max + 1;
    const W = n + 1;
    const q = new Uint16Array(n);
    for (let j = 0; j < n; j++) q[j] = query.charCodeAt(j);
    // Row i (the first i characters of the current term) lives at buf[i * W …]; only the band
    // |i - j| <= max is computed, values are capped at max + 1 (all that matters is "<= max").
    const buf = new Uint8Array((maxLen + 1) * W);
    for (let j = 0; j <= n; j++) buf[j] = Math.min(j, cap);
    const lcp = this.commonPrefixes();
    let valid = 0; // rows 0..valid are computed for the previous term visited
    let shared = 0; // common prefix of the previous term visited and this one
    let t = 0;
    while (t < terms.length) {
      const term = terms[t]!;
      const l = shared < valid ? shared : valid;
      let pruned = -1;
      const last = Math.min(term.length, maxLen);
      for (let i = l + 1; i <= last; i++) {
        const base = i * W;
        const up = base - W;
        const c = term.charCodeAt(i - 1);
        const lo = i - max > 1 ? i - max : 1;
        const hi = i + max < n ? i + max : n;
        let best: number;
        if (lo === 1) best = buf[base] = i < cap ? i : cap;
        else best = buf[base + lo - 1] = cap;
        for (let j = lo; j <= hi; j++) {
          let d = buf[up + j - 1]! + (c === q[j - 1] ? 0 : 1);
          const del = buf[up + j]! + 1;
          const ins = buf[base + j - 1]! + 1;
          if (del < d) d = del;
          if (ins < d) d = ins;
          if (d > cap) d = cap;
          buf[base + j] = d;
          if (d < best) best = d;
        }
        if (hi < n) buf[base + hi + 1] = cap;
        if (best > max) {
          pruned = i;
          break;
        }
      }
      if (pruned > 0) {
        valid = pruned - 1;
        // Skip every term that shares this hopeless prefix.
        t++;
        while (t < terms.length && lcp[t]! >= pruned) t++;
        shared = lcp[t] ?? 0;
        continue;
      }
      valid = last;
      if (term.length <= maxLen && term.length >= n - max) {
        const d = buf[term.length * W + n]!;
        if (d <= max) out.push([t, d]);
      }
      t++;
      shared = lcp[t] ?? 0;
    }
    return out;
  }

  private lcp: Uint8Array | undefined;

  /** `lcp[t]`: length of the prefix term t shares with term t - 1 (at most 255); built on first use. */
  private commonPrefixes(): Uint8Array {
    if (this.lcp) return this.lcp;
    const terms = this.terms;
    const lcp = new Uint8Array(terms.length);
    for (let t = 1; t < terms.length; t++) {
      const a = terms[t - 1]!;
      const b = terms[t]!;
      const lim = Math.min(a.length, b.length, 255);
      let l = 0;
      while (l < lim && a.charCodeAt(l) === b.charCodeAt(l)) l++;
      lcp[t] = l;
    }
    return (this.lcp = lcp);
  }
}

/** Postings and text in one buffer: the bundled index. */
export class BufferSource implements PackedSource {
  private readonly postingsBytes: Uint8Array;
  private readonly termStart: Uint32Array;
  private readonly textBytes: Uint8Array;
  private readonly textStart: Uint32Array;

  constructor(bytes: Uint8Array, header: PackHeader) {
    this.postingsBytes = part(bytes, header, 'postings');
    this.termStart = prefixSums(part(bytes, header, 'termBlocks'), header.termCount);
    this.textBytes = part(bytes, header, 'text');
    this.textStart = prefixSums(part(bytes, header, 'textLength'), header.documentCount);
  }

  postings(t: number): Uint8Array {
    return this.postingsBytes.subarray(this.termStart[t]!, this.termStart[t + 1]!);
  }

  text(doc: number): Uint8Array {
    return this.textBytes.subarray(this.textStart[doc]!, this.textStart[doc + 1]!);
  }
}

/** Varint lengths → `count + 1` start offsets. */
export function prefixSums(lengths: Uint8Array, count: number): Uint32Array {
  const out = new Uint32Array(count + 1);
  const r = new VarintReader(lengths);
  for (let i = 0; i < count; i++) out[i + 1] = out[i]! + r.next();
  if (r.pos !== lengths.length) throw new IndexError('Briefbot: the index offsets are corrupt; run "npm run build:index" again');
  return out;
}

/** One field's postings inside a term block. */
export interface FieldPostings {
  /** Passages holding the term in this field (MiniSearch's `matchingFields`). */
  count: number;
  /** Entries stored: passages, or briefs for a brief-level field. */
  entries: number;
  /** Byte position of the first entry inside the block. */
  pos: number;
}

const NONE: FieldPostings = { count: 0, entries: 0, pos: 0 };

/** Split a term block into its per-field lists (reads counts, skips entries). */
export function fieldPostings(block: Uint8Array, briefLevel: boolean[]): FieldPostings[] {
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

/** Number of passages holding the term: the largest per-field count, as MiniSearch's df. */
export function blockFrequency(block: Uint8Array, briefLevel: boolean[]): number {
  let df = 0;
  for (const f of fieldPostings(block, briefLevel)) if (f.count > df) df = f.count;
  return df;
}

/** Call `visit(doc, freq)` for every passage of one field's list, in passage order. */
export function eachPosting(block: Uint8Array, list: FieldPostings, briefLevel: boolean, briefStart: Uint32Array, visit: (doc: number, freq: number) => void): void {
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

/**
 * A passage whose text is decoded only when read, then kept while it is
 * among the most recently read ones (see {@link PassageCache}).
 */
export class StoredPassage implements Passage {
  declare section?: string;
  /** @internal */ _text: string | undefined = undefined;
  /** @internal */ _sentences: Range[] | undefined = undefined;

  constructor(
    private readonly store: PassageStore,
    readonly doc: number,
    readonly briefId: string,
    readonly n: number,
    section: string | undefined,
  ) {
    if (section !== undefined) this.section = section;
  }

  get id(): string {
    return this.store.passageId(this);
  }

  get text(): string {
    if (this._text === undefined) {
      this._text = this.store.decode(this.doc);
      this.store.cache.touch(this);
    }
    return this._text;
  }

  get sentences(): Range[] {
    if (this._sentences === undefined) {
      this._sentences = this.store.sentencesOf(this) ?? splitSentences(this.text);
      this.store.cache.touch(this);
    }
    return this._sentences;
  }

  /** The plain passage, as `JSON.stringify` and the API show it. */
  toJSON(): Passage {
    return {
      id: this.id,
      briefId: this.briefId,
      n: this.n,
      ...(this.section !== undefined ? { section: this.section } : {}),
      text: this.text,
      sentences: this.sentences,
    };
  }
}

/** Keeps the decoded text of the last `size` passages read; older ones are dropped. */
export class PassageCache {
  private readonly ring: (StoredPassage | undefined)[];
  private next = 0;

  constructor(size = 1024) {
    this.ring = new Array(size);
  }

  touch(p: StoredPassage): void {
    if (this.ring.includes(p)) return;
    const old = this.ring[this.next];
    if (old && old !== p) {
      old._text = undefined;
      old._sentences = undefined;
    }
    this.ring[this.next] = p;
    this.next = (this.next + 1) % this.ring.length;
  }
}

/** Passage objects and their lazily decoded text. */
export class PassageStore {
  readonly cache = new PassageCache();

  constructor(
    private readonly header: PackHeader,
    private readonly source: PackedSource,
  ) {}

  decode(doc: number): string {
    return utf8.decode(this.source.text(doc));
  }

  passageId(p: StoredPassage): string {
    return this.header.passageIds?.[p.doc] ?? `${p.briefId}#p${p.n}`;
  }

  sentencesOf(p: StoredPassage): Range[] | undefined {
    return this.header.sentences?.[p.doc];
  }
}

/** The briefs (with lazy passages) rebuilt from a packed header, and the passages in index order. */
export interface UnpackedBriefs {
  briefs: Brief[];
  passages: StoredPassage[];
}

/** Rebuild the briefs (with lazy passages) from a packed header. */
export function unpackBriefs(header: PackHeader, store: PassageStore): UnpackedBriefs {
  const { count, passages: counts, columns } = header.briefs;
  const keys = Object.keys(columns);
  const sections = header.sectionOf.length ? new Map(header.sectionOf.map(([doc, i]) => [doc, header.sectionNames[i]!])) : undefined;
  const n = header.documentCount;
  const briefs: Brief[] = new Array(count);
  const passages: StoredPassage[] = new Array(n);
  let doc = 0;
  for (let b = 0; b < count; b++) {
    const brief: Record<string, unknown> = {};
    for (const k of keys) {
      const col = columns[k]!;
      const v = Array.isArray(col)
        ? col[b]
        : 'table' in col
          ? col.table[col.index[b]!]
          : Object.hasOwn(col.fileExcept, b)
            ? col.fileExcept[b]
            : `${brief.id as string}.md`;
      if (v !== null && v !== undefined) brief[k] = v;
    }
    const id = brief.id as string;
    const start = doc;
    const c = counts[b]!;
    if (start + c > n) throw new IndexError('Briefbot: the index passage counts are corrupt; run "npm run build:index" again');
    for (let i = 0; i < c; i++, doc++) passages[doc] = new StoredPassage(store, doc, id, i + 1, sections?.get(doc));
    brief.passages = passages.slice(start, doc);
    briefs[b] = brief as unknown as Brief;
  }
  if (doc !== n) throw new IndexError('Briefbot: the index passage counts are corrupt; run "npm run build:index" again');
  return { briefs, passages };
}

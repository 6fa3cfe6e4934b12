/**
 * Reading a packed index: the tables every query needs (term dictionary,
 * field lengths, brief boundaries), built at load as views over the bytes,
 * and the source postings and passage text are read from: one buffer when
 * bundled ({@link BufferSource}), shards fetched on demand otherwise
 * (`../sharded.ts`).
 * @module
 */
import { IndexError } from '../errors.js';
import { part, prefixSums, type PackHeader } from './format.js';
import { TermDictionary } from './terms.js';

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

/** What every packed index shares, however its postings and text are stored. */
export class PackedTables {
  readonly dictionary: TermDictionary;
  /** `lengths[field][i]`: distinct terms of that field in passage i (or brief i, for a brief-level field). */
  readonly lengths: (Uint16Array | Uint32Array)[];
  /** Passages of brief `b` are `briefStart[b]` … `briefStart[b + 1] - 1`. */
  readonly briefStart: Uint32Array;

  constructor(
    readonly header: PackHeader,
    termBytes: Uint8Array,
    fieldLengthBytes: Uint8Array,
  ) {
    this.dictionary = new TermDictionary(termBytes, header.termCount);
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
      const view =
        width === 2 ? new Uint16Array(aligned.buffer, aligned.byteOffset + offset, count) : new Uint32Array(aligned.buffer, aligned.byteOffset + offset, count);
      this.lengths.push(view);
      offset += count * width;
      offset += (4 - (offset % 4)) % 4;
    }
    if (offset !== aligned.length) throw new IndexError('Briefbot: the index field lengths are corrupt; run "npm run build:index" again');
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

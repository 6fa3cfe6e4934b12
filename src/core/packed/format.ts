/**
 * The packed index's container: a magic number, a JSON header, then binary
 * parts at offsets the header lists. Designed to load in a few milliseconds
 * without building an object graph, and to stay small once gzipped.
 *
 * Layout (little-endian): `BBX3`, u32 header length, the header as JSON,
 * zero padding to 4 bytes, then the parts, each padded to 4 bytes:
 *
 * | part          | content (module that writes and reads it)                            |
 * | ------------- | -------------------------------------------------------------------- |
 * | `terms`       | every index term, sorted by UTF-8 bytes, joined with `\n` (`terms.ts`) |
 * | `termBlocks`  | varint: byte length of each term's postings block                    |
 * | `postings`    | per term, the passages holding it per field (`postings.ts`)          |
 * | `fieldLength` | per field, u16 or u32 per passage (per brief for a brief-level       |
 * |               | field), each field padded to 4 bytes (`writer.ts`, `reader.ts`)      |
 * | `text`        | every passage's text, UTF-8, back to back (`passages.ts`)            |
 * | `textLength`  | varint: byte length of each passage's text                           |
 *
 * The header holds the statistics (document count, average field lengths)
 * and the brief metadata. A reader checks magic and version first, and
 * refuses any other with an {@link IndexError} that says to rebuild.
 * @module
 */
import { ByteWriter, utf8, VarintReader } from '../bytes.js';
import { IndexError } from '../errors.js';
import type { Range } from '../types.js';

const PACK_MAGIC = 'BBX3';
export const PACK_VERSION = 3;

const PART_NAMES = ['terms', 'termBlocks', 'postings', 'fieldLength', 'text', 'textLength'] as const;
export type PartName = (typeof PART_NAMES)[number];

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
  /** The newsroom's synonyms, one rule per line as the file gives it (see `synonyms.ts`); absent when none. */
  synonyms?: string[];
  /** Present only when sentence ranges are not what `splitSentences(text)` gives. */
  sentences?: Range[][];
  /** `[offset, length]` of each part, from the start of the buffer. */
  parts: Record<PartName, [number, number]>;
}

/** One brief metadata column: plain values (`null` = absent), a value table, or file-name exceptions. */
export type BriefColumn = unknown[] | { table: unknown[]; index: number[] } | { fileExcept: Record<number, unknown> };

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

/** The bytes of one part. */
export function part(bytes: Uint8Array, header: PackHeader, name: PartName): Uint8Array {
  const [offset, length] = header.parts[name];
  return bytes.subarray(offset, offset + length);
}

/** Varint lengths (`termBlocks`, `textLength`) → `count + 1` start offsets. */
export function prefixSums(lengths: Uint8Array, count: number): Uint32Array {
  const out = new Uint32Array(count + 1);
  const r = new VarintReader(lengths);
  for (let i = 0; i < count; i++) out[i + 1] = out[i]! + r.next();
  if (r.pos !== lengths.length) throw new IndexError('Briefbot: the index offsets are corrupt; run "npm run build:index" again');
  return out;
}

/**
 * Build time: pack a MiniSearch index and its briefs into one buffer
 * (`format.ts`). Reads MiniSearch's public, versioned serialization
 * (`toJSON()`: `index` as term → field id → short id → term frequency,
 * `documentIds`, `fieldIds`, `fieldLength`, `averageFieldLength`,
 * `documentCount`, `serializationVersion`) and copies its statistics, so the
 * packed searcher's scores are MiniSearch's numbers. Only build-time code
 * reaches this module (through `../indexer.ts`).
 * @module
 */
import type { AsPlainObject } from 'minisearch';
import { ByteWriter, utf8 } from '../bytes.js';
import { IndexError } from '../errors.js';
import type { Brief } from '../types.js';
import { assemble, PACK_VERSION, type PackHeader, type PartName } from './format.js';
import { packPassages } from './passages.js';
import { writeTermBlock, type PostingList } from './postings.js';
import { compareBytes, encodeTerms } from './terms.js';

/** The `serializationVersion` of MiniSearch's `toJSON()` output that the packer reads. */
const MINISEARCH_SERIALIZATION_VERSION = 2;

/**
 * Pack a MiniSearch index, given as its public serialization (`toJSON()`),
 * whose document ids are passage positions (0 … n-1 in `briefs` order),
 * together with the briefs themselves.
 */
export function packIndex(json: AsPlainObject, briefs: Brief[], meta: unknown, synonyms: readonly string[] = []): Uint8Array {
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
  const n = briefs.reduce((sum, b) => sum + b.passages.length, 0);
  if (json.documentCount !== n) throw new IndexError(`packIndex: the index has ${json.documentCount} documents, the briefs ${n} passages`);
  const shortToDoc = new Map<string, number>();
  for (const [shortId, id] of Object.entries(json.documentIds)) {
    if (typeof id !== 'number' || id < 0 || id >= n) throw new IndexError(`packIndex: unexpected document id ${String(id)}`);
    shortToDoc.set(shortId, id);
  }
  const docOf = (shortId: string) => {
    const doc = shortToDoc.get(shortId);
    if (doc === undefined) throw new IndexError(`packIndex: the index refers to an unknown document ${shortId}`);
    return doc;
  };
  // Per passage, per field: distinct terms (MiniSearch's field length).
  const docLengths: number[][] = new Array(n);
  for (const [shortId, lengths] of Object.entries(json.fieldLength)) docLengths[docOf(shortId)] = lengths;
  const lengthOf = (doc: number, f: number) => docLengths[doc]?.[f] ?? 0;

  // Terms, sorted by UTF-8 bytes (code point order, the order the reader's byte comparisons use);
  // per term, per field: [passage, term frequency], by passage.
  const entries = json.index
    .map(([term, byFieldId]) => {
      const byField: [number, number][][] = Array.from({ length: F }, () => []);
      for (const [fieldId, docs] of Object.entries(byFieldId)) {
        byField[Number(fieldId)] = Object.entries(docs)
          .map(([shortId, freq]): [number, number] => [docOf(shortId), freq])
          .sort((a, b) => a[0] - b[0]);
      }
      return [term, byField, utf8.encode(term)] as const;
    })
    .sort((a, b) => compareBytes(a[2], b[2]));

  // A field whose terms and lengths are the same for every passage of a brief
  // (the title) is stored once per brief, not once per passage.
  const briefStart = [0];
  for (const b of briefs) briefStart.push(briefStart[briefStart.length - 1]! + b.passages.length);
  const briefOfDoc = new Uint32Array(n);
  briefs.forEach((_, i) => briefOfDoc.fill(i, briefStart[i]!, briefStart[i + 1]!));
  const briefLevel = fields.map((_, f) => {
    for (let b = 0; b < briefs.length; b++) {
      for (let doc = briefStart[b]! + 1; doc < briefStart[b + 1]!; doc++) if (lengthOf(doc, f) !== lengthOf(briefStart[b]!, f)) return false;
    }
    for (const [, byField] of entries) {
      const freqOf = new Map(byField[f]);
      for (const [doc, freq] of freqOf) {
        const b = briefOfDoc[doc]!;
        for (let d = briefStart[b]!; d < briefStart[b + 1]!; d++) if (freqOf.get(d) !== freq) return false;
      }
    }
    return true;
  });

  const postings = new ByteWriter();
  const termBlocks = new ByteWriter();
  for (const [, byField] of entries) {
    const start = postings.length;
    const lists: PostingList[] = byField.map((list, f) =>
      briefLevel[f] ? list.filter(([doc]) => doc === briefStart[briefOfDoc[doc]!]).map(([doc, freq]) => [briefOfDoc[doc]!, freq] as const) : list,
    );
    writeTermBlock(
      postings,
      lists,
      briefLevel,
      byField.map((list) => list.length),
    );
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

  const stored = packPassages(briefs);
  const parts: Record<PartName, Uint8Array> = {
    terms: encodeTerms(entries.map((e) => e[0])),
    termBlocks: termBlocks.finish(),
    postings: postings.finish(),
    fieldLength: fieldLength.finish(),
    text: stored.text,
    textLength: stored.textLength,
  };
  const { briefs: briefColumns, ...passageHeader } = stored.header;
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
    briefs: briefColumns,
    ...passageHeader,
    ...(synonyms.length ? { synonyms: [...synonyms] } : {}),
  };
  return assemble(header, parts);
}

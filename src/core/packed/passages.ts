/**
 * The passage store: brief metadata and passage text.
 *
 * Brief metadata travels in the header, one column per key (a value table
 * when few values repeat, only the exceptions for `file`); passage sections,
 * and ids or sentence ranges only when they are not the ones a reader can
 * derive. The text is the `text` part (UTF-8, back to back, `textLength` the
 * byte length of each). At load, briefs and passage objects are rebuilt from
 * the header; a passage's text is decoded when first read and kept while it
 * is among the most recently read.
 * @module
 */
import { ByteWriter, utf8 } from '../bytes.js';
import { IndexError } from '../errors.js';
import { langOf } from '../lang/detect.js';
import { splitSentences } from '../text.js';
import type { Brief, Passage, Range } from '../types.js';
import type { BriefColumn, PackHeader } from './format.js';
import type { PackedSource } from './reader.js';

/** Brief fields in the order the parser writes them; any others follow. */
const BRIEF_KEY_ORDER = ['id', 'title', 'date', 'byline', 'source', 'url', 'tags', 'lang', 'links', 'file'];

/** What {@link packPassages} puts in the header. */
export type PassageHeader = Pick<PackHeader, 'briefs' | 'sectionNames' | 'sectionOf' | 'passageIds' | 'sentences'>;

/** The header fields and the `text` / `textLength` parts for the briefs' passages (in brief order). */
export function packPassages(briefs: Brief[]): { header: PassageHeader; text: Uint8Array; textLength: Uint8Array } {
  const passages = briefs.flatMap((b) => b.passages);
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
    columns[k] =
      distinct.length * 4 < values.length ? { table: distinct.map((d) => JSON.parse(d) as unknown), index: keys.map((x) => distinct.indexOf(x)) } : values;
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
  const regularSentences = briefs.every((b) => b.passages.every((p) => sameRanges(p.sentences, splitSentences(p.text, b.lang))));
  const header: PassageHeader = {
    briefs: { count: briefs.length, passages: briefs.map((b) => b.passages.length), columns },
    sectionNames,
    sectionOf,
    ...(regularIds ? {} : { passageIds: passages.map((p) => p.id) }),
    ...(regularSentences ? {} : { sentences: passages.map((p) => p.sentences) }),
  };
  return { header, text: text.finish(), textLength: textLength.finish() };
}

function sameRanges(a: Range[], b: Range[]): boolean {
  return a.length === b.length && a.every((r, i) => r[0] === b[i]![0] && r[1] === b[i]![1]);
}

/**
 * A passage whose text is decoded only when read, then kept while it is
 * among the most recently read ones (see {@link PassageCache}).
 */
export class StoredPassage implements Passage {
  declare section?: string;
  /** @internal */ _text: string | undefined = undefined;
  /** @internal */ _sentences: Range[] | undefined = undefined;
  /** @internal In the {@link PassageCache} ring. */ _held = false;

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
      this._sentences = this.store.sentencesOf(this) ?? splitSentences(this.text, this.store.langOf(this.doc));
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
class PassageCache {
  private readonly ring: (StoredPassage | undefined)[];
  private next = 0;

  /**
   * @param size passages kept. What is kept survives the collector's young-generation passes and is copied by
   *   each: at 10k briefs the median scavenge took 4.3–5.3 ms with 1,024 passages (and 512 sentence sets) kept,
   *   2.1–4.0 ms with 256 (and 128), in four pairs of runs; an answer reads about five passages.
   */
  constructor(size = 256) {
    this.ring = new Array(size);
  }

  touch(p: StoredPassage): void {
    if (p._held) return;
    p._held = true;
    const old = this.ring[this.next];
    if (old) {
      old._held = false;
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
  /** Per passage, its brief's language as a position in `langTags` (one byte a passage; set by {@link unpackBriefs}). */
  private langCodes: Uint8Array = new Uint8Array(0);
  private langTags: (string | undefined)[] = [];

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

  /** @internal */ setLangs(codes: Uint8Array, tags: (string | undefined)[]): void {
    this.langCodes = codes;
    this.langTags = tags;
  }

  /** The analysis language of passage `doc`'s brief (splitting its sentences depends on it). */
  langOf(doc: number): string | undefined {
    return this.langTags[this.langCodes[doc] ?? 0];
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
  const langs = new Uint8Array(n);
  const langTags: (string | undefined)[] = [undefined];
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
    // The analysis language ("de-AT" → "de"): a handful of values, whatever the tags.
    const lang = brief.lang === undefined ? undefined : langOf(brief.lang as string);
    let langCode = langTags.indexOf(lang);
    if (langCode < 0) langCode = langTags.push(lang) - 1;
    const start = doc;
    const c = counts[b]!;
    if (start + c > n) throw new IndexError('Briefbot: the index passage counts are corrupt; run "npm run build:index" again');
    for (let i = 0; i < c; i++, doc++) {
      passages[doc] = new StoredPassage(store, doc, id, i + 1, sections?.get(doc));
      langs[doc] = langCode;
    }
    brief.passages = passages.slice(start, doc);
    briefs[b] = brief as unknown as Brief;
  }
  if (doc !== n) throw new IndexError('Briefbot: the index passage counts are corrupt; run "npm run build:index" again');
  store.setLangs(langs, langTags);
  return { briefs, passages };
}

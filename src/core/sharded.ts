/**
 * The packed index split into objects for R2 (or any key-value store), for
 * collections that outgrow the Worker bundle or must change without a
 * redeploy.
 *
 * - `core.bin`: the header (brief metadata, statistics), the sorted term list,
 *   the offset tables and field lengths. Small; loaded on first request.
 * - `postings-<n>.bin`: the postings blocks of a contiguous range of terms.
 * - `text-<n>.bin`: the text of a contiguous range of passages.
 * - `manifest.json`: which object holds which range. Written last by
 *   `npm run ingest`, so a reader never sees a half-uploaded build; every
 *   other key carries the build id, so objects are immutable and cacheable.
 *
 * The search and the answers are the bundled ones: the same searcher reads
 * postings and text through {@link ShardedSource}, which throws
 * {@link ShardMissing} for a shard not loaded yet; the engine loads it and
 * asks again. Pure: the I/O is a `fetch(key)` function passed in.
 * @module
 */
import { IndexError } from './errors.js';
import { assemble, part, prefixSums, readHeader, type PackHeader } from './packed/format.js';
import { PackedTables, type PackedSource } from './packed/reader.js';

export const MANIFEST_KEY = 'manifest.json';

export interface ShardRange {
  key: string;
  /** First term (postings) or passage (text) in the shard. */
  from: number;
  /** One past the last. */
  to: number;
  bytes: number;
}

export interface ShardManifest {
  format: 'briefbot-shards';
  version: 1;
  /** Build id: `<contentHash>-<builtAt as digits>`; every object key starts with it. */
  build: string;
  briefs: number;
  passages: number;
  core: { key: string; bytes: number };
  postings: ShardRange[];
  text: ShardRange[];
}

export interface ShardOptions {
  /** Target size of a postings shard in bytes (default 256 KB). */
  postingsShardBytes?: number;
  /** Target size of a text shard in bytes (default 128 KB). */
  textShardBytes?: number;
}

/** Split a packed index (what `Engine.serialize` gives) into the objects to upload. */
export function splitIntoShards(bytes: Uint8Array, options: ShardOptions = {}): { manifest: ShardManifest; objects: Map<string, Uint8Array> } {
  const header = readHeader(bytes);
  const meta = header.meta as { contentHash?: string; builtAt?: string };
  const build = `${meta.contentHash ?? 'index'}-${(meta.builtAt ?? '').replace(/\D/g, '').slice(0, 17)}`;
  const objects = new Map<string, Uint8Array>();
  const termStart = prefixSums(part(bytes, header, 'termBlocks'), header.termCount);
  const textStart = prefixSums(part(bytes, header, 'textLength'), header.documentCount);

  const cut = (starts: Uint32Array, count: number, target: number, data: Uint8Array, kind: string): ShardRange[] => {
    const ranges: ShardRange[] = [];
    let from = 0;
    while (from < count) {
      let to = from + 1;
      while (to < count && starts[to + 1]! - starts[from]! <= target) to++;
      const key = `${build}/${kind}-${ranges.length}.bin`;
      const slice = data.slice(starts[from]!, starts[to]!);
      objects.set(key, slice);
      ranges.push({ key, from, to, bytes: slice.length });
      from = to;
    }
    return ranges;
  };
  const postings = cut(termStart, header.termCount, options.postingsShardBytes ?? 256 * 1024, part(bytes, header, 'postings'), 'postings');
  const text = cut(textStart, header.documentCount, options.textShardBytes ?? 128 * 1024, part(bytes, header, 'text'), 'text');

  const { parts: _parts, ...rest } = header;
  const core = assemble(rest, {
    terms: part(bytes, header, 'terms'),
    termBlocks: part(bytes, header, 'termBlocks'),
    fieldLength: part(bytes, header, 'fieldLength'),
    textLength: part(bytes, header, 'textLength'),
  });
  const coreKey = `${build}/core.bin`;
  objects.set(coreKey, core);
  const manifest: ShardManifest = {
    format: 'briefbot-shards',
    version: 1,
    build,
    briefs: header.briefs.count,
    passages: header.documentCount,
    core: { key: coreKey, bytes: core.length },
    postings,
    text,
  };
  objects.set(MANIFEST_KEY, new TextEncoder().encode(JSON.stringify(manifest, null, 1)));
  return { manifest, objects };
}

/** Thrown by {@link ShardedSource} when a query needs shards that are not loaded yet. */
export class ShardMissing extends Error {
  override readonly name = 'ShardMissing';
  constructor(readonly keys: string[]) {
    super(`Briefbot: shards not loaded yet: ${keys.join(', ')}`);
  }
}

/** Reads an object; `null` when it does not exist. */
export type ShardFetch = (key: string) => Promise<Uint8Array | null>;

/** Figures for `/health` and the bench. */
export interface ShardStats {
  build: string;
  objectsFetched: number;
  bytesFetched: number;
  shardsCached: number;
  bytesCached: number;
}

/** Postings and text served from shards, loaded on demand and kept (up to a byte budget). */
export class ShardedSource implements PackedSource {
  private readonly termStart: Uint32Array;
  private readonly textStart: Uint32Array;
  private readonly loaded = new Map<string, Uint8Array>();
  private readonly pending = new Map<string, Promise<void>>();
  readonly stats: ShardStats;

  constructor(
    readonly manifest: ShardManifest,
    core: Uint8Array,
    readonly header: PackHeader,
    private readonly fetchObject: ShardFetch,
    /** Most shard bytes kept in the isolate; the least recently used go first. */
    private readonly budget = 48 * 1024 * 1024,
  ) {
    this.termStart = prefixSums(part(core, header, 'termBlocks'), header.termCount);
    this.textStart = prefixSums(part(core, header, 'textLength'), header.documentCount);
    this.stats = { build: manifest.build, objectsFetched: 0, bytesFetched: 0, shardsCached: 0, bytesCached: 0 };
  }

  /** Open the manifest's core object. */
  static async open(fetchObject: ShardFetch, manifestKey = MANIFEST_KEY): Promise<{ source: ShardedSource; tables: PackedTables }> {
    const raw = await fetchObject(manifestKey);
    if (!raw) throw new IndexError(`Briefbot: no shard manifest "${manifestKey}" in the bucket; run "npm run ingest -- DIR" first`);
    let manifest: ShardManifest;
    try {
      manifest = JSON.parse(new TextDecoder().decode(raw)) as ShardManifest;
    } catch {
      throw new IndexError(`Briefbot: the shard manifest "${manifestKey}" is not JSON; run "npm run ingest -- DIR" again`);
    }
    if (manifest.format !== 'briefbot-shards' || manifest.version !== 1) {
      throw new IndexError(`Briefbot: "${manifestKey}" is not a shard manifest this build reads; run "npm run ingest -- DIR" again`);
    }
    const core = await fetchObject(manifest.core.key);
    if (!core) throw new IndexError(`Briefbot: the shard "${manifest.core.key}" named by the manifest is missing; run "npm run ingest -- DIR" again`);
    const header = readHeader(core);
    const tables = new PackedTables(header, part(core, header, 'terms'), part(core, header, 'fieldLength'));
    const source = new ShardedSource(manifest, core, header, fetchObject);
    source.stats.objectsFetched += 2;
    source.stats.bytesFetched += raw.length + core.length;
    return { source, tables };
  }

  private static find(ranges: ShardRange[], i: number): ShardRange {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (ranges[mid]!.from <= i) lo = mid;
      else hi = mid - 1;
    }
    return ranges[lo]!;
  }

  private get(range: ShardRange): Uint8Array {
    const data = this.loaded.get(range.key);
    if (!data) throw new ShardMissing([range.key]);
    // Most recently used last (Map keeps insertion order).
    this.loaded.delete(range.key);
    this.loaded.set(range.key, data);
    return data;
  }

  postings(t: number): Uint8Array {
    const range = ShardedSource.find(this.manifest.postings, t);
    const base = this.termStart[range.from]!;
    return this.get(range).subarray(this.termStart[t]! - base, this.termStart[t + 1]! - base);
  }

  text(doc: number): Uint8Array {
    const range = ShardedSource.find(this.manifest.text, doc);
    const base = this.textStart[range.from]!;
    return this.get(range).subarray(this.textStart[doc]! - base, this.textStart[doc + 1]! - base);
  }

  /** Throw one {@link ShardMissing} naming every shard these terms need that is not loaded. */
  require(terms: number[]): void {
    const keys = this.missing(terms, []);
    if (keys.length) throw new ShardMissing(keys);
  }

  /** Keys of the shards holding these terms' postings and these passages' text that are not loaded. */
  missing(terms: number[], docs: number[]): string[] {
    const keys = new Set<string>();
    for (const t of terms) keys.add(ShardedSource.find(this.manifest.postings, t).key);
    for (const d of docs) keys.add(ShardedSource.find(this.manifest.text, d).key);
    return [...keys].filter((k) => !this.loaded.has(k));
  }

  /** Load shards (in parallel; a shard already on its way is awaited, not fetched twice). */
  async load(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((key) => {
        if (this.loaded.has(key)) return undefined;
        let p = this.pending.get(key);
        if (!p) {
          p = this.fetchObject(key).then((data) => {
            this.pending.delete(key);
            if (!data) throw new IndexError(`Briefbot: the shard "${key}" named by the manifest is missing; run "npm run ingest -- DIR" again`);
            this.stats.objectsFetched++;
            this.stats.bytesFetched += data.length;
            this.loaded.set(key, data);
            this.evict();
          });
          p.catch(() => this.pending.delete(key));
          this.pending.set(key, p);
        }
        return p;
      }),
    );
  }

  private evict(): void {
    let total = 0;
    for (const d of this.loaded.values()) total += d.length;
    for (const [key, d] of this.loaded) {
      if (total <= this.budget || this.loaded.size <= 1) break;
      this.loaded.delete(key);
      total -= d.length;
    }
    this.stats.shardsCached = this.loaded.size;
    this.stats.bytesCached = total;
  }
}

/** Join objects for a test or a local folder: `key → bytes`, as `ShardFetch`. */
export function fetchFromMap(objects: Map<string, Uint8Array>): ShardFetch {
  return async (key) => objects.get(key) ?? null;
}

/**
 * Sharded storage in R2: the Worker side of `src/core/sharded.ts`.
 *
 * `STORAGE_MODE = "r2"` (wrangler.toml `[vars]`) makes the Worker read the
 * index from the `SHARDS` bucket that `npm run ingest -- DIR` filled, instead
 * of the bundled one. The manifest is re-read at most every
 * `SHARDS_REFRESH_SECONDS` (default 60), so new briefs become searchable
 * without a redeploy; shards are immutable (their keys carry the build id)
 * and kept in the isolate and in the Cache API.
 * @module
 */
import { Engine } from '../core/engine.js';
import { IndexError } from '../core/errors.js';
import type { Lexicon } from '../core/lexicon.js';
import type { Env } from '../env.js';
import { MANIFEST_KEY, type ShardFetch } from '../core/sharded.js';

/** The settings this reads: `SHARDS` (the bucket), `SHARDS_PREFIX` (a key prefix, e.g. "newsroom/"), `SHARDS_REFRESH_SECONDS`. */
type ShardsEnv = Pick<Env, 'STORAGE_MODE' | 'SHARDS' | 'SHARDS_PREFIX' | 'SHARDS_REFRESH_SECONDS'>;

/** Bytes that crossed from R2 or the cache (compressed), for `/health` and the bench. */
export const transfer = { r2Gets: 0, r2Bytes: 0, cacheHits: 0, cacheBytes: 0 };

const CACHE_ORIGIN = 'https://briefbot-shards.invalid/';

async function gunzipIfNeeded(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Read objects from R2, through the Cache API for the immutable ones. */
function r2Fetch(bucket: R2Bucket, prefix = ''): ShardFetch {
  return async (key) => {
    const name = prefix + key;
    const immutable = key !== MANIFEST_KEY;
    const cache = immutable && typeof caches !== 'undefined' ? caches.default : undefined;
    const url = CACHE_ORIGIN + encodeURIComponent(name);
    if (cache) {
      const hit = await cache.match(url);
      if (hit) {
        const bytes = new Uint8Array(await hit.arrayBuffer());
        transfer.cacheHits++;
        transfer.cacheBytes += bytes.length;
        return gunzipIfNeeded(bytes);
      }
    }
    const object = await bucket.get(name);
    if (!object) return null;
    const bytes = new Uint8Array(await object.arrayBuffer());
    transfer.r2Gets++;
    transfer.r2Bytes += bytes.length;
    if (cache) {
      await cache.put(url, new Response(bytes, { headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } })).catch(() => undefined);
    }
    return gunzipIfNeeded(bytes);
  };
}

interface Current {
  engine: Engine;
  build: string;
  checkedAt: number;
}

let current: Current | undefined;
let opening: Promise<Current> | undefined;

/**
 * The engine over the R2 shards, opened on first use and refreshed when a new
 * build is ingested. The lexicon is the bundled one (`src/worker.ts`).
 */
export async function shardedEngine(env: ShardsEnv, lexicon: Lexicon): Promise<Engine> {
  const bucket = env.SHARDS;
  if (!bucket) {
    throw new IndexError('Briefbot: STORAGE_MODE is "r2" but the Worker has no SHARDS R2 binding; add [[r2_buckets]] binding = "SHARDS" to wrangler.toml');
  }
  const prefix = env.SHARDS_PREFIX ?? '';
  const refreshMs = Math.max(0, Number(env.SHARDS_REFRESH_SECONDS ?? 60) || 0) * 1000;
  const now = Date.now();
  if (current && now - current.checkedAt < refreshMs) return current.engine;
  opening ??= (async () => {
    try {
      const fetchObject = r2Fetch(bucket, prefix);
      if (current) {
        // Cheap check: has `npm run ingest` written a new build since?
        const raw = await fetchObject(MANIFEST_KEY);
        const build = raw ? (JSON.parse(new TextDecoder().decode(raw)) as { build?: string }).build : undefined;
        if (build === current.build) return (current = { ...current, checkedAt: Date.now() });
      }
      const engine = await Engine.openSharded(fetchObject, lexicon);
      return (current = { engine, build: engine.shardStats!.build, checkedAt: Date.now() });
    } finally {
      opening = undefined;
    }
  })();
  return (await opening).engine;
}

/** Forget the isolate's engine (tests). */
export function resetShardedEngine(): void {
  current = undefined;
  opening = undefined;
}

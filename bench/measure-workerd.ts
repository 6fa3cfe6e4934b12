/**
 * Cold start in workerd: run a bundle written by `wrangler deploy --dry-run
 * --outdir` in Miniflare (the same workerd `wrangler dev` uses) and time the
 * first request, which loads the index, against warm requests.
 * @module
 */
import { readdirSync } from 'node:fs';
import { Miniflare } from 'miniflare';
import { builtWorkerOptions } from './workers.js';

export interface WorkerdFigures {
  /** Process start to the Worker accepting requests (script evaluated). */
  startupMs: number;
  /** First request, which opens the index. */
  firstRequestMs: number;
  /** Fastest of the following requests (same path). */
  warmRequestMs: number;
  /** firstRequestMs − warmRequestMs: the index load as a user sees it. */
  coldLoadMs: number;
}

export async function measureWorkerd(
  outdir: string,
  path: string,
  options: { kv?: string[]; r2?: string[]; bindings?: Record<string, string>; r2Persist?: string } = {},
): Promise<WorkerdFigures> {
  const main = readdirSync(outdir).find((f) => f.endsWith('.js') && !f.endsWith('.map'));
  if (!main) throw new Error(`bench: no bundle in ${outdir}`);
  const t0 = performance.now();
  const mf = new Miniflare(
    builtWorkerOptions(outdir, main, {
      kvNamespaces: options.kv ?? [],
      r2Buckets: options.r2 ?? [],
      ...(options.r2Persist ? { r2Persist: options.r2Persist } : {}),
      bindings: options.bindings ?? {},
    }),
  );
  try {
    await mf.ready;
    const startupMs = performance.now() - t0;
    const time = async () => {
      const s = performance.now();
      const res = await mf.dispatchFetch('http://bench.local' + path);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`bench: ${path} answered ${res.status}`);
      return performance.now() - s;
    };
    const firstRequestMs = await time();
    let warmRequestMs = Infinity;
    for (let i = 0; i < 10; i++) warmRequestMs = Math.min(warmRequestMs, await time());
    return { startupMs, firstRequestMs, warmRequestMs, coldLoadMs: Math.max(0, firstRequestMs - warmRequestMs) };
  } finally {
    await mf.dispose();
  }
}

export interface ShardedFigures {
  /** First question on a cold isolate: manifest, core and the shards it needs. */
  coldMs: number;
  coldObjects: number;
  coldBytes: number;
  /** The same question again (everything cached in the isolate). */
  warmSameMs: number;
  /** New questions on a warm isolate: latency and what each one fetched from R2. */
  warmNew: { queries: number; p50: number; p95: number; bytesPerQuery: number; objectsPerQuery: number };
  /** Bundled mode, same Worker, same questions, for comparison. */
  bundledFirstMs: number;
  bundledWarm: { p50: number; p95: number };
}

/**
 * Sharded mode in workerd: the Worker of `outdir` with STORAGE_MODE = "r2"
 * over Miniflare's emulated R2 (local disk, so R2's own network latency is
 * not in these figures: the bytes and objects fetched are).
 */
export async function measureSharded(outdir: string, objects: Map<string, Uint8Array>, queries: string[]): Promise<ShardedFigures> {
  const main = readdirSync(outdir).find((f) => f.endsWith('.js') && !f.endsWith('.map'))!;
  const make = (mode: string) =>
    new Miniflare(
      builtWorkerOptions(outdir, main, {
        r2Buckets: ['SHARDS'],
        bindings: { STORAGE_MODE: mode, SHARDS_REFRESH_SECONDS: '3600', CORS_ORIGINS: '*' },
      }),
    );
  const ask = async (mf: Miniflare, q: string) => {
    const s = performance.now();
    const res = await mf.dispatchFetch('http://bench.local/api/ask?q=' + encodeURIComponent(q));
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`bench: /api/ask answered ${res.status}`);
    return performance.now() - s;
  };
  const health = async (mf: Miniflare) =>
    ((await (await mf.dispatchFetch('http://bench.local/health')).json()) as { storage: { r2Gets: number; r2Bytes: number } }).storage;
  const pct = (list: number[], p: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]!;

  const mf = make('r2');
  let sharded: Omit<ShardedFigures, 'bundledFirstMs' | 'bundledWarm'>;
  try {
    await mf.ready;
    const bucket = await mf.getR2Bucket('SHARDS');
    const { gzipSync } = await import('node:zlib');
    for (const [key, bytes] of objects) {
      const stored = key === 'manifest.json' ? bytes : gzipSync(bytes, { level: 9 });
      await bucket.put(key, stored.buffer.slice(stored.byteOffset, stored.byteOffset + stored.byteLength) as ArrayBuffer);
    }
    const coldMs = await ask(mf, queries[0]!);
    const afterCold = await health(mf);
    const warmSameMs = Math.min(await ask(mf, queries[0]!), await ask(mf, queries[0]!));
    const times: number[] = [];
    let prev = await health(mf);
    const bytes: number[] = [];
    const objs: number[] = [];
    for (const q of queries.slice(1)) {
      times.push(await ask(mf, q));
      const h = await health(mf);
      bytes.push(h.r2Bytes - prev.r2Bytes);
      objs.push(h.r2Gets - prev.r2Gets);
      prev = h;
    }
    const mean = (l: number[]) => l.reduce((a, b) => a + b, 0) / Math.max(1, l.length);
    sharded = {
      coldMs,
      coldObjects: afterCold.r2Gets,
      coldBytes: afterCold.r2Bytes,
      warmSameMs,
      warmNew: { queries: times.length, p50: pct(times, 50), p95: pct(times, 95), bytesPerQuery: mean(bytes), objectsPerQuery: mean(objs) },
    };
  } finally {
    await mf.dispose();
  }
  const bundled = make('bundled');
  try {
    await bundled.ready;
    const bundledFirstMs = await ask(bundled, queries[0]!);
    await ask(bundled, queries[0]!);
    const times: number[] = [];
    for (const q of queries.slice(1)) times.push(await ask(bundled, q));
    return { ...sharded, bundledFirstMs, bundledWarm: { p50: pct(times, 50), p95: pct(times, 95) } };
  } finally {
    await bundled.dispose();
  }
}

/**
 * Cold start in workerd: run a bundle written by `wrangler deploy --dry-run
 * --outdir` in Miniflare (the same workerd `wrangler dev` uses) and time the
 * first request, which loads the index, against warm requests.
 * @module
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';

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

export async function measureWorkerd(outdir: string, path: string, options: { kv?: string[]; r2?: string[]; bindings?: Record<string, string>; r2Persist?: string } = {}): Promise<WorkerdFigures> {
  const main = readdirSync(outdir).find((f) => f.endsWith('.js') && !f.endsWith('.map'));
  if (!main) throw new Error(`bench: no bundle in ${outdir}`);
  const t0 = performance.now();
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(outdir, main),
    modulesRoot: outdir,
    modulesRules: [{ type: 'Data', include: ['**/*.bin'] }],
    compatibilityDate: '2026-04-20',
    kvNamespaces: options.kv ?? [],
    r2Buckets: options.r2 ?? [],
    ...(options.r2Persist ? { r2Persist: options.r2Persist } : {}),
    bindings: options.bindings ?? {},
  });
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

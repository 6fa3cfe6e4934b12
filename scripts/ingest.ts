/**
 * `npm run ingest -- DIR`: build the index of a briefs folder as shards and
 * upload them to the Worker's R2 bucket, for `STORAGE_MODE = "r2"`.
 *
 *   npm run ingest -- DIR --local            into the bucket `wrangler dev` emulates (.wrangler/state)
 *   npm run ingest -- DIR                    into the real bucket, with `wrangler r2 object put --remote`
 *   npm run ingest -- DIR --out SHARDS_DIR   only write the objects to a folder
 *
 * Options: --bucket NAME (default: the SHARDS binding's bucket_name in wrangler.toml),
 * --prefix P (key prefix, as SHARDS_PREFIX), --postings-shard 256KB, --text-shard 128KB,
 * --no-gzip, --persist-to DIR (as wrangler's), --concurrency N (remote uploads at once).
 *
 * Shards are uploaded first and the manifest last, so a Worker never sees a
 * half-uploaded build; it picks the new one up within SHARDS_REFRESH_SECONDS.
 * @module
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parseBriefs } from '../src/core/brief.js';
import type { Engine } from '../src/core/engine.js';
import { buildEngine } from '../src/core/indexer.js';
import { readLexicon } from '../src/node/lexicon.js';
import { BriefError } from '../src/core/errors.js';
import { MANIFEST_KEY, splitIntoShards } from '../src/core/sharded.js';
import { readBriefFiles, readSynonyms } from '../src/node/briefs-dir.js';
import { fmt, parseSize } from './build-index.js';

const USAGE = `Usage: npm run ingest -- DIR [--local | --out SHARDS_DIR] [--bucket NAME] [--prefix P]
       [--postings-shard 256KB] [--text-shard 128KB] [--no-gzip] [--persist-to DIR] [--concurrency 4]`;

/** The SHARDS binding's bucket name in wrangler.toml. */
function bucketFromConfig(file = 'wrangler.toml'): string | undefined {
  if (!existsSync(file)) return undefined;
  for (const block of readFileSync(file, 'utf8')
    .split(/^\[\[r2_buckets\]\]\s*$/m)
    .slice(1)) {
    const body = block.split(/^\[/m)[0]!;
    if (/^\s*binding\s*=\s*"SHARDS"/m.test(body)) return /^\s*bucket_name\s*=\s*"([^"]+)"/m.exec(body)?.[1];
  }
  return undefined;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        local: { type: 'boolean', default: false },
        out: { type: 'string' },
        bucket: { type: 'string' },
        prefix: { type: 'string', default: '' },
        'postings-shard': { type: 'string', default: '256KB' },
        'text-shard': { type: 'string', default: '128KB' },
        'no-gzip': { type: 'boolean', default: false },
        'persist-to': { type: 'string', default: '.wrangler/state' },
        concurrency: { type: 'string', default: '4' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`ingest: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`ingest: give exactly one briefs folder\n${USAGE}\n`);
    return 2;
  }
  const bucket = values.bucket ?? bucketFromConfig();
  if (!values.out && !bucket) {
    process.stderr.write('ingest: no bucket: add [[r2_buckets]] binding = "SHARDS" to wrangler.toml, or pass --bucket NAME\n');
    return 2;
  }
  let postingsShardBytes: number;
  let textShardBytes: number;
  try {
    postingsShardBytes = parseSize(values['postings-shard']);
    textShardBytes = parseSize(values['text-shard']);
  } catch (err) {
    process.stderr.write(`ingest: ${(err as Error).message}\n`);
    return 2;
  }

  const t0 = performance.now();
  let engine: Engine;
  try {
    const dir = resolve(positionals[0]!);
    engine = buildEngine(parseBriefs(readBriefFiles(dir)), readLexicon(), undefined, undefined, readSynonyms(dir));
  } catch (err) {
    if (err instanceof BriefError) {
      process.stderr.write(`ingest: nothing was uploaded; fix these first:\n${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const { manifest, objects } = splitIntoShards(engine.serialize(), { postingsShardBytes, textShardBytes });
  // Shards are stored gzipped (the Worker inflates them); the manifest stays plain JSON.
  const stored = new Map([...objects].map(([k, v]) => [values.prefix + k, k === MANIFEST_KEY || values['no-gzip'] ? v : gzipSync(v, { level: 9 })] as const));
  const total = [...stored.values()].reduce((n, v) => n + v.length, 0);
  process.stderr.write(
    `ingest: ${manifest.briefs} briefs, ${manifest.passages} passages → build ${manifest.build}: core ${fmt(manifest.core.bytes)}, ` +
      `${manifest.postings.length} postings + ${manifest.text.length} text shards, ${stored.size} objects, ${fmt(total)} stored, built in ${Math.round(performance.now() - t0)} ms\n`,
  );
  const order = [...stored.keys()].filter((k) => k !== values.prefix + MANIFEST_KEY).concat(values.prefix + MANIFEST_KEY);

  if (values.out) {
    const out = resolve(values.out);
    for (const key of order) {
      mkdirSync(dirname(join(out, key)), { recursive: true });
      writeFileSync(join(out, key), stored.get(key)!);
    }
    process.stderr.write(`ingest: wrote ${stored.size} objects to ${out}\n`);
    return 0;
  }

  if (values.local) {
    // The same store `wrangler dev` and `wrangler r2 object put --local` use.
    const { Miniflare } = await import('miniflare');
    const mf = new Miniflare({
      modules: true,
      script: 'export default { fetch() { return new Response(null, { status: 204 }) } }',
      r2Buckets: { SHARDS: bucket! },
      r2Persist: join(resolve(values['persist-to']), 'v3', 'r2'),
    });
    try {
      const r2 = await mf.getR2Bucket('SHARDS');
      for (const key of order) {
        const bytes = stored.get(key)!;
        // A plain ArrayBuffer: the proxy to workerd does not take Node Buffers.
        await r2.put(key, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      }
    } finally {
      await mf.dispose();
    }
    process.stderr.write(
      `ingest: uploaded ${stored.size} objects to the local bucket "${bucket}" (${values['persist-to']}); run "npm run dev" with STORAGE_MODE = "r2"\n`,
    );
    return 0;
  }

  // Remote: one `wrangler r2 object put` per object, a few at a time, the manifest last.
  const tmp = join(tmpdir(), `briefbot-ingest-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  const run = promisify(execFile);
  const wrangler = resolve('node_modules', '.bin', 'wrangler');
  const put = async (key: string) => {
    const file = join(tmp, encodeURIComponent(key));
    writeFileSync(file, stored.get(key)!);
    try {
      await run(wrangler, [
        'r2',
        'object',
        'put',
        `${bucket}/${key}`,
        '--file',
        file,
        '--remote',
        '--content-type',
        key.endsWith('.json') ? 'application/json' : 'application/octet-stream',
      ]);
    } catch (err) {
      const e = err as { stderr?: string; message: string };
      throw new Error(`wrangler r2 object put ${bucket}/${key} failed:\n${e.stderr || e.message}`);
    }
    process.stderr.write('.');
  };
  try {
    const shards = order.slice(0, -1);
    const limit = Math.max(1, Number(values.concurrency) || 4);
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(limit, shards.length) }, async () => {
        while (next < shards.length) await put(shards[next++]!);
      }),
    );
    await put(order[order.length - 1]!);
  } catch (err) {
    process.stderr.write(`\ningest: ${(err as Error).message}\ningest: the manifest was not replaced; the Worker keeps serving the previous build.\n`);
    return 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  process.stderr.write(
    `\ningest: uploaded ${stored.size} objects to R2 bucket "${bucket}"; Workers pick up build ${manifest.build} within SHARDS_REFRESH_SECONDS\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`ingest: ${(err as Error).stack ?? err}\n`);
    process.exitCode = 1;
  },
);

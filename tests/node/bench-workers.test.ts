/**
 * The bench builds every corpus' Worker in its own work folder (bench/workers.ts) and never
 * writes src/generated/: neither when it runs through, nor when it is stopped by a signal while
 * a corpus' Worker is being bundled (issue 12, item 6). The fair baseline searches like our index.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import MiniSearch from 'minisearch';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAIR_K, openFair, packFair } from '../../bench/fair.js';
import { buildBytes } from '../../bench/variants.js';
import { buildWorker, builtWorkerOptions, workerDir } from '../../bench/workers.js';
import { parseBriefs } from '../../src/core/brief.js';
import { MINISEARCH_OPTIONS } from '../../src/core/search-index.js';
import type { Brief } from '../../src/core/types.js';
import { readBriefFiles } from '../../src/node/briefs-dir.js';

const GENERATED = resolve('src/generated');
const SAMPLE = resolve('tests/fixtures/eval-sample/briefs');

/** Every file of src/generated/ with the SHA-256 of its bytes. */
function snapshot(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(GENERATED).sort())
    out[f] = createHash('sha256')
      .update(readFileSync(join(GENERATED, f)))
      .digest('hex');
  return out;
}

let briefs: Brief[];
let before: Record<string, string>;
const cleanup: string[] = [];

beforeAll(() => {
  briefs = parseBriefs(readBriefFiles(SAMPLE));
  before = snapshot();
  // The sample is not the project's index: a bench that wrote src/generated/ would show.
  expect(briefs.length).toBeGreaterThan(1);
  expect(Object.keys(before)).toEqual(expect.arrayContaining(['index.bin', 'index-data.ts', 'lexicon.bin']));
});

afterAll(() => {
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});

describe('bench Workers', () => {
  it("bundles a corpus' Worker from its work folder, with that corpus' index, and leaves src/generated/ alone", async () => {
    const bytes = buildBytes('ours', briefs, 'bench-test');
    const dir = workerDir('ours', `test-${process.pid}`);
    cleanup.push(dir);
    const { outdir, size } = buildWorker('ours', bytes, dir, 'bench:test');
    const files = readdirSync(outdir);
    const data = (suffix: string) =>
      readFileSync(
        join(
          outdir,
          files.find((f) => f.endsWith(suffix))!,
        ),
      );
    // The corpus' index and the lexicon are the bundle's Data modules.
    expect(Buffer.compare(data('index.bin'), Buffer.from(bytes))).toBe(0);
    expect(Buffer.compare(data('lexicon.bin'), readFileSync(join(GENERATED, 'lexicon.bin')))).toBe(0);
    expect(size.gz).toBeGreaterThan(100 * 1024);
    // The bundle serves the corpus.
    const mf = new Miniflare(builtWorkerOptions(outdir, 'worker.js', { r2Buckets: ['SHARDS'] }));
    try {
      const health = (await (await mf.dispatchFetch('http://bench.local/health')).json()) as { index: { briefs: number; passages: number } };
      expect(health.index.briefs).toBe(briefs.length);
      expect(health.index.passages).toBe(briefs.reduce((n, b) => n + b.passages.length, 0));
    } finally {
      await mf.dispose();
    }
    expect(snapshot()).toEqual(before);
  }, 120_000);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`a bench stopped by ${signal} while it bundles a corpus leaves src/generated/ byte for byte`, async () => {
      const tmp = mkdtempSync(join(tmpdir(), 'briefbot-bench-test-'));
      cleanup.push(tmp);
      // A corpus of its own name, so its work folder is the test's.
      const corpus = join(tmp, `bench-test-${process.pid}-${signal.toLowerCase()}`);
      mkdirSync(corpus);
      cpSync(SAMPLE, corpus, { recursive: true });
      const dir = workerDir('ours', corpus.split(/[/\\]/).pop()!);
      cleanup.push(dir);
      // What `npm run bench` runs, in a process group of its own (wrangler included), no kit needed.
      const child = spawn(
        resolve('node_modules/.bin/tsx'),
        ['bench/run.ts', '--briefs', corpus, '--index', 'ours', '--no-sharded', '--kit', join(tmp, 'no-kit'), '--work', join(tmp, 'work')],
        { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
        child.on('exit', (code, sig) => done({ code, signal: sig })),
      );
      const bundling = new Promise<boolean>((done) => {
        child.stderr!.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (/bundling the Worker in/.test(stderr)) done(true);
        });
        void exited.then(() => done(false));
      });
      expect(await bundling, stderr).toBe(true);
      // Mid-run: the corpus' index is written and wrangler is bundling it.
      expect(existsSync(join(dir, 'index.bin'))).toBe(true);
      expect(Buffer.compare(readFileSync(join(dir, 'index.bin')), readFileSync(join(GENERATED, 'index.bin')))).not.toBe(0);
      process.kill(-child.pid!, signal);
      const end = await exited;
      expect(end.code === 0, stderr).toBe(false);
      expect(stderr).not.toMatch(/raw figures in/);
      expect(snapshot()).toEqual(before);
    }, 120_000);
  }
});

describe('fair baseline', () => {
  it("indexes with our analysis and searches with the production retrieval's options, text kept apart", () => {
    const bytes = packFair(briefs);
    const fair = openFair(bytes);
    const passages = briefs.flatMap((b) => b.passages);
    expect(fair.documentCount).toBe(passages.length);
    // No stored fields: the text is decoded from its own section of the bytes.
    const json = JSON.parse(
      new TextDecoder().decode(bytes.subarray(8 + 4 * (passages.length + 1), 8 + 4 * (passages.length + 1) + new DataView(bytes.buffer).getUint32(0, true))),
    );
    expect(json.storedFields).toEqual({});
    passages.forEach((p, i) => expect(fair.text(i)).toBe(p.text));
    // The same ranking MiniSearch gives over the same analysis.
    const mini = new MiniSearch(MINISEARCH_OPTIONS);
    mini.addAll(passages.map((p, id) => ({ id, title: briefs.find((b) => b.id === p.briefId)!.title, section: p.section ?? '', text: p.text })));
    const hits = fair.search('When did the oil embargo end?');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(FAIR_K);
    expect(hits.map((h) => h.id)).toEqual(
      mini
        .search('oil embargo end', { combineWith: 'OR', bm25: { k: 1.2, b: 0.7, d: 0.5 }, tokenize: (q) => q.split(' '), processTerm: (t) => t })
        .slice(0, FAIR_K)
        .map((r) => r.id),
    );
    expect(hits[0]!.text).toBe(passages[hits[0]!.id]!.text);
    expect(fair.search('the of and')).toEqual([]);
  });
});

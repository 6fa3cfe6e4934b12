/**
 * `npm run bench`: Briefbot's bundled index against plain MiniSearch, on the
 * same machine in the same run.
 *
 *   npm run bench                      quick: seeds, reuters-1k, newsroom
 *   npm run bench -- --full            seeds, reuters 1k/5k/10k, bbc-2225, newsroom (+ what fits 3 MB / 10 MB)
 *   npm run bench -- --corpora reuters-5k,newsroom --queries 1000
 *   npm run bench -- --kit PATH        evaluation kit (default ../shared/evalkit)
 *   npm run bench -- --no-workerd      skip bundling and workerd cold starts
 *   npm run bench -- --index ours      only one index (ours or plain)
 *   npm run bench -- --no-sharded      skip the R2-shards measurements
 *   npm run bench -- --work DIR        scratch folder (default: <tmp>/briefbot-bench)
 *
 * Prints a Markdown table, writes the raw figures to bench/results/latest.json,
 * and with --full (or --docs) rewrites the table in docs/benchmarks.md.
 * Benchmarks report; nothing here asserts a time limit.
 * @module
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { fmt, generatedFiles, writeGenerated } from '../scripts/build-index.js';
import { measureUpload, type UploadSize } from '../scripts/worker-size.js';
import { buildEngine } from '../src/core/indexer.js';
import { readLexicon } from '../src/node/lexicon.js';
import { parseBriefs } from '../src/core/brief.js';
import { Lexicon } from '../src/core/lexicon.js';
import type { Brief } from '../src/core/types.js';
import { readBriefFiles } from '../src/node/briefs-dir.js';
import { FULL, kitMissing, loadQueries, prepareCorpus, QUICK, workDir } from './corpora.js';
import { measureSharded, measureWorkerd, type ShardedFigures, type WorkerdFigures } from './measure-workerd.js';
import { splitIntoShards } from '../src/core/sharded.js';
import { buildBytes, type Kind } from './variants.js';

const ROOT = resolve('.');
const GEN = join(ROOT, 'bench', '.gen');
const MiB = 1024 * 1024;

interface Row {
  corpus: string;
  kind: Kind;
  briefs: number;
  passages: number;
  textGz: number;
  buildMs: number;
  indexRaw: number;
  indexGz: number;
  bundle?: { raw: number; gz: number };
  node: {
    loadMs: number;
    loadCpuMs: number;
    heapMB: number;
    arrayBuffersMB: number;
    heapAfterQueriesMB: number;
    firstQueryMs: number;
    queries: number;
    p50: number;
    p95: number;
    p99: number;
    max: number;
    cpu: { p50: number; p95: number; p99: number };
  };
  workerd?: WorkerdFigures;
  sharded?: ShardedFigures & { shards: number };
  queries: string;
}

function args() {
  const { values } = parseArgs({
    options: {
      kit: { type: 'string', default: resolve(ROOT, '..', 'shared', 'evalkit') },
      full: { type: 'boolean', default: false },
      corpora: { type: 'string' },
      queries: { type: 'string' },
      'no-workerd': { type: 'boolean', default: false },
      'no-sharded': { type: 'boolean', default: false },
      index: { type: 'string', default: 'both' },
      docs: { type: 'boolean', default: false },
      work: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  return values;
}

function gz(data: Uint8Array | string): number {
  return gzipSync(data).length;
}

/** Run the node measurement in a fresh process, pinned to one core when `taskset` exists. */
function measureNode(kind: Kind, dataFile: string, queriesFile: string) {
  const node = [process.execPath, '--expose-gc', '--import', 'tsx', join(ROOT, 'bench', 'measure-node.ts'), '--kind', kind, '--data', dataFile, '--queries', queriesFile];
  const pinned = existsSync('/usr/bin/taskset') ? ['/usr/bin/taskset', '-c', '1', ...node] : node;
  const run = spawnSync(pinned[0]!, pinned.slice(1), { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`bench: measuring ${kind} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as Row['node'];
}

/** `wrangler deploy --dry-run --outdir`: the upload as wrangler reports it. */
function dryRun(config: string, outdir: string): { raw: number; gz: number } {
  rmSync(outdir, { recursive: true, force: true });
  const out = execFileSync(join(ROOT, 'node_modules', '.bin', 'wrangler'), ['deploy', '--dry-run', '--outdir', outdir, '--config', config], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    maxBuffer: 1 << 26,
  });
  const m = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(out);
  if (m) return { raw: Number(m[1]) * 1024, gz: Number(m[2]) * 1024 };
  // Fall back to measuring the files.
  let raw = 0;
  let z = 0;
  for (const f of readdirSync(outdir)) {
    if (f.endsWith('.map') || f === 'README.md') continue;
    const b = readFileSync(join(outdir, f));
    raw += b.length;
    z += gz(b);
  }
  return { raw, gz: z };
}

const PLAIN_WORKER = `// Generated by the bench: plain MiniSearch in a Worker (JSON string bundled, loadJSON on first request).
import MiniSearch from 'minisearch';
import { PLAIN_JSON } from './data.js';
const OPTIONS = { fields: ['title', 'text'], storeFields: ['briefId', 'text'] };
let mini;
export default {
  fetch(request) {
    mini ??= MiniSearch.loadJSON(PLAIN_JSON, OPTIONS);
    const q = new URL(request.url).searchParams.get('q') ?? '';
    return Response.json({ documents: mini.documentCount, hits: mini.search(q).slice(0, 3) });
  },
};
`;

/** Bundle one variant as a Worker and return its outdir. */
function bundle(kind: Kind, bytes: Uint8Array, corpus: string): { outdir: string; size: { raw: number; gz: number } } {
  const outdir = join(GEN, `out-${kind}`);
  if (kind === 'ours') {
    writeGenerated(join(ROOT, 'src', 'generated'), bytes, `bench:${corpus}`);
    return { outdir, size: dryRun(join(ROOT, 'wrangler.toml'), outdir) };
  }
  const dir = join(GEN, 'plain');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'worker.js'), PLAIN_WORKER);
  writeFileSync(join(dir, 'data.js'), `export const PLAIN_JSON = ${JSON.stringify(new TextDecoder().decode(bytes))};\n`);
  writeFileSync(join(dir, 'wrangler.toml'), `name = "bench-plain"\nmain = "worker.js"\ncompatibility_date = "2026-04-20"\n`);
  return { outdir, size: dryRun(join(dir, 'wrangler.toml'), outdir) };
}

const f1 = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const mb = (b: number) => (b / MiB).toFixed(2);

export function shardedTable(rows: Row[]): string {
  const list = rows.filter((r) => r.sharded);
  if (list.length === 0) return '';
  return (
    '| corpus | objects | cold: first question ms (objects, MB fetched) | same question again ms | new questions, warm isolate: p50 / p95 ms | fetched per new question | bundled mode: first question / warm p50 / p95 ms |\n' +
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n' +
    list
      .map((r) => {
        const s = r.sharded!;
        return `| ${r.corpus} | ${s.shards + 1} | ${f1(s.coldMs)} (${s.coldObjects}, ${mb(s.coldBytes)}) | ${f1(s.warmSameMs)} | ${f1(s.warmNew.p50)} / ${f1(s.warmNew.p95)} | ${(s.warmNew.bytesPerQuery / 1024).toFixed(0)} KB in ${s.warmNew.objectsPerQuery.toFixed(1)} objects | ${f1(s.bundledFirstMs)} / ${f1(s.bundledWarm.p50)} / ${f1(s.bundledWarm.p95)} |`;
      })
      .join('\n') +
    '\n'
  );
}

export function table(rows: Row[]): string {
  const head =
    '| corpus | index | briefs / passages | build s | index raw / gz MB | gz ÷ text gz | Worker raw / gz MB | load (Node) ms wall / CPU | cold load (workerd) ms | heap after load MB | query p50 / p95 / p99 ms, CPU | same, wall-clock |\n' +
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n';
  return (
    head +
    rows
      .map((r) =>
        [
          r.corpus,
          r.kind === 'ours' ? '**ours**' : 'plain MiniSearch',
          `${r.briefs} / ${r.passages}`,
          (r.buildMs / 1000).toFixed(2),
          `${mb(r.indexRaw)} / ${mb(r.indexGz)}`,
          (r.indexGz / r.textGz).toFixed(2),
          r.bundle ? `${mb(r.bundle.raw)} / ${mb(r.bundle.gz)}` : '–',
          `${f1(r.node.loadMs)} / ${f1(r.node.loadCpuMs)}`,
          r.workerd ? f1(r.workerd.coldLoadMs) : '–',
          `${f1(r.node.heapMB)}${r.node.arrayBuffersMB > 0.05 ? ` (+${f1(r.node.arrayBuffersMB)} buffers)` : ''}`,
          `${f1(r.node.cpu.p50)} / ${f1(r.node.cpu.p95)} / ${f1(r.node.cpu.p99)}`,
          `${f1(r.node.p50)} / ${f1(r.node.p95)} / ${f1(r.node.p99)}`,
        ].join(' | '),
      )
      .map((l) => `| ${l} |`)
      .join('\n') +
    '\n'
  );
}

/** Largest Reuters collection whose Worker fits `limit` (linear in briefs, from the measured points). */
function fits(rows: Row[], kind: Kind, limit: number): string {
  const pts = rows.filter((r) => r.kind === kind && r.corpus.startsWith('reuters-') && r.bundle).map((r) => [r.briefs, r.bundle!.gz] as const);
  if (pts.length < 2) return 'n/a (needs two Reuters sizes)';
  const n = pts.length;
  const mx = pts.reduce((s, p) => s + p[0], 0) / n;
  const my = pts.reduce((s, p) => s + p[1], 0) / n;
  const slope = pts.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) / pts.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  const intercept = my - slope * mx;
  const briefs = Math.floor((limit - intercept) / slope);
  return `≈ ${Math.max(0, Math.round(briefs / 100) * 100).toLocaleString('en-US')} briefs (${(slope / 1024).toFixed(2)} KB gz per brief)`;
}

async function main(): Promise<number> {
  const opts = args();
  if (opts.help) {
    process.stdout.write(readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]!.replace(/^\/\*\*?|^ \* ?/gm, '') + '\n');
    return 0;
  }
  const kit = resolve(opts.kit);
  const names = opts.corpora ? opts.corpora.split(',').map((s) => s.trim()) : opts.full ? FULL : QUICK;
  const needsKit = names.some((n) => n !== 'seeds');
  const missing = kitMissing(kit);
  if (missing && needsKit) {
    process.stderr.write(missing + '\n');
    return 2;
  }
  const queryCount = Number(opts.queries ?? (opts.full ? 2000 : 500));
  const shardedQueries = opts.full ? 100 : 40;
  const work = workDir(opts.work);
  const all = missing ? [] : loadQueries(kit, queryCount + 200);
  // Evenly spaced newsroom questions: the first ones are timed, the last 200 (a disjoint set) warm up.
  const timed = missing ? ['Who is the president?', 'When did it happen?', 'How many people were there?'] : all.slice(0, queryCount);
  const warm = missing ? timed : all.slice(queryCount);
  const queriesFile = join(work, 'queries.json');
  writeFileSync(queriesFile, JSON.stringify({ timed, warm }));

  // The bench overwrites src/generated/ to bundle each corpus: keep the developer's index.
  const genDir = join(ROOT, 'src', 'generated');
  const backup = join(work, 'generated-backup');
  rmSync(backup, { recursive: true, force: true });
  if (existsSync(genDir)) {
    mkdirSync(backup, { recursive: true });
    for (const f of readdirSync(genDir)) copyFileSync(join(genDir, f), join(backup, f));
  }

  const lexicon = measureLexicon();
  const budget = await measureBudget();
  const rows: Row[] = [];
  const started = Date.now();
  const loadStart = loadavg()[0]!;
  try {
    for (const name of names) {
      const corpus = prepareCorpus(name, kit, work);
      const briefs: Brief[] = parseBriefs(readBriefFiles(corpus.dir));
      const passages = briefs.reduce((n, b) => n + b.passages.length, 0);
      // The floor for anything that ships the text: titles and passages, gzipped.
      const textGz = gz(briefs.map((b) => [b.title, ...b.passages.map((p) => p.text)].join('\n\n')).join('\n\n'));
      for (const kind of (opts.index === 'both' ? ['ours', 'plain'] : [opts.index]) as Kind[]) {
        process.stderr.write(`bench: ${name} (${briefs.length} briefs, ${passages} passages): ${kind}…\n`);
        const t0 = performance.now();
        const bytes = buildBytes(kind, briefs);
        const buildMs = performance.now() - t0;
        const dataFile = join(work, `${name}-${kind}.bin`);
        writeFileSync(dataFile, bytes);
        const row: Row = {
          corpus: name,
          kind,
          briefs: briefs.length,
          passages,
          textGz,
          buildMs,
          indexRaw: bytes.length,
          indexGz: gz(bytes),
          node: measureNode(kind, dataFile, queriesFile),
          queries: corpus.queries,
        };
        if (!opts['no-workerd']) {
          const { outdir, size } = bundle(kind, bytes, name);
          row.bundle = size;
          // Median of three cold starts (one sample is at the mercy of whatever else the machine runs).
          const colds: WorkerdFigures[] = [];
          for (let i = 0; i < 3; i++) colds.push(await measureWorkerd(outdir, kind === 'ours' ? '/health' : '/?q=oil%20prices', kind === 'ours' ? { kv: ['STATE'], r2: ['SHARDS'] } : {}));
          row.workerd = colds.sort((a, b) => a.coldLoadMs - b.coldLoadMs)[1]!;
          if (kind === 'ours' && !opts['no-sharded']) {
            const { objects } = splitIntoShards(bytes);
            process.stderr.write(`bench: ${name}: sharded (R2) mode…\n`);
            row.sharded = { ...(await measureSharded(outdir, objects, timed.slice(0, shardedQueries + 1))), shards: objects.size - 1 };
          }
        }
        rows.push(row);
      }
    }
  } finally {
    rmSync(genDir, { recursive: true, force: true });
    if (existsSync(backup)) {
      mkdirSync(genDir, { recursive: true });
      for (const f of readdirSync(backup)) copyFileSync(join(backup, f), join(genDir, f));
    }
  }

  const load = `load average ${loadStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end`;
  const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version}, ${process.platform}; ${load}`;
  const summary = [
    `Largest Reuters collection whose Worker fits 3 MB gz (free plan): ours ${fits(rows, 'ours', 3 * MiB)}; plain MiniSearch ${fits(rows, 'plain', 3 * MiB)}.`,
    `Largest that fits 10 MB gz (paid plan): ours ${fits(rows, 'ours', 10 * MiB)}; plain MiniSearch ${fits(rows, 'plain', 10 * MiB)}.`,
    lexicon,
  ];
  const md =
    `Machine: ${machine}. Date: ${new Date().toISOString().slice(0, 10)}. ${timed.length} timed queries per corpus (newsroom questions, evenly spaced; ${warm.length} others to warm up). Run took ${Math.round((Date.now() - started) / 1000)} s.\n\n` +
    table(rows) +
    '\n' +
    summary.map((s) => `- ${s}`).join('\n') +
    '\n' +
    `\nBundle budget: the Worker as \`wrangler deploy\` uploads it with the seed index (code bundled as wrangler bundles it, scripts/worker-size.ts; gzipped as one stream, as wrangler counts):\n\n${budgetTable(budget)}` +
    (shardedTable(rows) ? `\nR2 shards (STORAGE_MODE = "r2", Miniflare's emulated R2 on local disk; objects stored gzipped; ${shardedQueries} new questions):\n\n${shardedTable(rows)}` : '');
  process.stdout.write('\n' + md);
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'latest.json'), JSON.stringify({ machine, date: new Date().toISOString(), queries: timed.length, budget, rows }, null, 2) + '\n');
  process.stderr.write('bench: raw figures in bench/results/latest.json\n');
  if (opts.full || opts.docs) writeDocs(md);
  return 0;
}

/**
 * The bundled lexicon (src/generated/lexicon.bin, a Data module, see scripts/build-lexicon.ts): its size
 * in the Worker and the one-off cost of decoding and parsing it at the first question (median of 5 fresh parses).
 */
function measureLexicon(): string {
  const file = join(ROOT, 'src', 'generated', 'lexicon.bin');
  if (!existsSync(file)) return 'Lexicon: not built (run npm run build:lexicon).';
  const bytes = readFileSync(file);
  const times: number[] = [];
  let words = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const lex = new Lexicon(bytes);
    lex.related('talk');
    lex.rank('talk');
    times.push(performance.now() - t0);
    words = lex.size;
  }
  times.sort((a, b) => a - b);
  return `Lexicon (WordNet relations + background word ranks, bundled in every Worker above as a Data module): ${words.toLocaleString('en-US')} words, ${(bytes.length / 1024).toFixed(0)} KB raw / ${(gz(bytes) / 1024).toFixed(0)} KB gz; decoded and parsed at the first question in ${times[2]!.toFixed(1)} ms.`;
}

const FREE_PLAN = 3 * MiB;
const CODE_BUDGET = 100 * 1024;

/** The upload with the seed index (seeds/), measured before the corpora overwrite src/generated/. */
async function measureBudget(): Promise<UploadSize> {
  const seed = buildEngine(parseBriefs(readBriefFiles(join(ROOT, 'seeds'))), readLexicon(), 'bench').serialize();
  return measureUpload({ index: seed, indexData: generatedFiles(seed, 'seeds')['index-data.ts'] });
}

/** Worker code, lexicon, seed index and the total against the free plan's 3 MB. */
export function budgetTable(b: UploadSize): string {
  const pct = (n: number) => `${((100 * n) / FREE_PLAN).toFixed(1)}%`;
  return (
    '| part of the upload | raw | gzipped | share of 3 MB (free plan) |\n' +
    '| --- | ---: | ---: | ---: |\n' +
    `| Worker code (budget ${fmt(CODE_BUDGET)} gz) | ${fmt(b.code.raw)} | ${fmt(b.code.gz)}${b.code.gz > CODE_BUDGET ? ' **over budget**' : ''} | ${pct(b.code.gz)} |\n` +
    `| lexicon (Data module) | ${fmt(b.lexicon.raw)} | ${fmt(b.lexicon.gz)} | ${pct(b.lexicon.gz)} |\n` +
    `| seed index (Data module) | ${fmt(b.index.raw)} | ${fmt(b.index.gz)} | ${pct(b.index.gz)} |\n` +
    `| **total** | ${fmt(b.total.raw)} | **${fmt(b.total.gz)}** | ${pct(b.total.gz)}: ${fmt(FREE_PLAN - b.total.gz)} left for briefs |\n`
  );
}

/** Replace the generated part of docs/benchmarks.md. */
function writeDocs(md: string) {
  const file = join(ROOT, 'docs', 'benchmarks.md');
  const start = '<!-- bench:start (generated by npm run bench -- --full) -->';
  const end = '<!-- bench:end -->';
  const doc = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks\n\n${start}\n${end}\n`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < 0) throw new Error('bench: docs/benchmarks.md has lost its bench markers');
  writeFileSync(file, doc.slice(0, i + start.length) + '\n' + md + doc.slice(j));
  process.stderr.write('bench: updated docs/benchmarks.md\n');
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`bench: ${(err as Error).stack ?? err}\n`);
    process.exitCode = 1;
  },
);

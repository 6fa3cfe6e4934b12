/**
 * `npm run bench`: Briefbot's bundled index against two MiniSearch baselines
 * (fair: our analysis, no stored fields, text apart; plain: MiniSearch's
 * defaults, text stored), on the same machine in the same run.
 *
 *   npm run bench                      quick: seeds, reuters-1k, newsroom
 *   npm run bench -- --full            seeds, reuters 1k/5k/10k, bbc-2225, newsroom (+ what fits 3 MB / 10 MB)
 *   npm run bench -- --corpora reuters-5k,newsroom --queries 1000
 *   npm run bench -- --kit PATH        evaluation kit (default ../shared/evalkit)
 *   npm run bench -- --no-workerd      skip bundling and workerd cold starts
 *   npm run bench -- --index ours,fair indexes to run (ours, fair, plain; default all three)
 *   npm run bench -- --briefs DIR      a folder of briefs, named after the folder (no kit needed; add --corpora for others too)
 *   npm run bench -- --no-sharded      skip the R2-shards measurements
 *   npm run bench -- --work DIR        scratch folder (default: <tmp>/briefbot-bench)
 *
 * Each corpus' Worker is built in its own folder, bench/.gen/<index>-<corpus>/
 * (bench/workers.ts): the bench never writes src/generated/, so stopping it
 * at any point leaves the project's index as it was.
 *
 * Prints a Markdown table, writes the raw figures to bench/results/latest.json,
 * and with --full (or --docs) rewrites the table in docs/benchmarks.md.
 * Benchmarks report; nothing here asserts a time limit.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { DEFAULT_MAX_CODE_SIZE, fmt, generatedFiles, parseSize } from '../scripts/build-index.js';
import { measureUpload, type UploadSize } from '../scripts/worker-size.js';
import { buildEngine } from '../src/core/indexer.js';
import { readLexicon } from '../src/node/lexicon.js';
import { parseBriefs } from '../src/core/brief.js';
import { Lexicon } from '../src/core/lexicon.js';
import type { Brief } from '../src/core/types.js';
import { readBriefFiles } from '../src/node/briefs-dir.js';
import { evenly, FULL, kitMissing, type Corpus, loadQueries, prepareCorpus, QUICK, workDir } from './corpora.js';
import { measureSharded, measureWorkerd, type ShardedFigures, type WorkerdFigures } from './measure-workerd.js';
import { splitIntoShards } from '../src/core/sharded.js';
import { buildBytes, KINDS, LABEL, type Kind } from './variants.js';
import { dryRun, workerDir, writeWorker } from './workers.js';
import { loggingLine, measureLogging } from './insights.js';

const ROOT = resolve(import.meta.dirname, '..');
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
      index: { type: 'string', default: 'all' },
      briefs: { type: 'string', multiple: true },
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

/**
 * The node measurement, in fresh processes pinned to one core when `taskset` exists: three for ours
 * and fair MiniSearch, each figure the median of the three (other work on the shared machine comes
 * in bursts: one run's p50 can be a third off), one for plain MiniSearch (minutes a run, and a
 * hundredfold slower: its ratios do not hinge on noise).
 */
function measureNode(kind: Kind, dataFile: string, queriesFile: string): Row['node'] {
  const runs = Array.from({ length: kind === 'plain' ? 1 : 3 }, () => measureNodeOnce(kind, dataFile, queriesFile));
  return medianOf(runs);
}

/** Field by field, the median of objects of the same shape (numbers; nested objects likewise). */
function medianOf<T>(runs: T[]): T {
  const first = runs[0] as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(first)) {
    const values = runs.map((r) => (r as Record<string, unknown>)[key]);
    if (typeof value === 'number') out[key] = (values as number[]).sort((a, b) => a - b)[(values.length - 1) >> 1];
    else if (value && typeof value === 'object') out[key] = medianOf(values);
    else out[key] = value;
  }
  return out as T;
}

function measureNodeOnce(kind: Kind, dataFile: string, queriesFile: string): Row['node'] {
  const node = [
    process.execPath,
    '--expose-gc',
    '--import',
    'tsx',
    join(ROOT, 'bench', 'measure-node.ts'),
    '--kind',
    kind,
    '--data',
    dataFile,
    '--queries',
    queriesFile,
  ];
  const pinned = existsSync('/usr/bin/taskset') ? ['/usr/bin/taskset', '-c', '1', ...node] : node;
  const run = spawnSync(pinned[0]!, pinned.slice(1), { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`bench: measuring ${kind} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as Row['node'];
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
          LABEL[r.kind],
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

/** ours ÷ baseline, or '–' when either figure is missing or not positive (a heap that shrank). */
function ratio(ours: number | undefined, base: number | undefined): string {
  if (ours === undefined || base === undefined || !(ours > 0) || !(base > 0)) return '–';
  const r = ours / base;
  return r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toFixed(2);
}

/**
 * Per corpus: ours ÷ each baseline (below 1: ours is smaller or faster). Heap counts the V8 heap
 * and the typed arrays the load allocated; times are CPU time, queries as in the main table.
 */
export function ratioTable(rows: Row[]): string {
  const lines: string[] = [];
  for (const ours of rows.filter((r) => r.kind === 'ours')) {
    for (const base of rows.filter((r) => r.corpus === ours.corpus && r.kind !== 'ours')) {
      const mem = (r: Row) => r.node.heapMB + Math.max(0, r.node.arrayBuffersMB);
      lines.push(
        [
          ours.corpus,
          `ours ÷ ${base.kind}`,
          ratio(ours.bundle?.gz, base.bundle?.gz),
          ratio(ours.indexGz, base.indexGz),
          ratio(ours.node.loadCpuMs, base.node.loadCpuMs),
          ratio(ours.workerd?.coldLoadMs, base.workerd?.coldLoadMs),
          ratio(mem(ours), mem(base)),
          ratio(ours.node.cpu.p50, base.node.cpu.p50),
          ratio(ours.node.cpu.p99, base.node.cpu.p99),
        ].join(' | '),
      );
    }
  }
  if (lines.length === 0) return '';
  return (
    '| corpus | ratio | Worker gz | index gz | load (Node CPU) | cold load (workerd) | heap + buffers after load | query p50 (CPU) | query p99 (CPU) |\n' +
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n' +
    lines.map((l) => `| ${l} |`).join('\n') +
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
    process.stdout.write(
      readFileSync(new URL(import.meta.url), 'utf8')
        .split('*/')[0]!
        .replace(/^\/\*\*?|^ \* ?/gm, '') + '\n',
    );
    return 0;
  }
  const kit = resolve(opts.kit);
  const folders = (opts.briefs ?? []).map((d) => resolve(d));
  const names = opts.corpora ? opts.corpora.split(',').map((s) => s.trim()) : folders.length ? [] : opts.full ? FULL : QUICK;
  const kinds = opts.index === 'all' || opts.index === 'both' ? [...KINDS] : opts.index.split(',').map((s) => s.trim());
  const unknownKind = kinds.find((k) => !(KINDS as readonly string[]).includes(k));
  if (unknownKind) {
    process.stderr.write(`bench: unknown index "${unknownKind}" (known: ${KINDS.join(', ')})\n`);
    return 2;
  }
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
  // Evenly spaced newsroom questions are timed; as many others (a disjoint set, also evenly spaced)
  // warm up first, so that the timed ones meet compiled code: with 200, V8's optimising compiler was
  // still compiling the answer path (on a background thread, in the process's CPU time) during them.
  const timed = missing ? ['Who is the president?', 'When did it happen?', 'How many people were there?'] : all.slice(0, queryCount);
  const timedSet = new Set(timed);
  const warm = missing
    ? timed
    : evenly(
        loadQueries(kit, Infinity).filter((q) => !timedSet.has(q)),
        Math.max(200, queryCount),
      );
  const queriesFile = join(work, 'queries.json');
  writeFileSync(queriesFile, JSON.stringify({ timed, warm }));

  const lexicon = measureLexicon();
  const budget = await measureBudget();
  const rows: Row[] = [];
  const started = Date.now();
  const loadStart = loadavg()[0]!;
  // Prepared one at a time (a scale corpus is expanded just before it is measured).
  const corpora: (() => Corpus)[] = [
    ...names.map((name) => () => prepareCorpus(name, kit, work)),
    ...folders.map((dir) => () => ({ name: basename(dir), dir, queries: 'newsroom questions (a folder of briefs)' })),
  ];
  for (const prepare of corpora) {
    const corpus = prepare();
    const name = corpus.name;
    const briefs: Brief[] = parseBriefs(readBriefFiles(corpus.dir));
    const passages = briefs.reduce((n, b) => n + b.passages.length, 0);
    // The floor for anything that ships the text: titles and passages, gzipped.
    const textGz = gz(briefs.map((b) => [b.title, ...b.passages.map((p) => p.text)].join('\n\n')).join('\n\n'));
    for (const kind of kinds as Kind[]) {
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
        // The Worker is built in its own folder; src/generated/ is never written.
        const dir = workerDir(kind, name);
        const config = writeWorker(kind, bytes, dir, `bench:${name}`);
        process.stderr.write(`bench: ${name}: ${kind}: bundling the Worker in ${relative(ROOT, dir)} (wrangler deploy --dry-run)…\n`);
        const outdir = join(dir, 'out');
        row.bundle = dryRun(config, outdir);
        const path = kind === 'ours' ? '/health' : '/?q=oil%20prices';
        // Median of three cold starts (one sample is at the mercy of whatever else the machine runs).
        const colds: WorkerdFigures[] = [];
        for (let i = 0; i < 3; i++) colds.push(await measureWorkerd(outdir, path, kind === 'ours' ? { kv: ['STATE'], r2: ['SHARDS'] } : {}));
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

  const load = `load average ${loadStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end`;
  const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version}, ${process.platform}; ${load}`;
  const fitsAll = (limit: number) => (kinds as Kind[]).map((k) => `${k === 'ours' ? 'ours' : LABEL[k]} ${fits(rows, k, limit)}`).join('; ');
  const summary = [
    `Largest Reuters collection whose Worker fits 3 MB gz (free plan): ${fitsAll(3 * MiB)}.`,
    `Largest that fits 10 MB gz (paid plan): ${fitsAll(10 * MiB)}.`,
    lexicon,
    loggingLine(measureLogging(timed.slice(0, 200))),
  ];
  const ratios = ratioTable(rows);
  const md =
    `Machine: ${machine}. Date: ${new Date().toISOString().slice(0, 10)}. ${timed.length} timed queries per corpus (newsroom questions, evenly spaced; ${warm.length} others to warm up). Run took ${Math.round((Date.now() - started) / 1000)} s.\n\n` +
    table(rows) +
    (ratios ? `\nOurs over each baseline, same run (below 1: ours is smaller or faster; e.g. 0.25 = a quarter):\n\n${ratios}` : '') +
    '\n' +
    summary.map((s) => `- ${s}`).join('\n') +
    '\n' +
    `\nBundle budget: the Worker as \`wrangler deploy\` uploads it with the seed index (code bundled as wrangler bundles it, scripts/worker-size.ts; gzipped as one stream, as wrangler counts):\n\n${budgetTable(budget)}` +
    (shardedTable(rows)
      ? `\nR2 shards (STORAGE_MODE = "r2", Miniflare's emulated R2 on local disk; objects stored gzipped; ${shardedQueries} new questions):\n\n${shardedTable(rows)}`
      : '');
  process.stdout.write('\n' + md);
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench', 'results', 'latest.json'),
    JSON.stringify({ machine, date: new Date().toISOString(), queries: timed.length, budget, rows }, null, 2) + '\n',
  );
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
// The code budget build:index enforces by default.
const CODE_BUDGET = parseSize(DEFAULT_MAX_CODE_SIZE);

/** The upload with the seed index (seeds/), measured before the corpora overwrite src/generated/. */
async function measureBudget(): Promise<UploadSize> {
  const seed = buildEngine(parseBriefs(readBriefFiles(join(ROOT, 'seeds'))), readLexicon(), 'bench').serialize();
  return measureUpload({ index: seed, indexData: generatedFiles(seed, 'seeds')['index-data.ts'] });
}

/** Worker code, lexicon, Text modules, seed index and the total against the free plan's 3 MB. */
export function budgetTable(b: UploadSize): string {
  const pct = (n: number) => `${((100 * n) / FREE_PLAN).toFixed(1)}%`;
  return (
    '| part of the upload | raw | gzipped | share of 3 MB (free plan) |\n' +
    '| --- | ---: | ---: | ---: |\n' +
    `| Worker code (budget ${fmt(CODE_BUDGET)} gz) | ${fmt(b.code.raw)} | ${fmt(b.code.gz)}${b.code.gz > CODE_BUDGET ? ' **over budget**' : ''} | ${pct(b.code.gz)} |\n` +
    `| lexicon (Data module) | ${fmt(b.lexicon.raw)} | ${fmt(b.lexicon.gz)} | ${pct(b.lexicon.gz)} |\n` +
    `| widget script, OpenAPI document, log schema (Text modules) | ${fmt(b.text.raw)} | ${fmt(b.text.gz)} | ${pct(b.text.gz)} |\n` +
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

/**
 * `npm run eval:threads`: score Briefbot (through the batch CLI, with the kit's
 * `score.mjs`) and plain MiniSearch on the story-thread set (`evals/threads`,
 * built by scripts/build-threads.ts into `--out`), and break the figures down
 * by half (tune / test, split by thread) and kind (latest / older / evergreen).
 *
 *   npm run eval:threads [-- --evalkit DIR] [--out .eval/threads] [--distractors 1000] [--json]
 *
 * Per cell: answer@1 and answer@3 (a gold answer in the first / first three
 * snippets), brief@1 (the first citation is the gold brief) and **wrong-time@1**:
 * the first citation is another brief of the same story from the wrong end of
 * it: an older brief for a `latest` question (a stale answer), a later one for
 * an `older` question (recency overreach). Tune on the tune half, report the
 * test half.
 *
 * The kit is looked up in --evalkit, $EVALKIT, then ../shared/evalkit; when it
 * is absent the script says so and exits 0 (the kit is not part of the repo).
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildThreadsSet, findKit, cliArgs, parseDistractors, readThreadsSet, THREADS_OPTIONS, type ThreadQuestion } from './build-threads.js';
import { plainMiniSearch } from './minisearch-baseline.js';

const ROOT = resolve(import.meta.dirname, '..');

interface Output {
  id: string;
  citations?: { briefId?: string; snippet?: string }[];
}

interface Cell {
  n: number;
  answerAt1: number;
  answerAt3: number;
  briefAt1: number;
  wrongTimeAt1: number;
}

type ContainsAny = (text: string, golds: string[]) => boolean;
const PARTS = ['test', 'tune', 'all'] as const;
const KINDS = ['latest', 'older', 'evergreen', 'all'] as const;

/** Figures per part and kind for one system's output lines. */
function breakdown(questions: ThreadQuestion[], outputs: Map<string, Output>, threadBriefs: Map<string, string[]>, containsAny: ContainsAny) {
  const cells: Record<string, Record<string, Cell>> = {};
  for (const part of PARTS) {
    cells[part] = {};
    for (const kind of KINDS) {
      const qs = questions.filter((q) => (part === 'all' || q.part === part) && (kind === 'all' || q.kind === kind));
      const c: Cell = { n: qs.length, answerAt1: 0, answerAt3: 0, briefAt1: 0, wrongTimeAt1: 0 };
      for (const q of qs) {
        const cits = outputs.get(q.id)?.citations ?? [];
        const snippet = (i: number) => (typeof cits[i]?.snippet === 'string' ? cits[i].snippet : '');
        if (containsAny(snippet(0), q.answers)) c.answerAt1++;
        if ([0, 1, 2].some((i) => containsAny(snippet(i), q.answers))) c.answerAt3++;
        const first = cits[0]?.briefId;
        if (first === q.briefId) c.briefAt1++;
        const briefs = threadBriefs.get(q.thread ?? '') ?? [];
        const at = briefs.indexOf(q.briefId);
        const firstAt = first ? briefs.indexOf(first) : -1;
        if (firstAt >= 0 && ((q.kind === 'latest' && firstAt < at) || (q.kind === 'older' && firstAt > at))) c.wrongTimeAt1++;
      }
      cells[part][kind] = c;
    }
  }
  return cells;
}

function readOutputs(text: string): Map<string, Output> {
  const out = new Map<string, Output>();
  for (const line of text.split('\n')) {
    try {
      const o = JSON.parse(line) as Output;
      if (o && typeof o.id === 'string' && !out.has(o.id)) out.set(o.id, o);
    } catch {
      // not a JSON line: score.mjs counts it as malformed; here it is simply no answer
    }
  }
  return out;
}

/** Figures of one run: the set built, Briefbot's run time, and both systems' breakdowns. */
export interface ThreadsResult {
  set: Awaited<ReturnType<typeof buildThreadsSet>>;
  seconds: number;
  briefbot: ReturnType<typeof breakdown>;
  minisearch: ReturnType<typeof breakdown>;
}

/** Build the set into `out` from the kit's corpus, then score Briefbot (batch CLI) and plain MiniSearch on it. */
export async function runThreads(kit: string, out: string, distractors: number): Promise<ThreadsResult> {
  const set = await buildThreadsSet(kit, out, distractors);
  process.stderr.write(`eval:threads: ${set.questions} questions, ${set.setBriefs} set briefs + ${set.distractors} distractors in ${out}\n`);
  process.stderr.write('eval:threads: Briefbot through the batch CLI…\n');
  const briefbotFile = join(out, 'briefbot.jsonl');
  const run = spawnSync(process.execPath, [join(kit, 'score.mjs'), '--set', out, '--project', ROOT, '--save', briefbotFile, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`score.mjs exited with ${run.status}`);
  const seconds = (JSON.parse(run.stdout) as { run: { seconds: number } }).run.seconds;
  process.stderr.write('eval:threads: plain MiniSearch (default options)…\n');
  const minisearchFile = join(out, 'minisearch.jsonl');
  writeFileSync(minisearchFile, plainMiniSearch(out));

  const { containsAny } = (await import(pathToFileURL(join(kit, 'metrics.mjs')).href)) as { containsAny: ContainsAny };
  const { threads, questions } = readThreadsSet();
  const threadBriefs = new Map(threads.map((t) => [t.id, t.briefs]));
  const briefbot = breakdown(questions, readOutputs(readFileSync(briefbotFile, 'utf8')), threadBriefs, containsAny);
  const minisearch = breakdown(questions, readOutputs(readFileSync(minisearchFile, 'utf8')), threadBriefs, containsAny);
  return { set, seconds, briefbot, minisearch };
}

/** The figures as a Markdown table, both halves (test first: what the tuning never saw). */
export function threadsTable(r: ThreadsResult): string {
  const pct = (k: number, n: number) => (n ? `${((100 * k) / n).toFixed(1)}%` : 'n/a');
  const rows = [
    `### threads (${r.set.questions} questions; ${r.set.setBriefs} set briefs + ${r.set.distractors} distractors indexed; Briefbot ${r.seconds.toFixed(1)} s)`,
    '',
    'Briefbot / plain MiniSearch. wrong-time@1: first citation is an older brief of the story (latest) or a later one (older).',
    '',
    '| half | kind | n | answer@1 | answer@3 | brief@1 | wrong-time@1 |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const part of PARTS)
    for (const kind of KINDS) {
      const a = r.briefbot[part]![kind]!;
      const b = r.minisearch[part]![kind]!;
      const both = (k: keyof Cell) => `${pct(a[k], a.n)} / ${pct(b[k], b.n)}`;
      const wrongTime = kind === 'latest' || kind === 'older' ? both('wrongTimeAt1') : '';
      rows.push(`| ${part} | ${kind} | ${a.n} | ${both('answerAt1')} | ${both('answerAt3')} | ${both('briefAt1')} | ${wrongTime} |`);
    }
  return rows.join('\n') + '\n';
}

/** Is the kit (with the Reuters corpus the set is built from) at `kit`? */
export function hasThreadsKit(kit: string): boolean {
  return existsSync(join(kit, 'score.mjs')) && existsSync(join(kit, 'scale', 'reuters-21578.jsonl.gz'));
}

async function main(): Promise<number> {
  const values = cliArgs('eval:threads', () => parseArgs({ options: { ...THREADS_OPTIONS, json: { type: 'boolean', default: false } } }).values);
  if (!values) return 2;
  const kit = findKit(values.evalkit);
  if (!hasThreadsKit(kit)) {
    process.stderr.write(
      `eval:threads: the evaluation kit (score.mjs and scale/reuters-21578.jsonl.gz) was not found at ${kit}; skipped.\n` +
        'It is not shipped with Briefbot; point to a copy with --evalkit DIR or $EVALKIT.\n',
    );
    return 0;
  }
  const distractors = parseDistractors(values.distractors, 'eval:threads');
  if (distractors === undefined) return 2;
  const result = await runThreads(kit, resolve(values.out), distractors);
  process.stdout.write(values.json ? JSON.stringify(result, null, 2) + '\n' : threadsTable(result));
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    process.exitCode = await main();
  } catch (err) {
    process.stderr.write(`eval:threads: ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}

/**
 * `npm run eval`: score Briefbot on the evaluation kit's public sets with the
 * kit's own scorer (through the batch CLI, exactly as an outsider would), and
 * score plain MiniSearch (default options) on the same questions in the same
 * run, so every gain is a ratio on the same machine.
 *
 *   npm run eval [-- --kit ../shared/evalkit] [--part tune|test|all] [--sets squad2,newsroom,paraphrase,xquad,threads,small] [--limit N] [--json]
 *
 * `xquad` stands for every language of the kit's `public/xquad/<lang>` (or
 * name some: `xquad/es,xquad/zh`); each gets its table, and a summary table
 * compares the languages, with passage hit@1 (the first citation is the
 * question's paragraph) beside the kit's figures.
 *
 * `--part` (default `test`) keeps only that part of each set's questions, split
 * by brief as in scripts/split.ts; `test` is what the weights never saw. Each
 * set is scored from a temporary set folder: the kit's full `briefs/` (the
 * other part's briefs stay in the index as distractors) and that part's lines
 * of `questions.jsonl`, unchanged. `--limit N` goes to score.mjs (N evenly
 * spaced questions of the part). The follow-up set runs on the same part.
 * `small` asks each English set's articles alone (scripts/eval-small.ts: a collection of one brief).
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BRIEF_EXTENSIONS } from '../src/node/briefs-dir.js';
import { describePart, followupTables, runFollowups } from './eval-followups.js';
import { runSmall, smallTable } from './eval-small.js';
import { hasThreadsKit, runThreads, threadsTable } from './eval-threads.js';
import { plainMiniSearch } from './minisearch-baseline.js';
import { type Part, parsePart, selectPart } from './split.js';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    kit: { type: 'string', default: join(ROOT, '..', 'shared', 'evalkit') },
    sets: { type: 'string', default: 'squad2,newsroom,paraphrase,xquad,threads,small' },
    part: { type: 'string', default: 'test' },
    limit: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

let part: Part;
try {
  part = parsePart(values.part, 'test');
} catch (err) {
  process.stderr.write(`eval: ${(err as Error).message}\n`);
  process.exit(2);
}

const kit = resolve(values.kit);
if (!existsSync(join(kit, 'score.mjs'))) {
  process.stderr.write(
    `eval: the evaluation kit was not found at ${kit}.\n` + 'It is not shipped with Briefbot; point to a copy with `npm run eval -- --kit /path/to/evalkit`.\n',
  );
  process.exit(2);
}

interface Score {
  questions: number;
  run: { seconds: number; exitCode: number | null };
  answerable: { n: number; answerAt1: number; answerAt3: number; answerText: number; briefAt1: number; falseAbstentionRate: number };
  adversarialBriefAt1: number | null;
  abstention: {
    abstained: number;
    unanswerable: number;
    precision: number | null;
    recall: number | null;
    recallAdversarial: number | null;
    recallOutOfCorpus: number | null;
  };
  snippets: { meanChars: number; maxChars: number; over300: number };
}

/** One question line of a set; only the split keys are read, the line itself is copied unchanged. */
interface QuestionLine {
  raw: string;
  briefId?: string | null;
  heldBackArticle?: string | null;
}

/** What the selected part of a set holds (the index always holds every brief of the set). */
interface PartInfo {
  /** Questions in the part (before --limit). */
  questions: number;
  /** Distinct briefs those questions are written on. */
  briefs: number;
  /** Distinct held-back articles of its out-of-corpus questions (no brief). */
  heldBackArticles: number;
  /** Briefs in the index (the whole set). */
  corpusBriefs: number;
}

const work = mkdtempSync(join(tmpdir(), 'briefbot-eval-'));
const results: Record<string, PartInfo & { briefbot: Score; minisearch: Score; passageAt1?: { briefbot: number; minisearch: number } }> = {};
const sets = values.sets
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
  // "xquad": every language the kit has.
  .flatMap((s) =>
    s === 'xquad' && existsSync(join(kit, 'public', 'xquad'))
      ? readdirSync(join(kit, 'public', 'xquad'))
          .filter((l) => existsSync(join(kit, 'public', 'xquad', l, 'questions.jsonl')))
          .sort()
          .map((l) => `xquad/${l}`)
      : [s],
  );
try {
  for (const set of sets.filter((s) => s !== 'threads' && s !== 'small')) {
    const setDir = join(kit, 'public', set);
    if (!existsSync(join(setDir, 'questions.jsonl'))) {
      process.stderr.write(`eval: no set "${set}" in ${kit}/public\n`);
      process.exit(2);
    }
    // The temporary set: the full briefs folder (linked) and only the selected part's question lines.
    const partDir = join(work, 'sets', set); // named after the set, as score.mjs reports the folder name
    mkdirSync(partDir, { recursive: true });
    symlinkSync(join(setDir, 'briefs'), join(partDir, 'briefs'), 'dir');
    const lines: QuestionLine[] = readFileSync(join(setDir, 'questions.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((raw) => ({ ...(JSON.parse(raw) as Omit<QuestionLine, 'raw'>), raw }));
    const selected = selectPart(lines, part);
    writeFileSync(join(partDir, 'questions.jsonl'), selected.map((q) => q.raw).join('\n') + '\n');
    const info: PartInfo = {
      questions: selected.length,
      briefs: new Set(selected.flatMap((q) => (q.briefId ? [q.briefId] : []))).size,
      heldBackArticles: new Set(selected.flatMap((q) => (q.briefId ? [] : [q.heldBackArticle ?? '']))).size,
      corpusBriefs: readdirSync(join(setDir, 'briefs')).filter((f) => BRIEF_EXTENSIONS.test(f)).length,
    };
    if (!selected.length) process.stderr.write(`eval: ${set}: no questions in the ${part} part\n`);

    const limit = values.limit ? ['--limit', values.limit] : [];
    process.stderr.write(
      `eval: ${set}: ${part} part, ${selected.length} questions on ${info.briefs} of ${info.corpusBriefs} briefs: Briefbot through the batch CLI…\n`,
    );
    const saved = join(work, `${set.replaceAll('/', '-')}-briefbot.jsonl`);
    const briefbot = score(['--set', partDir, '--project', ROOT, '--save', saved, ...limit]);

    process.stderr.write(`eval: ${set}: plain MiniSearch (default options)…\n`);
    const predictions = join(work, `${set.replaceAll('/', '-')}-minisearch.jsonl`);
    writeFileSync(predictions, plainMiniSearch(partDir));
    const minisearch = score(['--set', partDir, '--predictions', predictions, ...limit]);
    results[set] = { ...info, briefbot, minisearch };
    // Sets whose questions name their paragraph (XQuAD): is the first citation that paragraph?
    if (set.startsWith('xquad/')) {
      const gold = readFileSync(join(partDir, 'questions.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { id: string; briefId: string; paragraph: number });
      results[set].passageAt1 = { briefbot: passageAt1(gold, saved), minisearch: passageAt1(gold, predictions) };
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

// Follow-up conversations, with history vs each turn alone (scripts/eval-followups.ts, docs/conversations.md).
process.stderr.write(`eval: followups: ${part} part, Briefbot through the batch CLI, with and without history…\n`);
const followups = await runFollowups(kit, { part });

// Dated story threads (evals/threads, built from the kit's Reuters corpus): both halves in one table, split by thread.
const threads = values.sets.split(',').includes('threads') && hasThreadsKit(kit) ? await runThreads(kit, join(ROOT, '.eval', 'threads'), 1000) : undefined;

// Small collections (scripts/eval-small.ts): each article's questions asked of that article alone, and of another alone.
if (sets.includes('small')) process.stderr.write(`eval: small collections: ${part} part, each article alone (in-process)…\n`);
const small = sets.includes('small') ? await runSmall(kit, part) : undefined;

if (values.json) {
  process.stdout.write(
    JSON.stringify(
      { part, split: describePart(part), ...results, ...(followups ? { followups } : {}), ...(threads ? { threads } : {}), ...(small ? { small } : {}) },
      null,
      2,
    ) + '\n',
  );
} else {
  process.stdout.write(`${describePart(part)}\n\n`);
  for (const [set, r] of Object.entries(results)) process.stdout.write(table(set, r, r.briefbot, r.minisearch, r.passageAt1) + '\n');
  const languages = Object.entries(results).filter(([set]) => set.startsWith('xquad/'));
  if (languages.length) process.stdout.write(languageSummary(languages) + '\n');
  if (followups) process.stdout.write(followupTables(followups));
  if (threads) process.stdout.write('\n' + threadsTable(threads));
  if (small) process.stdout.write('\n' + smallTable(part, small));
}

function score(args: string[]): Score {
  const run = spawnSync(process.execPath, [join(kit, 'score.mjs'), ...args, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`score.mjs exited with ${run.status}`);
  return JSON.parse(run.stdout) as Score;
}

/** Share of the gold questions whose first citation (in a saved predictions file) is their paragraph. */
function passageAt1(gold: { id: string; briefId: string; paragraph: number }[], predictions: string): number {
  const first = new Map<string, string | undefined>();
  for (const line of readFileSync(predictions, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const p = JSON.parse(line) as { id: string; citations?: { passageId?: string }[] };
      if (!first.has(p.id)) first.set(p.id, p.citations?.[0]?.passageId);
    } catch {
      // A malformed line scores as a miss.
    }
  }
  const scored = gold.filter((q) => first.has(q.id));
  return scored.length ? scored.filter((q) => first.get(q.id) === `${q.briefId}#p${q.paragraph}`).length / scored.length : 0;
}

/** One row per XQuAD language: the figures the languages are compared on. */
function languageSummary(rows: [string, { briefbot: Score; minisearch: Score; passageAt1?: { briefbot: number; minisearch: number } }][]): string {
  const pct = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? 'n/a' : `${(100 * x).toFixed(1)}%`);
  return [
    `### XQuAD by language (${part} part; Briefbot / plain MiniSearch)`,
    '',
    '| language | answer@1 | brief@1 | passage hit@1 | false abstentions |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map(
      ([set, r]) =>
        `| ${set.slice('xquad/'.length)} | ${pct(r.briefbot.answerable.answerAt1)} / ${pct(r.minisearch.answerable.answerAt1)} | ` +
        `${pct(r.briefbot.answerable.briefAt1)} / ${pct(r.minisearch.answerable.briefAt1)} | ` +
        `${pct(r.passageAt1?.briefbot)} / ${pct(r.passageAt1?.minisearch)} | ` +
        `${pct(r.briefbot.answerable.falseAbstentionRate)} / ${pct(r.minisearch.answerable.falseAbstentionRate)} |`,
    ),
    '',
  ].join('\n');
}

function table(set: string, info: PartInfo, ours: Score, base: Score, passage?: { briefbot: number; minisearch: number }): string {
  const pct = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? 'n/a' : `${(100 * x).toFixed(1)}%`);
  const ratio = (a: number | null | undefined, b: number | null | undefined) =>
    a === null || a === undefined || b === null || b === undefined || b === 0 ? '' : `×${(a / b).toFixed(2)}`;
  const rows: [string, number | null, number | null, boolean][] = [
    ['answer@1', ours.answerable.answerAt1, base.answerable.answerAt1, true],
    ['answer@3', ours.answerable.answerAt3, base.answerable.answerAt3, true],
    ['answerText', ours.answerable.answerText, base.answerable.answerText, true],
    ['brief@1', ours.answerable.briefAt1, base.answerable.briefAt1, true],
    ...(passage ? [['passage hit@1', passage.briefbot, passage.minisearch, true] as [string, number, number, boolean]] : []),
    ['false abstentions', ours.answerable.falseAbstentionRate, base.answerable.falseAbstentionRate, false],
    // Precision means nothing on a set with no unanswerable questions (every abstention is then a false one).
    [
      'abstention precision',
      ours.abstention.unanswerable ? ours.abstention.precision : null,
      base.abstention.unanswerable ? base.abstention.precision : null,
      false,
    ],
    ['abstention recall', ours.abstention.recall, base.abstention.recall, false],
    ['  recall adversarial', ours.abstention.recallAdversarial, base.abstention.recallAdversarial, false],
    ['  recall out-of-corpus', ours.abstention.recallOutOfCorpus, base.abstention.recallOutOfCorpus, false],
  ];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const heldBack = info.heldBackArticles ? ` + ${plural(info.heldBackArticles, 'held-back article')}` : '';
  const scored = ours.questions === info.questions ? '' : `${ours.questions} scored (--limit), `;
  const out = [
    `### ${set} (${part} part: ${plural(info.questions, 'question')} on ${info.briefs} of the ${info.corpusBriefs} indexed briefs${heldBack}; ${scored}${ours.answerable.n} answerable)`,
    '',
    '| metric | Briefbot | plain MiniSearch | ratio |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map(([name, a, b, showRatio]) => `| ${name} | ${pct(a)} | ${pct(b)} | ${showRatio ? ratio(a, b) : ''} |`),
    `| snippet chars mean / max | ${ours.snippets.meanChars.toFixed(0)} / ${ours.snippets.maxChars} | ${base.snippets.meanChars.toFixed(0)} / ${base.snippets.maxChars} | |`,
    `| time (index + all questions) | ${ours.run.seconds.toFixed(1)} s | | |`,
    '',
  ];
  return out.join('\n');
}

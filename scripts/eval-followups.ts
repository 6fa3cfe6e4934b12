/**
 * Follow-up evaluation: runs the evaluation kit's `public/followups`
 * conversations through the batch CLI twice, with the history (lines sharing a
 * `conversationId` form one conversation) and alone (`--no-history`), and
 * prints turn-level answer@1, answer@3 and brief@1 for first turns,
 * follow-ups and topic shifts (see docs/conversations.md).
 *
 *   npm run eval:followups [-- --evalkit DIR] [--part tune|test|all] [--save DIR] [--json]
 *
 * `--part` (default `test`) keeps only that part's conversations, split by
 * brief as in scripts/split.ts: a conversation goes with the brief of its
 * first turn. All the set's briefs are still indexed.
 *
 * The kit is looked up in --evalkit, $EVALKIT, then ../shared/evalkit; when it
 * is absent the script says so and exits 0 (the kit is not part of the repo).
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type Part, parsePart, selectConversations } from './split.js';

/** One line of the kit's `public/followups/conversations.jsonl`. */
export interface Line {
  id: string;
  conversationId: string;
  turn: number;
  question: string;
  answers: string[];
  briefId: string;
  topicShift?: boolean;
}

interface Output {
  id: string;
  citations?: { briefId?: string; snippet?: string }[];
}

type Group = 'turn 1' | 'follow-ups' | 'topic shifts';
const GROUPS: Group[] = ['turn 1', 'follow-ups', 'topic shifts'];
type Scores = Record<Group, { n: number; answer1: number; answer3: number; brief1: number }>;

function groupOf(line: Line): Group {
  return line.turn === 1 ? 'turn 1' : line.topicShift ? 'topic shifts' : 'follow-ups';
}

/** Run the batch CLI exactly as the evaluation contract says; returns its stdout lines by id. */
function runBatch(briefs: string, input: string, noHistory: boolean): Map<string, Output> {
  const args = ['run', '--silent', 'ask', '--', '--briefs', briefs, '--batch', input, ...(noHistory ? ['--no-history'] : [])];
  const res = spawnSync('npm', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  if (res.status !== 0) throw new Error(`npm ${args.join(' ')} exited with ${res.status}`);
  const out = new Map<string, Output>();
  for (const text of res.stdout.split('\n')) {
    if (!text.trim()) continue;
    const o = JSON.parse(text) as Output;
    if (!out.has(o.id)) out.set(o.id, o);
  }
  return out;
}

export type FollowupResults = Record<'with history' | 'alone', Scores> & {
  part: Part;
  turns: number;
  conversations: number;
  /** Distinct briefs of the conversations' first turns (what the split is by). */
  briefs: number;
};

/** The part and the split rule in one line (printed above the tables, and in --json as `split`). */
export function describePart(part: Part): string {
  const what =
    part === 'test'
      ? 'questions on articles the weights never saw'
      : part === 'tune'
        ? 'questions on the articles the weights are tuned on'
        : 'every question, tune and test parts together';
  return `part: ${part} (${what}; split by article, the same in every set: parity of a hash of the article's name, see scripts/split.ts)`;
}

/**
 * Score the follow-up set with and without history, on the conversations of
 * `part` (default `test`); null when the kit has no such set.
 */
export async function runFollowups(kit: string, opts: { save?: string; part?: Part } = {}): Promise<FollowupResults | null> {
  const { save, part = 'test' } = opts;
  const set = join(kit, 'public', 'followups');
  if (!existsSync(join(set, 'conversations.jsonl'))) return null;
  const { containsAny } = (await import(pathToFileURL(join(kit, 'metrics.mjs')).href)) as {
    containsAny: (text: string, golds: string[]) => boolean;
  };
  const all = readFileSync(join(set, 'conversations.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);
  // Whole conversations only; the whole corpus (set/briefs) is still indexed.
  const lines = selectConversations(all, part);

  const tmp = mkdtempSync(join(tmpdir(), 'briefbot-followups-'));
  const input = join(tmp, 'questions.jsonl');
  // No gold fields go to the project.
  writeFileSync(input, lines.map((l) => JSON.stringify({ id: l.id, question: l.question, conversationId: l.conversationId })).join('\n') + '\n');

  const results = {
    part,
    turns: lines.length,
    conversations: new Set(lines.map((l) => l.conversationId)).size,
    briefs: new Set(lines.filter((l) => l.turn === 1).map((l) => l.briefId)).size,
  } as FollowupResults;
  try {
    for (const [label, noHistory] of [
      ['with history', false],
      ['alone', true],
    ] as const) {
      const t0 = performance.now();
      const outputs = runBatch(join(set, 'briefs'), input, noHistory);
      process.stderr.write(`eval:followups: ${part} part, ${label}: ${outputs.size} answers in ${Math.round(performance.now() - t0)} ms\n`);
      if (save) {
        mkdirSync(save, { recursive: true });
        writeFileSync(join(save, `followups-${noHistory ? 'alone' : 'history'}.jsonl`), [...outputs.values()].map((o) => JSON.stringify(o)).join('\n') + '\n');
      }
      const scores = Object.fromEntries(GROUPS.map((g) => [g, { n: 0, answer1: 0, answer3: 0, brief1: 0 }])) as Scores;
      for (const line of lines) {
        const s = scores[groupOf(line)];
        const cites = outputs.get(line.id)?.citations ?? [];
        const snippet = (i: number) => (typeof cites[i]?.snippet === 'string' ? cites[i]!.snippet! : '');
        s.n++;
        if (containsAny(snippet(0), line.answers)) s.answer1++;
        if ([0, 1, 2].some((i) => containsAny(snippet(i), line.answers))) s.answer3++;
        if (cites[0]?.briefId === line.briefId) s.brief1++;
      }
      results[label] = scores;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return results;
}

/** The Markdown tables: each metric for turn 1 / follow-ups / topic shifts, with history and alone. */
export function followupTables(results: FollowupResults): string {
  const pct = (x: number, n: number) => (n ? `${((100 * x) / n).toFixed(1)}%` : 'n/a');
  const out: string[] = [
    `### followups (${results.part} part: ${results.turns} turns in ${results.conversations} conversations on ${results.briefs} briefs; with history vs each turn alone)`,
    '',
  ];
  for (const [metric, key] of [
    ['answer@1', 'answer1'],
    ['answer@3', 'answer3'],
    ['brief@1', 'brief1'],
  ] as const) {
    out.push(
      `| ${metric} | ${GROUPS.map((g) => `${g} (n=${results['with history'][g].n})`).join(' | ')} |`,
      `| --- | ${GROUPS.map(() => '---:').join(' | ')} |`,
    );
    for (const label of ['with history', 'alone'] as const) {
      out.push(`| ${label} | ${GROUPS.map((g) => pct(results[label][g][key], results[label][g].n)).join(' | ')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      evalkit: { type: 'string' },
      part: { type: 'string', default: 'test' },
      save: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  let part: Part;
  try {
    part = parsePart(values.part, 'test');
  } catch (err) {
    process.stderr.write(`eval:followups: ${(err as Error).message}\n`);
    return 2;
  }
  const kit = resolve(values.evalkit ?? process.env.EVALKIT ?? '../shared/evalkit');
  const results = await runFollowups(kit, { save: values.save, part });
  if (!results) {
    process.stdout.write(`eval:followups: skipped, no follow-up set at ${join(kit, 'public', 'followups')} (pass --evalkit DIR or set EVALKIT)\n`);
    return 0;
  }
  process.stdout.write(
    values.json ? JSON.stringify({ split: describePart(part), ...results }, null, 2) + '\n' : `${describePart(part)}\n\n${followupTables(results)}`,
  );
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`eval:followups: ${(err as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}

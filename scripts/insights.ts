/**
 * `npm run insights`: the editorial insights report (docs/insights.md) in the
 * terminal, the same report `/admin` shows, built by the same pure functions
 * (src/core/insights.ts) from the D1 question log, read with
 * `wrangler d1 execute INSIGHTS --json`.
 *
 *   npm run insights                              local D1 (what `npm start` wrote), last 30 days
 *   npm run insights -- --remote                  the deployed database
 *   npm run insights -- --from 2026-11-01 --to 2026-11-29
 *   npm run insights -- --json                    the report as JSON (as GET /admin/api/insights)
 *   npm run insights -- --persist-to DIR          local state elsewhere (as wrangler dev --persist-to)
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Engine } from '../src/core/engine.js';
import { buildReport, reportPeriod, type FeedbackRow, type InsightsReport, type QuestionRow } from '../src/core/insights.js';
import type { Vocabulary } from '../src/core/lang/compound.js';
import { readLexicon } from '../src/node/lexicon.js';

const ROOT = resolve(import.meta.dirname, '..');

/** The built index's vocabulary (`npm run build:index`), to list the words no brief holds; none before a build. */
function builtVocabulary(): Vocabulary | undefined {
  const file = resolve(ROOT, 'src/generated/index.bin');
  return existsSync(file) ? Engine.load(readFileSync(file), readLexicon()).index.known : undefined;
}

/** Run one SQL query with wrangler and return its rows. */
function query<T>(sql: string, where: string[]): T[] {
  const out = execFileSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'd1', 'execute', 'INSIGHTS', ...where, '--json', '--command', sql],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // `--json` prints an array with one result per statement: [{ results: [...], success, meta }].
  const parsed = JSON.parse(out.slice(out.indexOf('['))) as { results?: T[] }[];
  return parsed[0]?.results ?? [];
}

/** The report as text: totals, the unanswered questions, the cited briefs, the down-votes. */
export function renderReport(r: InsightsReport): string {
  const t = r.totals;
  const lines = [
    `Briefbot insights, ${r.from.slice(0, 10)} to ${r.to.slice(0, 10)}`,
    '',
    `Questions ${t.questions}, answered ${t.answered} (${Math.round(t.answerRate * 100)}%), not answered ${t.unanswered}; votes up ${t.feedback.up}, down ${t.feedback.down}` +
      (t.medianLatencyMs === null ? '' : `; median time to answer ${t.medianLatencyMs} ms`),
    '',
    'Per day (questions / answered):',
    ...r.perDay.filter((d) => d.questions > 0).map((d) => `  ${d.day}  ${String(d.questions).padStart(5)} / ${d.answered}`),
    '',
    'Not answered, grouped by their analysed words:',
    ...(r.topUnanswered.length
      ? r.topUnanswered.map(
          (g) =>
            `  ${String(g.count).padStart(4)}  [${g.terms.join(' ') || 'no topic words'}]  ${g.examples.map((e) => JSON.stringify(e)).join(', ')}` +
            (g.unknownWords?.length ? `\n        no brief holds: ${g.unknownWords.join(', ')}` : ''),
        )
      : ['  (none)']),
    '',
    'Most cited briefs:',
    ...(r.topBriefs.length ? r.topBriefs.map((b) => `  ${String(b.citations).padStart(4)}  ${b.briefId}`) : ['  (none)']),
    '',
    'Down-voted answers:',
    ...(r.downVoted.length
      ? r.downVoted.flatMap((v) => [
          `  ${v.at.slice(0, 16).replace('T', ' ')}  Q: ${v.question}`,
          `                    A: ${v.answer ?? '(no answer)'}`,
          ...(v.comment ? [`                    Reader: ${v.comment}`] : []),
        ])
      : ['  (none)']),
    '',
    'Channels:',
    ...r.channels.map((c) => `  ${c.channel.padEnd(10)} ${String(c.questions).padStart(5)} questions, ${c.answered} answered`),
  ];
  return lines.join('\n') + '\n';
}

function main(): number {
  const { values } = parseArgs({
    options: {
      remote: { type: 'boolean', default: false },
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean', default: false },
      'persist-to': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write('Usage: npm run insights -- [--remote] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json] [--persist-to DIR]\n');
    return 0;
  }
  const period = reportPeriod(values.from, values.to, Date.now());
  if ('error' in period) {
    process.stderr.write(`insights: ${period.error}\n`);
    return 2;
  }
  const where = values.remote ? ['--remote'] : ['--local', ...(values['persist-to'] ? ['--persist-to', values['persist-to']] : [])];
  let questions: QuestionRow[];
  let feedback: FeedbackRow[];
  try {
    // Whole numbers only go into the SQL (the period), so there is nothing to escape.
    questions = query<QuestionRow>(`SELECT * FROM questions WHERE at >= ${period.from} AND at < ${period.to} ORDER BY at`, where);
    feedback = query<FeedbackRow>(
      `SELECT f.answer_id, f.rating, f.comment, f.at, q.question, q.answer FROM feedback f JOIN questions q ON q.id = f.answer_id WHERE f.at >= ${period.from} AND f.at < ${period.to} ORDER BY f.at`,
      where,
    );
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    process.stderr.write(
      `insights: could not read the INSIGHTS database (${values.remote ? 'remote' : 'local'}). Apply the schema first: npx wrangler d1 migrations apply INSIGHTS ${values.remote ? '--remote' : '--local'}\n${(e.stdout ?? '') + (e.stderr ?? e.message)}\n`,
    );
    return 1;
  }
  const report = buildReport(questions, feedback, period.from, period.to, builtVocabulary());
  process.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : renderReport(report));
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();

/**
 * The question log's cost per request (issue 15, docs/insights.md): what a
 * question pays on the request path for logging — scrubbing it of personal
 * data and building the row (`questionRow`, as `logReply` does before it
 * hands the write to `waitUntil`). The D1 write itself runs after the
 * response. Measured in Node over the bench's questions against the seed
 * briefs; `npm run bench` prints it, `npx tsx bench/insights.ts` alone too.
 * @module
 */
import { resolve } from 'node:path';
import { questionRow } from '../src/core/insights.js';
import { parseBriefs } from '../src/core/brief.js';
import { chat } from '../src/core/chat.js';
import { buildEngine } from '../src/core/indexer.js';
import { readBriefFiles } from '../src/node/briefs-dir.js';
import { readLexicon } from '../src/node/lexicon.js';

const ROOT = resolve(import.meta.dirname, '..');

export interface LoggingFigures {
  questions: number;
  /** CPU per logged question, microseconds. */
  p50Us: number;
  p95Us: number;
  /** Bytes of the row as JSON (what goes to D1), median. */
  rowBytes: number;
}

/** Time `questionRow` for each question's real reply (repeated, median of the per-question means). */
export function measureLogging(questions: string[], repeats = 200): LoggingFigures {
  const engine = buildEngine(parseBriefs(readBriefFiles(resolve(ROOT, 'seeds'))), readLexicon());
  const replies = questions.map((q) => [q, chat(engine, q).reply] as const);
  const perQuestion: number[] = [];
  const sizes: number[] = [];
  for (const [q, reply] of replies) {
    for (let i = 0; i < 20; i++) questionRow('x'.repeat(22), 'api', q, reply, 1, Date.now());
    const t0 = process.cpuUsage();
    for (let i = 0; i < repeats; i++) questionRow('x'.repeat(22), 'api', q, reply, 1, Date.now());
    const used = process.cpuUsage(t0);
    perQuestion.push((used.user + used.system) / repeats);
    sizes.push(JSON.stringify(questionRow('x'.repeat(22), 'api', q, reply, 1, Date.now())).length);
  }
  const at = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  return { questions: replies.length, p50Us: at(perQuestion, 0.5), p95Us: at(perQuestion, 0.95), rowBytes: at(sizes, 0.5) };
}

/** One line for the bench summary. */
export function loggingLine(f: LoggingFigures): string {
  return (
    `Question log (docs/insights.md): scrubbing a question and building its row costs ${f.p50Us.toFixed(1)} µs CPU per question (median; p95 ${f.p95Us.toFixed(1)} µs; ` +
    `${f.questions} questions, Node); the row is ${f.rowBytes} bytes as JSON, and the D1 write runs after the response (waitUntil).`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const questions = [
    'When is Petro meeting Trump?',
    'Who is the foreign minister?',
    'What is the weather tomorrow?',
    'Call me on +1 555 123 4567 about the vote',
    'Did Trump meet Putin?',
  ];
  process.stdout.write(loggingLine(measureLogging(questions)) + '\n');
}

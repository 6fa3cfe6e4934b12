/**
 * Command-line access to the same core the Worker runs.
 *
 *   npm run ask -- "When is Petro meeting Trump?"          readable answer (any chat message: "hi", "What's the latest on X?")
 *   npm run ask -- --json "When is Petro meeting Trump?"   the API's JSON
 *   npm run --silent ask -- --briefs DIR --batch FILE.jsonl [--no-history]
 *       one {"id", ...answer} JSON line per input line; nothing else on stdout.
 *       Lines sharing a "conversationId" are one conversation, in file order
 *       (follow-ups, chat intents); --no-history answers every line alone.
 * @module
 */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { parseBriefs } from './core/brief.js';
import { chat } from './core/chat.js';
import type { AskResponse, Engine } from './core/engine.js';
import { buildEngine } from './core/indexer.js';
import { readLexicon } from './node/lexicon.js';
import type { Turn } from './core/types.js';
import { BriefError } from './core/errors.js';
import { BriefsFolderError, readBriefFiles, readSynonyms } from './node/briefs-dir.js';
import { datedText, formatDay } from './core/recency.js';

const USAGE = `Usage:
  npm run ask -- [--briefs DIR] [--json] [--limit N] "question"
  npm run --silent ask -- [--briefs DIR] --batch FILE.jsonl   (FILE "-" reads stdin)

Options:
  --briefs DIR   folder of briefs to index (default: $BRIEFS_DIR, else seeds/)
  --json         print the API's JSON instead of text
  --limit N      number of citations (1-10, default 3)
  --batch FILE   answer one {"id","question"[,"conversationId"]} JSON object per line, print one JSON line each;
                 lines with the same "conversationId" form one conversation, in file order
  --no-history   answer every batch line on its own (ignore "conversationId")
  --now DATE     answer as on this ISO date (default: now): briefs past their "expires" date answer only when nothing else does
  -h, --help     this help`;

/** Where the CLI reads and writes: the process's streams, or a test's. */
export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  stdin: Readable;
  env: Record<string, string | undefined>;
}

const PROCESS_IO: CliIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };

/**
 * Run the CLI with these arguments; resolves to the exit code. Failures are
 * reported on `io.stderr` (a brief's problems by file and line, a missing folder
 * with what to do), never thrown.
 */
export async function run(argv: string[], io: CliIo = PROCESS_IO): Promise<number> {
  try {
    return await main(argv, io);
  } catch (err) {
    io.stderr.write(
      err instanceof BriefError
        ? `briefbot: cannot build the index\n${err.message}\n`
        : err instanceof BriefsFolderError
          ? `${err.message}\n`
          : `briefbot: ${(err as Error).stack ?? err}\n`,
    );
    return 1;
  }
}

async function main(argv: string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        briefs: { type: 'string', default: io.env.BRIEFS_DIR || 'seeds' },
        json: { type: 'boolean', default: false },
        limit: { type: 'string' },
        batch: { type: 'string' },
        'no-history': { type: 'boolean', default: false },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    io.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    io.stdout.write(USAGE + '\n');
    return 0;
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 10)) {
    io.stderr.write('--limit must be a whole number from 1 to 10\n');
    return 2;
  }
  const at = values.now === undefined ? undefined : Date.parse(values.now);
  if (at !== undefined && Number.isNaN(at)) {
    io.stderr.write('--now must be an ISO date, e.g. 2026-02-01\n');
    return 2;
  }
  const now = at === undefined ? {} : { now: at };
  const question = positionals.join(' ').trim();
  if (!values.batch && !question) {
    io.stderr.write(`No question given.\n\n${USAGE}\n`);
    return 2;
  }

  const t0 = performance.now();
  const dir = resolve(values.briefs);
  const engine = buildEngine(parseBriefs(readBriefFiles(dir)), readLexicon(), undefined, undefined, readSynonyms(dir));
  io.stderr.write(`briefbot: indexed ${engine.stats.briefs} briefs, ${engine.stats.passages} passages in ${Math.round(performance.now() - t0)} ms\n`);

  if (values.batch) return batch(engine, values.batch, { limit, ...now }, !values['no-history'], io);

  // One message of a new conversation, as the API answers it: chat phrases and "What's the latest on X?" too.
  const asked = performance.now();
  const { reply } = chat(engine, question, [], { ...(limit !== undefined ? { limit } : {}), ...now });
  const response: AskResponse = { ...reply, query: { tookMs: Math.round((performance.now() - asked) * 100) / 100 } };
  io.stdout.write(values.json ? JSON.stringify(response, null, 2) + '\n' : formatText(response));
  return 0;
}

/**
 * The batch contract: exactly one JSON line per input line, in order. A blank or
 * malformed line gets an error line (`answered: false`, `error`), so output line n
 * always answers input line n.
 */
async function batch(engine: Engine, file: string, defaults: { limit: number | undefined; now?: number }, history: boolean, io: CliIo): Promise<number> {
  const { limit, ...now } = defaults;
  const input = file === '-' ? io.stdin : createReadStream(file);
  const conversations = new Map<string, Turn[]>();
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  let failed = 0;
  for await (const line of lines) {
    n++;
    let id: unknown = null;
    let out: Record<string, unknown>;
    try {
      if (line.trim() === '') throw new Error('blank line: expected {"id": …, "question": …}');
      const req = JSON.parse(line) as { id?: unknown; question?: unknown; limit?: unknown; conversationId?: unknown };
      id = req.id ?? null;
      if (typeof req.question !== 'string' || req.question.trim() === '') throw new Error('"question" must be a non-empty string');
      const lineLimit = typeof req.limit === 'number' ? req.limit : limit;
      const conversationId = req.conversationId;
      if (conversationId !== undefined && conversationId !== null && typeof conversationId !== 'string') {
        throw new Error('"conversationId" must be a string');
      }
      if (history && conversationId) {
        // As if sent to the API with this conversationId: the conversation's earlier lines are its history.
        const t0 = performance.now();
        const turn = chat(engine, req.question, conversations.get(conversationId) ?? [], { limit: lineLimit, ...now });
        conversations.set(conversationId, turn.history);
        out = { id, conversationId, ...turn.reply, query: { tookMs: Math.round((performance.now() - t0) * 100) / 100 } };
      } else {
        out = { id, ...engine.respond(req.question, { limit: lineLimit, ...now }) };
      }
    } catch (err) {
      failed++;
      io.stderr.write(`${file}:${n}: ${(err as Error).message}\n`);
      out = { id, answered: false, answer: '', citations: [], error: { code: 'bad_request', message: (err as Error).message } };
    }
    io.stdout.write(JSON.stringify(out) + '\n');
  }
  return failed ? 1 : 0;
}

function formatText(r: AskResponse): string {
  const lines = [datedText(r), ''];
  r.citations.forEach((c, i) => {
    const meta = [c.title, c.byline, c.date && formatDay(c.date), c.updated && `updated ${formatDay(c.updated)}`].filter(Boolean).join(' · ');
    lines.push(`[${i + 1}] ${meta} (${c.passageId})`, `    ${c.snippet}`);
    if (c.url) lines.push(`    ${c.url}`);
  });
  if (r.related?.length) {
    lines.push('Related briefs:');
    for (const b of r.related) lines.push(`  - ${b.title}${b.date ? ` (${formatDay(b.date)})` : ''} [${b.briefId}]`);
  }
  return lines.join('\n') + '\n';
}

// Run when executed (`npm run ask`), not when imported (tests).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

/**
 * Small collections: a press office with a handful of briefs. Each article's questions are asked
 * of a collection holding only that article (answer@1 and false abstentions), and of a collection
 * holding only the next article of the set (the share declined: nothing there answers them).
 *
 *   npx tsx scripts/eval-small.ts [--kit ../shared/evalkit] [--part test|tune|all] [--sets squad2,newsroom,paraphrase,xquad/en]
 *
 * In-process (one engine per brief, built as `npm run ask` builds one) rather than through the batch
 * CLI, which would start a process per brief. Questions are split by article as in
 * scripts/split.ts; `npm run eval` prints this table after the others. When the kit is absent the
 * script says so and exits 0.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseBriefs, type BriefFile } from '../src/core/brief.js';
import { buildEngine } from '../src/core/indexer.js';
import { readBriefFiles } from '../src/node/briefs-dir.js';
import { readLexicon } from '../src/node/lexicon.js';
import { parsePart, selectPart, type Part } from './split.js';

export const SMALL_SETS = ['squad2', 'newsroom', 'paraphrase', 'xquad/en'];

export interface Q {
  question: string;
  answerable: boolean;
  answers?: string[];
  briefId?: string | null;
}

/** One set's figures, in per cent. */
export interface SmallScore {
  questions: number;
  briefs: number;
  answerAt1: number;
  falseAbstentions: number;
  /** Share declined when asked of another article alone. */
  otherDeclined: number;
}

/**
 * Each article with answerable questions in `part`: its brief file, the next article's (in id order among
 * every article with questions, wrapping around) and those questions. Also used by scripts/fit-abstention.ts.
 */
export function articlesAlone<T extends Q>(files: BriefFile[], lines: T[], part: Part): { own: BriefFile; other: BriefFile; questions: T[] }[] {
  const ids = parseBriefs(files).map((b) => b.id);
  const byBrief = new Map<string, T[]>();
  for (const q of selectPart(lines, part))
    if (q.answerable && q.briefId && ids.includes(q.briefId)) byBrief.set(q.briefId, [...(byBrief.get(q.briefId) ?? []), q]);
  const asked = [...new Set(lines.flatMap((q) => (q.briefId && ids.includes(q.briefId) ? [q.briefId] : [])))].sort();
  return [...byBrief].map(([id, questions]) => ({
    own: files[ids.indexOf(id)]!,
    other: files[ids.indexOf(asked[(asked.indexOf(id) + 1) % asked.length]!)]!,
    questions,
  }));
}

/** The kit's answer matching (`metrics.mjs`: SQuAD normalisation, whole words). */
type ContainsAny = (text: string, golds: string[]) => boolean;

export async function runSmall(kit: string, part: Part, sets = SMALL_SETS): Promise<Record<string, SmallScore>> {
  const { containsAny } = (await import(pathToFileURL(join(kit, 'metrics.mjs')).href)) as { containsAny: ContainsAny };
  const lexicon = readLexicon();
  const out: Record<string, SmallScore> = {};
  for (const set of sets) {
    const dir = join(kit, 'public', set);
    if (!existsSync(join(dir, 'questions.jsonl'))) continue;
    const lines = readFileSync(join(dir, 'questions.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Q);
    let n = 0;
    let right = 0;
    let declined = 0;
    let otherDeclined = 0;
    const articles = articlesAlone(readBriefFiles(join(dir, 'briefs')), lines, part);
    for (const { own: ownFile, other: otherFile, questions } of articles) {
      const own = buildEngine(parseBriefs([ownFile]), lexicon);
      const other = buildEngine(parseBriefs([otherFile]), lexicon);
      for (const q of questions) {
        n++;
        const a = own.ask(q.question, { limit: 3 });
        if (!a.answered) declined++;
        else if (containsAny(a.citations[0]?.snippet ?? '', q.answers ?? [])) right++;
        if (!other.ask(q.question, { limit: 3 }).answered) otherDeclined++;
      }
    }
    const pct = (x: number) => (n ? Math.round((1000 * x) / n) / 10 : 0);
    out[set] = { questions: n, briefs: articles.length, answerAt1: pct(right), falseAbstentions: pct(declined), otherDeclined: pct(otherDeclined) };
  }
  return out;
}

export function smallTable(part: Part, scores: Record<string, SmallScore>): string {
  const rows = Object.entries(scores).map(
    ([set, s]) => `| ${set} | ${s.questions} on ${s.briefs} | ${s.answerAt1.toFixed(1)} | ${s.falseAbstentions.toFixed(1)} | ${s.otherDeclined.toFixed(1)} |`,
  );
  return [
    `### Small collections (${part} part): each article alone (a declined question counts as wrong)`,
    '',
    '| set | questions on briefs | answer@1 | false abstentions | asked of another article alone: declined |',
    '| --- | --- | ---: | ---: | ---: |',
    ...rows,
    '',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      kit: { type: 'string', default: join(import.meta.dirname, '..', '..', 'shared', 'evalkit') },
      part: { type: 'string', default: 'test' },
      sets: { type: 'string', default: SMALL_SETS.join(',') },
    },
  });
  const kit = resolve(values.kit);
  if (!existsSync(join(kit, 'metrics.mjs'))) {
    console.log(`eval-small: no evaluation kit at ${kit} (pass --kit DIR); nothing to do.`);
  } else {
    const part = parsePart(values.part, 'test');
    console.log(smallTable(part, await runSmall(kit, part, values.sets.split(','))));
  }
}

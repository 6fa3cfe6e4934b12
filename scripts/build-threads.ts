/**
 * `npm run eval:threads:build`: materialise the story-thread set
 * (`evals/threads/`, see its README) as an evaluation-kit set folder.
 *
 *   npm run eval:threads:build [-- --evalkit DIR] [--out .eval/threads] [--distractors 1000]
 *
 * The repository stores only Reuters ids, questions and gold answers (the
 * corpus is for research use only and is not shipped). This script reads the
 * kit's `scale/reuters-21578.jsonl.gz` and writes `<out>/briefs/<id>.md` (front
 * matter id, title, date, tags, source, lang, as the kit's `expand.mjs` writes
 * it) for every thread brief, every brief an evergreen question is about and
 * a fixed choice of distractors, plus `<out>/questions.jsonl` unchanged. It
 * checks every id and every gold answer first and stops on any problem.
 *
 * Distractors: Reuters articles from the months the set's briefs are from,
 * minus the thread briefs, the stories each thread lists as `related` (other
 * wire stories on the same story, which would hold the same or stale answers),
 * the evergreen briefs and near-copies of any of those (the corpus keeps
 * re-sends whose text differs slightly); the first N by SHA-256 of the id.
 *
 * The kit is looked up in --evalkit, $EVALKIT, then ../shared/evalkit.
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const SET = join(ROOT, 'evals', 'threads');
const CORPUS = join('scale', 'reuters-21578.jsonl.gz');
const SOURCE = 'Reuters-21578, Distribution 1.0 (newswire 1987; © Reuters Ltd., research use only)';
const KINDS = new Set(['latest', 'older', 'evergreen']);

export interface Thread {
  id: string;
  topic: string;
  part: 'tune' | 'test';
  /** Reuters ids, oldest first. */
  briefs: string[];
  /** Other corpus stories on the same story: kept out of the distractors. */
  related: string[];
}

export interface ThreadQuestion {
  id: string;
  question: string;
  answerable: true;
  answers: string[];
  briefId: string;
  paragraph: number;
  kind: 'latest' | 'older' | 'evergreen';
  thread: string | null;
  part: 'tune' | 'test';
  /** For `latest`: what older briefs of the thread answer (stale answers). */
  outdated?: { briefId: string; answers: string[] }[];
}

interface Article {
  id: string;
  title: string;
  date: string;
  category?: string;
  body: string;
}

/**
 * The half of the set a thread (or an evergreen question's brief) is in:
 * the parity of the first byte of the SHA-256 of its id; even → tune.
 */
export function threadPart(key: string): 'tune' | 'test' {
  return createHash('sha256').update(key).digest()[0]! % 2 === 0 ? 'tune' : 'test';
}

/** The kit folder: --evalkit, $EVALKIT, else ../shared/evalkit next to the repository. */
export function findKit(option?: string): string {
  return resolve(option ?? process.env.EVALKIT ?? join(ROOT, '..', 'shared', 'evalkit'));
}

export function readThreadsSet(): { threads: Thread[]; questions: ThreadQuestion[] } {
  const threads = JSON.parse(readFileSync(join(SET, 'threads.json'), 'utf8')) as Thread[];
  const questions = readFileSync(join(SET, 'questions.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ThreadQuestion);
  return { threads, questions };
}

/** A brief's body paragraphs as the brief file holds them. */
const paragraphs = (body: string) =>
  body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n+/)
    .map((p) => p.trim())
    .filter(Boolean);

/** A YAML scalar for a front-matter line: plain when unambiguous, else double-quoted (JSON strings are YAML). */
function yamlScalar(s: string): string {
  const plain =
    /^[^\s\-?:,[\]{}#&*!|>'"%@`]/.test(s) &&
    !/[:\s]$/.test(s) &&
    !s.includes(': ') &&
    !s.includes(' #') &&
    !/^(true|false|yes|no|on|off|null|~|[-+]?[\d.]+(e[-+]?\d+)?)$/i.test(s) &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f\u2028\u2029]/.test(s);
  return plain ? s : JSON.stringify(s);
}

function renderBrief(a: Article): string {
  const lines = ['---', `id: ${yamlScalar(a.id)}`, `title: ${yamlScalar(a.title)}`, `date: ${a.date}`];
  if (a.category) lines.push(`tags: [${yamlScalar(a.category)}]`);
  lines.push(`source: ${yamlScalar(SOURCE)}`, 'lang: en', '---');
  return `${lines.join('\n')}\n${paragraphs(a.body).join('\n\n')}\n`;
}

/** Word 5-grams of a text, for spotting re-sent copies of a story. */
function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 5 <= words.length; i++) out.add(words.slice(i, i + 5).join(' '));
  return out;
}

type ContainsAny = (text: string, golds: string[]) => boolean;

/** Every problem with the set against the corpus (empty when it is sound). */
export function checkSet(threads: Thread[], questions: ThreadQuestion[], corpus: Map<string, Article>, containsAny: ContainsAny): string[] {
  const problems: string[] = [];
  const text = (id: string) => paragraphs(corpus.get(id)!.body).join('\n\n');
  const threadOf = new Map<string, Thread>();
  const members = new Map<string, string>();
  for (const t of threads) {
    if (threadOf.has(t.id)) problems.push(`thread ${t.id}: duplicate id`);
    threadOf.set(t.id, t);
    if (t.part !== threadPart(t.id)) problems.push(`thread ${t.id}: part should be ${threadPart(t.id)}`);
    if (t.briefs.length < 2) problems.push(`thread ${t.id}: a thread needs at least 2 briefs`);
    for (const id of [...t.briefs, ...t.related]) if (!corpus.has(id)) problems.push(`thread ${t.id}: ${id} is not in the corpus`);
    for (const id of t.briefs) {
      if (members.has(id)) problems.push(`thread ${t.id}: ${id} is also in thread ${members.get(id)}`);
      members.set(id, t.id);
    }
    const dates = t.briefs.map((id) => corpus.get(id)?.date ?? '');
    if (dates.some((d, i) => i > 0 && d < dates[i - 1]!)) problems.push(`thread ${t.id}: briefs are not oldest first`);
  }
  const related = new Set(threads.flatMap((t) => t.related));
  const seen = new Set<string>();
  for (const q of questions) {
    const where = `question ${q.id}`;
    if (seen.has(q.id)) problems.push(`${where}: duplicate id`);
    seen.add(q.id);
    if (!KINDS.has(q.kind)) problems.push(`${where}: unknown kind "${q.kind}"`);
    if (q.answerable !== true || !Array.isArray(q.answers) || !q.answers.length) problems.push(`${where}: needs answerable: true and gold answers`);
    if (!corpus.has(q.briefId)) {
      problems.push(`${where}: brief ${q.briefId} is not in the corpus`);
      continue;
    }
    const body = text(q.briefId);
    for (const a of q.answers) if (!body.includes(a) || !containsAny(body, [a])) problems.push(`${where}: "${a}" is not in ${q.briefId}`);
    // The wire marks names as <Name>, which Markdown reads as an HTML tag, so a brief's text has no such span.
    const readable = body.replace(/<[^<>\n]*>/g, '');
    for (const a of q.answers) if (body.includes(a) && !readable.includes(a)) problems.push(`${where}: "${a}" is inside <...> wire markup in ${q.briefId}`);
    const para = paragraphs(corpus.get(q.briefId)!.body)[q.paragraph - 1];
    if (!para || !containsAny(para, q.answers)) problems.push(`${where}: paragraph ${q.paragraph} of ${q.briefId} holds no gold answer`);
    if (containsAny(q.question, q.answers)) problems.push(`${where}: the question contains its answer`);
    if (q.kind === 'evergreen') {
      if (q.thread !== null) problems.push(`${where}: an evergreen question has thread null`);
      if (members.has(q.briefId) || related.has(q.briefId)) problems.push(`${where}: evergreen brief ${q.briefId} belongs to a thread`);
      if (q.part !== threadPart(q.briefId)) problems.push(`${where}: part should be ${threadPart(q.briefId)}`);
      continue;
    }
    const t = threadOf.get(q.thread ?? '');
    if (!t) {
      problems.push(`${where}: unknown thread ${q.thread}`);
      continue;
    }
    if (q.part !== t.part) problems.push(`${where}: part should be ${t.part}, as its thread`);
    const at = t.briefs.indexOf(q.briefId);
    if (at < 0) problems.push(`${where}: ${q.briefId} is not a brief of ${t.id}`);
    // An older-brief question: no later brief of the thread repeats the answer.
    if (q.kind === 'older')
      for (const later of t.briefs.slice(at + 1)) if (containsAny(text(later), q.answers)) problems.push(`${where}: the later ${later} repeats the answer`);
    for (const o of q.outdated ?? []) {
      if (q.kind !== 'latest') problems.push(`${where}: only latest questions have outdated answers`);
      const oat = t.briefs.indexOf(o.briefId);
      if (oat < 0 || oat >= at) problems.push(`${where}: outdated ${o.briefId} is not an older brief of ${t.id}`);
      else {
        for (const a of o.answers) if (!text(o.briefId).includes(a)) problems.push(`${where}: outdated "${a}" is not in ${o.briefId}`);
        if (containsAny(text(o.briefId), q.answers)) problems.push(`${where}: the outdated ${o.briefId} holds the gold answer too`);
      }
    }
  }
  return problems;
}

export interface BuildResult {
  dir: string;
  threads: number;
  questions: number;
  setBriefs: number;
  distractors: number;
  nearCopiesLeftOut: number;
}

/** Check the set against the kit's corpus and write the set folder; throws with every problem found. */
export async function buildThreadsSet(kit: string, out: string, distractors = 1000): Promise<BuildResult> {
  const corpusFile = join(kit, CORPUS);
  if (!existsSync(corpusFile))
    throw new Error(
      `the evaluation kit's Reuters corpus was not found at ${corpusFile}.\n` +
        'It is not shipped with Briefbot (research use only); point to a kit with --evalkit DIR or $EVALKIT.',
    );
  const { containsAny } = (await import(pathToFileURL(join(kit, 'metrics.mjs')).href)) as { containsAny: ContainsAny };
  const articles = gunzipSync(readFileSync(corpusFile))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Article);
  const corpus = new Map(articles.map((a) => [a.id, a]));
  const { threads, questions } = readThreadsSet();
  const problems = checkSet(threads, questions, corpus, containsAny);
  if (problems.length) throw new Error(`evals/threads has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);

  const setIds = [...new Set([...threads.flatMap((t) => t.briefs), ...questions.map((q) => q.briefId)])];
  const excluded = new Set([...setIds, ...threads.flatMap((t) => t.related)]);
  const months = new Set(setIds.map((id) => corpus.get(id)!.date.slice(0, 7)));
  // Near-copies: an article sharing half its word 5-grams (or half of a set brief's) with a set brief.
  const owners = new Map<string, number[]>();
  const setShingles = setIds.map((id) => shingles(corpus.get(id)!.body));
  setShingles.forEach((s, i) => s.forEach((g) => owners.set(g, [...(owners.get(g) ?? []), i])));
  const nearCopy = (a: Article) => {
    const own = shingles(a.body);
    const shared = new Map<number, number>();
    for (const g of own) for (const i of owners.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    return [...shared].some(([i, n]) => n >= 0.5 * Math.min(own.size, setShingles[i]!.size));
  };
  const hash = (id: string) => createHash('sha256').update(id).digest('hex');
  let nearCopiesLeftOut = 0;
  const pool = articles
    .filter((a) => !excluded.has(a.id) && months.has(a.date.slice(0, 7)))
    .filter((a) => (nearCopy(a) ? (nearCopiesLeftOut++, false) : true))
    .map((a) => ({ a, h: hash(a.id) }))
    .sort((x, y) => (x.h < y.h ? -1 : 1))
    .slice(0, distractors)
    .map(({ a }) => a);

  rmSync(join(out, 'briefs'), { recursive: true, force: true });
  mkdirSync(join(out, 'briefs'), { recursive: true });
  for (const a of [...setIds.map((id) => corpus.get(id)!), ...pool]) writeFileSync(join(out, 'briefs', `${a.id}.md`), renderBrief(a));
  writeFileSync(join(out, 'questions.jsonl'), questions.map((q) => JSON.stringify(q)).join('\n') + '\n');
  return { dir: out, threads: threads.length, questions: questions.length, setBriefs: setIds.length, distractors: pool.length, nearCopiesLeftOut };
}

/** The command-line options of building the set, shared with `eval-threads.ts`. */
export const THREADS_OPTIONS = {
  evalkit: { type: 'string' },
  out: { type: 'string', default: join(ROOT, '.eval', 'threads') },
  distractors: { type: 'string', default: '1000' },
} as const;

/** `parse()` (a command line), or undefined after saying on stderr what is wrong with it (`tool` names the command). */
export function cliArgs<T>(tool: string, parse: () => T): T | undefined {
  try {
    return parse();
  } catch (err) {
    process.stderr.write(`${tool}: ${(err as Error).message}\n`);
    return undefined;
  }
}

/** `--distractors` as a whole number, or undefined after saying why on stderr. */
export function parseDistractors(value: string, tool: string): number | undefined {
  const n = Number(value);
  if (Number.isInteger(n) && n >= 0) return n;
  process.stderr.write(`${tool}: --distractors must be a whole number (got "${value}")\n`);
  return undefined;
}

async function main(): Promise<number> {
  const values = cliArgs('build-threads', () => parseArgs({ options: THREADS_OPTIONS }).values);
  const n = values && parseDistractors(values.distractors, 'build-threads');
  if (!values || n === undefined) return 2;
  try {
    const r = await buildThreadsSet(findKit(values.evalkit), resolve(values.out), n);
    process.stderr.write(
      `build-threads: wrote ${r.setBriefs} set briefs (${r.threads} threads + evergreen stories) and ${r.distractors} distractors ` +
        `(${r.nearCopiesLeftOut} near-copies left out) with ${r.questions} questions to ${r.dir}\n`,
    );
    return 0;
  } catch (err) {
    process.stderr.write(`build-threads: ${(err as Error).message}\n`);
    return existsSync(join(findKit(values.evalkit), CORPUS)) ? 1 : 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main();

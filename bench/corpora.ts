/**
 * The benchmark corpora: where their briefs and questions come from.
 * Reuters and BBC are expanded from the evaluation kit's `scale/` files with
 * its own `expand.mjs` into a temporary folder (about a second for 10k).
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface Corpus {
  name: string;
  /** Folder of brief files. */
  dir: string;
  /** What the query set is, for the table's notes. */
  queries: string;
}

export const QUICK = ['seeds', 'reuters-1k', 'newsroom'];
export const FULL = ['seeds', 'reuters-1k', 'reuters-5k', 'reuters-10k', 'bbc-2225', 'newsroom'];

export function kitMissing(kit: string): string | null {
  if (existsSync(join(kit, 'scale', 'expand.mjs')) && existsSync(join(kit, 'public', 'newsroom', 'questions.jsonl'))) return null;
  return (
    `bench: the evaluation kit was not found at ${kit}\n` +
    `  (it needs scale/expand.mjs, scale/*.jsonl.gz and public/newsroom/).\n` +
    `  Pass its location with --kit PATH, or run only the seed briefs with --corpora seeds.`
  );
}

/** Make the corpus' brief folder (expanding scale corpora into `work`). */
export function prepareCorpus(name: string, kit: string, work: string): Corpus {
  const newsroomQueries = 'newsroom questions (real SQuAD questions; off-topic for this corpus)';
  if (name === 'seeds') return { name, dir: resolve('seeds'), queries: 'newsroom questions (off-topic: stresses abstention)' };
  if (name === 'newsroom') return { name, dir: join(kit, 'public', 'newsroom', 'briefs'), queries: 'newsroom questions (on-topic)' };
  const m = /^(reuters|bbc)-(\d+)(k?)$/.exec(name);
  if (!m) throw new Error(`bench: unknown corpus "${name}" (known: ${FULL.join(', ')})`);
  const count = Number(m[2]) * (m[3] ? 1000 : 1);
  const file = m[1] === 'reuters' ? 'reuters-21578.jsonl.gz' : 'bbc-news-2225.jsonl.gz';
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync(process.execPath, [join(kit, 'scale', 'expand.mjs'), '--corpus', join(kit, 'scale', file), '--count', String(count), '--out', dir], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { name, dir, queries: newsroomQueries };
}

/** `n` evenly spaced newsroom questions (a fixed choice, the same for every corpus). */
export function loadQueries(kit: string, n: number): string[] {
  const file = join(kit, 'public', 'newsroom', 'questions.jsonl');
  const all = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { question: string }).question);
  return evenly(all, n);
}

/** `n` items of `xs`, evenly spaced (all of them when there are no more than `n`). */
export function evenly<T>(xs: T[], n: number): T[] {
  if (n >= xs.length) return xs;
  return Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]!);
}

export function workDir(dir = join(tmpdir(), 'briefbot-bench')): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

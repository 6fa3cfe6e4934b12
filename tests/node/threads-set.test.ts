import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSet, readThreadsSet, threadPart, type Thread, type ThreadQuestion } from '../../scripts/build-threads.js';
import { parseBriefs } from '../../src/core/brief.js';
import { readBriefFiles } from '../../src/node/briefs-dir.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('evals/threads (the story-thread set; its text comes from the kit at eval time)', () => {
  const { threads, questions } = readThreadsSet();
  const byId = new Map(threads.map((t) => [t.id, t]));

  it('splits by thread: a thread and all its questions are in one half, by the SHA-256 rule', () => {
    for (const t of threads) expect(t.part, t.id).toBe(threadPart(t.id));
    for (const q of questions) expect(q.part, q.id).toBe(q.thread === null ? threadPart(q.briefId) : byId.get(q.thread)?.part);
    expect(new Set(questions.map((q) => q.part))).toEqual(new Set(['tune', 'test']));
  });

  it('has unique ids, known kinds, gold briefs inside their thread and stale answers from older briefs only', () => {
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    expect(new Set(threads.map((t) => t.id)).size).toBe(threads.length);
    const members = new Set(threads.flatMap((t) => t.briefs));
    for (const q of questions) {
      expect(['latest', 'older', 'evergreen'], q.id).toContain(q.kind);
      expect(q.answers.length, q.id).toBeGreaterThan(0);
      expect(q.paragraph, q.id).toBeGreaterThanOrEqual(1);
      if (q.kind === 'evergreen') {
        expect(members.has(q.briefId), q.id).toBe(false);
        continue;
      }
      const briefs = byId.get(q.thread!)!.briefs;
      const at = briefs.indexOf(q.briefId);
      expect(at, q.id).toBeGreaterThanOrEqual(0);
      for (const o of q.outdated ?? []) {
        expect(q.kind, q.id).toBe('latest');
        expect(briefs.indexOf(o.briefId), q.id).toBeGreaterThanOrEqual(0);
        expect(briefs.indexOf(o.briefId), q.id).toBeLessThan(at);
      }
    }
    for (const t of threads) {
      const kinds = new Set(questions.filter((q) => q.thread === t.id).map((q) => q.kind));
      expect(kinds, t.id).toEqual(new Set(['latest', 'older']));
    }
  });
});

describe('checkSet', () => {
  // Made-up articles: the real ones are Reuters text, which the repository does not ship.
  const corpus = new Map(
    [
      {
        id: 'a1',
        title: 'PORT TALKS FAIL',
        date: '1987-03-02',
        body: 'OSLO, March 2 - Talks to end the dock strike failed.\n\nThe union wants a 9 pct raise.',
      },
      { id: 'a2', title: 'PORT STRIKE ENDS', date: '1987-03-09', body: 'OSLO, March 9 - The dock strike ended after workers accepted 7 pct.' },
    ].map((a) => [a.id, a]),
  );
  const contains = (text: string, golds: string[]) => golds.some((g) => text.toLowerCase().includes(g.toLowerCase()));
  const thread: Thread = { id: 'dock-strike', topic: 'a dock strike', part: threadPart('dock-strike'), briefs: ['a1', 'a2'], related: [] };
  const question = (over: Partial<ThreadQuestion>): ThreadQuestion => ({
    id: 'q1',
    question: 'Is the dock strike over?',
    answerable: true,
    answers: ['ended after workers accepted 7 pct'],
    briefId: 'a2',
    paragraph: 1,
    kind: 'latest',
    thread: 'dock-strike',
    part: thread.part,
    outdated: [{ briefId: 'a1', answers: ['Talks to end the dock strike failed'] }],
    ...over,
  });

  it('accepts a sound thread', () => {
    expect(checkSet([thread], [question({})], corpus, contains)).toEqual([]);
  });

  it('reports a gold answer missing from its brief, a stale brief holding the gold answer and a wrong half', () => {
    expect(checkSet([thread], [question({ answers: ['accepted 8 pct'] })], corpus, contains).join('\n')).toMatch(/"accepted 8 pct" is not in a2/);
    const stale = question({ answers: ['dock strike'], question: 'What is happening at the port?' });
    expect(checkSet([thread], [stale], corpus, contains).join('\n')).toMatch(/outdated a1 holds the gold answer too/);
    const other = thread.part === 'tune' ? 'test' : 'tune';
    expect(checkSet([thread], [question({ part: other })], corpus, contains).join('\n')).toMatch(/part should be/);
  });

  it('reports an older-brief answer that a later brief repeats, and briefs out of date order', () => {
    const older = question({ kind: 'older', briefId: 'a1', answers: ['OSLO'], question: 'Where are the docks?', outdated: undefined });
    expect(checkSet([thread], [older], corpus, contains).join('\n')).toMatch(/the later a2 repeats the answer/);
    expect(checkSet([{ ...thread, briefs: ['a2', 'a1'] }], [], corpus, contains).join('\n')).toMatch(/not oldest first/);
  });
});

describe('tests/fixtures/threads (dated briefs of one story plus an unrelated one)', () => {
  it('parses with the dates of the seed story, its update and the unrelated brief', () => {
    const briefs = parseBriefs(readBriefFiles(join(ROOT, 'tests', 'fixtures', 'threads')));
    const dates = Object.fromEntries(briefs.map((b) => [b.id, b.date]));
    expect(dates).toEqual({
      'petro-white-house-2026-01-30': '2026-01-30',
      'petro-white-house-postponed-2026-02-01': '2026-02-01',
      'chile-port-strike-vote-2026-02-02': '2026-02-02',
    });
    const update = briefs.find((b) => b.id === 'petro-white-house-postponed-2026-02-01')!;
    expect(update.passages.map((p) => p.text).join(' ')).toContain('will now take place on Feb. 10');
  });
});

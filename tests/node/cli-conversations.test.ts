import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as evalFollowups } from '../../scripts/eval-followups.js';
import { run as runCli } from '../../src/cli.js';

const root = resolve(import.meta.dirname, '../..');
const SEED = '000-3f25df5bcd3f84e8';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefbot-cli-conv-'));
  cpSync(resolve(root, 'seeds'), join(dir, 'briefs'), { recursive: true });
  cpSync(resolve(root, 'tests/fixtures/conversations'), join(dir, 'briefs'), { recursive: true });
  const lines = [
    { id: 'a1', question: 'When is Petro meeting Trump?', conversationId: 'a' },
    { id: 'b1', question: 'Who scored twice for Harbour Town?', conversationId: 'b' },
    { id: 'a2', question: 'What will they talk about?', conversationId: 'a' },
    { id: 'b2', question: 'Who did they beat?', conversationId: 'b' },
    { id: 'a3', question: 'source?', conversationId: 'a' },
    { id: 'x', question: 'What will they talk about?' },
  ];
  writeFileSync(join(dir, 'batch.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Out {
  id: string;
  kind?: string;
  answered: boolean;
  answer: string;
  citations: { briefId: string; passageId: string }[];
  followUp?: string;
  conversationId?: string;
}

/** The batch CLI, in this process. */
async function run(...extra: string[]): Promise<Map<string, Out>> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--briefs', join(dir, 'briefs'), '--batch', join(dir, 'batch.jsonl'), ...extra], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([]),
    env: {},
  });
  expect(code, stderr).toBe(0);
  const lines = stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Out);
  expect(lines).toHaveLength(6);
  return new Map(lines.map((l) => [l.id, l]));
}

describe('batch CLI with conversationId', () => {
  it('answers lines with the same conversationId as one conversation, in file order, interleaved or not', async () => {
    const out = await run();
    expect(out.get('a2')!.followUp).toBe('follow-up');
    expect(out.get('a2')!.citations[0]!.briefId).toBe(SEED);
    expect(out.get('b2')!.answer).toContain('Millbrook');
    expect(out.get('a3')!.kind).toBe('source');
    expect(out.get('a3')!.citations.map((c) => c.passageId)).toEqual(out.get('a2')!.citations.map((c) => c.passageId));
    // A line without an id is independent.
    expect(out.get('x')!.followUp).toBeUndefined();
    expect(out.get('x')!.citations[0]!.briefId).toBe('japan-china-talks');
  });

  it('ignores the ids with --no-history (the baseline)', async () => {
    const out = await run('--no-history');
    expect(out.get('a2')!.citations[0]!.briefId).toBe('japan-china-talks');
    expect(out.get('a2')!.followUp).toBeUndefined();
    expect(out.get('a3')!.kind).toBeUndefined();
  });
});

describe('eval:followups', () => {
  it('skips cleanly (exit 0) when the evaluation kit is absent', async () => {
    const writes: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((s: string) => (writes.push(s), true)) as typeof process.stdout.write;
    try {
      expect(await evalFollowups(['--evalkit', join(dir, 'no-such-kit')])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    expect(writes.join('')).toMatch(/skipped, no follow-up set/);
  });
});

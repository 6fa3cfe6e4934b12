import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/briefs');

/** Run the CLI in this process (as `npm run ask -- ...` would, from the project folder), capturing its output. */
async function ask(args: string[], input = '', env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const code = await run(args, {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      stdin: Readable.from([input]),
      env: { ...env },
    });
    return { code, stdout, stderr };
  } finally {
    process.chdir(cwd);
  }
}

/** Exactly as the evaluation kit runs it: `npm run --silent ask -- ...`, a separate process. */
function spawnAsk(args: string[], input?: string) {
  const proc = spawnSync('npm', ['run', '--silent', 'ask', '--', ...args], { cwd: ROOT, encoding: 'utf8', input });
  return { code: proc.status, stdout: proc.stdout, stderr: proc.stderr };
}

describe('CLI', () => {
  it('prints a readable answer with numbered citations', async () => {
    const r = await ask(['When is Petro meeting Trump?']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Feb\. 3\. \[1\]/);
    expect(r.stdout).toMatch(/^\[1\] Colombian President optimistic .* · TA \| AP Brief · Jan\. 30, 2026 \(000-3f25df5bcd3f84e8#p1\)$/m);
    // Dated: the seed says Jan. 30, 2026.
    expect(r.stdout).toMatch(/^As of Jan\. 30, 2026: /);
  });

  it('answers a message as the API does: chat phrases, and "the latest on X" newest first, dated', async () => {
    const r = await ask(['--briefs', join(ROOT, 'tests/fixtures/threads'), "What's the latest on Petro's White House visit?"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'The latest on "Petro\'s White House visit":',
      expect.stringMatching(/^Feb\. 1, 2026: .*Feb\. 10\. \[1\]$/),
      expect.stringMatching(/^Jan\. 30, 2026: .*Feb\. 3\. \[2\]$/),
    ]);
    expect((await ask(['hi'])).stdout).toMatch(/^Hello!/);
  });

  it('reads the briefs from $BRIEFS_DIR when --briefs is not given, like every build step', async () => {
    const r = await ask(['--json', 'Where does the Rhine rise?'], undefined, { BRIEFS_DIR: FIXTURES });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).citations[0].briefId).toBe('squad2-rhine');
  });

  it('says what to do, without a stack trace, when the briefs folder is missing or empty', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'briefbot-empty-'));
    try {
      for (const [dir, what] of [
        [join(empty, 'nope'), /does not exist/],
        [empty, /no brief files/],
      ] as const) {
        const r = await ask(['--briefs', dir, 'When?']);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(what);
        expect(r.stderr).toMatch(/--briefs DIR or BRIEFS_DIR=DIR/);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('--json prints the API response', async () => {
    const r = await ask(['--json', '--limit', '2', 'Who is the foreign minister?']);
    const body = JSON.parse(r.stdout);
    expect(body).toMatchObject({ answered: true, query: { tookMs: expect.any(Number) } });
    expect(body.citations).toHaveLength(2);
    expect(body.answer).toContain('Rosa Villavicencio');
  });

  it('rejects bad options with usage on stderr', async () => {
    const r = await ask(['--limit', '0', 'hi']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--limit/);
  });

  it('names the file and line of a bad brief and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefbot-bad-'));
    writeFileSync(join(dir, 'bad.md'), '---\ntitle: T\ndate: 2026-02-30\n---\nText.\n');
    const r = await ask(['--briefs', dir, 'anything']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad.md:3: invalid date "2026-02-30"');
  });

  it("reads the folder's synonyms.txt (no brief itself), and names a line it cannot read", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefbot-synonyms-'));
    try {
      writeFileSync(join(dir, 'visa.md'), "---\ntitle: Visa revoked\n---\nThe U.S. revoked the minister's visa in September.\n");
      const q = 'What happened to the permission to travel of the minister?';
      expect((await ask(['--briefs', dir, '--json', q])).stdout).toMatch(/"answered": false/);
      writeFileSync(join(dir, 'synonyms.txt'), '# what readers say\npermission to travel, entry permit => visa\n');
      const r = await ask(['--briefs', dir, '--json', q]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ answered: true, citations: [{ passageId: 'visa#p1' }] });
      expect(r.stderr).toMatch(/indexed 1 briefs/);
      writeFileSync(join(dir, 'synonyms.txt'), 'permission to travel, entry permit => visa\nthaw\n');
      const bad = await ask(['--briefs', dir, q]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('synonyms.txt:2: a line needs two phrases or more');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('batch contract (used by the evaluation kit)', () => {
  it('writes exactly one JSON line per input line, and nothing else, on stdout (a separate process, as the kit runs it)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefbot-batch-'));
    const input = join(dir, 'q.jsonl');
    const questions = [
      { id: 'q1', question: 'What is the biggest city on the river Rhine?' },
      { id: 'q2', question: 'Who won the World Cup in 1966?' },
      { id: 7, question: 'What did Patricia Hewitt announce?' },
    ];
    writeFileSync(input, questions.map((q) => JSON.stringify(q)).join('\n') + '\n\n{not json}\n');
    const r = spawnAsk(['--briefs', FIXTURES, '--batch', input]);
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    const [rhine, worldCup, hewitt, blank, broken] = lines;
    expect(rhine).toMatchObject({ id: 'q1', answered: true });
    expect(rhine.citations[0]).toMatchObject({ briefId: 'squad2-rhine', passageId: 'squad2-rhine#p1' });
    expect(rhine.citations[0].snippet).toContain('Cologne');
    expect(worldCup).toMatchObject({ id: 'q2', answered: false, citations: [] });
    expect(hewitt).toMatchObject({ id: 7, answered: true });
    expect(hewitt.citations[0].briefId).toBe('bbc-politics-001');
    expect(blank).toMatchObject({ id: null, answered: false, citations: [], error: { code: 'bad_request' } });
    expect(blank.error.message).toMatch(/blank line/);
    expect(broken).toMatchObject({ id: null, answered: false, error: { code: 'bad_request' } });
    // Logs go to stderr only.
    expect(r.stderr).toMatch(/indexed 2 briefs/);
    expect(r.stderr).toMatch(/q\.jsonl:4: blank line/);
    expect(r.stderr).toMatch(/q\.jsonl:5:/);
  });

  it('reads the batch from stdin with "-"', async () => {
    const r = await ask(['--briefs', FIXTURES, '--batch', '-'], JSON.stringify({ id: 'a', question: 'In which Swiss canton does the Rhine begin?' }) + '\n');
    expect(r.code).toBe(0);
    const line = JSON.parse(r.stdout);
    expect(line.id).toBe('a');
    expect(line.answer).toContain('Graubünden');
  });
});

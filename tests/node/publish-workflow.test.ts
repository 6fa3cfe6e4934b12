/**
 * The publish workflow (.github/workflows/publish.yml, docs/publishing.md): it
 * calls scripts this project has, with the secrets it documents, and its
 * import step, run as GitHub runs it (bash, GITHUB_OUTPUT), publishes only
 * when the feed brought something new and fails only when it should.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = resolve(__dirname, '../..');
const FEEDS = join(ROOT, 'tests/fixtures/feeds');

interface Step {
  name?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
}
const workflow = parse(readFileSync(join(ROOT, '.github/workflows/publish.yml'), 'utf8')) as {
  on: { schedule: { cron: string }[]; workflow_dispatch: unknown; repository_dispatch: { types: string[] } };
  jobs: { publish: { env: Record<string, string>; steps: Step[] } };
};
const steps = workflow.jobs.publish.steps;
const step = (name: string) => steps.find((s) => s.name === name)!;

describe('publish workflow file', () => {
  it('runs on a schedule (every 15 minutes, off the hour), by hand, and on the CMS dispatch', () => {
    expect(workflow.on.schedule.map((s) => s.cron)).toEqual(['7,22,37,52 * * * *']);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.on.repository_dispatch.types).toEqual(['feed-updated']);
  });

  it('calls only npm scripts the project has: import, then deploy (bundled) or ingest (R2)', () => {
    const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
    const called = steps.flatMap((s) => [...(s.run ?? '').matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!));
    expect(called).toEqual(['import', 'deploy', 'ingest']);
    for (const name of called) expect(scripts).toContain(name);
    expect(step('Build and deploy the Worker').if).toMatch(/STORAGE_MODE != 'r2'/);
    expect(step('Ingest into R2').if).toMatch(/STORAGE_MODE == 'r2'/);
    for (const name of ['Build and deploy the Worker', 'Ingest into R2']) {
      expect(step(name).env!.CLOUDFLARE_API_TOKEN).toBe('${{ secrets.CLOUDFLARE_API_TOKEN }}');
    }
  });
});

/**
 * The import step's script, run by bash in a scratch git repository that links
 * to this project (package.json, node_modules, scripts, src), as on a runner.
 */
describe("publish workflow's import step", () => {
  let repo: string;
  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'briefbot-publish-'));
    for (const f of ['package.json', 'node_modules', 'scripts', 'src', 'tsconfig.json']) symlinkSync(join(ROOT, f), join(repo, f));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('config', 'user.email', 'test@example.org');
    git('config', 'user.name', 'test');
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  function runStep(feed: string): { code: number; outputs: Record<string, string> } {
    const outputFile = join(repo, '.github-output');
    const res = spawnSync('bash', ['-e', '-c', step('Import the feed').run!], {
      cwd: repo,
      env: { ...process.env, FEED_URL: feed, BRIEFS_DIR: 'briefs', GITHUB_OUTPUT: outputFile },
      encoding: 'utf8',
    });
    let text = '';
    try {
      text = readFileSync(outputFile, 'utf8');
    } catch {
      text = '';
    }
    rmSync(outputFile, { force: true });
    return {
      code: res.status ?? -1,
      outputs: Object.fromEntries(
        text
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split('=') as [string, string]),
      ),
    };
  }

  it('publishes new items, then nothing once they are committed', () => {
    const first = runStep(join(FEEDS, 'newsroom.rss.xml'));
    expect(first).toEqual({ code: 0, outputs: { status: '0', changed: 'true' } });
    execFileSync('git', ['add', 'briefs'], { cwd: repo });
    execFileSync('git', ['commit', '-q', '-m', 'imported'], { cwd: repo });
    const second = runStep(join(FEEDS, 'newsroom.rss.xml'));
    expect(second).toEqual({ code: 0, outputs: { status: '0' } });
  });

  it('publishes the good items of a feed with bad ones (the run is failed later), and stops on an unreadable feed', () => {
    expect(runStep(join(FEEDS, 'hostile.rss.xml'))).toEqual({ code: 0, outputs: { status: '1', changed: 'true' } });
    expect(runStep(join(FEEDS, 'no-such-feed.xml'))).toEqual({ code: 2, outputs: { status: '2' } });
    expect(runStep('')).toMatchObject({ code: 1 });
  });
});

/**
 * E2E global setup: the Worker under `wrangler dev` on a free port, and a
 * plain host page on a second origin that embeds the widget with one script
 * tag, as a news site would. The Worker's CORS allowlist names only that
 * host origin, so `localhost:<same port>` serves as a site that is not allowed.
 * @module
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { raiseRateLimits } from '../../bench/load-lib.js';

declare module 'vitest' {
  export interface ProvidedContext {
    workerUrl: string;
    hostUrl: string;
    /** Same host page on an origin that is not in CORS_ORIGINS. */
    blockedHostUrl: string;
  }
}

/** The /admin token of the e2e Worker. */
export const E2E_ADMIN_TOKEN = 'e2e-admin-token-0123456789';
const E2E_CONFIG = 'wrangler.e2e.toml';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createNetServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The host page: its own (unfriendly) styles, some links before the widget, and the script tag. */
export function hostPage(workerUrl: string, query: URLSearchParams): string {
  const attrs = [...query]
    .filter(([k]) => /^[a-z]+$/.test(k))
    .map(([k, v]) => ` data-${k}="${escapeAttr(v)}"`)
    .join('');
  // `host-lang` and `host-dir` (not data attributes: they have a hyphen) set the host page's own language and direction.
  const lang = /^[a-z]{2,3}$/.test(query.get('host-lang') ?? '') ? query.get('host-lang')! : 'en';
  const dir = query.get('host-dir') === 'rtl' ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>The Daily Example</title><link rel="icon" href="data:,">
<style>
  body { margin: 0; font: 22px/1.3 Georgia, serif; color: #5a1f00; background: #fdf6e3; letter-spacing: 2px; }
  header { background: #5a1f00; color: #fff; padding: 12px 24px; }
  header a { color: #fff; margin-right: 16px; }
  main { padding: 24px; max-width: 760px; }
  button { background: hotpink !important; border: 4px dashed lime !important; font-size: 30px !important; }
  div { padding: 3px; }
</style></head>
<body>
<header><a href="#news">News</a><a href="#sport">Sport</a></header>
<main><h1>Colombia and the United States</h1>
<p>Our host page has its own styles; the chat widget must not pick them up, nor change them.</p>
<p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(12)}</p>
<button type="button" id="host-button">A host button</button>
</main>
<script src="${workerUrl}/widget.js"${attrs} async></script>
</body></html>`;
}

function waitForHealth(url: string, proc: ChildProcess, log: () => string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`wrangler dev exited (${code}) before it was ready:\n${log()}`));
    proc.once('exit', onExit);
    const tick = async () => {
      try {
        const res = await fetch(`${url}/health`);
        if (res.ok) {
          proc.off('exit', onExit);
          return resolve();
        }
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        proc.off('exit', onExit);
        return reject(new Error(`wrangler dev was not ready after ${timeoutMs} ms:\n${log()}`));
      }
      setTimeout(tick, 250);
    };
    void tick();
  });
}

export default async function setup(project: TestProject) {
  const [workerPort, hostPort, inspectorPort] = [await freePort(), await freePort(), await freePort()];
  const workerUrl = `http://127.0.0.1:${workerPort}`;
  const hostUrl = `http://127.0.0.1:${hostPort}`;

  // Every browser request comes from 127.0.0.1: the production rate limits (60 a minute per IP) would refuse
  // part of the suite. wrangler.e2e.toml (gitignored, next to wrangler.toml so its paths resolve the same,
  // removed at the end) is wrangler.toml with the limits raised, as `npm run load` does; the limiting itself
  // is tested in workerd (tests/worker/rate-limit.spec.ts), the widget's 429 here with intercepted responses.
  writeFileSync(
    E2E_CONFIG,
    `# Written by tests/e2e/global-setup.ts, removed when the e2e run ends.\n${raiseRateLimits(readFileSync('wrangler.toml', 'utf8')).text}`,
  );

  // The question log's schema (migrations/) in the same local state wrangler dev uses, fresh for each run: what
  // a run asked must not carry into the next one's dashboard (it had: twenty runs' votes on one page).
  rmSync('.wrangler/e2e-state', { recursive: true, force: true });
  const migrate = spawnSync(
    process.execPath,
    [
      'node_modules/wrangler/bin/wrangler.js',
      'd1',
      'migrations',
      'apply',
      'INSIGHTS',
      '--local',
      '--config',
      E2E_CONFIG,
      '--persist-to',
      '.wrangler/e2e-state',
    ],
    { env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' }, encoding: 'utf8' },
  );
  if (migrate.status !== 0) {
    rmSync(E2E_CONFIG, { force: true });
    throw new Error(`wrangler d1 migrations apply failed:\n${migrate.stdout}\n${migrate.stderr}`);
  }

  let output = '';
  const wrangler = spawn(
    process.execPath,
    [
      'node_modules/wrangler/bin/wrangler.js',
      'dev',
      '--config',
      E2E_CONFIG,
      '--ip',
      '127.0.0.1',
      '--port',
      String(workerPort),
      '--inspector-port',
      String(inspectorPort),
      '--var',
      `CORS_ORIGINS:${hostUrl}`,
      // The /admin dashboard (tests/e2e/admin.e2e.ts).
      '--var',
      `ADMIN_TOKEN:${E2E_ADMIN_TOKEN}`,
      '--persist-to',
      '.wrangler/e2e-state',
      '--show-interactive-dev-session=false',
      '--log-level',
      'warn',
    ],
    { env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
  wrangler.stdout!.on('data', keep);
  wrangler.stderr!.on('data', keep);

  const host: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', hostUrl);
    if (url.pathname !== '/') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage(workerUrl, url.searchParams));
  });
  await new Promise<void>((resolve) => host.listen(hostPort, '127.0.0.1', resolve));

  const stop = async () => {
    host.close();
    rmSync(E2E_CONFIG, { force: true });
    if (wrangler.exitCode === null && wrangler.pid) {
      const exited = new Promise((r) => wrangler.once('exit', r));
      try {
        process.kill(-wrangler.pid, 'SIGTERM'); // wrangler and the workerd it started
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
  };

  try {
    await waitForHealth(workerUrl, wrangler, () => output);
  } catch (err) {
    await stop();
    throw err;
  }

  project.provide('workerUrl', workerUrl);
  project.provide('hostUrl', hostUrl);
  project.provide('blockedHostUrl', `http://localhost:${hostPort}`);
  return stop;
}

/**
 * `npm run telegram:webhook`: run the real script against a local stand-in
 * for the Telegram Bot API on 127.0.0.1 and check the exact calls it makes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDevVars, webhookUrl } from '../../scripts/telegram-webhook.js';

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SCRIPT = join(ROOT, 'scripts/telegram-webhook.ts');
const TOKEN = '7000000001:AAtest-token-not-real';

let server: Server;
let base = '';
let calls: { path: string; body: any }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      calls.push({ path: req.url ?? '', body: data ? JSON.parse(data) : undefined });
      res.setHeader('Content-Type', 'application/json');
      if (!req.url?.startsWith(`/bot${TOKEN}/`)) {
        res.statusCode = 401;
        return res.end(JSON.stringify({ ok: false, error_code: 401, description: 'Unauthorized' }));
      }
      const method = req.url.split('/').pop();
      const result =
        method === 'getWebhookInfo'
          ? { url: 'https://bot.example.com/webhooks/telegram', pending_update_count: 0, allowed_updates: ['message', 'callback_query'] }
          : true;
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function run(args: string[], env: Record<string, string | undefined>, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const clean = { ...process.env, TELEGRAM_BOT_TOKEN: undefined, TELEGRAM_SECRET_TOKEN: undefined };
    execFile(TSX, [SCRIPT, ...args], { cwd, env: { ...clean, TELEGRAM_API_BASE: base, ...env } as NodeJS.ProcessEnv }, (err, stdout, stderr) =>
      done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('telegram:webhook script', () => {
  it('calls setWebhook with the secret token and the full webhook URL, then getWebhookInfo', async () => {
    calls = [];
    const dir = mkdtempSync(join(tmpdir(), 'tgw-'));
    try {
      const r = await run(['https://bot.example.com', '--drop-pending'], { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_SECRET_TOKEN: 'my-Secret_Token-123' }, dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(calls).toEqual([
        {
          path: `/bot${TOKEN}/setWebhook`,
          body: {
            url: 'https://bot.example.com/webhooks/telegram',
            secret_token: 'my-Secret_Token-123',
            allowed_updates: ['message', 'callback_query'],
            drop_pending_updates: true,
          },
        },
        { path: `/bot${TOKEN}/getWebhookInfo`, body: {} },
      ]);
      expect(r.stdout).toContain('Webhook set: https://bot.example.com/webhooks/telegram');
      expect(r.stdout + r.stderr).not.toContain('AAtest-token-not-real');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the tokens from .dev.vars', async () => {
    calls = [];
    const dir = mkdtempSync(join(tmpdir(), 'tgw-'));
    try {
      writeFileSync(join(dir, '.dev.vars'), `# local secrets\nTELEGRAM_BOT_TOKEN="${TOKEN}"\nTELEGRAM_SECRET_TOKEN=from-dev-vars_1\n`);
      const r = await run(['https://bot.example.com/custom/path'], {}, dir);
      expect(r.code).toBe(0);
      expect(calls[0]!.body).toMatchObject({ url: 'https://bot.example.com/custom/path', secret_token: 'from-dev-vars_1', drop_pending_updates: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails clearly without a secret token, on http URLs and on API errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tgw-'));
    try {
      calls = [];
      const noSecret = await run(['https://bot.example.com'], { TELEGRAM_BOT_TOKEN: TOKEN }, dir);
      expect(noSecret.code).toBe(1);
      expect(noSecret.stderr).toContain('TELEGRAM_SECRET_TOKEN is not set');
      const http = await run(['http://bot.example.com'], { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_SECRET_TOKEN: 's' }, dir);
      expect(http.code).toBe(1);
      expect(http.stderr).toContain('HTTPS');
      expect(calls).toHaveLength(0);
      const badToken = await run(['https://bot.example.com'], { TELEGRAM_BOT_TOKEN: '1:wrong', TELEGRAM_SECRET_TOKEN: 's' }, dir);
      expect(badToken.code).toBe(1);
      expect(badToken.stderr).toContain('setWebhook failed: HTTP 401 Unauthorized');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('parses .dev.vars and builds webhook URLs', () => {
    expect(parseDevVars('A=1\n# c\nB="two words"\nexport C=3 # note\n\nD=')).toEqual({ A: '1', B: 'two words', C: '3', D: '' });
    expect(webhookUrl('https://x.workers.dev/')).toBe('https://x.workers.dev/webhooks/telegram');
    expect(() => webhookUrl('http://x.dev')).toThrow(/HTTPS/);
  });
});

/**
 * Point a Telegram bot at this Worker: calls the Bot API's setWebhook with
 * the `secret_token` the Worker checks, then prints getWebhookInfo.
 *
 *   npm run telegram:webhook -- https://briefbot.example.workers.dev   (adds /webhooks/telegram)
 *   npm run telegram:webhook -- https://bot.example.com/webhooks/telegram --drop-pending
 *   npm run telegram:webhook -- --info
 *   npm run telegram:webhook -- --delete
 *
 * TELEGRAM_BOT_TOKEN and TELEGRAM_SECRET_TOKEN come from the environment,
 * else from ./.dev.vars. TELEGRAM_API_BASE overrides https://api.telegram.org
 * (used by the tests). The bot token is never printed.
 */
import { existsSync, readFileSync } from 'node:fs';

const USAGE = `Usage:
  npm run telegram:webhook -- <https-url> [--drop-pending]   set the webhook (adds /webhooks/telegram to a bare origin)
  npm run telegram:webhook -- --info                         show the current webhook
  npm run telegram:webhook -- --delete                       remove the webhook

Reads TELEGRAM_BOT_TOKEN and TELEGRAM_SECRET_TOKEN from the environment or .dev.vars.`;

/** Parse a .dev.vars (dotenv) file: KEY=value lines, optional quotes, # comments. */
export function parseDevVars(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2]!.trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    else value = value.replace(/\s+#.*$/, '');
    out[m[1]!] = value;
  }
  return out;
}

/** `https://host` → `https://host/webhooks/telegram`; a URL with a path is kept as given. */
export function webhookUrl(input: string): string {
  const url = new URL(input);
  if (url.protocol !== 'https:') throw new Error(`Telegram only calls HTTPS webhooks; got ${url.protocol}//`);
  if (url.pathname === '/' && !url.search) return `${url.origin}/webhooks/telegram`;
  return url.toString();
}

function fail(message: string): never {
  console.error(`telegram:webhook: ${message}`);
  process.exit(1);
}

async function callApi(base: string, token: string, method: string, body?: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`${base}/bot${token}/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body ?? {}),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    fail(`could not reach the Telegram Bot API (${method}): ${(err as Error).message}`);
  }
  const data = (await res.json().catch(() => null)) as { ok?: boolean; description?: string; result?: unknown } | null;
  if (!data?.ok) fail(`${method} failed: HTTP ${res.status} ${data?.description ?? ''}`.trim());
  return data.result;
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('-h') || argv.includes('--help') || argv.length === 0) {
    console.log(USAGE);
    if (argv.length === 0) process.exit(1);
    return;
  }
  const fileVars = existsSync('.dev.vars') ? parseDevVars(readFileSync('.dev.vars', 'utf8')) : {};
  const get = (name: string) => process.env[name]?.trim() || fileVars[name]?.trim() || '';
  const token = get('TELEGRAM_BOT_TOKEN');
  const secret = get('TELEGRAM_SECRET_TOKEN');
  const base = (process.env.TELEGRAM_API_BASE || 'https://api.telegram.org').replace(/\/+$/, '');
  if (!token) fail('TELEGRAM_BOT_TOKEN is not set (environment or .dev.vars). Get it from @BotFather.');

  if (argv.includes('--delete')) {
    await callApi(base, token, 'deleteWebhook', { drop_pending_updates: argv.includes('--drop-pending') });
    console.log('Webhook removed.');
    return;
  }
  if (!argv.includes('--info')) {
    const target = argv.find((a) => !a.startsWith('--'));
    if (!target) fail(`no URL given.\n${USAGE}`);
    if (!secret) fail('TELEGRAM_SECRET_TOKEN is not set (environment or .dev.vars); it must match the Worker secret.');
    if (!/^[A-Za-z0-9_-]{1,256}$/.test(secret)) fail('TELEGRAM_SECRET_TOKEN must be 1-256 characters of A-Z a-z 0-9 _ -.');
    let url: string;
    try {
      url = webhookUrl(target);
    } catch (err) {
      fail((err as Error).message);
    }
    await callApi(base, token, 'setWebhook', {
      url,
      secret_token: secret,
      allowed_updates: ['message', 'callback_query'],
      drop_pending_updates: argv.includes('--drop-pending'),
    });
    console.log(`Webhook set: ${url}`);
  }
  const info = (await callApi(base, token, 'getWebhookInfo')) as Record<string, unknown>;
  console.log(
    JSON.stringify(
      { url: info.url, pending_update_count: info.pending_update_count, last_error_message: info.last_error_message, allowed_updates: info.allowed_updates },
      null,
      2,
    ),
  );
}

// Run only as a script (the tests import the helpers).
if (process.argv[1] && /telegram-webhook\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2)).catch((err) => fail(String(err?.message ?? err)));
}

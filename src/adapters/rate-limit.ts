/**
 * Rate limits with the Workers Rate Limiting binding (`[[ratelimits]]` in
 * wrangler.toml, counted per Cloudflare location):
 *
 * - `API_RATE_LIMIT`, per client IP, on `/api/*` and `/v1/*`: over the limit
 *   a request gets 429 with `Retry-After` (a JSON error, OpenAI-shaped on `/v1`).
 * - `CHAT_RATE_LIMIT`, per chat, on the messaging webhooks: the platform still
 *   gets its 200 (or it would retry), and the chat is told once per window to
 *   slow down; further messages in the window go unanswered.
 *
 * The limits live in wrangler.toml. A missing binding means no limit (reported
 * by `/health`); a limiter that throws lets the request through, with a log line.
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, Env } from '../env.js';

/**
 * The `Retry-After` of a 429, in seconds. The binding does not say when its window
 * ends; its period is 10 or 60 seconds, so a minute is never too short.
 */
export const RETRY_AFTER_SECONDS = 60;

/** The client's address as Cloudflare reports it (`wrangler dev` sets it too). */
function clientIp(c: Context): string {
  return c.req.header('CF-Connecting-IP') ?? c.req.header('X-Real-IP') ?? 'unknown';
}

async function allowed(limiter: RateLimit | undefined, key: string): Promise<boolean> {
  if (!limiter) return true;
  try {
    return (await limiter.limit({ key })).success;
  } catch (err) {
    console.warn(`briefbot: rate limiter unavailable, request let through (${(err as Error).message})`);
    return true;
  }
}

/** Per-IP limit for an API; `refuse` renders the 429 in that API's error shape. */
export function limitClients(refuse: (c: Context<AppEnv>) => Response): MiddlewareHandler<AppEnv> {
  return async function limitClients(c, next) {
    if (c.req.method === 'OPTIONS' || (await allowed(c.env.API_RATE_LIMIT, `ip:${clientIp(c)}`))) return next();
    const res = refuse(c);
    res.headers.set('Retry-After', String(RETRY_AFTER_SECONDS));
    return res;
  };
}

/** Chats already told to slow down, until when (this isolate; the limit itself is per location anyway). */
const told = new Map<string, number>();
const TOLD_MAX = 10_000;

/**
 * `false` when the chat may go on; over the limit, `'notify'` the first time in
 * a window (tell the chat to slow down) and `'silent'` after that.
 */
export async function chatRateLimited(env: Env, chatKey: string, now = Date.now()): Promise<false | 'notify' | 'silent'> {
  if (await allowed(env.CHAT_RATE_LIMIT, `chat:${chatKey}`)) return false;
  const until = told.get(chatKey);
  if (until !== undefined && until > now) return 'silent';
  if (told.size >= TOLD_MAX) {
    for (const [key, end] of told) if (end <= now || told.size >= TOLD_MAX) told.delete(key);
  }
  told.set(chatKey, now + RETRY_AFTER_SECONDS * 1000);
  return 'notify';
}

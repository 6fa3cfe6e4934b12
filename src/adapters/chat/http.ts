/**
 * HTTP plumbing shared by the webhook sub-apps: which channels are configured,
 * the 404 gate for unconfigured ones, and the JSON error shape.
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError, jsonError } from '../errors.js';
import type { AppEnv, Env } from '../../env.js';
import { limitBody } from '../body-limit.js';
import type { ChannelName } from './respond.js';

/**
 * What each channel needs before it is enabled: its verification secret, plus
 * the outbound token where replying needs an API call (Slack events,
 * WhatsApp, LINE). Telegram, Discord and Twilio reply inside the webhook
 * response and need only the verification secret.
 */
const CHANNEL_REQUIREMENTS: Record<ChannelName, (keyof Env)[]> = {
  telegram: ['TELEGRAM_SECRET_TOKEN'],
  slack: ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN'],
  whatsapp: ['WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN', 'WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_PHONE_NUMBER_ID'],
  discord: ['DISCORD_PUBLIC_KEY'],
  twilio: ['TWILIO_AUTH_TOKEN'],
  line: ['LINE_CHANNEL_SECRET', 'LINE_CHANNEL_ACCESS_TOKEN'],
};

function channelEnabled(env: Env, channel: ChannelName): boolean {
  return CHANNEL_REQUIREMENTS[channel].every((name) => {
    const value = env[name];
    return typeof value === 'string' && value.trim() !== '';
  });
}

/** `{ telegram: "enabled", slack: "disabled", … }` for `/health`. */
export function channelStatus(env: Env): Record<ChannelName, 'enabled' | 'disabled'> {
  const out = {} as Record<ChannelName, 'enabled' | 'disabled'>;
  for (const name of Object.keys(CHANNEL_REQUIREMENTS) as ChannelName[]) {
    out[name] = channelEnabled(env, name) ? 'enabled' : 'disabled';
  }
  return out;
}

/**
 * A platform's JSON object, read field by field: every field is checked where
 * it is read (platform payloads are untyped JSON, and grow new fields).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: narrowed where read
export type Payload = Record<string, any>;

/** `v` as a JSON object, or `undefined` for anything else (null, arrays included as objects). */
export function obj(v: unknown): Payload | undefined {
  return v !== null && typeof v === 'object' ? (v as Payload) : undefined;
}

/** 401 for any signature problem, with no detail about what was wrong: `throw unauthorized()`. */
export function unauthorized(): ApiError {
  return new ApiError(401, 'unauthorized', 'Missing or invalid webhook signature.');
}

/** Largest webhook body read (platform payloads are a few KB; signatures are checked over the whole body). */
const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

/**
 * Middleware for every webhook route: a channel without its secrets answers
 * 404, as if it did not exist; a body larger than
 * {@link MAX_WEBHOOK_BODY_BYTES} is refused with 413 — declared by
 * `Content-Length` or counted as it streams in (chunked), never read whole.
 */
export function requireChannel<E extends { Bindings: Env } = AppEnv>(channel: ChannelName): MiddlewareHandler<E> {
  const limit = limitBody(MAX_WEBHOOK_BODY_BYTES, (c) =>
    jsonError(c, new ApiError(413, 'payload_too_large', `Webhook bodies are limited to ${MAX_WEBHOOK_BODY_BYTES} bytes.`)),
  );
  return async function requireChannel(c, next) {
    if (!channelEnabled(c.env, channel)) {
      throw new ApiError(404, 'not_found', `The ${channel} channel is not configured on this server.`);
    }
    return limit(c, next);
  };
}

/** Read the body once, as bytes, before anything parses it (signatures cover exact bytes). */
export async function rawBody(c: Context): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await c.req.raw.arrayBuffer());
}

/** Parse JSON from verified bytes; `undefined` when it is not JSON. */
export function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

/** Run background work after the response (falls back to awaiting it where there is no execution context). */
export function defer(c: Context, work: Promise<unknown>): Promise<void> | void {
  let ctx: Context['executionCtx'] | undefined;
  try {
    ctx = c.executionCtx;
  } catch {
    ctx = undefined;
  }
  if (ctx) ctx.waitUntil(work);
  else return work.then(() => undefined);
}

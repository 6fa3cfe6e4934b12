/**
 * Outbound calls to the platforms' APIs (Slack chat.postMessage, WhatsApp
 * Graph `messages`, LINE reply). They run in `waitUntil` after the webhook
 * has been acknowledged, so they must never throw: failures (timeouts,
 * network errors, HTTP errors, Slack's `{"ok":false}`) are logged as one JSON
 * line without secrets, and reported as `false`.
 * @module
 */
import type { ChannelName } from './respond.js';

/** Platforms cut a webhook's background work short anyway; don't hang on a slow API. */
const OUTBOUND_TIMEOUT_MS = 10_000;

export interface OutboundCall {
  channel: ChannelName;
  /** What the call does, for the log ("chat.postMessage", "reply"…). */
  action: string;
  url: string;
  /** Bearer token (never logged). */
  token: string;
  body: unknown;
  timeoutMs?: number;
}

export interface OutboundResult {
  ok: boolean;
  status?: number;
  /** Parsed JSON response, when there was one. */
  data?: unknown;
}

function log(level: 'error' | 'warn', fields: Record<string, unknown>): void {
  const line = JSON.stringify({ level, ...fields });
  if (level === 'error') console.error(line);
  else console.warn(line);
}

/**
 * POST JSON with a bearer token and a timeout. Resolves with `ok: false`
 * instead of rejecting.
 */
export async function postJson(call: OutboundCall): Promise<OutboundResult> {
  const { channel, action } = call;
  // The URL's origin and path only: Telegram-style tokens in paths stay out of logs.
  const where = call.url.replace(/\/bot[^/]+\//, '/bot***/');
  let res: Response;
  try {
    res = await fetch(call.url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${call.token}`, 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify(call.body),
      signal: AbortSignal.timeout(call.timeoutMs ?? OUTBOUND_TIMEOUT_MS),
    });
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    log('error', { msg: timedOut ? 'outbound call timed out' : 'outbound call failed', channel, action, url: where, error: String(err) });
    return { ok: false };
  }
  const text = await res.text().catch(() => '');
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  // Slack answers HTTP 200 with {"ok":false,"error":…} on logical errors.
  const logicalError = data !== null && typeof data === 'object' && (data as { ok?: unknown }).ok === false;
  if (!res.ok || logicalError) {
    log('error', { msg: 'outbound call rejected', channel, action, url: where, status: res.status, response: text.slice(0, 500) });
    return { ok: false, status: res.status, data };
  }
  return { ok: true, status: res.status, data };
}

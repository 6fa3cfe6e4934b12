/**
 * Helpers for the channel specs: call the Worker in-process (so `waitUntil`
 * work can be awaited), sign requests as the platforms do (Web Crypto *sign*,
 * independent of the code under test, which only ever *verifies*), and mock
 * the platforms' APIs (the outside world) by intercepting `fetch`.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { vi } from 'vitest';
import { Engine } from '../../../src/core/engine.js';
import type { Env } from '../../../src/env.js';
import worker from '../../../src/worker.js';

export const testEnv = env as unknown as Env;

/** Run one request through the Worker and wait for its background work. */
export async function call(request: Request, overrides: Partial<Env> = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(request, { ...testEnv, ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** Watch (not replace) the answerer, to prove rejected requests never reach it. */
export function spyOnAnswerer() {
  return vi.spyOn(Engine.prototype, 'ask');
}

const enc = new TextEncoder();

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}

export async function hmac(hash: 'SHA-1' | 'SHA-256', secret: string, data: string | Uint8Array): Promise<ArrayBuffer> {
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash }, false, ['sign']);
  return crypto.subtle.sign('HMAC', key, typeof data === 'string' ? enc.encode(data) : data);
}

/** RFC 8032 §7.1 TEST 1 private key (PKCS#8), whose public key is the test DISCORD_PUBLIC_KEY. */
const RFC8032_TEST1_PKCS8 = 'MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g';

export async function discordSign(timestamp: string, body: string): Promise<string> {
  const der = Uint8Array.from(atob(RFC8032_TEST1_PKCS8), (ch) => ch.charCodeAt(0));
  const key = await crypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, false, ['sign']);
  return toHex(await crypto.subtle.sign({ name: 'Ed25519' }, key, enc.encode(timestamp + body)));
}

export const nowSeconds = () => String(Math.floor(Date.now() / 1000));

/**
 * Wait, when the minute is nearly over, until the next one begins: the local rate limiter (Miniflare's) counts
 * per minute of the clock and starts every count again when a minute begins, so four requests sent in its last
 * moments could be counted in two windows, and the fourth not refused. A test that waits here takes the options
 * {@link WAITS_FOR_WINDOW}: the worker tests' default timeout (5 s) is shorter than the wait can be.
 */
export async function inOneRateLimitWindow(needMs = 5000): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < needMs) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

/** The options of a test that calls {@link inOneRateLimitWindow}: time for the wait and the requests after it. */
export const WAITS_FOR_WINDOW = { timeout: 20_000 };

export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: string;
}

/**
 * Intercept `fetch` to the given origins (the platform's API server) and
 * record every request; any other outbound request fails the test.
 */
export function mockPlatformApi(routes: Record<string, (req: Request) => Response | Promise<Response>>) {
  const calls: RecordedCall[] = [];
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    calls.push({ url: req.url, method: req.method, headers: req.headers, body: await req.clone().text() });
    const handler = routes[new URL(req.url).origin];
    if (!handler) throw new Error(`unexpected outbound request to ${req.url}`);
    return handler(req);
  });
  return { calls, restore: () => spy.mockRestore() };
}

export const json = (data: unknown, status = 200) => new Response(JSON.stringify(data), { status, headers: { 'Content-Type': 'application/json' } });

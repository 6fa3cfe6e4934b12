import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { SLOW_DOWN_TEXT } from '../../src/adapters/chat/index.js';
import { TELEGRAM } from '../fixtures/channels/vectors.js';
import { call, inOneRateLimitWindow, WAITS_FOR_WINDOW } from './channels/helpers.js';

// The real Workers rate limiter (Miniflare's), at 3 requests a minute (TIGHT_RATE_LIMIT in
// vitest.config.mts), put in place of the production bindings. Every test uses its own
// client address or chat, so the counts do not mix.
const tight = { API_RATE_LIMIT: env.TIGHT_RATE_LIMIT, CHAT_RATE_LIMIT: env.TIGHT_RATE_LIMIT };
const BASE = 'https://briefbot.test';

const from = (ip: string, path: string, init: RequestInit = {}) =>
  call(new Request(`${BASE}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), 'CF-Connecting-IP': ip } }), tight);

describe('per-client rate limit on /api and /v1', () => {
  it('refuses the 4th request in a minute with a JSON 429 and Retry-After; other clients go on', WAITS_FOR_WINDOW, async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const statuses = [];
    await inOneRateLimitWindow();
    for (let i = 0; i < 4; i++) statuses.push((await from(ip, '/api/ask?q=hi')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await from(ip, '/api/briefs');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('60');
    expect(refused.headers.get('Content-Type')).toMatch(/application\/json/);
    const body = await refused.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe('rate_limited');
    expect((await from('203.0.113.7', '/api/ask?q=hi')).status).toBe(200);
  });

  it('answers /v1 in the OpenAI error shape', WAITS_FOR_WINDOW, async () => {
    const ip = '192.0.2.44';
    const request = () =>
      from(ip, '/v1/chat/completions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer test-briefbot-key' },
        body: JSON.stringify({ messages: [{ role: 'user', content: 'When is Petro meeting Trump?' }] }),
      });
    await inOneRateLimitWindow();
    for (let i = 0; i < 3; i++) expect((await request()).status).toBe(200);
    const refused = await request();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('60');
    const body = await refused.json<{ error: { type: string; code: string; message: string; param: null } }>();
    expect(body.error.code).toBe('rate_limit_exceeded');
    expect(body.error.param).toBeNull();
  });

  it('does not count CORS preflights, nor limit the health check', async () => {
    const ip = '192.0.2.45';
    for (let i = 0; i < 5; i++) {
      const pre = await from(ip, '/api/ask', { method: 'OPTIONS', headers: { Origin: 'https://news.example', 'Access-Control-Request-Method': 'POST' } });
      expect(pre.status).toBe(204);
    }
    for (let i = 0; i < 5; i++) expect((await from(ip, '/health')).status).toBe(200);
    expect((await from(ip, '/api/ask?q=hi')).status).toBe(200);
  });
});

describe('per-chat rate limit on the webhooks', () => {
  let updateId = 770_000;
  const telegram = async (chatId: number, question: string) => {
    const body = {
      update_id: updateId++,
      message: {
        message_id: updateId,
        date: 1441645532,
        text: question,
        from: { id: chatId, is_bot: false, first_name: 'T' },
        chat: { id: chatId, type: 'private', first_name: 'T' },
      },
    };
    const res = await call(
      new Request(`${BASE}/webhooks/telegram`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': TELEGRAM.secretToken },
        body: JSON.stringify(body),
      }),
      tight,
    );
    // The platform always gets a 200, or it would retry the delivery.
    expect(res.status).toBe(200);
    const text = await res.text();
    return text ? (JSON.parse(text) as { text: string }).text : null;
  };

  it('tells a chat once to slow down, then stays quiet until the window ends; other chats go on', async () => {
    const chat = 5_100_000 + Math.floor(Math.random() * 1000);
    await inOneRateLimitWindow();
    for (let i = 0; i < 3; i++) expect(await telegram(chat, 'When is Petro meeting Trump?')).toContain('Feb. 3');
    expect(await telegram(chat, 'When is Petro meeting Trump?')).toBe(SLOW_DOWN_TEXT);
    expect(await telegram(chat, 'When is Petro meeting Trump?')).toBeNull();
    expect(await telegram(chat + 1, 'When is Petro meeting Trump?')).toContain('Feb. 3');
  });
});

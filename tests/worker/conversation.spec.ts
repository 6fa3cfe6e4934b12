import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { conversationKey, conversationTtlSeconds, converse, loadHistory, type StoredConversation } from '../../src/adapters/chat/memory.js';
import { bundledEngine } from '../../src/worker.js';

const BASE = 'https://briefbot.test';
const SEED = '000-3f25df5bcd3f84e8';

interface Reply {
  kind: string;
  answered: boolean;
  answer: string;
  citations: { briefId: string; passageId: string }[];
  followUp?: string;
  conversationId?: string;
  query: { tookMs: number };
}

const ask = async (question: string, conversationId?: string): Promise<Reply> => {
  const res = await SELF.fetch(`${BASE}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question, ...(conversationId ? { conversationId } : {}) }),
  });
  expect(res.status).toBe(200);
  return res.json<Reply>();
};

describe('POST /api/ask with a conversationId', () => {
  it('holds a conversation about the seed brief', async () => {
    const id = `seed-${crypto.randomUUID()}`;
    const meeting = await ask('When is Petro meeting Trump?', id);
    expect(meeting.kind).toBe('answer');
    expect(meeting.conversationId).toBe(id);
    expect(meeting.answer).toContain('Feb. 3');
    const talk = await ask('What will they talk about?', id);
    expect(talk.followUp).toBe('follow-up');
    expect(talk.answered).toBe(true);
    expect(talk.citations[0]!.briefId).toBe(SEED);
    const minister = await ask('Who is the foreign minister?', id);
    expect(minister.answer).toContain('Rosa Villavicencio');
    const sources = await ask('source?', id);
    expect(sources.kind).toBe('source');
    expect(sources.citations.map((c) => c.passageId)).toEqual(minister.citations.map((c) => c.passageId));
  });

  it('works the same through GET /api/ask (what the widget sends)', async () => {
    const id = `g-${crypto.randomUUID()}`;
    const get = async (q: string) =>
      (await SELF.fetch(`${BASE}/api/ask?q=${encodeURIComponent(q)}&conversationId=${id}`)).json<Reply>();
    expect((await get('When is Petro meeting Trump?')).answer).toContain('Feb. 3');
    const followUp = await get('What will they talk about?');
    expect(followUp.followUp).toBe('follow-up');
    expect(followUp.citations[0]!.briefId).toBe(SEED);
    const bad = await SELF.fetch(`${BASE}/api/ask?q=hi&conversationId=${encodeURIComponent('no spaces please')}`);
    expect(bad.status).toBe(400);
  });

  it('keeps conversations apart', async () => {
    const a = `a-${crypto.randomUUID()}`;
    const b = `b-${crypto.randomUUID()}`;
    await ask('Who is the foreign minister?', a);
    const other = await ask('source?', b);
    expect(other.answered).toBe(false);
    expect(other.citations).toEqual([]);
  });

  it('stores the API conversation under conv:api:<id>, apart from the channels', async () => {
    const id = `k-${crypto.randomUUID()}`;
    await ask('When is Petro meeting Trump?', id);
    const stored = await env.STATE.get<StoredConversation>(`conv:api:${id}`, 'json');
    expect(stored!.turns).toHaveLength(1);
    expect(stored!.turns[0]!.question).toBe('When is Petro meeting Trump?');
    expect(await env.STATE.get(`conv:${id}`)).toBeNull();
  });

  it('"/new" forgets the conversation', async () => {
    const id = `r-${crypto.randomUUID()}`;
    await ask('When is Petro meeting Trump?', id);
    const reset = await ask('/new', id);
    expect(reset.kind).toBe('reset');
    expect(await env.STATE.get(`conv:api:${id}`)).toBeNull();
    const after = await ask('source?', id);
    expect(after.answered).toBe(false);
  });

  it('without a conversationId stays a plain question (no kind, no memory)', async () => {
    const plain = await ask('hi');
    expect(plain.kind).toBeUndefined();
    expect(plain.answered).toBe(false);
  });

  it('rejects a malformed conversationId with a JSON 400', async () => {
    const res = await SELF.fetch(`${BASE}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'hi', conversationId: 'has spaces/and slashes' }),
    });
    expect(res.status).toBe(400);
    const body = await res.json<{ error: { code: string; message: string } }>();
    expect(body.error.message).toMatch(/conversationId/);
  });
});

describe('conversation memory in KV', () => {
  const engine = () => bundledEngine();

  it('reads the TTL from CONVERSATION_TTL_MINUTES (wrangler.toml: 30) and never below KV’s 60 s', () => {
    expect(conversationTtlSeconds(env)).toBe(30 * 60);
    expect(conversationTtlSeconds({ CONVERSATION_TTL_MINUTES: '5' })).toBe(300);
    expect(conversationTtlSeconds({ CONVERSATION_TTL_MINUTES: '0.1' })).toBe(60);
    expect(conversationTtlSeconds({ CONVERSATION_TTL_MINUTES: 'soon' })).toBe(1800);
    expect(conversationTtlSeconds({})).toBe(1800);
  });

  it('forgets a conversation after the TTL of inactivity, and any message restarts the clock', async () => {
    const key = `test:${crypto.randomUUID()}`;
    const t0 = Date.UTC(2026, 0, 24, 12, 0, 0);
    const minute = 60_000;
    await converse(engine(), env, key, 'When is Petro meeting Trump?', { now: t0 });
    // 29 minutes later: still remembered; "thanks" counts as activity.
    expect(await loadHistory(env, key, t0 + 29 * minute)).toHaveLength(1);
    await converse(engine(), env, key, 'thanks', { now: t0 + 29 * minute });
    const followUp = await converse(engine(), env, key, 'Who is the foreign minister?', { now: t0 + 58 * minute });
    expect(followUp.followUp).toBe('follow-up');
    // 31 minutes after the last message: forgotten, the question is read alone.
    expect(await loadHistory(env, key, t0 + 89 * minute)).toEqual([]);
    const alone = await converse(engine(), env, key, 'source?', { now: t0 + 89 * minute });
    expect(alone.answered).toBe(false);
  });

  it('sets a KV expiration on the stored conversation', async () => {
    const key = `ttl:${crypto.randomUUID()}`;
    await converse(engine(), env, key, 'When is Petro meeting Trump?');
    expect(await env.STATE.get(conversationKey(key))).not.toBeNull();
    const list = await env.STATE.list({ prefix: conversationKey(key) });
    const expiration = list.keys[0]!.expiration!;
    expect(expiration).toBeGreaterThan(Date.now() / 1000 + 29 * 60);
    expect(expiration).toBeLessThanOrEqual(Date.now() / 1000 + 30 * 60 + 5);
  });

  it('treats unreadable stored data as a new conversation', async () => {
    const key = `bad:${crypto.randomUUID()}`;
    await env.STATE.put(conversationKey(key), 'not json');
    expect(await loadHistory(env, key)).toEqual([]);
    const reply = await converse(engine(), env, key, 'When is Petro meeting Trump?');
    expect(reply.answered).toBe(true);
    expect(await loadHistory(env, key)).toHaveLength(1);
  });
});

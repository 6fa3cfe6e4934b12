import { createExecutionContext, env, runDurableObjectAlarm, runInDurableObject, SELF, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { conversationTtlSeconds, converse, STATE_TIMEOUT_MS } from '../../src/adapters/chat/memory.js';
import type { Env } from '../../src/env.js';
import { ISSUED_RETENTION_MS } from '../../src/storage/chat-state.js';
import worker, { bundledEngine } from '../../src/worker.js';

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

const post = (question: string, conversationId?: string) =>
  SELF.fetch(`${BASE}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question, ...(conversationId ? { conversationId } : {}) }),
  });

const ask = async (question: string, conversationId?: string): Promise<Reply> => {
  const res = await post(question, conversationId);
  expect(res.status).toBe(200);
  return res.json<Reply>();
};

/** What the conversation's Durable Object holds. */
async function stored(key: string): Promise<Map<string, unknown>> {
  const stub = env.CHAT_STATE!.get(env.CHAT_STATE!.idFromName(key));
  return runInDurableObject(stub, async (_instance, state) => state.storage.list());
}

/** The Worker with some bindings replaced (storage faults, a missing binding). */
async function callWith(overrides: Partial<Record<keyof Env, unknown>>, path: string, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`${BASE}${path}`, init), { ...env, ...overrides } as Env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe('POST /api/ask: conversations with server-issued ids', () => {
  it('issues a 128-bit id with the first answer, and the id carries the follow-ups', async () => {
    const meeting = await ask('When is Petro meeting Trump?');
    expect(meeting.kind).toBe('answer');
    expect(meeting.answer).toContain('Feb. 3');
    const id = meeting.conversationId!;
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const talk = await ask('What will they talk about?', id);
    expect(talk.conversationId).toBe(id);
    expect(talk.followUp).toBe('follow-up');
    expect(talk.answered).toBe(true);
    expect(talk.citations[0]!.briefId).toBe(SEED);
    const minister = await ask('Who is the foreign minister?', id);
    expect(minister.answer).toContain('Rosa Villavicencio');
    const sources = await ask('source?', id);
    expect(sources.kind).toBe('source');
    expect(sources.citations.map((c) => c.passageId)).toEqual(minister.citations.map((c) => c.passageId));
  });

  it('issues a different id to every new conversation', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await ask('When is Petro meeting Trump?')).conversationId!);
    expect(ids.size).toBe(5);
  });

  it('works the same through GET /api/ask (what the widget sends)', async () => {
    const get = async (q: string, id?: string) =>
      (await SELF.fetch(`${BASE}/api/ask?q=${encodeURIComponent(q)}${id ? `&conversationId=${id}` : ''}`)).json<Reply>();
    const first = await get('When is Petro meeting Trump?');
    expect(first.answer).toContain('Feb. 3');
    const followUp = await get('What will they talk about?', first.conversationId);
    expect(followUp.followUp).toBe('follow-up');
    expect(followUp.citations[0]!.briefId).toBe(SEED);
    const bad = await SELF.fetch(`${BASE}/api/ask?q=hi&conversationId=${encodeURIComponent('no spaces please')}`);
    expect(bad.status).toBe(400);
  });

  it('refuses an id it did not issue (400 invalid_conversation), and echoes nothing of anyone', async () => {
    // A guessable id, as in old docs, and a well-formed random one: neither was issued here.
    for (const made of ['demo-1', 'AAAAAAAAAAAAAAAAAAAAAA']) {
      const res = await post('source?', made);
      expect(res.status).toBe(400);
      const body = await res.json<{ error: { code: string; message: string } }>();
      expect(body.error.code).toBe('invalid_conversation');
      expect(body.error.message).toMatch(/conversationId/);
    }
    // Nothing was created for them either.
    expect((await stored('api:demo-1')).size).toBe(0);
  });

  it('keeps conversations apart', async () => {
    const a = (await ask('Who is the foreign minister?')).conversationId!;
    const b = (await ask('thanks')).conversationId!;
    expect(b).not.toBe(a);
    const other = await ask('source?', b);
    expect(other.answered).toBe(false);
    expect(other.citations).toEqual([]);
  });

  it("stores the turns in the conversation's own Durable Object, apart from the channels", async () => {
    const id = (await ask('When is Petro meeting Trump?')).conversationId!;
    const data = await stored(`api:${id}`);
    const conversation = data.get('conversation') as { turns: { question: string }[]; expiresAt: number };
    expect(conversation.turns.map((t) => t.question)).toEqual(['When is Petro meeting Trump?']);
    expect(conversation.expiresAt).toBeGreaterThan(Date.now() + 29 * 60_000);
    expect(data.has('issued')).toBe(true);
    expect((await stored(id)).size).toBe(0);
  });

  it('"/new" forgets the turns; the id stays valid', async () => {
    const id = (await ask('When is Petro meeting Trump?')).conversationId!;
    const reset = await ask('/new', id);
    expect(reset.kind).toBe('reset');
    expect((await stored(`api:${id}`)).has('conversation')).toBe(false);
    const after = await ask('source?', id);
    expect(after.answered).toBe(false);
  });

  it('recognises chat intents on the first message too ("hi", "latest")', async () => {
    expect((await ask('hi')).kind).toBe('greeting');
    expect((await ask('latest news')).kind).toBe('latest');
  });

  it('rejects a malformed conversationId with a JSON 400', async () => {
    const res = await post('hi', 'has spaces/and slashes');
    expect(res.status).toBe(400);
    const body = await res.json<{ error: { code: string; message: string } }>();
    expect(body.error.message).toMatch(/conversationId/);
  });
});

describe('conversation memory in Durable Objects', () => {
  const engine = () => bundledEngine();
  const answered = (r: Awaited<ReturnType<typeof converse>>) => {
    if (r.status !== 'answered') throw new Error(`expected an answer, got ${r.status}`);
    return r.reply;
  };

  it('reads the TTL from CONVERSATION_TTL_MINUTES (wrangler.toml: 30), at least a minute', () => {
    expect(conversationTtlSeconds(env)).toBe(30 * 60);
    expect(conversationTtlSeconds({ CONVERSATION_TTL_MINUTES: '5' })).toBe(300);
    expect(conversationTtlSeconds({ CONVERSATION_TTL_MINUTES: '0.1' })).toBe(60);
    expect(conversationTtlSeconds({ CONVERSATION_TTL_MINUTES: 'soon' })).toBe(1800);
    expect(conversationTtlSeconds({})).toBe(1800);
  });

  it('forgets a conversation after the TTL of inactivity, and any message restarts the clock', async () => {
    const key = `test:${crypto.randomUUID()}`;
    const t0 = Date.now();
    const minute = 60_000;
    answered(await converse(engine(), env, key, 'When is Petro meeting Trump?', { now: t0 }));
    // 29 minutes later "thanks" counts as activity; 58 minutes after the start the follow-up still works.
    answered(await converse(engine(), env, key, 'thanks', { now: t0 + 29 * minute }));
    const followUp = answered(await converse(engine(), env, key, 'Who is the foreign minister?', { now: t0 + 58 * minute }));
    expect(followUp.followUp).toBe('follow-up');
    // 31 minutes after the last message: forgotten, the question is read alone.
    const alone = answered(await converse(engine(), env, key, 'source?', { now: t0 + 89 * minute }));
    expect(alone.answered).toBe(false);
  });

  it('an alarm deletes expired turns; the issued mark (no personal data) stays for the id', async () => {
    const key = `api:alarm-${crypto.randomUUID()}`;
    const longAgo = Date.now() - 31 * 60_000;
    answered(await converse(engine(), env, key, 'When is Petro meeting Trump?', { now: longAgo, issue: true }));
    const stub = env.CHAT_STATE!.get(env.CHAT_STATE!.idFromName(key));
    // The alarm was due at once (it may have run already); run it in case it has not.
    await runDurableObjectAlarm(stub);
    const data = await stored(key);
    expect([...data.keys()]).toEqual(['issued']);
    // …and the next alarm will delete the mark when the id's retention ends.
    const next = await runInDurableObject(stub, (_i, state) => state.storage.getAlarm());
    expect(next).toBe(longAgo + ISSUED_RETENTION_MS);
  });

  it('claims a delivery id once, in the same request that reads the conversation', async () => {
    const key = `telegram:dedupe-${crypto.randomUUID()}`;
    const delivery = { id: 'u-1', ttlSeconds: 3600 };
    expect((await converse(engine(), env, key, 'When is Petro meeting Trump?', { delivery })).status).toBe('answered');
    expect((await converse(engine(), env, key, 'When is Petro meeting Trump?', { delivery })).status).toBe('duplicate');
    expect((await converse(engine(), env, key, 'When is Petro meeting Trump?', { delivery: { id: 'u-2', ttlSeconds: 3600 } })).status).toBe('answered');
  });
});

describe('storage faults degrade the answer, never the response', () => {
  const namespace = (begin: () => Promise<unknown>) => ({
    idFromName: (name: string) => env.CHAT_STATE!.idFromName(name),
    get: () => ({ begin, save: begin }),
  });
  const throwing = namespace(() => Promise.reject(new Error('Durable Object overloaded')));
  const hanging = namespace(() => new Promise(() => undefined));

  it('a throwing Durable Object: the question is answered without memory (200)', async () => {
    const res = await callWith({ CHAT_STATE: throwing }, '/api/ask?q=When%20is%20Petro%20meeting%20Trump%3F');
    expect(res.status).toBe(200);
    const body = await res.json<Reply>();
    expect(body.answer).toContain('Feb. 3');
    // A new conversation that could not be stored gets no id: it would not work for the follow-up.
    expect(body.conversationId).toBeUndefined();
  });

  it('a hanging Durable Object: answered after the state timeout, without memory', async () => {
    const id = (await ask('When is Petro meeting Trump?')).conversationId!;
    const t0 = Date.now();
    const res = await callWith({ CHAT_STATE: hanging }, `/api/ask?q=${encodeURIComponent('What will they talk about?')}&conversationId=${id}`);
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(STATE_TIMEOUT_MS - 50);
    const body = await res.json<Reply>();
    expect(body.conversationId).toBe(id);
    expect(body.followUp).toBe('no-history');
  });

  it('a throwing Durable Object on a channel: the message is still answered', async () => {
    const reply = await converse(bundledEngine(), { ...env, CHAT_STATE: throwing } as unknown as Env, 'telegram:1', 'When is Petro meeting Trump?', {
      delivery: { id: 'x', ttlSeconds: 60 },
    });
    expect(reply.status).toBe('answered');
    expect(reply.status === 'answered' && reply.remembered).toBe(false);
  });

  it('no CHAT_STATE binding: plain questions are answered; a conversation gets a 503 naming the fix', async () => {
    const plain = await callWith({ CHAT_STATE: undefined }, '/api/ask?q=When%20is%20Petro%20meeting%20Trump%3F');
    expect(plain.status).toBe(200);
    expect((await plain.json<Reply>()).conversationId).toBeUndefined();
    const res = await callWith({ CHAT_STATE: undefined }, '/api/ask?q=hi&conversationId=AAAAAAAAAAAAAAAAAAAAAA');
    expect(res.status).toBe(503);
    const body = await res.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe('state_unavailable');
    expect(body.error.message).toContain('CHAT_STATE');
    expect(body.error.message).toContain('wrangler.toml');
  });
});

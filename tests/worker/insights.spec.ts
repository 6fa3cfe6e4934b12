/**
 * The question log, feedback and /admin (docs/insights.md), against the real
 * local D1 (migrations/ applied by apply-migrations.ts). Requests go through
 * the Worker with an execution context whose `waitUntil` work (the log
 * writes) is awaited, as in production after the response.
 */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InsightsReport, QuestionRow } from '../../src/core/insights.js';
import worker from '../../src/worker.js';
import { call, testEnv } from './channels/helpers.js';

const BASE = 'https://briefbot.test';
const TOKEN = 'test-admin-token-0123456789'; // vitest.config.mts
const db = env.INSIGHTS;
const OFF_TOPIC = ['What is the weather tomorrow in Paris?', 'Who won the football match last night?', 'Best pizza recipe with mozzarella?'];
const ON_TOPIC = ['When is Petro meeting Trump?', 'Who is the Colombian foreign minister?'];

interface AskJson {
  answered: boolean;
  kind: string;
  answer: string;
  answerId?: string;
  conversationId?: string;
}

const ask = (question: string, headers: Record<string, string> = {}) =>
  call(new Request(`${BASE}/api/ask`, { method: 'POST', body: JSON.stringify({ question }), headers: { 'content-type': 'application/json', ...headers } }));

const feedback = (body: unknown) =>
  call(new Request(`${BASE}/api/feedback`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }));

const admin = (path: string, headers: Record<string, string> = { Authorization: `Bearer ${TOKEN}` }, overrides = {}) =>
  call(new Request(`${BASE}${path}`, { headers }), overrides);

async function rows(): Promise<QuestionRow[]> {
  return (await db.prepare('SELECT * FROM questions ORDER BY at, rowid').all<QuestionRow>()).results;
}

beforeEach(async () => {
  await db.batch([db.prepare('DELETE FROM feedback'), db.prepare('DELETE FROM questions')]);
});

describe('the question log', () => {
  it('after 3 off-topic and 2 answered questions and a down-vote, the report lists the unanswered, the counts and the feedback', async () => {
    const replies: AskJson[] = [];
    for (const q of [...OFF_TOPIC, ...ON_TOPIC]) {
      const res = await ask(q);
      expect(res.status).toBe(200);
      replies.push(await res.json<AskJson>());
    }
    expect(replies.map((r) => r.answered)).toEqual([false, false, false, true, true]);
    // Every question's reply carries an unguessable answerId (128 bits, base64url).
    for (const r of replies) expect(r.answerId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set(replies.map((r) => r.answerId)).size).toBe(5);

    const answered = replies[3]!;
    const vote = await feedback({ answerId: answered.answerId, rating: 'down', comment: 'Which day exactly? Mail me at jo@example.com' });
    expect(vote.status).toBe(200);
    expect(await vote.json()).toEqual({ answerId: answered.answerId, rating: 'down', stored: true });

    const res = await admin('/admin/api/insights');
    expect(res.status).toBe(200);
    const report = await res.json<InsightsReport>();
    expect(report.totals).toMatchObject({ questions: 5, answered: 2, unanswered: 3, answerRate: 0.4, feedback: { up: 0, down: 1 } });
    expect(report.topUnanswered.flatMap((g) => g.examples).sort()).toEqual([...OFF_TOPIC].sort());
    expect(report.topUnanswered.reduce((s, g) => s + g.count, 0)).toBe(3);
    expect(report.downVoted).toEqual([
      {
        answerId: answered.answerId,
        at: expect.any(String),
        question: ON_TOPIC[0],
        answer: answered.answer,
        comment: 'Which day exactly? Mail me at [email]',
      },
    ]);
    expect(report.topBriefs).toEqual([{ briefId: '000-3f25df5bcd3f84e8', citations: 2 }]);
    expect(report.channels).toEqual([{ channel: 'api', questions: 5, answered: 2 }]);
    const today = new Date().toISOString().slice(0, 10);
    expect(report.perDay.find((d) => d.day === today)).toEqual({ day: today, questions: 5, answered: 2 });
  });

  it('groups unanswered questions by their analysed words', async () => {
    for (const q of ['When is the vote on the pension reform?', 'pension reform vote date?', 'Where is the pension reform vote held', 'Is it raining?'])
      await ask(q);
    const report = await (await admin('/admin/api/insights')).json<InsightsReport>();
    const group = report.topUnanswered[0]!;
    expect(group.count).toBe(3);
    expect(group.terms).toEqual(['pension', 'reform', 'vote']);
    expect(report.topUnanswered.map((g) => g.count)).toEqual([3, 1]);
    // The words no brief holds, for synonyms.txt ("held" is in the seed: Rubio "held a cordial call").
    expect(group.unknownWords).toEqual(['pension', 'reform', 'vote', 'date']);
    const page = await (await admin('/admin')).text();
    expect(page).toContain('<th scope="col">Words no brief holds</th>');
    expect(page).toContain('<td>pension, reform, vote, date</td>');
  });

  it('stores no IP address, conversation id, phone number or e-mail', async () => {
    const res = await ask('Can you call me on +1 555 123 4567 or mail jo@example.com about the Petro meeting? I am @jo_reader', {
      'CF-Connecting-IP': '203.0.113.77',
      'User-Agent': 'Mozilla/5.0 (test) reader-agent-xyz',
    });
    const body = await res.json<AskJson>();
    expect(body.conversationId).toBeTruthy();
    const stored = await rows();
    expect(stored).toHaveLength(1);
    const text = JSON.stringify(stored);
    for (const secret of ['203.0.113.77', body.conversationId!, '555', '4567', 'jo@example.com', '@jo_reader', 'reader-agent-xyz']) {
      expect(text).not.toContain(secret);
    }
    expect(stored[0]!.question).toBe('Can you call me on [phone] or mail [email] about the Petro meeting? I am [handle]');
    expect(Object.keys(stored[0]!).sort()).toEqual(
      ['answer', 'answered', 'at', 'brief_ids', 'channel', 'id', 'kind', 'language', 'latency_ms', 'passage_ids', 'question', 'strength'].sort(),
    );
    // Time only to the minute.
    expect(stored[0]!.at % 60_000).toBe(0);
  });

  it('logs what the row needs: channel, answered, kind, cited ids, strength, latency; the answer text only for answers', async () => {
    await call(new Request(`${BASE}/api/ask?q=${encodeURIComponent(ON_TOPIC[0]!)}&client=widget`));
    await ask(OFF_TOPIC[0]!);
    const [answered, declined] = await rows();
    expect(answered).toMatchObject({ channel: 'widget', answered: 1, kind: 'answer', brief_ids: '["000-3f25df5bcd3f84e8"]' });
    expect(JSON.parse(answered!.passage_ids)[0]).toBe('000-3f25df5bcd3f84e8#p1');
    expect(answered!.strength).toBeGreaterThan(0);
    expect(answered!.latency_ms).toBeGreaterThanOrEqual(0);
    expect(answered!.answer).toContain('Feb. 3');
    expect(declined).toMatchObject({ channel: 'api', answered: 0, kind: 'no_answer', brief_ids: '[]', answer: null });
  });

  it('logs the OpenAI-compatible API too, with the answerId in the briefbot extension', async () => {
    const res = await call(
      new Request(`${BASE}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', Authorization: `Bearer ${testEnv.BRIEFBOT_API_KEY}` },
        body: JSON.stringify({ model: 'briefbot', messages: [{ role: 'user', content: ON_TOPIC[0] }] }),
      }),
    );
    const body = await res.json<{ briefbot: { answerId: string } }>();
    const stored = await rows();
    expect(stored.map((r) => [r.id, r.channel])).toEqual([[body.briefbot.answerId, 'openai']]);
  });

  it('logs no greetings, help or other chat intents', async () => {
    for (const q of ['hello', 'help', 'thanks!']) {
      const body = await (await ask(q)).json<AskJson>();
      expect(body.answerId).toBeUndefined();
    }
    expect(await rows()).toHaveLength(0);
  });

  it('a failed write does not affect the answer', async () => {
    await db.prepare("CREATE TRIGGER fail_insert BEFORE INSERT ON questions BEGIN SELECT RAISE(ABORT, 'disk full'); END").run();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const res = await ask(ON_TOPIC[0]!);
      expect(res.status).toBe(200);
      const body = await res.json<AskJson>();
      expect(body.answered).toBe(true);
      expect(body.answer).toContain('Feb. 3');
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not log the question'));
    } finally {
      warn.mockRestore();
      await db.prepare('DROP TRIGGER fail_insert').run();
    }
    expect(await rows()).toHaveLength(0);
  });

  it('creates the tables when they are missing (a wrangler dev without the migrations applied)', async () => {
    await db.batch([db.prepare('DROP TABLE feedback'), db.prepare('DROP TABLE questions')]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const body = await (await ask(ON_TOPIC[0]!)).json<AskJson>();
      expect(await rows()).toEqual([expect.objectContaining({ id: body.answerId, answered: 1 })]);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('creating them'));
      expect((await feedback({ answerId: body.answerId, rating: 'up' })).status).toBe(200);
    } finally {
      warn.mockRestore();
    }
  });

  it('INSIGHTS = "off" (or no binding) logs nothing and issues no answerId', async () => {
    const res = await call(
      new Request(`${BASE}/api/ask`, { method: 'POST', body: JSON.stringify({ question: ON_TOPIC[0] }), headers: { 'content-type': 'application/json' } }),
      { INSIGHTS: 'off' as never },
    );
    const body = await res.json<AskJson>();
    expect(body.answered).toBe(true);
    expect(body.answerId).toBeUndefined();
    expect(await rows()).toHaveLength(0);
  });

  it('the daily cron deletes questions and votes older than INSIGHTS_RETENTION_DAYS', async () => {
    const now = Date.parse('2026-06-30T12:00:00Z');
    const day = 86_400_000;
    const insert = (id: string, at: number) =>
      db.prepare("INSERT INTO questions (id, at, channel, question, answered, kind) VALUES (?, ?, 'api', 'q', 0, 'no_answer')").bind(id, at);
    await db.batch([
      insert('old-aaaaaaaaaaaaaaaaaaa', now - 100 * day),
      insert('edge-aaaaaaaaaaaaaaaaaa', now - 89 * day),
      insert('new-aaaaaaaaaaaaaaaaaaa', now - day),
      db.prepare("INSERT INTO feedback (answer_id, rating, at) VALUES ('old-aaaaaaaaaaaaaaaaaaa', 'down', ?)").bind(now - 99 * day),
    ]);
    const run = async (retention?: string) => {
      const ctx = createExecutionContext();
      await worker.scheduled(
        createScheduledController({ scheduledTime: now, cron: '17 3 * * *' }),
        { ...testEnv, ...(retention ? { INSIGHTS_RETENTION_DAYS: retention } : {}) },
        ctx,
      );
      await waitOnExecutionContext(ctx);
    };
    await run(); // default 90 days
    expect((await rows()).map((r) => r.id)).toEqual(['edge-aaaaaaaaaaaaaaaaaa', 'new-aaaaaaaaaaaaaaaaaaa']);
    expect((await db.prepare('SELECT COUNT(*) AS n FROM feedback').first<{ n: number }>())!.n).toBe(0);
    await run('30');
    expect((await rows()).map((r) => r.id)).toEqual(['new-aaaaaaaaaaaaaaaaaaa']);
  });
});

describe('POST /api/feedback', () => {
  it('a second vote changes the first; the comment is optional', async () => {
    const { answerId } = await (await ask(ON_TOPIC[0]!)).json<AskJson>();
    expect((await feedback({ answerId, rating: 'up' })).status).toBe(200);
    expect((await feedback({ answerId, rating: 'down', comment: 'outdated' })).status).toBe(200);
    const votes = await db.prepare('SELECT answer_id, rating, comment FROM feedback').all();
    expect(votes.results).toEqual([{ answer_id: answerId, rating: 'down', comment: 'outdated' }]);
  });

  it('404 for an answerId that was never issued', async () => {
    const res = await feedback({ answerId: 'AAAAAAAAAAAAAAAAAAAAAA', rating: 'up' });
    expect(res.status).toBe(404);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('unknown_answer');
  });

  it('400 with a clear message for a bad rating, a long comment or a malformed id', async () => {
    const { answerId } = await (await ask(ON_TOPIC[0]!)).json<AskJson>();
    const cases: [unknown, RegExp][] = [
      [{ answerId, rating: 'meh' }, /rating must be "up" or "down"/],
      [{ answerId, rating: 'up', comment: 'x'.repeat(501) }, /comment must be at most 500 characters/],
      [{ answerId: 'nope', rating: 'up' }, /answerId must be the 22-character answerId/],
      [{ rating: 'up' }, /answerId/],
    ];
    for (const [body, message] of cases) {
      const res = await feedback(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const json = await res.json<{ error: { code: string; message: string } }>();
      expect(json.error.code).toBe('invalid_request');
      expect(json.error.message).toMatch(message);
    }
    expect((await feedback({ answerId, rating: 'up', comment: 'x'.repeat(500) })).status).toBe(200);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await (await call(new Request(`${BASE}/api/openapi.json`))).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toContain('/api/feedback');
  });
});

describe('/admin', () => {
  it('401 without the token or with a wrong one, for the API, the exports and the page', async () => {
    for (const path of ['/admin/api/insights', '/admin/export.csv', '/admin/export.json']) {
      expect((await admin(path, {})).status, path).toBe(401);
      expect((await admin(path, { Authorization: 'Bearer wrong-token' })).status, path).toBe(401);
    }
    const page = await admin('/admin', {});
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('name="token"');
  });

  it('404 when neither ADMIN_TOKEN nor Cloudflare Access is configured', async () => {
    for (const path of ['/admin', '/admin/api/insights', '/admin/export.csv', '/admin/admin.css']) {
      expect((await admin(path, { Authorization: `Bearer ${TOKEN}` }, { ADMIN_TOKEN: '' })).status, path).toBe(404);
    }
    // Configured, the stylesheet needs no sign-in (the login page uses it).
    expect((await admin('/admin/admin.css', {})).status).toBe(200);
  });

  it('signs in with the form: an HttpOnly, Secure, SameSite=Strict cookie that is not the token', async () => {
    const wrong = await call(new Request(`${BASE}/admin/login`, { method: 'POST', body: new URLSearchParams({ token: 'nope' }) }));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const res = await call(new Request(`${BASE}/admin/login`, { method: 'POST', body: new URLSearchParams({ token: TOKEN }) }));
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toContain(TOKEN);
    const session = cookie.split(';')[0]!;
    const page = await admin('/admin', { Cookie: session });
    expect(page.status).toBe(200);
    // A forged session (right shape, wrong MAC) is refused.
    const forged = session.replace(/\.[A-Za-z0-9_-]{43}$/, '.' + 'A'.repeat(43));
    expect((await admin('/admin', { Cookie: forged })).status).toBe(401);
  });

  it('renders the dashboard with a strict CSP and no script', async () => {
    await ask(OFF_TOPIC[0]!);
    const res = await admin('/admin');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const page = await res.text();
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('<svg');
    expect(page).toContain(OFF_TOPIC[0]);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('exports the period as CSV and JSON', async () => {
    await ask(ON_TOPIC[0]!);
    await ask('=HYPERLINK("http://evil.example") weather?');
    const csv = await (await admin('/admin/export.csv')).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('id,at,channel,language,question,answered,kind,brief_ids,passage_ids,strength,latency_ms,rating,comment');
    expect(lines).toHaveLength(3);
    // A question a spreadsheet would run as a formula is written as text.
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil.example"") weather?"`);
    const json = await (await admin('/admin/export.json')).json<{ questions: QuestionRow[] }>();
    expect(json.questions.map((q) => q.question)).toEqual([ON_TOPIC[0], '=HYPERLINK("http://evil.example") weather?']);
  });

  it('400 for a malformed period', async () => {
    const res = await admin('/admin/api/insights?from=yesterday');
    expect(res.status).toBe(400);
    expect((await res.json<{ error: { message: string } }>()).error.message).toMatch(/from must be a date/);
  });
});

describe('/admin behind Cloudflare Access', () => {
  const TEAM = 'newsroom.cloudflareaccess.com';
  const AUD = 'a1b2c3d4e5f6';
  const access = { ADMIN_TOKEN: '', ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD };
  let keys: CryptoKeyPair;
  let restore: () => void = () => {};

  const b64url = (bytes: ArrayBuffer | Uint8Array) =>
    btoa(String.fromCharCode(...new Uint8Array(bytes)))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  async function jwt(claims: Record<string, unknown>, kid = 'key-1'): Promise<string> {
    const head = b64url(new TextEncoder().encode(JSON.stringify({ alg: 'RS256', kid, typ: 'JWT' })));
    const body = b64url(new TextEncoder().encode(JSON.stringify(claims)));
    const sig = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', keys.privateKey, new TextEncoder().encode(`${head}.${body}`));
    return `${head}.${body}.${b64url(sig)}`;
  }

  beforeEach(async () => {
    keys = (await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    )) as CryptoKeyPair;
    const publicJwk = { ...((await crypto.subtle.exportKey('jwk', keys.publicKey)) as JsonWebKey), kid: `key-1` };
    // The team's key endpoint is the outside world: mocked. (A fresh team name per test defeats the key cache.)
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      const url = new Request(input as RequestInfo).url;
      if (url === `https://${TEAM}/cdn-cgi/access/certs`) return Response.json({ keys: [publicJwk] });
      throw new Error(`unexpected fetch ${url}`);
    });
    restore = () => spy.mockRestore();
  });
  afterEach(() => restore());

  it('accepts a valid Access JWT and refuses a wrong audience, issuer, expiry or signature', async () => {
    const now = Math.floor(Date.now() / 1000);
    const good = { aud: [AUD], iss: `https://${TEAM}`, exp: now + 600, iat: now, email: 'editor@example.com' };
    const get = async (token: string) => (await admin('/admin/api/insights', { 'Cf-Access-Jwt-Assertion': token }, access)).status;
    expect(await get(await jwt(good))).toBe(200);
    expect(await get(await jwt({ ...good, aud: ['someone-else'] }))).toBe(401);
    expect(await get(await jwt({ ...good, iss: 'https://evil.cloudflareaccess.com' }))).toBe(401);
    expect(await get(await jwt({ ...good, exp: now - 5 }))).toBe(401);
    expect(await get(await jwt(good, 'unknown-kid'))).toBe(401);
    const token = await jwt(good);
    expect(await get(token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA'))).toBe(401);
    expect(await get('not.a.jwt')).toBe(401);
  });
});

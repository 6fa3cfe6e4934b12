import { TABLE } from './i18n-table.js';
import { describe, expect, it } from 'vitest';
import { strings } from './i18n.js';
import { ApiClient, describeFailure, RequestFailed } from './api.js';

const ANSWER = {
  answered: true,
  answer: 'It is on Feb. 3. [1]',
  citations: [{ briefId: 'b', title: 'T', byline: null, date: null, url: null, passageId: 'b#p1', snippet: 's', highlights: [], score: 1 }],
  query: { tookMs: 1 },
};

/** The API server, as the browser's fetch would see it. */
function server(respond: (url: string) => Response | Promise<Response>) {
  const calls: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    calls.push(String(input));
    return respond(String(input));
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

async function failure(p: Promise<unknown>): Promise<RequestFailed> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RequestFailed);
  return err as RequestFailed;
}

describe('ApiClient', () => {
  it('asks with GET /api/ask?q= (no CORS preflight) and returns the answer', async () => {
    const s = server(() => json(ANSWER));
    const client = new ApiClient('https://bot.example', { fetch: s.fetch });
    const a = await client.ask('When & where?');
    expect(s.calls).toEqual(['https://bot.example/api/ask?q=When%20%26%20where%3F&client=widget']);
    expect(a.answered).toBe(true);
    expect(a.citations).toHaveLength(1);
  });

  it('sends the conversation id so the server can read follow-ups', async () => {
    const s = server(() => json(ANSWER));
    await new ApiClient('https://bot.example', { fetch: s.fetch }).ask('And then?', 'w-abc');
    expect(s.calls).toEqual(['https://bot.example/api/ask?q=And%20then%3F&conversationId=w-abc&client=widget']);
  });

  it('returns the conversation id the server issued', async () => {
    const s = server(() => json({ ...ANSWER, conversationId: 'srv-1' }));
    expect((await new ApiClient('https://bot.example', { fetch: s.fetch }).ask('Q?')).conversationId).toBe('srv-1');
  });

  it('starts a new conversation when the server no longer knows the id', async () => {
    const s = server((url) =>
      url.includes('conversationId=')
        ? json({ error: { code: 'invalid_conversation', message: 'unknown' } }, 400)
        : json({ ...ANSWER, conversationId: 'srv-2' }),
    );
    const a = await new ApiClient('https://bot.example', { fetch: s.fetch }).ask('Q?', 'gone');
    expect(a.conversationId).toBe('srv-2');
    expect(s.calls).toEqual(['https://bot.example/api/ask?q=Q%3F&conversationId=gone&client=widget', 'https://bot.example/api/ask?q=Q%3F&client=widget']);
  });

  it('lists the latest briefs', async () => {
    const s = server(() => json({ briefs: [1, 2, 3, 4].map((n) => ({ id: `b${n}`, title: `B${n}`, date: null })) }));
    const briefs = await new ApiClient('https://bot.example', { fetch: s.fetch }).latest(3);
    expect(briefs.map((b) => b.id)).toEqual(['b1', 'b2', 'b3']);
  });

  it('sorts failures into what the user can do', async () => {
    const cases: [Response | Error, string, RegExp, boolean][] = [
      [new TypeError('Failed to fetch'), 'network', /can't reach/i, true],
      [json({ error: { code: 'rate_limited', message: 'slow down' } }, 429, { 'Retry-After': '12' }), 'rate_limited', /wait 12 seconds/, true],
      [json({ error: { code: 'rate_limited', message: 'slow down' } }, 429), 'rate_limited', /wait 10 seconds/, true],
      [json({ error: { code: 'internal_error', message: 'x' } }, 500), 'server', /on our side/, true],
      [new Response('<html>bad gateway</html>', { status: 502 }), 'server', /on our side/, true],
      [
        json({ error: { code: 'invalid_request', message: 'question must be at most 500 characters' } }, 400),
        'rejected',
        /^question must be at most 500 characters$/,
        false,
      ],
      [new Response('not json', { status: 200 }), 'server', /on our side/, true],
      [json({ nope: true }), 'server', /on our side/, true],
    ];
    for (const [outcome, kind, text, retry] of cases) {
      const s = server(() => {
        if (outcome instanceof Error) throw outcome;
        return outcome;
      });
      const err = await failure(new ApiClient('https://bot.example', { fetch: s.fetch }).ask('q'));
      expect(err.kind).toBe(kind);
      const d = describeFailure(err, strings());
      expect(d.text).toMatch(text);
      expect(d.retry).toBe(retry);
    }
  });

  it('a 429 says how long to wait, in the UI language, and until when "Try again" must wait', () => {
    const err = new RequestFailed('rate_limited', 'slow', 429, 12);
    expect(describeFailure(err, strings(), 1000)).toEqual({
      text: 'Too many questions. Please wait 12 seconds and try again.',
      retry: true,
      until: 13_000,
    });
    expect(describeFailure(err, strings(TABLE.es), 0).text).toBe('Demasiadas preguntas. Espera 12 segundos y reinténtalo.');
    expect(describeFailure(new RequestFailed('network', 'x'), strings()).until).toBeUndefined();
  });

  it('gives up after the timeout', async () => {
    const fetch = ((_: RequestInfo | URL, init?: RequestInit) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      )) as typeof globalThis.fetch;
    const err = await failure(new ApiClient('https://bot.example', { fetch, timeoutMs: 20 }).ask('q'));
    expect(err.kind).toBe('timeout');
    expect(describeFailure(err, strings()).text).toMatch(/too long/);
  });

  it('drops malformed citations instead of failing to render', async () => {
    const s = server(() => json({ ...ANSWER, citations: [null, { title: 'no id' }, ...ANSWER.citations] }));
    const a = await new ApiClient('https://bot.example', { fetch: s.fetch }).ask('q');
    expect(a.citations).toHaveLength(1);
  });
});

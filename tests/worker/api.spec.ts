import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

const BASE = 'https://briefbot.test';
const SEED = '000-3f25df5bcd3f84e8';

interface Citation {
  briefId: string;
  title: string;
  byline: string | null;
  passageId: string;
  snippet: string;
  highlights: [number, number][];
  score: number;
}
interface AskBody {
  answered: boolean;
  answer: string;
  citations: Citation[];
  related?: { briefId: string }[];
  query: { tookMs: number };
}
interface ErrorJson {
  error: { code: string; message: string };
}

const post = (body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  SELF.fetch(`${BASE}/api/ask`, { method: 'POST', body, headers });

describe('POST /api/ask', () => {
  it('answers a seed question with a cited sentence holding the date', async () => {
    const res = await post(JSON.stringify({ question: 'When is Petro meeting Trump?' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = await res.json<AskBody>();
    expect(body.answered).toBe(true);
    expect(body.answer).toContain('Feb. 3');
    expect(body.answer).toMatch(/\[1\]/);
    expect(body.citations.length).toBeGreaterThan(0);
    expect(body.citations.length).toBeLessThanOrEqual(3);
    const first = body.citations[0]!;
    expect(first.briefId).toBe(SEED);
    expect(first.byline).toBe('TA | AP Brief');
    expect(first.passageId).toBe(`${SEED}#p1`);
    expect(first.snippet).toContain('Feb. 3');
    expect(first.snippet.length).toBeLessThanOrEqual(300);
    const words = first.highlights.map(([s, e]) => first.snippet.slice(s, e));
    expect(words).toEqual(expect.arrayContaining(['Petro', 'Trump']));
    expect(typeof body.query.tookMs).toBe('number');
  });

  it('honours limit, best first', async () => {
    const res = await post(JSON.stringify({ question: 'Petro Trump meeting', limit: 6 }));
    const body = await res.json<AskBody>();
    expect(body.citations.length).toBe(6);
    const scores = body.citations.map((c) => c.score);
    expect(new Set(body.citations.map((c) => c.snippet)).size).toBe(6);
    expect(scores[0]).toBe(Math.max(...scores));
  });

  it('says so when the briefs do not hold the answer', async () => {
    const res = await post(JSON.stringify({ question: 'Who won the World Cup?' }));
    expect(res.status).toBe(200);
    const body = await res.json<AskBody>();
    expect(body.answered).toBe(false);
    expect(body.citations).toEqual([]);
    expect(body.answer).toMatch(/couldn't find/i);
  });

  it.each([
    ['empty question', { question: '   ' }, /empty/],
    ['too long question', { question: 'x'.repeat(501) }, /500/],
    ['missing question', {}, /question/],
    ['question of the wrong type', { question: 42 }, /string/],
    ['limit of the wrong type', { question: 'hi', limit: 'many' }, /limit/],
    ['limit out of range', { question: 'hi', limit: 11 }, /limit/],
  ])('rejects a %s with 400', async (_name, body, message) => {
    const res = await post(JSON.stringify(body));
    expect(res.status).toBe(400);
    const err = await res.json<ErrorJson>();
    expect(err.error.code).toBe('invalid_request');
    expect(err.error.message).toMatch(message);
  });

  it('rejects malformed JSON with 400', async () => {
    const res = await post('{"question": "When');
    expect(res.status).toBe(400);
    expect((await res.json<ErrorJson>()).error.code).toBe('malformed_json');
  });

  it('rejects a non-JSON content type with 415', async () => {
    const res = await post('question=hi', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect((await res.json<ErrorJson>()).error.code).toBe('unsupported_media_type');
  });

  it('rejects a body over 16 KB with 413', async () => {
    const res = await post(JSON.stringify({ question: 'hi', pad: 'x'.repeat(17 * 1024) }));
    expect(res.status).toBe(413);
    expect((await res.json<ErrorJson>()).error.code).toBe('payload_too_large');
  });
});

describe('GET /api/ask', () => {
  it('answers from the query string', async () => {
    const res = await SELF.fetch(`${BASE}/api/ask?q=${encodeURIComponent('Who is the Colombian foreign minister?')}&limit=2`);
    expect(res.status).toBe(200);
    const body = await res.json<AskBody>();
    expect(body.answer).toContain('Rosa Villavicencio');
    expect(body.citations.length).toBe(2);
  });

  it('requires q', async () => {
    const res = await SELF.fetch(`${BASE}/api/ask`);
    expect(res.status).toBe(400);
    expect((await res.json<ErrorJson>()).error.message).toMatch(/question|q/);
  });
});

describe('briefs', () => {
  it('lists briefs', async () => {
    const res = await SELF.fetch(`${BASE}/api/briefs`);
    const body = await res.json<{ briefs: { id: string; title: string; passageCount: number }[] }>();
    expect(body.briefs).toEqual([
      expect.objectContaining({ id: SEED, title: 'Colombian President optimistic about high-stakes White House meeting with Trump', passageCount: 10 }),
    ]);
  });

  it('pages the list with limit and offset', async () => {
    const page = async (q: string) => (await SELF.fetch(`${BASE}/api/briefs${q}`)).json<{ briefs: unknown[]; total: number; offset: number; limit: number }>();
    expect(await page('')).toMatchObject({ total: 1, offset: 0, limit: 100 });
    expect((await page('?limit=1')).briefs).toHaveLength(1);
    expect(await page('?offset=1')).toMatchObject({ briefs: [], total: 1, offset: 1 });
    const bad = await SELF.fetch(`${BASE}/api/briefs?limit=0`);
    expect(bad.status).toBe(400);
    expect((await bad.json<ErrorJson>()).error.message).toMatch(/limit/);
  });

  it('returns one brief with its passages and sections', async () => {
    const res = await SELF.fetch(`${BASE}/api/briefs/${SEED}`);
    expect(res.status).toBe(200);
    const body = await res.json<{ passages: { id: string; section: string | null; text: string }[]; links: unknown[] }>();
    expect(body.passages).toHaveLength(10);
    expect(body.passages[0]!.id).toBe(`${SEED}#p1`);
    expect(body.passages[6]!.section).toBe('The drug situation');
    // The pull quote repeats paragraph 8 and is not indexed twice.
    expect(body.passages.filter((p) => p.text.includes('deeply concerned'))).toHaveLength(1);
  });

  it('404s an unknown brief', async () => {
    const res = await SELF.fetch(`${BASE}/api/briefs/nope`);
    expect(res.status).toBe(404);
    expect((await res.json<ErrorJson>()).error.code).toBe('not_found');
  });
});

describe('service', () => {
  it('404s unknown routes as JSON', async () => {
    const res = await SELF.fetch(`${BASE}/api/nothing`);
    expect(res.status).toBe(404);
    expect((await res.json<ErrorJson>()).error.code).toBe('not_found');
  });

  it('405s a wrong method with Allow', async () => {
    const res = await SELF.fetch(`${BASE}/api/ask`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('POST');
    expect((await res.json<ErrorJson>()).error.code).toBe('method_not_allowed');
  });

  it('serves an OpenAPI 3.1 document generated from the routes', async () => {
    const res = await SELF.fetch(`${BASE}/api/openapi.json`);
    const doc = await res.json<{ openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/ask', '/api/briefs', '/api/briefs/{id}', '/health']));
    expect(Object.keys(doc.paths['/api/ask']!)).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['AskRequest', 'AskResponse', 'Citation', 'Error']));
  });

  it('allows cross-origin calls per CORS_ORIGINS', async () => {
    const res = await SELF.fetch(`${BASE}/api/ask`, {
      method: 'OPTIONS',
      headers: { origin: 'https://news.example', 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('security headers', () => {
  it('every response carries them, JSON errors included; the widget script stays loadable from other origins', async () => {
    const responses = {
      answer: await SELF.fetch('https://briefbot.test/api/ask?q=When+is+Petro+meeting+Trump'),
      notFound: await SELF.fetch('https://briefbot.test/api/nope'),
      badRequest: await SELF.fetch('https://briefbot.test/api/ask', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' }),
      widget: await SELF.fetch('https://briefbot.test/widget.js'),
      page: await SELF.fetch('https://briefbot.test/'),
    };
    for (const [name, res] of Object.entries(responses)) {
      expect(res.headers.get('X-Content-Type-Options'), name).toBe('nosniff');
      expect(res.headers.get('Strict-Transport-Security'), name).toMatch(/max-age=\d+/);
      expect(res.headers.get('X-Frame-Options'), name).toBe('DENY');
      expect(res.headers.get('Cross-Origin-Resource-Policy'), name).toBe('cross-origin');
      await res.arrayBuffer();
    }
    expect(responses.notFound.status).toBe(404);
    expect(responses.badRequest.status).toBe(400);
    // The pages keep their own policy.
    expect(responses.page.headers.get('Content-Security-Policy')).toMatch(/default-src 'none'/);
    expect(responses.page.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
  });
});

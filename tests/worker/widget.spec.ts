import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { WIDGET_ETAG } from '../../src/adapters/widget/index.js';
import { createApp } from '../../src/app.js';
import { parseBriefs } from '../../src/core/brief.js';
import { buildEngine } from '../../src/core/indexer.js';
import { WIDGET_HASH } from '../../src/generated/widget-bundle.js';
import { bundledLexicon } from '../../src/worker.js';

const BASE = 'https://briefbot.test';
const SEED_ID = '000-3f25df5bcd3f84e8';

describe('/widget.js', () => {
  it('serves the bundled script with caching headers and a strong ETag', async () => {
    const res = await SELF.fetch(`${BASE}/widget.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('etag')).toBe(WIDGET_ETAG);
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('timing-allow-origin')).toBe('*');
    const js = await res.text();
    expect(js).toMatch(/^\/\*! Briefbot widget/);
    expect(js).toContain('briefbot:ready');
    // The ETag is the content hash.
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(js)));
    const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(WIDGET_ETAG).toBe(`"${hex.slice(0, 32)}"`);
  });

  it('stays within its budget of 15 KB gzipped (as served, default compression)', async () => {
    const js = await (await SELF.fetch(`${BASE}/widget.js`)).arrayBuffer();
    const gz = await new Response(new Blob([js]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    expect(gz.byteLength).toBeLessThanOrEqual(15 * 1024);
  });

  it('answers 304 with no body when If-None-Match matches (also weak, in a list, or *)', async () => {
    for (const inm of [WIDGET_ETAG, `W/${WIDGET_ETAG}`, `"other", ${WIDGET_ETAG}`, '*']) {
      const res = await SELF.fetch(`${BASE}/widget.js`, { headers: { 'If-None-Match': inm } });
      expect(res.status, inm).toBe(304);
      expect(res.headers.get('etag')).toBe(WIDGET_ETAG);
      expect(await res.text()).toBe('');
    }
    const stale = await SELF.fetch(`${BASE}/widget.js`, { headers: { 'If-None-Match': '"0000"' } });
    expect(stale.status).toBe(200);
  });

  it('gives the reading pages an ETag and 304, and leaves the API alone', async () => {
    const page = await SELF.fetch(`${BASE}/briefs/${SEED_ID}`);
    const tag = page.headers.get('etag');
    expect(tag).toMatch(/^"[0-9a-f]+"$/);
    const again = await SELF.fetch(`${BASE}/briefs/${SEED_ID}`, { headers: { 'If-None-Match': tag! } });
    expect(again.status).toBe(304);
    expect((await SELF.fetch(`${BASE}/api/briefs`)).headers.get('etag')).toBeNull();
  });

  it('lets a versioned URL be cached for a year', async () => {
    const res = await SELF.fetch(`${BASE}/widget.js?v=${WIDGET_HASH}`);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const other = await SELF.fetch(`${BASE}/widget.js?v=old`);
    expect(other.headers.get('cache-control')).not.toContain('immutable');
  });
});

describe("/widget/i18n/:lang (the widget's strings in one language, fetched before it mounts)", () => {
  it("serves a language's row to any origin, and 404 JSON for one it does not have", async () => {
    const res = await SELF.fetch(`${BASE}/widget/i18n/ar?v=${WIDGET_HASH}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const row = await res.text();
    expect(row.split('|')[0]).toBe('اسأل الموجزات');
    // Only English is in /widget.js: the Arabic strings are not.
    expect(await (await SELF.fetch(`${BASE}/widget.js`)).text()).not.toContain('اسأل الموجزات');
    for (const lang of ['xx', 'constructor', '__proto__']) {
      const bad = await SELF.fetch(`${BASE}/widget/i18n/${lang}`);
      expect(bad.status, lang).toBe(404);
      expect((await bad.json<{ error: { code: string } }>()).error.code).toBe('not_found');
    }
  });
});

describe('pages', () => {
  it('/ is a demo page that embeds the widget and shows the snippet with this origin', async () => {
    const res = await SELF.fetch(`${BASE}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = await res.text();
    expect(page).toMatch(/<script src="\/widget\.js"[^>]* async><\/script>/);
    expect(page).toMatch(/&lt;script src=&quot;https:\/\/briefbot\.test\/widget\.js&quot;\s+data-title=&quot;Ask our briefs&quot;/);
    expect(page).toContain(`href="/briefs/${SEED_ID}"`);
    expect(page).toContain('Briefbot.ask(');
  });

  it('/briefs/:id renders the brief with every passage anchored', async () => {
    const res = await SELF.fetch(`${BASE}/briefs/${SEED_ID}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).toContain('<h1>Colombian President optimistic about high-stakes White House meeting with Trump</h1>');
    expect(page).toContain('By TA | AP Brief');
    for (let n = 1; n <= 10; n++) expect(page).toContain(`id="p${n}"`);
    expect(page).toMatch(/<p class="passage" id="p6">.*Discussions are also expected to focus on intensifying the fight/);
    expect(page).toContain('<h2>The drug situation</h2>');
    expect(page).toContain('.passage:target');
  });

  it('/briefs/:id?q= marks the words of the question in every paragraph, stemmed, without stop words', async () => {
    const res = await SELF.fetch(`${BASE}/briefs/${SEED_ID}?q=When+is+Petro+meeting+Trump`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = await res.text();
    const article = page.slice(page.indexOf('<article>'));
    const marks = [...article.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]!);
    const passageMarks = [...page.matchAll(/<p class="passage"[^>]*>(.*?)<\/p>/g)].flatMap((p) =>
      [...p[1]!.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]!),
    );
    // The possessive "Petro's" is the same term as "Petro".
    expect(new Set(passageMarks)).toEqual(new Set(['Petro', 'Petro&#39;s', 'Trump', 'meeting']));
    expect(passageMarks.filter((m) => m === 'Petro').length).toBeGreaterThan(1); // every paragraph, not only the cited one
    // Stop words of the question ("when", "is") are in the brief but never marked.
    expect(page).toMatch(/<p class="passage"[^>]*>[^\n]*\bwhen\b/i);
    expect(marks.map((m) => m.toLowerCase())).not.toContain('when');
    expect(marks.map((m) => m.toLowerCase())).not.toContain('is');
    // The page says what is highlighted, and still renders the paragraphs' text in full.
    expect(page).toContain('<p class="query-note">Words from your question “When is Petro meeting Trump” are <mark>highlighted</mark>.</p>');
    expect(page).toMatch(/<p class="passage" id="p6">.*Discussions are also expected to focus on intensifying the fight/);
  });

  it('/briefs/:id?q= matches stemmed forms: "meets" marks "meeting"', async () => {
    const page = await (await SELF.fetch(`${BASE}/briefs/${SEED_ID}?q=${encodeURIComponent('Who meets?')}`)).text();
    expect(page).toContain('<mark>meeting</mark>');
    expect(page).not.toContain('<mark>Petro</mark>');
  });

  it('/briefs/:id ignores a q longer than 500 characters, and a q with no matching words', async () => {
    const long = `Petro ${'x'.repeat(495)}`;
    expect(long.length).toBe(501);
    const ignored = await (await SELF.fetch(`${BASE}/briefs/${SEED_ID}?q=${encodeURIComponent(long)}`)).text();
    expect(ignored).not.toContain('<mark>');
    expect(ignored).not.toContain('<p class="query-note">');
    const atLimit = await (await SELF.fetch(`${BASE}/briefs/${SEED_ID}?q=${encodeURIComponent(long.slice(0, 500))}`)).text();
    expect(atLimit).toContain('<mark>Petro</mark>');
    const nothing = await (await SELF.fetch(`${BASE}/briefs/${SEED_ID}?q=${encodeURIComponent('what is the weather in Oslo')}`)).text();
    expect(nothing).not.toContain('<mark>');
    expect(nothing).not.toContain('<p class="query-note">');
    expect(await (await SELF.fetch(`${BASE}/briefs/${SEED_ID}?q=`)).text()).not.toContain('<mark>');
  });

  it('/briefs lists the briefs; an unknown brief is a 404 page', async () => {
    const list = await SELF.fetch(`${BASE}/briefs`);
    expect(await list.text()).toContain(`<a href="/briefs/${SEED_ID}">`);
    const missing = await SELF.fetch(`${BASE}/briefs/nope`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await missing.text()).toContain('Brief not found');
  });
});

describe('pages with hostile briefs', () => {
  const hostile = [
    '---',
    'id: hostile',
    'title: "<img src=x onerror=alert(1)> and <script>alert(2)</script>"',
    'byline: "<b>Mallory</b>"',
    'date: 2026-02-01',
    'url: \'https://example.com/a"onmouseover="alert(3)\'',
    'tags: ["<i>tag</i>"]',
    '---',
    '',
    // Raw HTML in a Markdown body is dropped by the parser; markup reaches a brief's text as
    // inline code, a backslash escape or an entity, and the page must still show it as text.
    '## `<svg onload=alert(4)>`',
    '',
    'A passage with `<img src=x onerror=alert(5)>` and \\<script>alert(6)&lt;/script> in it.',
    '',
  ].join('\n');
  const engine = buildEngine(parseBriefs([{ path: 'hostile.md', bytes: new TextEncoder().encode(hostile) }]), bundledLexicon());
  const app = createApp(() => engine);

  it('escape every value: no markup from a brief reaches the page', async () => {
    const res = await app.request('/briefs/hostile', {}, env);
    const page = await res.text();
    expect(page).not.toMatch(/<(img|svg|b|i)[\s>]/);
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; and &lt;script&gt;alert(2)&lt;/script&gt;');
    expect(page).toContain('A passage with &lt;img src=x onerror=alert(5)&gt; and &lt;script&gt;alert(6)&lt;/script&gt; in it.');
    expect(page).toContain('&lt;svg onload=alert(4)&gt;');
    expect(page).not.toContain('"onmouseover');
    expect(page).toContain('href="https://example.com/a&quot;onmouseover=&quot;alert(3)"');
  });

  it('escape a hostile q: the question is shown as text, marks wrap escaped words only', async () => {
    const q = '<img src=x onerror=alert(1)> passage "><script>alert(7)</script>';
    const res = await app.request(`/briefs/hostile?q=${encodeURIComponent(q)}`, {}, env);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).not.toMatch(/<(img|svg|b|i)[\s>]/);
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('Words from your question “&lt;img src=x onerror=alert(1)&gt; passage &quot;&gt;&lt;script&gt;alert(7)&lt;/script&gt;”');
    // "img", "src", "onerror" and "passage" are words of both: marked, with the brief's markup still escaped around them.
    expect(page).toContain('A <mark>passage</mark> with &lt;<mark>img</mark> <mark>src</mark>=<mark>x</mark> <mark>onerror</mark>=<mark>alert</mark>(5)&gt;');
    const secondApp = await app.request(`/briefs/hostile?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`, {}, env);
    expect(await secondApp.text()).not.toContain('<img');
  });

  it('escapes an id in the not-found page and the list', async () => {
    const res = await app.request(`/briefs/${encodeURIComponent('<script>alert(1)</script>')}`, {}, env);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const list = await (await app.request('/briefs', {}, env)).text();
    expect(list).not.toContain('<img');
  });
});

describe('brief pages in other languages, and the way back to the conversation', () => {
  const brief = (id: string, lang: string, title: string, body: string) =>
    ['---', `id: ${id}`, `title: "${title}"`, `lang: ${lang}`, 'date: 2026-02-01', '---', '', body, ''].join('\n');
  const files = [
    brief('ar-brief', 'ar', 'بترو متفائل بشأن الاجتماع', 'قال الرئيس الكولومبي إنه متفائل بشأن الاجتماع في البيت الأبيض.'),
    brief('es-brief', 'es', 'Petro, optimista', 'El presidente dijo que era optimista sobre la reunión.'),
  ].map((text, i) => ({ path: `b${i}.md`, bytes: new TextEncoder().encode(text) }));
  const engine = buildEngine(parseBriefs(files), bundledLexicon());
  const app = createApp(() => engine);

  it("set the page's lang and dir from the brief; the site's English chrome keeps its own", async () => {
    const ar = await (await app.request('/briefs/ar-brief', {}, env)).text();
    expect(ar).toMatch(/<html lang="ar" dir="rtl">/);
    expect(ar).toMatch(/<header class="site" lang="en" dir="ltr">/);
    const es = await (await app.request('/briefs/es-brief', {}, env)).text();
    expect(es).toMatch(/<html lang="es" dir="ltr">/);
    const en = await (await SELF.fetch(`${BASE}/briefs/${SEED_ID}`)).text();
    expect(en).toMatch(/<html lang="en" dir="ltr">/);
  });

  it('keep "API" out of the reader-facing navigation, wrap long words and keep ¶1 below the headline', async () => {
    const page = await (await SELF.fetch(`${BASE}/briefs/${SEED_ID}`)).text();
    const nav = page.match(/<nav[^>]*>.*?<\/nav>/s)![0];
    expect(nav).not.toMatch(/API|openapi/);
    expect(page).toContain('overflow-wrap:anywhere');
    expect(page).toMatch(/#p1\{scroll-margin-top:/);
  });

  it('link "Back to the conversation" only to an http(s) page on an origin allowed to embed the widget', async () => {
    const from = 'https://news.example/story?id=1';
    const back = (page: string) => page.match(/<a class="back" href="([^"]*)"/)?.[1];
    const open = { ...env, CORS_ORIGINS: '*' };
    const listed = { ...env, CORS_ORIGINS: 'https://news.example, https://other.example' };
    const get = async (q: string, e: typeof env) => (await app.request(`/briefs/es-brief?${q}`, {}, e)).text();
    expect(back(await get(`from=${encodeURIComponent(from)}`, open))).toBe('https://news.example/story?id=1');
    expect(back(await get(`from=${encodeURIComponent(from)}`, listed))).toBe('https://news.example/story?id=1');
    expect(back(await get(`from=${encodeURIComponent('https://evil.example/')}`, listed))).toBeUndefined();
    expect(back(await get(`from=${encodeURIComponent('javascript:alert(1)')}`, open))).toBeUndefined();
    expect(back(await get('', open))).toBeUndefined();
    // Markup in it stays inside the attribute.
    const page = await get(`from=${encodeURIComponent('https://news.example/"><script>x</script>')}`, open);
    expect(page).not.toContain('<script>x');
  });

  it('make the demo page’s code blocks focusable, with a name', async () => {
    const page = await (await SELF.fetch(`${BASE}/`)).text();
    const pres = page.match(/<pre[^>]*>/g)!;
    expect(pres.length).toBeGreaterThan(0);
    for (const pre of pres) expect(pre).toMatch(/tabindex="0" aria-label="[^"]+"/);
  });
});

import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { WIDGET_ETAG } from '../../src/adapters/widget/index.js';
import { createApp } from '../../src/app.js';
import { parseBriefs } from '../../src/core/brief.js';
import { Engine } from '../../src/core/engine.js';
import { WIDGET_HASH } from '../../src/generated/widget-bundle.js';

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
    const js = await res.text();
    expect(js).toMatch(/^\/\*! Briefbot widget/);
    expect(js).toContain('briefbot:ready');
    // The ETag is the content hash.
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(js)));
    const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(WIDGET_ETAG).toBe(`"${hex.slice(0, 32)}"`);
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

  it('lets a versioned URL be cached for a year', async () => {
    const res = await SELF.fetch(`${BASE}/widget.js?v=${WIDGET_HASH}`);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const other = await SELF.fetch(`${BASE}/widget.js?v=old`);
    expect(other.headers.get('cache-control')).not.toContain('immutable');
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
    '## <svg onload=alert(4)>',
    '',
    'A passage with <img src=x onerror=alert(5)> and <script>alert(6)</script> in it.',
    '',
  ].join('\n');
  const engine = Engine.build(parseBriefs([{ path: 'hostile.md', bytes: new TextEncoder().encode(hostile) }]));
  const app = createApp(() => engine);

  it('escape every value: no markup from a brief reaches the page', async () => {
    const res = await app.request('/briefs/hostile', {}, env);
    const page = await res.text();
    expect(page).not.toMatch(/<(img|svg|b|i)[\s>]/);
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; and &lt;script&gt;alert(2)&lt;/script&gt;');
    expect(page).toContain('A passage with &lt;img src=x onerror=alert(5)&gt;');
    expect(page).not.toContain('"onmouseover');
    expect(page).toContain('href="https://example.com/a&quot;onmouseover=&quot;alert(3)"');
  });

  it('escapes an id in the not-found page and the list', async () => {
    const res = await app.request(`/briefs/${encodeURIComponent('<script>alert(1)</script>')}`, {}, env);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const list = await (await app.request('/briefs', {}, env)).text();
    expect(list).not.toContain('<img');
  });
});

import { TABLE } from './i18n-table.js';
// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from './api.js';
import { readOptions } from './options.js';
import type { KeyValue } from './store.js';
import { Widget } from './widget.js';

const API = 'https://bot.example';
const ANSWER = {
  answered: true,
  answer: 'Discussions are also expected to focus on crime. [1]',
  citations: [
    {
      briefId: 'b1',
      title: 'Petro meeting',
      byline: 'AP',
      date: '2026-02-01',
      url: null,
      passageId: 'b1#p6',
      snippet: 'Discussions are also expected to focus on crime.',
      highlights: [[33, 38]],
      score: 2,
    },
  ],
  query: { tookMs: 1 },
};
const LATEST = {
  briefs: [
    { id: 'b1', title: 'Petro meeting', date: '2026-02-01' },
    { id: 'b2', title: 'Older brief', date: '2026-01-01' },
  ],
};

type Reply = Response | Error | (() => Promise<Response>);

/** A scripted API server: replies are consumed per path prefix. */
function server(replies: Record<string, Reply[]>) {
  const asked: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    if (url.pathname === '/api/ask') asked.push(url.searchParams.get('q')!);
    const queue = replies[url.pathname] ?? [];
    const next = queue.length > 1 ? queue.shift()! : queue[0];
    if (!next) return json({ error: { code: 'not_found', message: 'no' } }, 404);
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next() : next.clone();
  }) as typeof globalThis.fetch;
  return { asked, fetch };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function memory(): KeyValue {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

let mounted: Widget[] = [];
function make(fetch: typeof globalThis.fetch, data: Record<string, string> = {}, storage: KeyValue = memory()) {
  // The strings of data-lang, as the widget fetches them from /widget/i18n/<lang> before mounting.
  const row = data.lang ? TABLE[data.lang] : undefined;
  const w = new Widget(readOptions(data, `${API}/widget.js`, null, row), { doc: document, storage, client: new ApiClient(API, { fetch }) }).mount();
  mounted.push(w);
  const $ = <T extends Element = HTMLElement>(sel: string) => w.root.querySelector<T & Element>(sel);
  const $$ = (sel: string) => Array.from(w.root.querySelectorAll(sel));
  return { w, $, $$, storage };
}

/** Let pending fetches and renders finish. */
const settle = () => vi.waitFor(() => new Promise((r) => setTimeout(r, 0)));
async function until(check: () => unknown, timeout = 1000) {
  await vi.waitFor(
    () => {
      if (!check()) throw new Error('not yet');
    },
    { timeout },
  );
}

afterEach(() => {
  for (const w of mounted) w.destroy();
  mounted = [];
});

describe('Widget', () => {
  it('mounts a launcher in a shadow root, closed, with the title as its label', () => {
    const { w, $ } = make(server({}).fetch, { title: 'Ask our briefs' });
    expect(document.getElementById('briefbot-widget')!.shadowRoot).toBe(w.root);
    const launcher = $('.launcher')!;
    expect(launcher.getAttribute('aria-label')).toBe('Open chat: Ask our briefs');
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect($<HTMLElement>('.panel')!.hidden).toBe(true);
    expect($('#bb-title')!.textContent).toBe('Ask our briefs');
  });

  it('opens with focus in the input, and Esc closes and returns focus to the launcher', () => {
    const { w, $ } = make(server({}).fetch);
    $<HTMLButtonElement>('.launcher')!.click();
    expect(w.isOpen).toBe(true);
    expect($('.launcher')!.getAttribute('aria-expanded')).toBe('true');
    expect(w.root.activeElement).toBe($('input'));
    $('input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(w.isOpen).toBe(false);
    expect(w.root.activeElement).toBe($('.launcher'));
  });

  it('shows the latest briefs as chips in an empty conversation; a chip asks about that brief', async () => {
    const s = server({ '/api/briefs': [json(LATEST)], '/api/ask': [json(ANSWER)] });
    const { w, $, $$ } = make(s.fetch);
    w.open();
    await until(() => $$('.intro .chip').length === 2);
    expect($('.intro .chips')!.getAttribute('aria-label')).toBe('Latest briefs');
    ($$('.intro .chip')[0] as HTMLButtonElement).click();
    await until(() => $('.msg.bot'));
    expect(s.asked).toEqual(['Petro meeting']);
    expect($('.intro')).toBeNull();
  });

  it('uses data-suggestions instead when given', () => {
    const s = server({});
    const { w, $$ } = make(s.fetch, { suggestions: 'What will the meeting focus on?|Who is Rubio?' });
    w.open();
    expect($$('.intro .chip').map((c) => c.textContent)).toEqual(['What will the meeting focus on?', 'Who is Rubio?']);
  });

  it('asks, shows the typing indicator, then the cited answer, and announces it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const s = server({ '/api/ask': [async () => (await gate, json(ANSWER))] });
    const { w, $ } = make(s.fetch);
    w.open();
    const input = $<HTMLInputElement>('input')!;
    input.value = '  What will the meeting   focus on? ';
    $('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect($('.msg.user')!.textContent).toBe('You: What will the meeting focus on?');
    expect(input.value).toBe('');
    expect($('.typing')).not.toBeNull();
    expect($('.send')!.getAttribute('aria-disabled')).toBe('true');
    release();
    await until(() => $('.msg.bot'));
    expect($('.typing')).toBeNull();
    expect($('.send')!.hasAttribute('aria-disabled')).toBe(false);
    expect($('.msg.bot .answer')!.textContent).toBe('Discussions are also expected to focus on crime. 1');
    expect($('.msg.bot blockquote.answer')).not.toBeNull();
    // The ¶ link carries the (normalised) question, so the brief page can mark its words.
    expect($('.msg.bot .pn')!.getAttribute('href')).toMatch(new RegExp(`^${API}/briefs/b1\\?q=What%20will%20the%20meeting%20focus%20on%3F(&from=[^#]+)?#p6$`));
    // The snippet is the answer word for word: not repeated.
    expect($('.msg.bot .snippet')).toBeNull();
    await until(() => $('[role=status]')!.textContent === 'Discussions are also expected to focus on crime. Sources: 1.');
    expect(s.asked).toEqual(['What will the meeting focus on?']);
  });

  it('ignores an empty question; one sent while an answer is pending is queued, said so, and asked next', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const s = server({ '/api/ask': [async () => (await gate, json(ANSWER)), json(ANSWER)] });
    const { w, $, $$ } = make(s.fetch);
    w.ask('   ');
    w.ask('first');
    w.ask('second');
    await settle();
    expect(s.asked).toEqual(['first']);
    expect($$('.msg.user').map((m) => m.textContent)).toEqual(['You: first', 'You: second']);
    expect($<HTMLElement>('.hint')!.hidden).toBe(false);
    expect($('.hint')!.textContent).toBe("Still answering: I'll ask this next.");
    await until(() => $('[role=status]')!.textContent === "Still answering: I'll ask this next.");
    release();
    await until(() => $$('.msg.bot').length === 2);
    expect(s.asked).toEqual(['first', 'second']);
    expect($$('.msg').map((m) => m.className)).toEqual(['msg user', 'msg user', 'msg bot', 'msg bot']);
    expect(w.conversation.pending).toEqual([]);
  });

  it('a question whose answer never came is asked again after a reload', async () => {
    const storage = memory();
    const never = server({ '/api/ask': [() => new Promise<Response>(() => {})] });
    const first = make(never.fetch, {}, storage);
    first.w.ask('What will the meeting focus on?');
    await settle();
    expect(first.$('.typing')).not.toBeNull();
    first.w.destroy();

    const s = server({ '/api/ask': [json(ANSWER)] });
    const again = make(s.fetch, {}, storage);
    await until(() => again.$('.msg.bot'));
    expect(s.asked).toEqual(['What will the meeting focus on?']);
    expect(again.$$('.msg').map((m) => m.className)).toEqual(['msg user', 'msg bot']);
    expect(again.w.conversation.pending).toEqual([]);
  });

  it('says so when older messages were dropped, now and after a reload', async () => {
    const storage = memory();
    const s = server({ '/api/ask': [json(ANSWER)] });
    const { w, $, $$ } = make(s.fetch, {}, storage);
    expect($('.trimmed')).toBeNull();
    for (let i = 0; i < 31; i++) {
      w.ask(`q${i}`);
      await until(() => $$('.msg.bot').length === Math.min(i + 1, 30));
    }
    expect($('.trimmed')!.textContent).toBe('Earlier messages were removed.');
    expect($$('[data-msg]')).toHaveLength(60);
    w.destroy();
    const again = make(s.fetch, {}, storage);
    expect(again.$('.log > .trimmed')).not.toBeNull();
    again.w.clear();
    expect(again.$('.trimmed')).toBeNull();
  });

  it('on failure shows a friendly error, keeps the text in the input, and "Try again" recovers', async () => {
    const s = server({ '/api/ask': [json({ error: { code: 'internal_error', message: 'boom' } }, 500), json(ANSWER)] });
    const { w, $, $$ } = make(s.fetch);
    w.ask('What will the meeting focus on?');
    await until(() => $('.msg.error'));
    expect($('.msg.error p')!.textContent).toMatch(/went wrong on our side/);
    expect($<HTMLInputElement>('input')!.value).toBe('What will the meeting focus on?');
    $<HTMLButtonElement>('.msg.error .retry')!.click();
    await until(() => $('.msg.bot'));
    expect($('.msg.error')).toBeNull();
    expect($$('.msg.user')).toHaveLength(1);
    expect($<HTMLInputElement>('input')!.value).toBe('');
    expect(s.asked).toEqual(['What will the meeting focus on?', 'What will the meeting focus on?']);
  });

  it('429: says how long to wait and keeps "Try again" (and new questions) waiting until the time is up', async () => {
    const s = server({ '/api/ask': [json({ error: { code: 'rate_limited', message: 'x' } }, 429, { 'Retry-After': '2' }), json(ANSWER)] });
    const { w, $, $$ } = make(s.fetch);
    w.ask('q1');
    await until(() => $('.msg.error'));
    expect($('.msg.error p')!.textContent).toBe('Too many questions. Please wait 2 seconds and try again.');
    const retry = $<HTMLButtonElement>('.msg.error .retry')!;
    expect(retry.disabled).toBe(true);
    expect(retry.textContent).toBe('Try again in 2 s');
    w.ask('q2');
    expect($('.hint')!.textContent).toMatch(/^Please wait [12] seconds\.$/);
    expect(s.asked).toEqual(['q1']);
    await until(() => !retry.disabled, 3000);
    expect(retry.textContent).toBe('Try again');
    retry.click();
    await until(() => $('.msg.bot'));
    expect(s.asked).toEqual(['q1', 'q1']);
    expect($$('.msg').map((m) => m.className)).toEqual(['msg user', 'msg bot']);
  });

  it('explains network failures, and resending replaces the failed exchange', async () => {
    const s = server({ '/api/ask': [new TypeError('Failed to fetch'), json(ANSWER)] });
    const { w, $, $$ } = make(s.fetch);
    w.ask('q1');
    await until(() => $('.msg.error p')?.textContent?.match(/Can't reach/));
    w.ask('q1');
    await until(() => $('.msg.bot'));
    expect($$('.msg').map((m) => m.className)).toEqual(['msg user', 'msg bot']);
  });

  it('a rejected question gets the server message and no retry button', async () => {
    const s = server({ '/api/ask': [json({ error: { code: 'invalid_request', message: 'question must be at most 500 characters' } }, 400)] });
    const { w, $ } = make(s.fetch);
    w.ask('too long');
    await until(() => $('.msg.error'));
    expect($('.msg.error p')!.textContent).toBe('question must be at most 500 characters');
    expect($('.msg.error .retry')).toBeNull();
  });

  it('restores the conversation (and open state) after a reload, and clear forgets it', async () => {
    const storage = memory();
    const s = server({ '/api/ask': [json(ANSWER)], '/api/briefs': [json(LATEST)] });
    const first = make(s.fetch, {}, storage);
    first.w.ask('What will the meeting focus on?');
    await until(() => first.$('.msg.bot'));
    first.w.destroy();

    const again = make(s.fetch, {}, storage);
    expect(again.w.isOpen).toBe(true);
    expect(again.$$('.msg').map((m) => m.className)).toEqual(['msg user', 'msg bot']);
    expect(again.$('.msg.bot .source-title')!.textContent).toContain('Petro meeting');
    // A restored answer still links with its question.
    expect(again.$('.msg.bot .pn')!.getAttribute('href')).toMatch(/\?q=What%20will%20the%20meeting%20focus%20on%3F(&from=[^#]+)?#p6$/);
    again.$<HTMLButtonElement>('.clear')!.click();
    expect(again.$$('.msg.user, .msg.bot')).toHaveLength(0);
    expect(again.$('.msg.greeting')).not.toBeNull();
    again.w.destroy();

    expect(make(s.fetch, {}, storage).$$('.msg.user')).toHaveLength(0);
  });

  it('applies accent (with its accessible derived colours), position, offset and theme options', () => {
    const { $ } = make(server({}).fetch, { accent: '#ffeb3b', position: 'left', theme: 'dark', offset: '24 96' });
    const root = $('.root')!;
    expect(root.style.getPropertyValue('--accent')).toBe('#ffeb3b');
    expect(root.style.getPropertyValue('--accent-fg')).toBe('#000000');
    expect(root.style.getPropertyValue('--link-l')).not.toBe('#ffeb3b');
    expect(root.style.getPropertyValue('--link-d')).toBe('#ffeb3b');
    expect(root.style.getPropertyValue('--ox')).toBe('24px');
    expect(root.style.getPropertyValue('--oy')).toBe('96px');
    expect(root.getAttribute('data-position')).toBe('left');
    expect(root.getAttribute('data-theme')).toBe('dark');
  });

  it('speaks the language of data-lang, right to left for Arabic, and names the close button by its visible text', () => {
    const { $ } = make(server({}).fetch, { lang: 'ar' });
    const root = $('.root')!;
    expect(root.getAttribute('lang')).toBe('ar');
    expect(root.getAttribute('dir')).toBe('rtl');
    expect(root.getAttribute('data-position')).toBe('left');
    expect($('#bb-title')!.textContent).toBe('اسأل الموجزات');
    expect($('.close')!.textContent).toBe('إغلاق');
    expect($('.close')!.hasAttribute('aria-label')).toBe(false);
    const en = make(server({}).fetch);
    expect(en.$('.root')!.getAttribute('dir')).toBe('ltr');
    expect(en.$('.close')!.textContent).toBe('Close');
    // No second banner landmark: the heading sits in a plain div.
    expect(en.$('header')).toBeNull();
  });

  it('opens on load without stealing focus when data-open is set', () => {
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    const { w } = make(server({}).fetch, { open: 'true' });
    expect(w.isOpen).toBe(true);
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it('exposes the JS API', async () => {
    const s = server({ '/api/ask': [json(ANSWER)] });
    const { w, $ } = make(s.fetch);
    const api = w.api('1.2.3');
    expect(api.version).toBe('1.2.3');
    api.open();
    expect(w.isOpen).toBe(true);
    api.close();
    expect(w.isOpen).toBe(false);
    api.ask('From the page');
    expect(w.isOpen).toBe(true);
    await until(() => $('.msg.bot'));
    expect(s.asked).toEqual(['From the page']);
    api.clear();
    expect($('.msg.bot')).toBeNull();
  });
});

// @vitest-environment happy-dom
import { TABLE } from './i18n-table.js';
import { describe, expect, it } from 'vitest';
import type { AskResult } from './api.js';
import { strings } from './i18n.js';
import { briefHref, formatDate, highlighted, plainAnswer, publisherHref, relativeDate, renderAnswer, renderError, renderUser, type Ctx } from './render.js';

const API = 'https://bot.example';
const HOSTILE = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
const ctx = (over: Partial<Ctx> = {}): Ctx => ({ doc: document, api: API, t: strings(), lang: 'en', ...over });

function citation(over: Partial<AskResult['citations'][number]> = {}): AskResult['citations'][number] {
  return {
    briefId: 'petro-trump',
    title: 'Petro optimistic about meeting',
    byline: 'TA | AP Brief',
    date: '2026-02-01',
    url: null,
    passageId: 'petro-trump#p6',
    snippet: 'Discussions are also expected to focus on crime.',
    highlights: [[33, 38]],
    score: 3.2,
    ...over,
  };
}

const noop = { onMarker: () => {} };

describe('highlighted', () => {
  it('wraps the ranges in <mark> and keeps the rest as text', () => {
    const div = document.createElement('div');
    div.append(
      highlighted(document, 'focus on crime and trade', [
        [0, 5],
        [15, 18],
      ]),
    );
    expect(div.innerHTML).toBe('<mark>focus</mark> on crime <mark>and</mark> trade');
  });

  it('tolerates overlapping, unsorted and out-of-range ranges', () => {
    const div = document.createElement('div');
    div.append(
      highlighted(document, 'abcdefgh', [
        [6, 99],
        [2, 5],
        [3, 4],
        [-4, 1],
        [5, 5],
      ]),
    );
    expect(div.innerHTML).toBe('<mark>a</mark>b<mark>cde</mark>f<mark>gh</mark>');
    expect(div.textContent).toBe('abcdefgh');
  });
});

describe('renderAnswer', () => {
  it('shows the answer as a quotation with its attribution, markers as footnote buttons', () => {
    const result: AskResult = {
      answered: true,
      answer: 'Discussions are also expected to focus on crime. [1] Trade too. [2]',
      citations: [citation(), citation({ passageId: 'petro-trump#p1', snippet: 'Trade too, and more context here.', highlights: [] })],
    };
    const node = renderAnswer(ctx(), result, 7, noop);
    expect(node.querySelector('.sr-only')!.textContent).toBe('Briefbot: ');
    const quote = node.querySelector('figure.quote blockquote.answer')!;
    expect(quote.getAttribute('dir')).toBe('auto');
    const markers = Array.from(quote.querySelectorAll('.marker'));
    expect(markers.map((m) => m.textContent)).toEqual(['1', '2']);
    expect(markers[0]!.getAttribute('aria-label')).toBe('Source 1');
    expect(node.querySelector('figcaption')!.textContent).toBe(`Petro optimistic about meeting · ${formatDate('2026-02-01', 'en')} · ¶6, ¶1`);
    expect(node.querySelector('figcaption cite')!.textContent).toBe('Petro optimistic about meeting');
  });

  it('dates the quote: earlier context labelled with its date, relative days on the calendar, expired sources noted', () => {
    const result: AskResult = {
      answered: true,
      answer: 'It will now take place on Feb. 10. [1] Petro said Friday it was set for Feb. 3. [2]',
      citations: [citation({ date: '2026-02-01' }), citation({ briefId: 'old', passageId: 'old#p1', date: '2026-01-30' })],
      earlier: [2],
      times: [{ marker: 2, phrase: 'Friday', date: '2026-01-30', label: 'Jan. 30, 2026' }],
      expired: [{ marker: 1, expires: '2026-02-20' }],
    };
    const node = renderAnswer(ctx(), result, 7, noop);
    const quote = node.querySelector('blockquote.answer')!;
    expect(quote.querySelector('.earlier')!.textContent!.trim()).toBe(`Earlier, ${formatDate('2026-01-30', 'en')}:`);
    // The label sits before the earlier sentence, which is quoted unchanged.
    expect(quote.textContent).toContain(`Earlier, ${formatDate('2026-01-30', 'en')}: Petro said Friday it was set for Feb. 3. `);
    expect(node.querySelector('.times')!.textContent).toBe(`Friday: ${formatDate('2026-01-30', 'en')}`);
    expect(node.querySelector('.note')!.textContent).toBe(`May be out of date: this brief expired ${formatDate('2026-02-20', 'en')}.`);
  });

  it('groups sources by brief (one card, a ¶ link per passage), keeps "Cited" apart from "More context" and never repeats the quoted text', () => {
    const result: AskResult = {
      answered: true,
      answer: 'Discussions are also expected to focus on crime. [1] Trade is next. [3]',
      citations: [
        citation(),
        citation({ briefId: 'other', title: 'Other brief', passageId: 'other#p2', snippet: 'Context only.', highlights: [], date: '2026-01-30', byline: null }),
        citation({ passageId: 'petro-trump#p9', snippet: 'Talks on trade follow next week.', highlights: [] }),
      ],
    };
    const node = renderAnswer(ctx(), result, 3, noop, 'focus?');
    const [cited, more] = Array.from(node.querySelectorAll('ul.sources'));
    expect(cited!.getAttribute('aria-label')).toBe('Cited');
    expect(more!.getAttribute('aria-label')).toBe('More context');
    expect(more!.classList.contains('extra')).toBe(true);
    // One card for petro-trump holding ¶6 and ¶9, in marker order.
    const cards = cited!.querySelectorAll(':scope > li.card');
    expect(cards).toHaveLength(1);
    expect(Array.from(cards[0]!.querySelectorAll('.para')).map((p) => p.id)).toEqual(['fn-3-1', 'fn-3-3']);
    expect(Array.from(cards[0]!.querySelectorAll('.pn')).map((a) => a.textContent)).toEqual(['¶6', '¶9']);
    // ¶6 is the answer word for word: no snippet. ¶9's snippet is not what the answer quotes: it stays.
    expect(Array.from(cards[0]!.querySelectorAll('.snippet')).map((s) => s.textContent)).toEqual(['Talks on trade follow next week.']);
    expect(cards[0]!.querySelector('.source-meta')!.textContent).toBe(`${formatDate('2026-02-01', 'en')} · TA | AP Brief`);
    expect(more!.querySelector('.source-meta')!.textContent).toBe(formatDate('2026-01-30', 'en'));
    expect(more!.querySelector('.snippet')!.textContent).toBe('Context only.');
    // Every link has its own accessible name, containing its visible text; a brief cited above is not linked again by title.
    expect(more!.querySelector('.source-title')!.textContent).toBe('Other brief');
    const names = Array.from(node.querySelectorAll('a')).map((a) => a.getAttribute('aria-label') ?? a.textContent);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('¶6 · Petro optimistic about meeting');
  });

  it('links a brief once by its title even when it is both cited and more context', () => {
    const result: AskResult = {
      answered: true,
      answer: 'Discussions are also expected to focus on crime. [1]',
      citations: [citation(), citation({ passageId: 'petro-trump#p2', snippet: 'Other.' })],
    };
    const node = renderAnswer(ctx(), result, 1, noop);
    expect(node.querySelectorAll('a.source-title')).toHaveLength(1);
    expect(node.querySelector('.extra .source-name')!.textContent).toBe('Petro optimistic about meeting');
    expect(Array.from(node.querySelectorAll('a.pn')).map((a) => a.getAttribute('aria-label'))).toEqual([
      '¶6 · Petro optimistic about meeting',
      '¶2 · Petro optimistic about meeting',
    ]);
  });

  it('links to the brief page with the question and the host page, the ¶ link at its passage', () => {
    const q = 'When is Petro meeting <b>Trump</b>?';
    const node = renderAnswer(ctx({ from: 'https://news.example/story?id=1' }), { answered: true, answer: 'A. [1]', citations: [citation()] }, 1, noop, q);
    const title = node.querySelector<HTMLAnchorElement>('.source-title')!;
    const pn = node.querySelector<HTMLAnchorElement>('.pn')!;
    const enc = 'When%20is%20Petro%20meeting%20%3Cb%3ETrump%3C%2Fb%3E%3F';
    expect(title.getAttribute('href')).toBe(`${API}/briefs/petro-trump?q=${enc}&from=https%3A%2F%2Fnews.example%2Fstory%3Fid%3D1`);
    expect(pn.getAttribute('href')).toBe(`${API}/briefs/petro-trump?q=${enc}&from=https%3A%2F%2Fnews.example%2Fstory%3Fid%3D1#p6`);
    expect(new URL(pn.href).searchParams.get('q')).toBe(q);
    // Same tab: the brief page links back to the conversation.
    expect(title.hasAttribute('target')).toBe(false);
    expect(title.textContent).toBe('Petro optimistic about meeting');
  });

  it("links to the publisher's article with a text fragment for the quoted sentence when the brief has a URL", () => {
    const c = citation({ url: 'https://news.example/a-b?x=1#top', snippet: 'Talks on crime, drugs & trade - mostly.' });
    const node = renderAnswer(ctx(), { answered: true, answer: 'Talks on crime, drugs & trade - mostly. [1]', citations: [c] }, 1, noop, 'q');
    const pn = node.querySelector<HTMLAnchorElement>('.pn')!;
    expect(pn.getAttribute('href')).toBe('https://news.example/a-b?x=1#:~:text=Talks%20on%20crime%2C%20drugs%20%26%20trade%20%2D%20mostly.');
    expect(pn.getAttribute('target')).toBe('_blank');
    expect(pn.getAttribute('rel')).toBe('noopener');
    expect(pn.getAttribute('aria-label')).toBe('¶6 · Petro optimistic about meeting (opens in a new tab)');
    expect(node.querySelector('.source-title')!.getAttribute('href')).toBe('https://news.example/a-b?x=1#top');
  });

  it('shows "latest news" as headline cards with relative dates in the UI language', () => {
    const now = Date.parse('2026-02-04T12:00:00Z');
    const result: AskResult = {
      kind: 'latest',
      answered: true,
      answer: 'The latest briefs:\nFirst. [1]\nSecond. [2]',
      citations: [citation({ snippet: 'First.', date: '2026-02-03' }), citation({ briefId: 'b2', title: 'Older', snippet: 'Second.', date: '2026-01-20' })],
    };
    const node = renderAnswer(ctx({ lang: 'es', t: strings(TABLE.es), now }), result, 1, noop);
    expect(node.querySelector('blockquote')).toBeNull();
    const cards = Array.from(node.querySelectorAll('ul.news > li.card'));
    expect(cards.map((c) => c.querySelector('.source-title')!.textContent)).toEqual(['Petro optimistic about meeting', 'Older']);
    expect(cards.map((c) => c.querySelector('time')!.textContent)).toEqual(['ayer', 'hace 2 semanas']);
    expect(cards[0]!.querySelector('time')!.getAttribute('datetime')).toBe('2026-02-03');
    expect(node.querySelector('.lead')!.textContent).toBe('Últimos resúmenes');
  });

  it('shows when a brief was revised: the attribution dates the quote by its revision, the card gives both dates', () => {
    const c = { ...citation(), updated: '2026-02-03' };
    const node = renderAnswer(ctx(), { answered: true, answer: 'Discussions are also expected to focus on crime. [1]', citations: [c] }, 1, noop);
    expect(node.querySelector('figcaption')!.textContent).toBe(`Petro optimistic about meeting · ${formatDate('2026-02-03', 'en')} · ¶6`);
    expect(node.querySelector('.source-meta')!.textContent).toBe(
      `${formatDate('2026-02-01', 'en')} · updated ${formatDate('2026-02-03', 'en')} · TA | AP Brief`,
    );
  });

  it('calls back with the marker number', () => {
    const seen: number[] = [];
    const node = renderAnswer(ctx(), { answered: true, answer: 'A. [1]', citations: [citation()] }, 1, { onMarker: (n) => seen.push(n) });
    node.querySelector<HTMLButtonElement>('.marker')!.click();
    expect(seen).toEqual([1]);
  });

  it('leaves a marker with no citation as plain text', () => {
    const node = renderAnswer(ctx(), { answered: true, answer: 'A. [3]', citations: [citation()] }, 1, noop);
    expect(node.querySelectorAll('.marker')).toHaveLength(0);
    expect(node.querySelector('.answer')!.textContent).toBe('A. [3]');
  });

  it('shows related briefs as chips when not answered', () => {
    const node = renderAnswer(
      ctx(),
      {
        answered: false,
        answer: "I couldn't find that in the briefs.",
        citations: [],
        related: [{ briefId: 'a b', title: 'Brief A', date: '2026-01-31', url: null }],
      },
      1,
      noop,
    );
    expect(node.classList.contains('not-found')).toBe(true);
    expect(node.querySelector('p.answer')).not.toBeNull();
    const chip = node.querySelector<HTMLAnchorElement>('.chips a.chip')!;
    expect(chip.textContent).toBe(`Brief A · ${formatDate('2026-01-31', 'en')}`);
    expect(chip.getAttribute('href')).toBe('https://bot.example/briefs/a%20b');
    expect(node.querySelector('.chips')!.getAttribute('aria-label')).toBe('Related briefs');
  });

  it('renders hostile data as text, never as markup, and ignores a non-http URL', () => {
    const result: AskResult = {
      answered: false,
      answer: `Said: ${HOSTILE} [1]`,
      citations: [
        citation({
          title: HOSTILE,
          byline: HOSTILE,
          snippet: `${HOSTILE} later`,
          highlights: [[0, 10]],
          briefId: '"><script>x</script>',
          url: 'javascript:window.__xss=3',
        }),
      ],
      related: [{ briefId: HOSTILE, title: HOSTILE, date: null, url: null }],
    };
    const node = renderAnswer(ctx(), result, 1, noop);
    node.append(renderUser(document, strings(), HOSTILE, 2));
    expect(node.querySelectorAll('img, script')).toHaveLength(0);
    expect(node.querySelector('.answer')!.textContent).toBe(`Said: ${HOSTILE} 1`);
    expect(node.querySelector('.source-title')!.textContent).toBe(HOSTILE);
    expect(node.querySelector('.snippet')!.textContent).toBe(`${HOSTILE} later`);
    expect(node.querySelector('.msg.user')!.textContent).toBe(`You: ${HOSTILE}`);
    expect(node.querySelector('.source-title')!.getAttribute('href')).toBe(`${API}/briefs/%22%3E%3Cscript%3Ex%3C%2Fscript%3E`);
  });

  it('gives every text of the briefs and the user dir="auto"', () => {
    const node = renderAnswer(ctx(), { answered: true, answer: 'نص [1]', citations: [citation({ snippet: 'مقتطف آخر' })] }, 1, noop);
    for (const sel of ['.answer', '.source-title', '.snippet', 'cite']) expect(node.querySelector(sel)!.getAttribute('dir'), sel).toBe('auto');
    // The user's text decides its own direction, not the hidden speaker label before it.
    const user = renderUser(document, strings(TABLE.ar), 'What is new?', 1);
    expect(user.hasAttribute('dir')).toBe(false);
    expect(user.querySelector('span:not(.sr-only)')!.getAttribute('dir')).toBe('auto');
    expect(user.querySelector('span:not(.sr-only)')!.textContent).toBe('What is new?');
    // The ¶ number is kept left to right, so "¶6" never turns into "6¶" in a right-to-left widget.
    expect(node.querySelector('.pn bdi')!.getAttribute('dir')).toBe('ltr');
  });
});

describe('renderError', () => {
  it('keeps "Try again" disabled with a countdown until the wait is over', async () => {
    let retried = 0;
    const node = renderError(document, strings(), 'Too many questions.', 1, () => retried++, Date.now() + 1500);
    const btn = node.querySelector<HTMLButtonElement>('.retry')!;
    expect(btn.disabled).toBe(true);
    expect(btn.textContent).toBe('Try again in 2 s');
    btn.click();
    expect(retried).toBe(0);
    await new Promise((r) => setTimeout(r, 1700));
    expect(btn.disabled).toBe(false);
    expect(btn.textContent).toBe('Try again');
    btn.click();
    expect(retried).toBe(1);
  });
});

describe('helpers', () => {
  it('briefHref anchors the cited passage', () => {
    expect(briefHref(API, 'x', 'x#p12')).toBe(`${API}/briefs/x#p12`);
    expect(briefHref(API, 'x')).toBe(`${API}/briefs/x`);
  });

  it('briefHref carries the question in q, encoded, before the fragment; drops a blank or over-long one, and a non-http from', () => {
    expect(briefHref(API, 'x', 'x#p3', 'When is Petro meeting Trump?')).toBe(`${API}/briefs/x?q=When%20is%20Petro%20meeting%20Trump%3F#p3`);
    expect(briefHref(API, 'x', undefined, 'a&b=c #d')).toBe(`${API}/briefs/x?q=a%26b%3Dc%20%23d`);
    expect(new URL(briefHref(API, 'x', 'x#p3', 'a&b=c #d')).searchParams.get('q')).toBe('a&b=c #d');
    expect(briefHref(API, 'x', 'x#p3', '   ')).toBe(`${API}/briefs/x#p3`);
    expect(briefHref(API, 'x', 'x#p3', 'q'.repeat(500))).toBe(`${API}/briefs/x?q=${'q'.repeat(500)}#p3`);
    expect(briefHref(API, 'x', 'x#p3', 'q'.repeat(501))).toBe(`${API}/briefs/x#p3`);
    expect(briefHref(API, 'x', undefined, undefined, 'javascript:alert(1)')).toBe(`${API}/briefs/x`);
  });

  it('publisherHref builds a text fragment, percent-encoding what the syntax reserves; start,end for a long quote', () => {
    expect(publisherHref('https://a.example/x', 'one-two & three, four')).toBe('https://a.example/x#:~:text=one%2Dtwo%20%26%20three%2C%20four');
    expect(publisherHref('https://a.example/x', '…the talks will focus on crime, drugs and trade between both countries [1]')).toBe(
      'https://a.example/x#:~:text=the%20talks%20will%20focus,trade%20between%20both%20countries',
    );
    expect(publisherHref('https://a.example/x')).toBe('https://a.example/x');
    expect(publisherHref('javascript:alert(1)', 'x')).toBeNull();
    expect(publisherHref(null, 'x')).toBeNull();
  });

  it('formatDate reads date-only values as UTC and ignores junk', () => {
    expect(formatDate('2026-02-03', 'en-GB')).toBe('3 Feb 2026');
    expect(formatDate('nonsense')).toBe('');
    expect(formatDate(null)).toBe('');
  });

  it('relativeDate speaks the UI language', () => {
    const now = Date.parse('2026-02-04T00:00:00Z');
    expect(relativeDate('2026-02-04', 'en', now)).toBe('today');
    expect(relativeDate('2026-02-01', 'en', now)).toBe('3 days ago');
    expect(relativeDate('2025-12-01', 'fr', now)).toBe('il y a 2 mois');
    expect(relativeDate('2024-02-01', 'de', now)).toBe('vor 2 Jahren');
    expect(relativeDate('junk', 'en', now)).toBe('');
  });

  it('plainAnswer drops markers', () => {
    expect(plainAnswer('One. [1] Two. [2]')).toBe('One. Two.');
  });
});

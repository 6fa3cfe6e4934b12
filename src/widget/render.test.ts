// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { AskResult } from './api.js';
import { briefHref, formatDate, highlighted, plainAnswer, renderAnswer, renderUser } from './render.js';

const API = 'https://bot.example';
const HOSTILE = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

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
  it('turns [n] markers into footnote buttons and lists numbered sources linking to the brief page', () => {
    const result: AskResult = {
      answered: true,
      answer: 'They will focus on crime. [1] Trade too. [2]',
      citations: [citation(), citation({ passageId: 'petro-trump#p1', snippet: 'Second.', highlights: [] })],
    };
    const node = renderAnswer(document, API, result, 7, noop);
    const markers = Array.from(node.querySelectorAll('.answer .marker'));
    expect(markers.map((m) => m.textContent)).toEqual(['1', '2']);
    expect(markers[0]!.getAttribute('aria-label')).toBe('Source 1');
    const sources = Array.from(node.querySelectorAll('ol.sources > li'));
    expect(sources).toHaveLength(2);
    expect(sources[0]!.id).toBe('fn-7-1');
    const link = sources[0]!.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://bot.example/briefs/petro-trump#p6');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener');
    expect(sources[0]!.querySelector('.source-meta')!.textContent).toBe(`${formatDate('2026-02-01')} · TA | AP Brief · ¶6`);
    expect(sources[0]!.querySelector('mark')!.textContent).toBe('focus');
  });

  it('links every source and related brief with the question in q, as plain links with text content only', () => {
    const q = 'When is Petro meeting <b>Trump</b>?';
    const node = renderAnswer(
      document,
      API,
      { answered: true, answer: 'A. [1]', citations: [citation(), citation({ passageId: 'petro-trump#p2' })] },
      1,
      noop,
      q,
    );
    const links = Array.from(node.querySelectorAll<HTMLAnchorElement>('ol.sources a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      `${API}/briefs/petro-trump?q=When%20is%20Petro%20meeting%20%3Cb%3ETrump%3C%2Fb%3E%3F#p6`,
      `${API}/briefs/petro-trump?q=When%20is%20Petro%20meeting%20%3Cb%3ETrump%3C%2Fb%3E%3F#p2`,
    ]);
    for (const a of links) {
      expect(a.tagName).toBe('A');
      expect(new URL(a.href).searchParams.get('q')).toBe(q);
      // Title text and the screen-reader hint; nothing from the question becomes markup.
      expect(a.textContent).toBe('Petro optimistic about meeting (opens in a new tab)');
      expect(Array.from(a.querySelectorAll('*')).map((e) => e.outerHTML)).toEqual(['<span class="sr-only"> (opens in a new tab)</span>']);
      expect(a.getAttributeNames().sort()).toEqual(['class', 'href', 'rel', 'target']);
    }
    const related = renderAnswer(
      document,
      API,
      { answered: false, answer: 'No.', citations: [], related: [{ briefId: 'petro-trump', title: 'T', date: null, url: null }] } as AskResult,
      2,
      noop,
      q,
    );
    expect(related.querySelector('a.chip')!.getAttribute('href')).toBe(`${API}/briefs/petro-trump?q=When%20is%20Petro%20meeting%20%3Cb%3ETrump%3C%2Fb%3E%3F`);
    // Without a question, links stay as they were.
    expect(
      renderAnswer(document, API, { answered: true, answer: 'A. [1]', citations: [citation()] }, 3, noop)
        .querySelector('a')!
        .getAttribute('href'),
    ).toBe(`${API}/briefs/petro-trump#p6`);
  });

  it('calls back with the marker number', () => {
    const seen: number[] = [];
    const node = renderAnswer(document, API, { answered: true, answer: 'A. [1]', citations: [citation()] }, 1, { onMarker: (n) => seen.push(n) });
    node.querySelector<HTMLButtonElement>('.marker')!.click();
    expect(seen).toEqual([1]);
  });

  it('leaves a marker with no citation as plain text', () => {
    const node = renderAnswer(document, API, { answered: true, answer: 'A. [3]', citations: [citation()] }, 1, noop);
    expect(node.querySelectorAll('.marker')).toHaveLength(0);
    expect(node.querySelector('.answer')!.textContent).toBe('A. [3]');
  });

  it('shows related briefs as chips when not answered', () => {
    const node = renderAnswer(
      document,
      API,
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
    const chip = node.querySelector<HTMLAnchorElement>('.chips a.chip')!;
    expect(chip.textContent).toBe(`Brief A · ${formatDate('2026-01-31')}`);
    expect(chip.getAttribute('href')).toBe('https://bot.example/briefs/a%20b');
    expect(node.querySelector('.chips')!.getAttribute('aria-label')).toBe('Related briefs');
  });

  it('renders hostile data as text, never as markup', () => {
    const result: AskResult = {
      answered: false,
      answer: `${HOSTILE} [1]`,
      citations: [citation({ title: HOSTILE, byline: HOSTILE, snippet: HOSTILE, highlights: [[0, 10]], briefId: '"><script>x</script>' })],
      related: [{ briefId: HOSTILE, title: HOSTILE, date: null, url: null }],
    };
    const node = renderAnswer(document, API, result, 1, noop);
    node.append(renderUser(document, HOSTILE, 2));
    expect(node.querySelectorAll('img, script')).toHaveLength(0);
    expect(node.querySelector('.answer')!.textContent).toBe(`${HOSTILE} 1`);
    expect(node.querySelector('.source-title')!.firstChild!.textContent).toBe(HOSTILE);
    expect(node.querySelector('.snippet')!.textContent).toBe(HOSTILE);
    expect(node.querySelector('.msg.user')!.textContent).toBe(`You: ${HOSTILE}`);
    expect(node.querySelector('.source-title')!.getAttribute('href')).toBe(`${API}/briefs/%22%3E%3Cscript%3Ex%3C%2Fscript%3E#p6`);
  });
});

describe('helpers', () => {
  it('briefHref anchors the cited passage', () => {
    expect(briefHref(API, 'x', 'x#p12')).toBe(`${API}/briefs/x#p12`);
    expect(briefHref(API, 'x')).toBe(`${API}/briefs/x`);
  });

  it('briefHref carries the question in q, encoded, before the fragment; drops a blank or over-long one', () => {
    expect(briefHref(API, 'x', 'x#p3', 'When is Petro meeting Trump?')).toBe(`${API}/briefs/x?q=When%20is%20Petro%20meeting%20Trump%3F#p3`);
    expect(briefHref(API, 'x', undefined, 'a&b=c #d')).toBe(`${API}/briefs/x?q=a%26b%3Dc%20%23d`);
    expect(new URL(briefHref(API, 'x', 'x#p3', 'a&b=c #d')).searchParams.get('q')).toBe('a&b=c #d');
    expect(briefHref(API, 'x', 'x#p3', '   ')).toBe(`${API}/briefs/x#p3`);
    expect(briefHref(API, 'x', 'x#p3', 'q'.repeat(500))).toBe(`${API}/briefs/x?q=${'q'.repeat(500)}#p3`);
    expect(briefHref(API, 'x', 'x#p3', 'q'.repeat(501))).toBe(`${API}/briefs/x#p3`);
  });

  it('formatDate reads date-only values as UTC and ignores junk', () => {
    expect(formatDate('2026-02-03', 'en-GB')).toBe('3 Feb 2026');
    expect(formatDate('nonsense')).toBe('');
    expect(formatDate(null)).toBe('');
  });

  it('plainAnswer drops markers', () => {
    expect(plainAnswer('One. [1] Two. [2]')).toBe('One. Two.');
  });
});

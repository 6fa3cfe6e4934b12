/**
 * DOM builders for the widget. Every piece of data (questions, answers,
 * titles, snippets) becomes a text node: nothing here parses HTML.
 * @module
 */
import type { Citation, Range, RelatedBrief } from '../core/types.js';
import type { AskResult } from './api.js';
import { renderFeedback, type SendFeedback } from './feedback.js';

type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined | false;

/** `el('a', { href }, 'text')`: attributes via setAttribute, strings as text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return node;
}

/** `text` with the `[start, end)` ranges wrapped in `<mark>`; overlapping or out-of-range ranges are tolerated. */
export function highlighted(doc: Document, text: string, ranges: readonly Range[] = []): DocumentFragment {
  const frag = doc.createDocumentFragment();
  const clean = ranges
    .filter((r) => Array.isArray(r) && Number.isInteger(r[0]) && Number.isInteger(r[1]))
    .map(([s, e]) => [Math.max(0, s), Math.min(text.length, e)] as Range)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [s, e] of clean) {
    if (e <= at) continue;
    const start = Math.max(s, at);
    if (start > at) frag.append(doc.createTextNode(text.slice(at, start)));
    frag.append(el(doc, 'mark', {}, text.slice(start, e)));
    at = e;
  }
  if (at < text.length) frag.append(doc.createTextNode(text.slice(at)));
  return frag;
}

/** Longest question the brief page highlights; a longer one is left out of the link. */
const MAX_LINK_QUESTION = 500;

/**
 * The brief page for a citation: `/briefs/<id>?q=<question>#p<n>` on the
 * Worker. The page marks the question's words (the fragment never reaches the
 * server, so the question travels in `q`).
 */
export function briefHref(api: string, briefId: string, passageId?: string, question?: string): string {
  const n = passageId?.match(/#p(\d+)$/)?.[1];
  const q = question?.trim();
  const query = q && q.length <= MAX_LINK_QUESTION ? `?q=${encodeURIComponent(q)}` : '';
  return `${api}/briefs/${encodeURIComponent(briefId)}${query}${n ? `#p${n}` : ''}`;
}

/** "3 Feb 2026" for an ISO date (date-only values are read as UTC so they never shift a day). */
export function formatDate(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '';
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** Answer text without its `[n]` markers (for screen-reader announcements). */
export function plainAnswer(answer: string): string {
  return answer.replace(/\s*\[\d+\]/g, '').trim();
}

export interface AnswerHandlers {
  /** A footnote marker was activated. */
  onMarker(n: number, message: HTMLElement): void;
  /** Sends a reader's vote on an answer (feedback.ts); without it, no thumbs. */
  onFeedback?: SendFeedback;
}

/**
 * A bot message: the answer with `[n]` markers as footnote buttons, then the
 * numbered sources or related briefs. Their links carry `question`, so the
 * brief page highlights its words.
 */
export function renderAnswer(doc: Document, api: string, result: AskResult, msgId: number, handlers: AnswerHandlers, question?: string): HTMLElement {
  const wrap = el(doc, 'div', { class: `msg bot${result.answered ? '' : ' not-found'}`, 'data-msg': msgId });
  const body = el(doc, 'p', { class: 'answer' });
  const cited = new Set<number>();
  const parts = result.answer.split(/(\[\d+\])/);
  for (const part of parts) {
    const m = part.match(/^\[(\d+)\]$/);
    const n = m ? Number(m[1]) : 0;
    if (m && n >= 1 && n <= result.citations.length) {
      cited.add(n);
      const btn = el(doc, 'button', { type: 'button', class: 'marker', 'aria-label': `Source ${n}`, 'data-n': n }, String(n));
      btn.addEventListener('click', () => handlers.onMarker(n, wrap));
      body.append(btn);
    } else if (part) {
      body.append(doc.createTextNode(part));
    }
  }
  wrap.append(body);
  // Right under the answer (before its sources, so the sources stay the last stop before the input).
  if (result.answered && result.answerId && handlers.onFeedback) wrap.append(renderFeedback(doc, result.answerId, handlers.onFeedback));

  if (result.citations.length > 0) {
    const list = el(doc, 'ol', { class: 'sources', 'aria-label': 'Sources' });
    result.citations.forEach((c, i) => list.append(renderCitation(doc, api, c, i + 1, msgId, cited.has(i + 1), question)));
    wrap.append(list);
  }
  if (!result.answered && result.related?.length) {
    wrap.append(
      renderChips(
        doc,
        'Related briefs',
        result.related.map((r) => relatedChip(doc, api, r, question)),
      ),
    );
  }
  return wrap;
}

function renderCitation(doc: Document, api: string, c: Citation, n: number, msgId: number, cited: boolean, question?: string): HTMLElement {
  const para = c.passageId.match(/#p(\d+)$/)?.[1];
  const meta = [formatDate(c.date), c.byline ?? '', para ? `¶${para}` : ''].filter(Boolean).join(' · ');
  return el(
    doc,
    'li',
    { class: `source${cited ? '' : ' extra'}`, id: `fn-${msgId}-${n}`, tabindex: -1, value: n },
    el(doc, 'span', { class: 'num', 'aria-hidden': 'true' }, String(n)),
    el(
      doc,
      'div',
      { class: 'source-body' },
      el(
        doc,
        'a',
        { class: 'source-title', href: briefHref(api, c.briefId, c.passageId, question), target: '_blank', rel: 'noopener' },
        String(c.title ?? c.briefId),
        el(doc, 'span', { class: 'sr-only' }, ' (opens in a new tab)'),
      ),
      meta && el(doc, 'span', { class: 'source-meta' }, meta),
      el(doc, 'span', { class: 'snippet' }, highlighted(doc, c.snippet, c.highlights)),
    ),
  );
}

function relatedChip(doc: Document, api: string, r: RelatedBrief, question?: string): HTMLElement {
  const date = formatDate(r.date);
  return el(
    doc,
    'a',
    { class: 'chip', href: briefHref(api, r.briefId, undefined, question), target: '_blank', rel: 'noopener' },
    String(r.title ?? r.briefId),
    date && el(doc, 'span', { class: 'chip-date' }, ` · ${date}`),
  );
}

/** A labelled group of chips. */
export function renderChips(doc: Document, label: string, chips: HTMLElement[]): HTMLElement {
  return el(
    doc,
    'div',
    { class: 'chips', role: 'group', 'aria-label': label },
    el(doc, 'span', { class: 'chips-label', 'aria-hidden': 'true' }, label),
    ...chips,
  );
}

/** A chip that asks `question` when pressed. */
export function questionChip(doc: Document, label: string, question: string, ask: (q: string) => void): HTMLElement {
  const chip = el(doc, 'button', { type: 'button', class: 'chip' }, label);
  chip.addEventListener('click', () => ask(question));
  return chip;
}

export function renderUser(doc: Document, text: string, msgId: number): HTMLElement {
  return el(doc, 'div', { class: 'msg user', 'data-msg': msgId }, el(doc, 'span', { class: 'sr-only' }, 'You: '), text);
}

export function renderError(doc: Document, text: string, msgId: number, retry: (() => void) | null): HTMLElement {
  const wrap = el(doc, 'div', { class: 'msg error', 'data-msg': msgId }, el(doc, 'p', {}, text));
  if (retry) {
    const btn = el(doc, 'button', { type: 'button', class: 'retry' }, 'Try again');
    btn.addEventListener('click', retry);
    wrap.append(btn);
  }
  return wrap;
}

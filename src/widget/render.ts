/**
 * DOM builders for the widget. Every piece of data (questions, answers,
 * titles, snippets) becomes a text node: nothing here parses HTML.
 * @module
 */
import type { Citation, Range, RelatedBrief } from '../core/types.js';
import type { AskResult } from './api.js';
import { fill, type Strings } from './i18n.js';
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

/** The visually hidden speaker label of the bot's messages (a name: the same in every language). */
export const speaker = (doc: Document) => el(doc, 'span', { class: 'sr-only' }, 'Briefbot: ');

/** What every renderer needs: the document, the Worker's origin, the UI strings and language. */
export interface Ctx {
  doc: Document;
  api: string;
  t: Strings;
  lang: string;
  /** The host page's URL, for the brief page's "Back to the conversation" link. */
  from?: string;
  /** "Now" for relative dates (ms since the epoch). */
  now?: number;
}

/** Longest question (in characters) the brief page highlights; a longer one is left out of the link. */
const MAX_LINK_QUESTION = 500;

/**
 * The brief page for a citation: `/briefs/<id>?q=<question>&from=<page>#p<n>` on the
 * Worker. The page marks the question's words (the fragment never reaches the
 * server, so the question travels in `q`) and links back to `from`.
 */
export function briefHref(api: string, briefId: string, passageId?: string, question?: string, from?: string): string {
  const n = passageId?.match(/#p(\d+)$/)?.[1];
  const q = question?.trim();
  const params = [
    q && q.length <= MAX_LINK_QUESTION ? `q=${encodeURIComponent(q)}` : '',
    from && from.length <= 1000 && /^https?:\/\//.test(from) ? `from=${encodeURIComponent(from)}` : '',
  ].filter(Boolean);
  return `${api}/briefs/${encodeURIComponent(briefId)}${params.length ? `?${params.join('&')}` : ''}${n ? `#p${n}` : ''}`;
}

/** A text-fragment directive part: percent-encoded, including the `-`, `&` and `,` the syntax reserves. */
const fragmentPart = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D');

/**
 * The publisher's article with a text fragment (`#:~:text=`) that scrolls to and
 * highlights `quote` (a long quote as `start,end`: its first and last four words);
 * null unless `url` is http(s).
 */
export function publisherHref(url: string | null | undefined, quote?: string): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  let href: URL;
  try {
    href = new URL(url);
  } catch {
    return null;
  }
  const words = (quote ?? '')
    .replace(/\[\d+\]|…|\.\.\./g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (!words.length) return href.href;
  href.hash = '';
  const text = words.length <= 8 ? fragmentPart(words.join(' ')) : `${fragmentPart(words.slice(0, 4).join(' '))},${fragmentPart(words.slice(-4).join(' '))}`;
  return `${href.href}#:~:text=${text}`;
}

function parseDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "3 Feb 2026" in `locale` for an ISO date (date-only values are read as UTC so they never shift a day). */
export function formatDate(iso: string | null | undefined, locale?: string): string {
  const d = parseDate(iso);
  return d ? d.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }) : '';
}

/** "yesterday", "3 days ago", "2 months ago"… in `lang` (`Intl.RelativeTimeFormat`); '' without a valid date. */
export function relativeDate(iso: string | null | undefined, lang: string, now = Date.now()): string {
  const d = parseDate(iso);
  if (!d) return '';
  const days = Math.round((d.getTime() - now) / 86_400_000);
  const abs = Math.abs(days);
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    abs < 7 ? [days, 'day'] : abs < 35 ? [Math.round(days / 7), 'week'] : abs < 365 ? [Math.round(days / 30.4), 'month'] : [Math.round(days / 365), 'year'];
  return new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(value, unit);
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

const norm = (s: string) =>
  s
    .replace(/…|\[\d+\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** The answer's text before each marker `[n]`: what it quotes from citation n. */
function quotedBy(answer: string): Map<number, string> {
  const out = new Map<number, string>();
  const re = /\[(\d+)\]/g;
  let at = 0;
  for (let m = re.exec(answer); m; m = re.exec(answer)) {
    const n = Number(m[1]);
    out.set(n, `${out.get(n) ?? ''} ${answer.slice(at, m.index)}`.trim());
    at = m.index + m[0].length;
  }
  return out;
}

/** The date a cited brief was last revised, when the reply carries one. */
const revised = (c: Citation): string | undefined => {
  const u = (c as Citation & { updated?: unknown }).updated;
  return typeof u === 'string' ? u : undefined;
};

/** ¶ number of a passage id (`brief#p6` → "6"). */
const paraOf = (passageId: string) => passageId.match(/#p(\d+)$/)?.[1];

type Item = readonly [Citation, number];

/**
 * A bot message. An answer is shown as a quotation (blockquote) with its
 * attribution (title · date · ¶n), `[n]` markers as footnote buttons; its
 * sources follow grouped by brief, one card per brief with a ¶ link per
 * passage, "Cited" apart from "More context", without repeating the quoted
 * text. "Latest news" replies are headline cards with relative dates. Links
 * carry the question, so the brief page highlights its words.
 */
export function renderAnswer(ctx: Ctx, result: AskResult, msgId: number, handlers: AnswerHandlers, question?: string): HTMLElement {
  const { doc, t } = ctx;
  const wrap = el(doc, 'div', { class: `msg bot${result.answered ? '' : ' not-found'}`, 'data-msg': msgId }, speaker(doc));
  const cs = result.citations;
  if (result.kind === 'latest' && cs.length) {
    wrap.append(
      el(doc, 'p', { class: 'lead' }, t.latestBriefs),
      el(doc, 'ul', { class: 'sources news', 'aria-label': t.latestBriefs }, ...cs.map((c) => newsCard(ctx, c, question))),
    );
    return wrap;
  }

  const cited = new Set<number>();
  const quote = result.answered && cs.length > 0 && result.kind !== 'source';
  const text = el(doc, quote ? 'blockquote' : 'p', { class: 'answer', dir: 'auto' });
  const parts = result.answer.split(/(\[\d+\])/);
  parts.forEach((part, i) => {
    const m = part.match(/^\[(\d+)\]$/);
    const n = m ? Number(m[1]) : 0;
    // A sentence quoted as earlier context (an older brief of the story) says so, with its date.
    const next = Number(parts[i + 1]?.match(/^\[(\d+)\]$/)?.[1]);
    if (!m && result.earlier?.includes(next))
      text.append(el(doc, 'strong', { class: 'earlier' }, ` ${fill(t.earlier, formatDate(cs[next - 1]?.date, ctx.lang))}`));
    if (m && n >= 1 && n <= cs.length) {
      cited.add(n);
      const btn = el(doc, 'button', { type: 'button', class: 'marker', 'aria-label': fill(t.marker, n), 'data-n': n }, String(n));
      btn.addEventListener('click', () => handlers.onMarker(n, wrap));
      text.append(btn);
    } else if (part) {
      text.append(doc.createTextNode(part));
    }
  });
  // A "source?" reply lists its citations as what it cites.
  if (result.kind === 'source') cs.forEach((_, i) => cited.add(i + 1));
  const all: Item[] = cs.map((c, i) => [c, i + 1] as const);
  if (quote) {
    const attribution = groups(all.filter(([, n]) => cited.has(n))).map((items, i) => {
      const c = items[0]![0];
      const paras = items.map(([x]) => paraOf(x.passageId)).filter(Boolean);
      return el(
        doc,
        'span',
        {},
        i ? '; ' : '',
        el(doc, 'cite', { dir: 'auto' }, String(c.title ?? c.briefId)),
        ...[formatDate(revised(c) ?? c.date, ctx.lang), paras.length ? `¶${paras.join(', ¶')}` : ''].filter(Boolean).map((x) => el(doc, 'bdi', {}, ` · ${x}`)),
      );
    });
    // Relative days of the quote ("Friday") on the calendar, from their brief's date; the quote is unchanged.
    const times = (result.times ?? []).map((x) => `${x.phrase}: ${formatDate(x.date, ctx.lang)}${x.end ? `–${formatDate(x.end, ctx.lang)}` : ''}`);
    const expired = result.expired?.[0];
    wrap.append(el(doc, 'figure', { class: 'quote' }, text, attribution.length ? el(doc, 'figcaption', { class: 'attrib' }, ...attribution) : null));
    if (times.length) wrap.append(el(doc, 'p', { class: 'times', dir: 'auto' }, times.join(' · ')));
    if (expired) wrap.append(el(doc, 'p', { class: 'note' }, fill(t.expired, formatDate(expired.expires, ctx.lang))));
  } else {
    wrap.append(text);
  }
  // Right under the answer (before its sources, so the sources stay the last stop before the input).
  if (result.answered && result.answerId && handlers.onFeedback) wrap.append(renderFeedback(doc, t, result.answerId, handlers.onFeedback));

  const quoted = quotedBy(result.answer);
  const sections: [string, Item[], string][] = [
    [t.cited, all.filter(([, n]) => cited.has(n)), 'sources'],
    [t.more, all.filter(([, n]) => !cited.has(n)), 'sources extra'],
  ];
  // A brief cited above is linked once: its "More context" card names it without a second, same-named link.
  const linked = new Set<string>();
  for (const [label, items, cls] of sections) {
    if (!items.length) continue;
    const cards = groups(items).map((g) => {
      const id = g[0]![0].briefId;
      const node = card(ctx, g, msgId, quoted, !linked.has(id), question);
      linked.add(id);
      return node;
    });
    wrap.append(el(doc, 'p', { class: 'group-label', 'aria-hidden': 'true' }, label), el(doc, 'ul', { class: cls, 'aria-label': label }, ...cards));
  }
  if (!result.answered && result.related?.length) {
    wrap.append(
      renderChips(
        doc,
        t.related,
        result.related.map((r) => relatedChip(ctx, r, question)),
      ),
    );
  }
  return wrap;
}

/** Citations grouped by brief, in order of each brief's first appearance. */
function groups(items: Item[]): Item[][] {
  const by = new Map<string, Item[]>();
  for (const item of items) by.set(item[0].briefId, [...(by.get(item[0].briefId) ?? []), item]);
  return [...by.values()];
}

interface Target {
  href: string;
  external: boolean;
}

/** Where a citation links: the publisher's article (new tab, text fragment) when the brief has a URL, else its page here. */
function target(ctx: Ctx, c: Pick<Citation, 'briefId' | 'url'>, passageId?: string, quote?: string, question?: string): Target {
  const out = publisherHref(c.url, quote);
  return out ? { href: out, external: true } : { href: briefHref(ctx.api, c.briefId, passageId, question, ctx.from), external: false };
}

function link(ctx: Ctx, cls: string, to: Target, label: string | undefined, ...children: (Node | string)[]): HTMLElement {
  const { doc, t } = ctx;
  const a = el(doc, 'a', { class: cls, href: to.href, 'aria-label': label && (to.external ? `${label} ${t.newTab}` : label), dir: 'auto' }, ...children);
  if (to.external) {
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener');
    if (!label) a.append(el(doc, 'span', { class: 'sr-only' }, ` ${t.newTab}`));
  }
  return a;
}

/** One brief: title (a link unless `linkTitle` is false), date and byline, then a ¶ link (and the snippet, unless the answer already quotes it) per passage. */
function card(ctx: Ctx, items: Item[], msgId: number, quoted: Map<number, string>, linkTitle: boolean, question?: string): HTMLElement {
  const { doc, t } = ctx;
  const c = items[0]![0];
  const title = String(c.title ?? c.briefId);
  // `updated` (a brief revised after its date) comes with the recency work; older replies simply lack it.
  const updated = formatDate(revised(c), ctx.lang);
  const meta = [formatDate(c.date, ctx.lang), updated && fill(t.updated, updated), c.byline ?? ''].filter(Boolean);
  return el(
    doc,
    'li',
    { class: 'card' },
    linkTitle
      ? link(ctx, 'source-title', target(ctx, c, undefined, undefined, question), undefined, title)
      : el(doc, 'span', { class: 'source-name', dir: 'auto' }, title),
    meta.length ? el(doc, 'span', { class: 'source-meta' }, ...meta.map((m, i) => el(doc, 'bdi', { dir: 'auto' }, (i ? ' · ' : '') + m))) : null,
    el(
      doc,
      'ol',
      { class: 'paras' },
      ...items.map(([x, n]) => {
        const para = paraOf(x.passageId);
        const quote = quoted.get(n);
        const dup = !!quote && (norm(x.snippet).includes(norm(quote)) || norm(quote).includes(norm(x.snippet)));
        const pn = para ? `¶${para}` : fill(t.marker, n);
        return el(
          doc,
          'li',
          { class: 'para', id: `fn-${msgId}-${n}`, tabindex: -1 },
          el(doc, 'span', { class: 'num', 'aria-hidden': 'true' }, String(n)),
          link(ctx, 'pn', target(ctx, x, x.passageId, quote || x.snippet, question), `${pn} · ${title}`, el(doc, 'bdi', { dir: 'ltr' }, pn)),
          dup ? null : el(doc, 'span', { class: 'snippet', dir: 'auto' }, highlighted(doc, x.snippet, x.highlights)),
        );
      }),
    ),
  );
}

/** A "latest news" headline card: title, relative date (the full date on hover and for machines), first sentence. */
function newsCard(ctx: Ctx, c: Citation, question?: string): HTMLElement {
  const { doc } = ctx;
  const when = relativeDate(c.date, ctx.lang, ctx.now);
  return el(
    doc,
    'li',
    { class: 'card' },
    link(ctx, 'source-title', target(ctx, c, c.passageId, c.snippet, question), undefined, String(c.title ?? c.briefId)),
    when && el(doc, 'time', { class: 'source-meta', datetime: c.date ?? undefined, title: formatDate(c.date, ctx.lang) }, when),
    el(doc, 'span', { class: 'snippet', dir: 'auto' }, c.snippet),
  );
}

function relatedChip(ctx: Ctx, r: RelatedBrief, question?: string): HTMLElement {
  const date = formatDate(r.date, ctx.lang);
  return link(
    ctx,
    'chip',
    target(ctx, r, undefined, undefined, question),
    undefined,
    String(r.title ?? r.briefId),
    ...(date ? [el(ctx.doc, 'span', { class: 'chip-date' }, ` · ${date}`)] : []),
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

/** A chip that asks `question` when pressed; `extra` (a date) is shown after the label. */
export function questionChip(doc: Document, label: string, question: string, ask: (q: string) => void, extra?: string): HTMLElement {
  const chip = el(doc, 'button', { type: 'button', class: 'chip', dir: 'auto' }, label, extra ? el(doc, 'span', { class: 'chip-date' }, ` · ${extra}`) : null);
  chip.addEventListener('click', () => ask(question));
  return chip;
}

export function renderUser(doc: Document, t: Strings, text: string, msgId: number): HTMLElement {
  // The text is its own dir=auto span: the hidden speaker label (in the UI language) must not set its direction.
  return el(doc, 'div', { class: 'msg user', 'data-msg': msgId }, el(doc, 'span', { class: 'sr-only' }, t.you + ' '), el(doc, 'span', { dir: 'auto' }, text));
}

/** An error with "Try again"; while `until` (ms since the epoch) is ahead, the button is disabled and counts down. */
export function renderError(doc: Document, t: Strings, text: string, msgId: number, retry: (() => void) | null, until = 0): HTMLElement {
  const wrap = el(doc, 'div', { class: 'msg error', 'data-msg': msgId }, speaker(doc), el(doc, 'p', {}, text));
  if (retry) {
    const btn = el(doc, 'button', { type: 'button', class: 'retry' }, t.retry);
    btn.addEventListener('click', retry);
    const tick = () => {
      const ms = until - Date.now();
      const left = Math.ceil(ms / 1000);
      btn.disabled = left > 0;
      btn.textContent = left > 0 ? fill(t.retryIn, left) : t.retry;
      if (left > 0) setTimeout(tick, ms % 1000 || 1000);
    };
    tick();
    wrap.append(btn);
  }
  return wrap;
}

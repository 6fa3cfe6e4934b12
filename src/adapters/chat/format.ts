/**
 * Render the core's {@link ChatReply} in one markup, within a length limit: the
 * reply's own text (written once, by `core/chat.ts`), then its sources. When a
 * reply is too long it is cut between sentences (a sentence keeps its `[n]`
 * markers), a note points to the sources, and a source line is never cut:
 * sources whose markers were trimmed away are dropped whole, and list items
 * are dropped from the end.
 *
 * Dates: a dated answer opens with "As of <date>:", an earlier-context
 * sentence says "Earlier, on <date>:", relative time words are placed on the
 * calendar after their sentence, and a source line gives its brief's date.
 *
 * Which sources are listed: for a reply with markers, the cited citations
 * (`[n]` → `citations[n-1]`); for a `source` reply (no markers), all its
 * citations; for `no_answer`, the related briefs.
 * @module
 */
import type { ChatReply } from '../../core/chat.js';
import { asOfLabel, expiredNote, formatDay, replySentences as splitSentences, sentenceDates } from '../../core/recency.js';
import type { ChannelName } from './respond.js';

export { splitSentences };

/** Markup families. WhatsApp, SMS and LINE are plain text; Markdown is for the OpenAI-compatible API. */
export type Markup = 'telegram' | 'slack' | 'discord' | 'markdown' | 'plain';

/**
 * Per-channel message limits in characters: Telegram 4096 (after entity
 * parsing, so counting our HTML is conservative), Slack's recommended 4000,
 * WhatsApp 4096, Discord 2000, Twilio 1600, LINE 5000.
 */
export const LENGTH_LIMITS: Record<ChannelName, number> = {
  telegram: 4096,
  slack: 4000,
  whatsapp: 4096,
  discord: 2000,
  twilio: 1600,
  line: 5000,
};

/** Longest title shown in a source line (longer ones end at a word with "…"). */
const TITLE_MAX = 160;

/** Telegram HTML: `&`, `<`, `>` (and `"` inside attributes) become entities. */
function escapeTelegramHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Slack mrkdwn: escape only the three control characters. */
function escapeSlack(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Discord Markdown: backslash-escape what would format inline text anywhere
 * (`\ * _ ~ \` |`, and `[ ]` of masked links), and `> # -` where they
 * start a line (quotes, headings, lists). Pings are stopped separately with
 * `allowed_mentions: { parse: [] }`.
 */
function escapeDiscord(s: string): string {
  return s.replace(/[\\*_~`|[\]]/g, '\\$&').replace(/^(\s*)([>#-])/gm, '$1\\$2');
}

interface Style {
  text(s: string): string;
  heading(s: string): string;
  link(title: string, url: string): string;
}

const STYLES: Record<Markup, Style> = {
  telegram: {
    text: escapeTelegramHtml,
    heading: (s) => `<b>${escapeTelegramHtml(s)}</b>`,
    link: (title, url) => `<a href="${escapeTelegramHtml(url)}">${escapeTelegramHtml(title)}</a>`,
  },
  slack: {
    text: escapeSlack,
    heading: (s) => `*${escapeSlack(s)}*`,
    // `|` would end a link's URL part, `>` the link: percent-encode them in the URL.
    link: (title, url) => `<${escapeSlack(url).replace(/\|/g, '%7C')}|${escapeSlack(title)}>`,
  },
  discord: {
    text: escapeDiscord,
    heading: (s) => `**${escapeDiscord(s)}**`,
    // `<url>` stops Discord from unfurling every source into an embed.
    link: (title, url) => `[${escapeDiscord(title)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`,
  },
  markdown: {
    // CommonMark: escape what would start markup inline; the `[n]` markers stay readable as they are.
    text: (s) => s.replace(/[\\*_`<>]/g, '\\$&').replace(/^(\s*)([#>+-])/gm, '$1\\$2'),
    heading: (s) => `**${s}**`,
    link: (title, url) => `[${title.replace(/[\\[\]]/g, '\\$&')}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`,
  },
  plain: {
    text: (s) => s,
    heading: (s) => s,
    link: (title, url) => `${title} ${url}`,
  },
};

/** Only http(s) URLs are linked; anything else is left out of the message. */
function safeUrl(url: string | null): string | null {
  return url && /^https?:\/\/\S+$/i.test(url) ? url : null;
}

function shortTitle(title: string): string {
  if (title.length <= TITLE_MAX) return title;
  const cut = title.slice(0, TITLE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return (space > TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd() + '…';
}

/** A source listed under a reply: a cited passage's brief, or a related brief. */
interface Source {
  /** Its marker `[n]` (cited) or list position. */
  n: number;
  title: string;
  date: string | null;
  url: string | null;
}

interface Sources {
  label: string;
  numbered: 'marker' | 'list';
  items: Source[];
}

/** What the reply lists under its text (see the module comment). */
function sourcesOf(reply: ChatReply): Sources {
  if (reply.kind === 'no_answer') {
    const items = (reply.related ?? []).map((r, i) => ({ n: i + 1, title: r.title, date: r.date, url: r.url }));
    return { label: items.length ? 'Related briefs' : '', numbered: 'list', items };
  }
  const cited = [...markersIn(reply.answer)].sort((a, b) => a - b);
  const source = (n: number): Source | undefined => {
    const c = reply.citations[n - 1];
    return c && { n, title: c.title, date: c.date, url: c.url };
  };
  if (cited.length) return { label: 'Sources', numbered: 'marker', items: cited.map(source).filter((x): x is Source => x !== undefined) };
  return { label: '', numbered: 'list', items: reply.citations.map((_, i) => source(i + 1)!) };
}

function sourceLine(style: Style, s: Source, numbered: 'marker' | 'list'): string {
  const title = shortTitle(s.title);
  const url = safeUrl(s.url);
  const head = numbered === 'marker' ? `[${s.n}]` : `${s.n}.`;
  const body = url ? style.link(title, url) : style.text(title);
  const date = s.date ? ` (${style.text(formatDay(s.date))})` : '';
  return `${style.text(head)} ${body}${date}`;
}

/** Sentences back into text: a space between them, or the line break they started with. */
function joinSentences(style: Style, sentences: string[]): string {
  return sentences.map((s, i) => (s.startsWith('\n') ? '\n' + style.text(s.slice(1)) : (i > 0 ? ' ' : '') + style.text(s))).join('');
}

function markersIn(s: string): Set<number> {
  return new Set([...s.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
}

const TRIM_NOTE = '(Shortened: see the sources below.)';

function assemble(style: Style, all: Sources, sentences: string[], trimmed: boolean, sources: Source[], note?: string): string {
  let body = joinSentences(style, sentences);
  if (trimmed) body += ' …';
  const blocks = [body];
  if (note) blocks.push(style.text(note));
  if (trimmed && sources.length) blocks.push(style.text(TRIM_NOTE));
  if (sources.length) {
    const lines = sources.map((s) => sourceLine(style, s, all.numbered));
    blocks.push((all.label ? style.heading(all.label) + '\n' : '') + lines.join('\n'));
  }
  return blocks.join('\n\n');
}

/**
 * Render a reply for a channel, within its length limit.
 *
 * @example
 * formatReply(reply, 'slack')                 // mrkdwn, ≤ 4000 characters
 * formatReply(reply, 'plain', LENGTH_LIMITS.twilio)
 */
export function formatReply(reply: ChatReply, markup: Markup, limit: number = 4000): string {
  const style = STYLES[markup];
  const sentences = datedSentences(reply);
  const note = expiredNote(reply);
  const all = sourcesOf(reply);
  const cites = all.numbered === 'marker';

  for (let k = sentences.length; k >= 1; k--) {
    const kept = sentences.slice(0, k);
    const trimmed = k < sentences.length;
    let sources = all.items;
    if (cites) {
      const cited = markersIn(kept.join(' '));
      sources = all.items.filter((s) => cited.has(s.n));
    }
    // Lists lose items from the end before the text loses a sentence.
    for (let n = sources.length; n >= (cites ? sources.length : 0); n--) {
      const out = assemble(style, all, kept, trimmed, sources.slice(0, n), note);
      if (out.length <= limit) return out;
    }
  }
  return hardCut(style, all, sentences[0] ?? '', limit);
}

/** The reply's sentences with their dates around them (see `core/recency.ts`); the first opens with "As of <date>:". */
function datedSentences(reply: ChatReply): string[] {
  const out = splitSentences(reply.answer).map((s) => {
    const nl = s.startsWith('\n') ? '\n' : '';
    const { before, after } = sentenceDates(reply, s);
    return nl + [before, nl ? s.slice(1) : s, after].filter(Boolean).join(' ');
  });
  const asOf = asOfLabel(reply);
  if (asOf && out.length) out[0] = `${asOf}: ${out[0]}`;
  return out;
}

/** Last resort (one sentence longer than the limit): cut it at a word, keep its markers and sources. */
function hardCut(style: Style, all: Sources, sentence: string, limit: number): string {
  const markers = /(\s*\[\d+\])+$/.exec(sentence)?.[0] ?? '';
  const words = sentence.slice(0, sentence.length - markers.length).split(/\s+/);
  const cited = markersIn(markers);
  const sources = all.numbered === 'marker' ? all.items.filter((s) => cited.has(s.n)) : [];
  while (words.length > 1) {
    words.pop();
    const out = assemble(style, all, [words.join(' ') + '…' + markers], true, sources);
    if (out.length <= limit) return out;
  }
  return style.text(sentence).slice(0, limit);
}

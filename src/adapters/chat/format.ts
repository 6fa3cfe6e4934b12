/**
 * Render a {@link ChatReply} for one platform: its markup, its escaping and
 * its length limit. When a reply is too long it is cut between sentences
 * (a sentence keeps its `[n]` markers), a note points to the sources, and a
 * source line is never cut: sources whose markers were trimmed away are dropped
 * whole, and list items are dropped from the end.
 * @module
 */
import type { ChannelName, ChatReply, ChatSource } from './respond.js';

/** Markup families. WhatsApp, SMS and LINE are plain text. */
export type Markup = 'telegram' | 'slack' | 'discord' | 'plain';

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
export function escapeTelegramHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Slack mrkdwn: escape only the three control characters. */
export function escapeSlack(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Discord Markdown: backslash-escape what would format inline text anywhere
 * (`\ * _ ~ \` |`, and `[ ]` of masked links), and `> # -` where they
 * start a line (quotes, headings, lists). Pings are stopped separately with
 * `allowed_mentions: { parse: [] }`.
 */
export function escapeDiscord(s: string): string {
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

function sourceLine(style: Style, s: ChatSource, numbered: 'marker' | 'list'): string {
  const title = shortTitle(s.title);
  const url = safeUrl(s.url);
  const head = numbered === 'marker' ? `[${s.n}]` : `${s.n}.`;
  const body = url ? style.link(title, url) : style.text(title);
  const date = s.date ? ` (${style.text(s.date.slice(0, 10))})` : '';
  return `${style.text(head)} ${body}${date}`;
}

/**
 * Split text into sentences, each keeping the `[n]` markers that follow it.
 * Answers (which carry markers) are split only after markers, so an
 * abbreviation such as "U.S." never splits an answer sentence.
 */
export function splitSentences(text: string): string[] {
  const t = text.trim();
  if (!t) return [];
  const parts = /\[\d+\]/.test(t) ? t.split(/(?<=\])\s+(?!\[)/) : t.split(/(?<=[.!?:])\s+(?=["“(\p{Lu}\d/])/u);
  return parts.map((p) => p.trim()).filter(Boolean);
}

function markersIn(s: string): Set<number> {
  return new Set([...s.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
}

const TRIM_NOTE = '(Shortened: see the sources below.)';

function assemble(style: Style, reply: ChatReply, sentences: string[], trimmed: boolean, sources: ChatSource[]): string {
  let body = style.text(sentences.join(' '));
  if (trimmed) body += ' …';
  const blocks = [body];
  if (trimmed && sources.length) blocks.push(style.text(TRIM_NOTE));
  if (sources.length) {
    const numbered = reply.kind === 'answer' ? 'marker' : 'list';
    const lines = sources.map((s) => sourceLine(style, s, numbered));
    blocks.push((reply.sourcesLabel ? style.heading(reply.sourcesLabel) + '\n' : '') + lines.join('\n'));
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
  const sentences = splitSentences(reply.text);
  const isAnswer = reply.kind === 'answer';

  for (let k = sentences.length; k >= 1; k--) {
    const kept = sentences.slice(0, k);
    const trimmed = k < sentences.length;
    let sources = reply.sources;
    if (isAnswer) {
      const cited = markersIn(kept.join(' '));
      sources = reply.sources.filter((s) => cited.has(s.n));
    }
    // Lists lose items from the end before the text loses a sentence.
    for (let n = sources.length; n >= (isAnswer ? sources.length : 0); n--) {
      const out = assemble(style, reply, kept, trimmed, sources.slice(0, n));
      if (out.length <= limit) return out;
    }
  }
  return hardCut(style, reply, sentences[0] ?? '', limit);
}

/** Last resort (one sentence longer than the limit): cut it at a word, keep its markers and sources. */
function hardCut(style: Style, reply: ChatReply, sentence: string, limit: number): string {
  const markers = /(\s*\[\d+\])+$/.exec(sentence)?.[0] ?? '';
  const words = sentence.slice(0, sentence.length - markers.length).split(/\s+/);
  const cited = markersIn(markers);
  const sources = reply.kind === 'answer' ? reply.sources.filter((s) => cited.has(s.n)) : [];
  while (words.length > 1) {
    words.pop();
    const out = assemble(style, reply, [words.join(' ') + '…' + markers], true, sources);
    if (out.length <= limit) return out;
  }
  return style.text(sentence).slice(0, limit);
}

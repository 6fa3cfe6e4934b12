/**
 * Feed → brief files (`npm run import`, scripts/import.ts): the items of an
 * RSS 2.0, Atom or JSON Feed become Markdown briefs with YAML front matter,
 * in the format `src/core/brief.ts` reads (title, date, url, byline, source,
 * tags, lang), the body the item's HTML as text.
 *
 * - Feeds are parsed with `feedsmith` (RSS, Atom, RDF and JSON Feed) and HTML
 *   is turned into text with `html-to-text`: only text comes out (no markup,
 *   scripts, styles, event handlers or link targets), entities decoded; the
 *   text is then escaped so the Markdown parser reads it literally.
 * - Idempotent: every brief records the item's `guid` (the RSS guid, Atom id
 *   or JSON Feed id; else its link), and a file already written for that guid
 *   is found again; its file name is stable (a slug of the first title plus a
 *   hash of the guid).
 * - Never overwrites a hand-edited file: each file records the SHA-256 of
 *   what the importer wrote (`import_sha256`); a file whose content no longer
 *   matches it (or that has none) is left alone unless `force` is set.
 * - A bad item (no title, no text, no guid or link, an unreadable date) is
 *   reported with its position and title, and the others are still imported.
 *
 * Node only (build time): the Worker never imports this module.
 * @module
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from 'feedsmith';
import { convert, type HtmlToTextOptions } from 'html-to-text';
import { parse, stringify } from 'yaml';
import { slugify } from '../core/text.js';
import { SYNONYMS_FILE } from '../core/synonyms.js';
import { BRIEF_EXTENSIONS } from './briefs-dir.js';

/** One feed item, whatever the feed's format. */
interface FeedItem {
  /** 1-based position in the feed, for messages. */
  n: number;
  guid?: string;
  url?: string;
  title?: string;
  /** `html`: the title is HTML-escaped text (RSS, Atom `type="html"`). */
  titleIsHtml: boolean;
  published?: string;
  updated?: string;
  authors: string[];
  tags: string[];
  html?: string;
  text?: string;
}

interface FeedInfo {
  format: string;
  title?: string;
  lang?: string;
  items: FeedItem[];
}

/** What happened to one item. */
export type ItemOutcome =
  | { status: 'created' | 'updated' | 'overwritten' | 'unchanged'; n: number; guid: string; file: string; title: string }
  | { status: 'kept'; n: number; guid: string; file: string; title: string; reason: string }
  | { status: 'failed'; n: number; title?: string; error: string };

export interface ImportResult {
  format: string;
  feedTitle?: string;
  outcomes: ItemOutcome[];
}

export interface ImportOptions {
  /** Folder the brief files go to (created when missing). */
  outDir: string;
  /** Overwrite files edited by hand since the importer wrote them. */
  force?: boolean;
  /** Where the feed came from (a URL or a path), recorded in each brief as `import_source`. */
  source?: string;
}

/** The feed could not be read or parsed at all (no item was looked at). */
export class FeedError extends Error {
  override name = 'FeedError';
}

/** Largest feed read (bytes). */
const MAX_FEED_BYTES = 20 * 1024 * 1024;
/** Longest slug of a title in a file name. */
const SLUG_MAX = 60;

/** Private-use characters marking headings and list items in the converted text (never in real text: stripped from input). */
const HEADING_MARK = '\uE000';
const LIST_MARK = '\uE001';

const HTML_TO_TEXT: HtmlToTextOptions = {
  wordwrap: false,
  decodeEntities: true,
  selectors: [
    // Text only: link targets, images and media are not part of what a reader quotes.
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    ...['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'video', 'audio', 'form', 'button', 'select'].map(
      (selector) => ({ selector, format: 'skip' }),
    ),
    // Headings become section headings of the brief (marked here, written as "## " below).
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, format: 'heading' })),
    { selector: 'blockquote', format: 'paragraph' },
    { selector: 'ul', options: { itemPrefix: `${LIST_MARK}` } },
    { selector: 'ol', format: 'unorderedList', options: { itemPrefix: `${LIST_MARK}` } },
    { selector: 'table', format: 'block' },
    { selector: 'tr', format: 'block' },
    { selector: 'hr', format: 'skip' },
  ],
  formatters: {
    heading(elem, walk, builder) {
      builder.openBlock({ leadingLineBreaks: 2 });
      builder.addLiteral(HEADING_MARK);
      walk(elem.children, builder);
      builder.closeBlock({ trailingLineBreaks: 2 });
    },
  },
};

/** Read a feed from an http(s) URL or a file path. */
export async function readFeed(location: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  if (/^https?:\/\//i.test(location)) {
    let res: Response;
    try {
      res = await fetchImpl(location, {
        headers: { Accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml, text/xml;q=0.9, */*;q=0.5' },
        signal: AbortSignal.timeout(30_000),
        redirect: 'follow',
      });
    } catch (err) {
      throw new FeedError(`could not fetch ${location}: ${(err as Error).message}`);
    }
    if (!res.ok) throw new FeedError(`could not fetch ${location}: HTTP ${res.status} ${res.statusText}`.trim());
    const body = await res.arrayBuffer();
    if (body.byteLength > MAX_FEED_BYTES) throw new FeedError(`${location} is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB`);
    return new TextDecoder().decode(body);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(location);
  } catch (err) {
    throw new FeedError(`could not read ${location}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  if (bytes.length > MAX_FEED_BYTES) throw new FeedError(`${location} is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB`);
  return bytes.toString('utf8');
}

/** Parse any supported feed into its items. */
function parseFeedItems(content: string): FeedInfo {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(content);
  } catch (err) {
    throw new FeedError(`not an RSS 2.0, Atom, RDF or JSON Feed document (${(err as Error).message})`);
  }
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const names = (people: unknown) =>
    (Array.isArray(people) ? people : [])
      .map((p) => (typeof p === 'string' ? p : (text((p as { name?: unknown })?.name) ?? text((p as { email?: unknown })?.email))))
      .filter((p): p is string => Boolean(p));
  switch (parsed.format) {
    case 'rss': {
      const feed = parsed.feed;
      return {
        format: 'RSS',
        title: text(feed.title),
        lang: text(feed.language),
        items: (feed.items ?? []).map((item, i) => ({
          n: i + 1,
          guid: text(item.guid?.value),
          url: text(item.link),
          title: text(item.title),
          titleIsHtml: true,
          published: text(item.pubDate) ?? text(item.dc?.dates?.[0]),
          authors: [...(item.dc?.creators ?? []), ...names(item.authors)].filter(Boolean),
          tags: (item.categories ?? []).map((c) => text(c.name)).filter((c): c is string => Boolean(c)),
          html: text(item.content?.encoded) ?? text(item.description),
        })),
      };
    }
    case 'atom': {
      const feed = parsed.feed;
      return {
        format: 'Atom',
        title: text(feed.title?.value),
        items: (feed.entries ?? []).map((entry, i) => {
          const link = entry.links?.find((l) => !l.rel || l.rel === 'alternate') ?? entry.links?.[0];
          const body = entry.content?.value !== undefined && text(entry.content.value) ? entry.content : entry.summary;
          const isText = body && (!('type' in body) || !body.type || body.type === 'text');
          return {
            n: i + 1,
            guid: text(entry.id),
            url: text(link?.href),
            title: text(entry.title?.value),
            titleIsHtml: entry.title?.type === 'html' || entry.title?.type === 'xhtml',
            published: text(entry.published) ?? text(entry.updated),
            updated: text(entry.updated),
            authors: names(entry.authors),
            tags: (entry.categories ?? []).map((c) => text(c.label) ?? text(c.term)).filter((c): c is string => Boolean(c)),
            ...(isText ? { text: text(body?.value) } : { html: text(body?.value) }),
          };
        }),
      };
    }
    case 'json': {
      const feed = parsed.feed;
      return {
        format: 'JSON Feed',
        title: text(feed.title),
        lang: text(feed.language),
        items: (feed.items ?? []).map((item, i) => {
          const legacyAuthor = (item as { author?: unknown }).author;
          return {
            n: i + 1,
            guid: text(item.id),
            url: text(item.url) ?? text(item.external_url),
            title: text(item.title),
            titleIsHtml: false,
            published: text(item.date_published) ?? text(item.date_modified),
            updated: text(item.date_modified),
            authors: names([...(item.authors ?? []), ...(legacyAuthor ? [legacyAuthor] : [])]),
            tags: (item.tags ?? []).map(text).filter((t): t is string => Boolean(t)),
            html: text(item.content_html),
            text: text(item.content_text) ?? text(item.summary),
          };
        }),
      };
    }
    case 'rdf': {
      const feed = parsed.feed;
      return {
        format: 'RDF',
        title: text(feed.title),
        items: (feed.items ?? []).map((item, i) => ({
          n: i + 1,
          guid: text(item.link),
          url: text(item.link),
          title: text(item.title),
          titleIsHtml: true,
          published: text(item.dc?.dates?.[0]),
          authors: item.dc?.creators ?? [],
          tags: item.dc?.subjects ?? [],
          html: text(item.content?.encoded) ?? text(item.description),
        })),
      };
    }
  }
}

/** HTML → blocks of plain text: paragraphs, headings (`## `) and lists, as Markdown the brief parser reads literally. */
function htmlToBody(html: string): string {
  const text = convert(html.replace(/[\uE000\uE001]/g, ''), HTML_TO_TEXT);
  return textToBody(text);
}

/** Plain text (paragraphs separated by blank lines) → the Markdown body of a brief. */
function textToBody(text: string): string {
  const blocks: string[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = raw
      .split('\n')
      .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim())
      .filter(Boolean);
    if (!lines.length) continue;
    if (lines[0]!.startsWith(HEADING_MARK)) {
      const heading = lines.join(' ').replaceAll(HEADING_MARK, '').trim();
      if (heading) blocks.push(`## ${escapeMarkdown(heading)}`);
      continue;
    }
    if (lines.some((l) => l.startsWith(LIST_MARK))) {
      // Lines of a list item that wrapped are joined to it.
      const items: string[] = [];
      for (const l of lines) {
        if (l.startsWith(LIST_MARK) || items.length === 0) items.push(l.replaceAll(LIST_MARK, '').trim());
        else items[items.length - 1] += ` ${l}`;
      }
      const list = items.filter(Boolean).map((item) => `- ${escapeMarkdown(item)}`);
      if (list.length) blocks.push(list.join('\n'));
      continue;
    }
    blocks.push(escapeMarkdown(lines.join(' ').replaceAll(HEADING_MARK, '')));
  }
  return blocks.join('\n\n');
}

/** Text → Markdown that reads as that text: inline markup characters escaped, and what would start a block at the line start. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A date as ISO 8601 (`YYYY-MM-DDTHH:MM:SSZ`), or undefined when it cannot be read. */
function isoDate(value: string): string | undefined {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The front matter line holding the hash of what the importer wrote. */
const HASH_LINE = /^import_sha256: *([0-9a-f]{64}) *\n/m;

/** What the importer knows of a brief file already in the folder. */
interface Existing {
  file: string;
  guid?: string;
  /** The file is as the importer wrote it (its recorded hash matches). */
  pristine: boolean;
  /** Its recorded hash, when it has one. */
  hash?: string;
}

function readExisting(dir: string, file: string): Existing {
  // Line endings as written (a checkout with CRLF conversion is not a hand edit).
  const content = readFileSync(join(dir, file), 'utf8').replace(/\r\n?/g, '\n');
  const front = /^---\n([\s\S]*?)\n---\n/.exec(content)?.[1] ?? '';
  let guid: string | undefined;
  try {
    const meta: unknown = parse(front);
    const value = meta && typeof meta === 'object' ? (meta as { guid?: unknown }).guid : undefined;
    if (typeof value === 'string' || typeof value === 'number') guid = String(value);
  } catch {
    guid = undefined; // broken front matter: not a file the importer can recognise
  }
  const hash = HASH_LINE.exec(front + '\n')?.[1];
  const pristine = hash !== undefined && sha256(content.replace(HASH_LINE, '')) === hash;
  return { file, ...(guid ? { guid } : {}), pristine, ...(hash ? { hash } : {}) };
}

/** The brief file's content for an item (without its hash line), or an error message. */
function briefContent(item: FeedItem, feed: FeedInfo, source: string | undefined): { guid: string; title: string; content: string } | { error: string } {
  const guid = item.guid ?? item.url;
  if (!guid) return { error: 'no guid, id or link: it could not be imported again without a duplicate' };
  const title = item.title ? (item.titleIsHtml ? convert(item.title, { wordwrap: false }) : item.title).replace(/\s+/g, ' ').trim() : '';
  if (!title) return { error: 'no title' };
  const body = item.html ? htmlToBody(item.html) : item.text ? textToBody(item.text) : '';
  if (!body.replace(/[\s\\#-]/g, '')) return { error: 'no text: the item has no content, description or summary with words in it' };
  let date: string | undefined;
  if (item.published) {
    date = isoDate(item.published);
    if (!date) return { error: `unreadable date "${item.published}"` };
  }
  const updated = item.updated ? isoDate(item.updated) : undefined;
  let url: string | undefined;
  if (item.url) {
    try {
      const u = new URL(item.url);
      if (u.protocol === 'http:' || u.protocol === 'https:') url = u.href;
    } catch {
      url = undefined;
    }
  }
  const lang = feed.lang ? /^([A-Za-z]{2,3})\b/.exec(feed.lang)?.[1]?.toLowerCase() : undefined;
  const meta: Record<string, unknown> = {
    title,
    ...(date ? { date } : {}),
    ...(updated && updated !== date ? { updated } : {}),
    ...(item.authors.length ? { byline: [...new Set(item.authors)].join(', ') } : {}),
    ...(feed.title ? { source: feed.title } : {}),
    ...(url ? { url } : {}),
    ...(item.tags.length ? { tags: [...new Set(item.tags)] } : {}),
    ...(lang ? { lang } : {}),
    guid,
    ...(source ? { import_source: source } : {}),
  };
  const front = stringify(meta, { lineWidth: 0 }).trimEnd();
  return { guid, title, content: `---\n${front}\n---\n${body}\n` };
}

/** `content` with its hash line at the end of the front matter. */
function withHash(content: string): string {
  const hash = sha256(content);
  const end = content.indexOf('\n---\n', 4);
  return `${content.slice(0, end)}\nimport_sha256: ${hash}${content.slice(end)}`;
}

/**
 * A stable, readable file name for an item not imported before. A file of that
 * name that records another guid gets a longer hash (two guids whose hashes
 * start alike under the same title: unlikely); one that records none is a brief
 * the importer did not write, and keeps its name (so it is never overwritten).
 */
function fileNameFor(title: string, guid: string, byFile: Map<string, Existing>): string {
  const slug = slugify(title).slice(0, SLUG_MAX).replace(/-+$/, '') || 'brief';
  const name = `${slug}-${sha256(guid).slice(0, 8)}.md`;
  const other = byFile.get(name)?.guid;
  return other !== undefined && other !== guid ? `${slug}-${sha256(guid).slice(0, 16)}.md` : name;
}

/** Import every item of a feed's content into `options.outDir`. */
export function importFeed(content: string, options: ImportOptions): ImportResult {
  const feed = parseFeedItems(content);
  const dir = options.outDir;
  mkdirSync(dir, { recursive: true });
  const files = readdirSync(dir).filter((f) => BRIEF_EXTENSIONS.test(f) && !f.startsWith('.') && f !== SYNONYMS_FILE);
  const existing = files.map((f) => readExisting(dir, f));
  const byGuid = new Map(existing.filter((e) => e.guid).map((e) => [e.guid!, e]));
  const byFile = new Map(existing.map((e) => [e.file, e]));

  const outcomes: ItemOutcome[] = [];
  const seen = new Set<string>();
  for (const item of feed.items) {
    const built = briefContent(item, feed, options.source);
    if ('error' in built) {
      outcomes.push({ status: 'failed', n: item.n, ...(item.title ? { title: item.title } : {}), error: built.error });
      continue;
    }
    const { guid, title } = built;
    if (seen.has(guid)) {
      outcomes.push({ status: 'failed', n: item.n, title, error: `the guid "${guid}" is used by an earlier item of this feed` });
      continue;
    }
    seen.add(guid);
    const full = withHash(built.content);
    const hash = HASH_LINE.exec(full)![1]!;
    const previous = byGuid.get(guid);
    const file = previous?.file ?? fileNameFor(title, guid, byFile);
    const there = previous ?? byFile.get(file);
    const base = { n: item.n, guid, file, title };
    let status: 'created' | 'updated' | 'overwritten' | 'unchanged';
    if (!there) status = 'created';
    else if (there.pristine && there.hash === hash) status = 'unchanged';
    else if (there.pristine) status = 'updated';
    else if (options.force) status = 'overwritten';
    else {
      outcomes.push({
        ...base,
        status: 'kept',
        reason: there.hash ? 'edited by hand since it was imported' : 'not written by the importer',
      });
      continue;
    }
    if (status !== 'unchanged') {
      const path = join(dir, file);
      const tmp = `${path}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, full);
        renameSync(tmp, path);
      } catch (err) {
        outcomes.push({ status: 'failed', n: item.n, title, error: `could not write ${file}: ${(err as Error).message}` });
        continue;
      }
      byFile.set(file, { file, guid, pristine: true, hash });
    }
    outcomes.push({ ...base, status });
  }
  return { format: feed.format, ...(feed.title ? { feedTitle: feed.title } : {}), outcomes };
}

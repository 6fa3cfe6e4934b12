/**
 * Brief parsing: a file's bytes → a {@link Brief} with its passages. Build-time
 * only: the Worker loads the built index and never imports this module.
 *
 * Both shapes below may start with YAML front matter: `id`, `title`, `date`,
 * `byline`, `source`, `url`, `tags`, `lang`, and for the life of a story
 * `updated` (a later revision's date), `expires` (after it, the brief answers
 * only when nothing else does) and `updates` / `supersedes` (the id, or a list
 * of ids, of the earlier briefs of the same story it follows).
 * - Markdown (`.md`, or any file with front matter but `.txt`): the body is
 *   read by a CommonMark parser (see `markdown.ts` for what each construct
 *   becomes); `#` is the title when the front matter has none, other headings
 *   are sections.
 * - Plain text (`.txt`) in the AP-brief shape: an optional `By: <byline>` line,
 *   the title line (unless the front matter gives one), then paragraphs
 *   separated by blank lines; a short line with no end punctuation between
 *   paragraphs is a section heading.
 *
 * Every problem is reported with the file and the 1-based line.
 * @module
 */
import { parseDocument } from 'yaml';
import { BriefError, type BriefProblem } from './errors.js';
import { markdownBlocks, type BodyBlock } from './markdown.js';
import { detectLanguage } from './lang/detect.js';
import { canonicalizeVariants, slugify, splitSentences } from './text.js';
import type { Brief, Passage } from './types.js';

/** A brief file as read from disk. */
export interface BriefFile {
  /** Path relative to the briefs folder, used in ids and error messages. */
  path: string;
  bytes: Uint8Array;
}

const FRONT_MATTER_KEYS = new Set(['id', 'title', 'date', 'byline', 'source', 'url', 'tags', 'lang', 'updated', 'expires', 'updates', 'supersedes']);
/** Front matter keys that may hold a list. */
const LIST_KEYS = new Set(['tags', 'updates', 'supersedes']);
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/;
/** ISO 8601 calendar date, optionally with a time and zone. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** A heading line in plain text is short and has no end punctuation. */
const MAX_HEADING_WORDS = 12;

/**
 * Parse many brief files and check ids are unique across them.
 * Throws one {@link BriefError} listing every problem found.
 */
export function parseBriefs(files: BriefFile[]): Brief[] {
  const problems: BriefProblem[] = [];
  const briefs: Brief[] = [];
  const seen = new Map<string, Brief>();
  /** Line of each brief's `updates`/`supersedes`, for problems found across briefs. */
  const linkLines = new Map<string, number>();
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    try {
      const brief = parseBrief(file);
      const other = seen.get(brief.id);
      if (other) {
        problems.push({ file: file.path, line: brief.idLine, message: `duplicate brief id "${brief.id}" (also used by ${other.file})` });
        continue;
      }
      seen.set(brief.id, brief);
      const { idLine: _ignored, linkLine, ...plain } = brief;
      linkLines.set(brief.id, linkLine);
      briefs.push(plain);
    } catch (err) {
      if (err instanceof BriefError) problems.push(...err.problems);
      else throw err;
    }
  }
  for (const b of briefs) {
    const unknown = (b.supersedes ?? []).filter((x) => !seen.has(x));
    if (unknown.length)
      problems.push({
        file: b.file,
        line: linkLines.get(b.id) ?? 1,
        message: `"updates"/"supersedes" names no brief: ${unknown.map((x) => `"${x}"`).join(', ')}`,
      });
  }
  if (problems.length > 0) throw new BriefError(problems);
  return briefs;
}

/** Parse one brief file. Throws {@link BriefError} naming the file and line. */
export function parseBrief(file: BriefFile): Brief & { idLine: number; linkLine: number } {
  const fail = (line: number, message: string): never => {
    throw new BriefError([{ file: file.path, line, message }]);
  };
  const text = decodeUtf8(file, fail)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  if (text.trim() === '') fail(1, 'empty file: a brief needs at least a title and one paragraph');
  const lines = text.split('\n');

  let meta: Record<string, unknown> = {};
  let metaLines: Record<string, number> = {};
  let bodyStart = 0;
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
    if (close < 0) fail(1, 'front matter is not closed: add a line "---" after the last field');
    ({ meta, metaLines } = parseFrontMatter(lines.slice(1, close).join('\n'), fail));
    bodyStart = close + 1;
  }

  const isMarkdown = /\.(md|markdown)$/i.test(file.path) || (bodyStart > 0 && !/\.txt$/i.test(file.path));
  const links: Brief['links'] = [];

  let title = typeof meta.title === 'string' ? meta.title.trim() : '';
  let byline = typeof meta.byline === 'string' ? meta.byline.trim() : undefined;
  const body: BodyBlock[] = [];

  if (isMarkdown) {
    for (const block of markdownBlocks(lines.slice(bodyStart).join('\n'), bodyStart + 1, links)) {
      // The first "# " heading is the title when the front matter has none; later ones label sections.
      if (block.heading === 1 && !title) title = block.text;
      else body.push({ ...block, text: block.text.replace(FOOTNOTE_CALL, '') });
    }
  } else {
    const blocks = readBlocks(lines, bodyStart);
    let i = 0;
    const by = blocks[0] && /^by:\s*(.+)$/i.exec(blocks[0].text);
    if (by) {
      byline ??= by[1]!.trim();
      i = 1;
    }
    if (!title && blocks[i]) title = inline(blocks[i++]!.text, links);
    // Front matter above an AP-shape brief may repeat its title line: that line is the title, not a paragraph.
    else if (blocks[i] && comparable(inline(blocks[i]!.text, [])) === comparable(title)) i++;
    for (; i < blocks.length; i++) {
      const block = blocks[i]!;
      const text = inline(block.text, links);
      const isLast = i === blocks.length - 1;
      body.push({ text, line: block.line, heading: !isLast && looksLikeHeading(text) ? 2 : undefined });
    }
  }

  // From here on every problem is reported, not just the first: each check runs on its own.
  const problems: BriefError['problems'] = [];
  const check = <T>(run: () => T): T | undefined => {
    try {
      return run();
    } catch (err) {
      if (!(err instanceof BriefError)) throw err;
      problems.push(...err.problems);
      return undefined;
    }
  };
  check(() => !title && fail(bodyStart + 1, 'no title: add a "title:" field to the front matter or a "# Title" line'));

  const id = meta.id !== undefined ? String(meta.id) : slugify(file.path.replace(/\.[^./]+$/, ''));
  const idLine = metaLines.id ?? 1;
  check(() => !ID_PATTERN.test(id) && fail(idLine, `invalid id "${id}": use letters, digits, ".", "_", "~" or "-" (it appears in URLs)`));

  const date = meta.date !== undefined ? check(() => checkDate(meta.date, metaLines.date ?? 1, fail)) : undefined;
  const updated = meta.updated !== undefined ? check(() => checkDate(meta.updated, metaLines.updated ?? 1, fail)) : undefined;
  const expires = meta.expires !== undefined ? check(() => checkDate(meta.expires, metaLines.expires ?? 1, fail)) : undefined;
  check(() => updated && date && updated < date && fail(metaLines.updated ?? 1, `"updated" (${updated}) is before "date" (${date})`));
  check(() => updated && !date && fail(metaLines.updated ?? 1, '"updated" needs a "date" too (the first publication)'));
  const follows = [
    ...new Set(
      (['updates', 'supersedes'] as const).flatMap((k) =>
        meta[k] === undefined ? [] : (check(() => checkIds(meta[k], k, metaLines[k] ?? 1, fail)) ?? []).filter((x) => x !== id),
      ),
    ),
  ];
  const url = meta.url !== undefined ? check(() => checkUrl(meta.url, metaLines.url ?? 1, fail)) : undefined;
  const tags = meta.tags === undefined ? [] : (check(() => checkTags(meta.tags, metaLines.tags ?? 1, fail)) ?? []);
  // Without `lang:`, the language is read from the text (script and function words; see lang/detect.ts).
  const lang = typeof meta.lang === 'string' && meta.lang.trim() ? meta.lang.trim() : detectLanguage(`${title}\n${body.map((b) => b.text).join('\n')}`);
  const source = typeof meta.source === 'string' ? meta.source.trim() : undefined;

  const passages = toPassages(id, body, lang);
  check(() => passages.length === 0 && fail(lines.length, `brief "${title || file.path}" has a title but no paragraphs`));
  if (problems.length) throw new BriefError(problems.sort((a, b) => a.line - b.line));

  return {
    id,
    title,
    ...(date ? { date } : {}),
    ...(updated ? { updated } : {}),
    ...(expires ? { expires } : {}),
    ...(follows.length ? { supersedes: follows } : {}),
    ...(byline ? { byline } : {}),
    ...(source ? { source } : {}),
    ...(url ? { url } : {}),
    tags,
    lang,
    links,
    file: file.path,
    passages,
    idLine,
    linkLine: metaLines.updates ?? metaLines.supersedes ?? 1,
  };
}

/** Paragraphs become passages; headings label the passages under them; pull quotes are dropped. */
function toPassages(briefId: string, body: BodyBlock[], lang: string): Passage[] {
  const paragraphs = body.filter((b) => b.heading === undefined);
  const keys = paragraphs.map((p) => comparable(p.text));
  const passages: Passage[] = [];
  let section: string | undefined;
  for (const block of body) {
    if (block.heading !== undefined) {
      section = block.text;
      continue;
    }
    const key = comparable(block.text);
    // A pull quote repeats words found in another paragraph: index them once.
    const isPullQuote = key.split(' ').length >= 5 && keys.some((k) => k !== key && k.includes(key));
    if (isPullQuote) continue;
    const n = passages.length + 1;
    passages.push({
      id: `${briefId}#p${n}`,
      briefId,
      n,
      ...(section ? { section } : {}),
      text: block.text,
      sentences: splitSentences(block.text, lang),
    });
  }
  return passages;
}

/** Plain text: blank-line separated blocks, lines joined with a space, with the 1-based first line. */
function readBlocks(lines: string[], from: number): { text: string; line: number }[] {
  const blocks: { text: string; line: number }[] = [];
  let current: string[] = [];
  let start = 0;
  for (let i = from; i <= lines.length; i++) {
    const line = lines[i];
    if (line === undefined || line.trim() === '') {
      if (current.length) blocks.push({ text: current.join(' ').replace(/\s+/g, ' ').trim(), line: start + 1 });
      current = [];
      continue;
    }
    if (current.length === 0) start = i;
    // A Markdown heading always stands alone, even without a blank line around it.
    if (/^#{1,6}\s/.test(line) && current.length) {
      blocks.push({ text: current.join(' ').replace(/\s+/g, ' ').trim(), line: start + 1 });
      current = [];
      start = i;
    }
    current.push(line.trim());
    if (/^#{1,6}\s/.test(line)) {
      blocks.push({ text: line.trim(), line: i + 1 });
      current = [];
    }
  }
  return blocks;
}

/** Plain text's inline Markdown → plain text: links keep their text (real URLs are collected), emphasis and code marks go. */
function inline(text: string, links: Brief['links']): string {
  return text
    .replace(/!?\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g, (_m, label: string, href: string) => {
      if (/^(https?:|mailto:)/i.test(href) && !links.some((l) => l.url === href && l.text === label)) links.push({ text: label, url: href });
      return label;
    })
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^>\s?/, '')
    .replace(FOOTNOTE_CALL, '')
    .trim();
}

/**
 * Footnote calls copied from a wiki or a report ("…in 1313.[12]", "…as Taizu.[b]", "[citation needed]",
 * "[note 3]"): their notes are not in the brief, and in an answer they read like Briefbot's own
 * citation markers. A letter counts only right after punctuation, so "implore[s]" and "[a]ccompanied"
 * (a quotation's own brackets) stay.
 */
const FOOTNOTE_CALL = /(?<=\S)\[(?:\d{1,3}|[Nn]ote \w{1,3}|[Cc]itation needed|[Cc]larification needed)\]|(?<=[.,;:!?)"'”’])\[[a-z]\](?![\p{L}\p{N}])/gu;

function looksLikeHeading(text: string): boolean {
  return !/[.!?:;,"'”’)…]$/.test(text) && text.split(/\s+/).length <= MAX_HEADING_WORDS;
}

/** A loose form for comparing paragraphs: variants canonical, letters and digits only. */
function comparable(text: string): string {
  return canonicalizeVariants(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function parseFrontMatter(yaml: string, fail: (line: number, message: string) => never): { meta: Record<string, unknown>; metaLines: Record<string, number> } {
  const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = (first.linePos?.[0]?.line ?? 1) + 1;
    fail(line, `broken front matter: ${first.message.split('\n')[0]}`);
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return { meta: {}, metaLines: {} };
  if (typeof value !== 'object' || Array.isArray(value)) fail(2, 'broken front matter: expected "key: value" lines');
  const metaLines: Record<string, number> = {};
  yaml.split('\n').forEach((l, i) => {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(l)?.[1];
    if (key && metaLines[key] === undefined) metaLines[key] = i + 2;
  });
  const meta = value as Record<string, unknown>;
  for (const key of Object.keys(meta)) {
    if (!FRONT_MATTER_KEYS.has(key)) continue;
    const v = meta[key];
    if (!LIST_KEYS.has(key) && !(v instanceof Date) && v !== null && typeof v === 'object') {
      fail(metaLines[key] ?? 2, `broken front matter: "${key}" must be a single value, not a list or map`);
    }
  }
  return { meta, metaLines };
}

function checkDate(value: unknown, line: number, fail: (line: number, message: string) => never): string {
  const text = value instanceof Date ? value.toISOString() : String(value).trim();
  const m = ISO_DATE.exec(text);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const real = m && mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const timeOk = !m?.[4] || (Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6] ?? 0) < 60);
  if (!real || !timeOk || Number.isNaN(Date.parse(text.replace(' ', 'T')))) {
    fail(line, `invalid date "${text}": use ISO 8601, e.g. 2026-02-03 or 2026-02-03T14:30:00Z`);
  }
  return text;
}

function checkUrl(value: unknown, line: number, fail: (line: number, message: string) => never): string {
  const text = String(value).trim();
  let ok = false;
  try {
    ok = /^https?:$/.test(new URL(text).protocol);
  } catch {
    ok = false;
  }
  if (!ok) fail(line, `invalid url "${text}": use an absolute http(s) URL`);
  return text;
}

function checkIds(value: unknown, key: string, line: number, fail: (line: number, message: string) => never): string[] {
  const list = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : null;
  const ids = (list ?? []).map((t) => String(t).trim()).filter(Boolean);
  if (!list || ids.length === 0 || ids.some((x) => !ID_PATTERN.test(x))) {
    fail(line, `invalid ${key}: give the id of the earlier brief, or a list of ids, e.g. ${key}: [petro-meeting]`);
  }
  return ids;
}

function checkTags(value: unknown, line: number, fail: (line: number, message: string) => never): string[] {
  const list = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : null;
  if (!list || list.some((t) => typeof t !== 'string' && typeof t !== 'number')) {
    fail(line, 'invalid tags: use a list, e.g. tags: [politics, colombia]');
  }
  return list!.map((t) => String(t).trim()).filter(Boolean);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function decodeUtf8(file: BriefFile, fail: (line: number, message: string) => never): string {
  try {
    return UTF8.decode(file.bytes);
  } catch {
    const at = firstInvalidUtf8(file.bytes);
    let line = 1;
    for (let i = 0; i < at; i++) if (file.bytes[i] === 0x0a) line++;
    return fail(line, `not UTF-8 (invalid byte 0x${file.bytes[at]?.toString(16).padStart(2, '0')} at byte ${at}): save the file as UTF-8`);
  }
}

/** Offset of the first byte that breaks UTF-8 (the whole length when valid). */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}

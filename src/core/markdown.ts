/**
 * The Markdown body of a brief → blocks of plain text (paragraphs and headings),
 * read by a CommonMark parser (`mdast-util-from-markdown`, with GFM tables).
 *
 * Only build-time code reaches this module (through `parseBriefs`): the Worker
 * loads a prebuilt index and never parses Markdown, so the parser is not in its
 * bundle (`tests/node/worker-bundle.test.ts` checks it).
 *
 * What each construct becomes:
 * - heading: a heading block (its level kept), which labels the passages after it;
 * - paragraph: one block; emphasis, strong and inline code keep their text, inline
 *   HTML tags go (their text stays), entities and backslash escapes are decoded;
 * - link `[text](url)`, autolink `<url>` and reference link `[text][ref]`: the text
 *   stays; a real http(s) or mailto URL is collected into the brief's `links`;
 *   link definitions `[ref]: url` are not text;
 * - image: dropped, alt text and URL alike (a description for screen readers, not
 *   words of the brief a reader sees);
 * - blockquote: its paragraphs, as paragraphs;
 * - list: one block per (top-level) list, each item a sentence (a full stop is
 *   added when an item has no end punctuation), nested items following their parent;
 * - table: one block per table, each body row a sentence "Header: cell; Header: cell.";
 * - fenced code block: dropped (code is not prose to quote); indented code block:
 *   kept as a paragraph (in a brief, indentation is almost always a pasted paragraph);
 * - HTML block, thematic break: dropped.
 * @module
 */
import type { Nodes, Parents, RootContent, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { htmlTagNames } from 'html-tag-names';
import type { Brief } from './types.js';

/** HTML element names (html-tag-names, MIT): inline `<name …>` is markup only for these. */
const HTML_TAGS: ReadonlySet<string> = new Set(htmlTagNames);

/** A block of a brief's body: a paragraph-sized text, or a heading (with its level). */
export interface BodyBlock {
  text: string;
  /** 1-based line in the file. */
  line: number;
  heading?: number;
}

/**
 * Read a Markdown body. `firstLine` is the file line the body starts on (1-based);
 * links with a real URL are appended to `links` in reading order, each once.
 */
export function markdownBlocks(markdown: string, firstLine: number, links: Brief['links']): BodyBlock[] {
  const root = fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const reader = new Reader(markdown, firstLine, links, definitionsOf(root));
  return reader.blocks(root.children);
}

/** Link definitions by (normalized) identifier; the first definition of an identifier wins, as in CommonMark. */
function definitionsOf(root: Parents): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (node: Nodes): void => {
    if (node.type === 'definition' && !found.has(node.identifier)) found.set(node.identifier, node.url);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(root);
  return found;
}

class Reader {
  constructor(
    private readonly source: string,
    private readonly firstLine: number,
    private readonly links: Brief['links'],
    private readonly definitions: Map<string, string>,
  ) {}

  blocks(nodes: RootContent[]): BodyBlock[] {
    const out: BodyBlock[] = [];
    for (const node of nodes) {
      const line = this.lineOf(node);
      switch (node.type) {
        case 'heading': {
          out.push({ text: this.text(node), line, heading: node.depth });
          break;
        }
        case 'paragraph': {
          const text = this.text(node);
          if (text) out.push({ text, line });
          break;
        }
        case 'list': {
          const text = this.listSentences(node.children).join(' ');
          if (text) out.push({ text, line });
          break;
        }
        case 'table': {
          const text = this.tableSentences(node).join(' ');
          if (text) out.push({ text, line });
          break;
        }
        case 'code': {
          if (this.isFenced(node)) break;
          const text = squash(node.value);
          if (text) out.push({ text, line });
          break;
        }
        case 'html':
        case 'thematicBreak':
        case 'definition':
          break;
        default:
          // Blockquotes (and any other container) hold ordinary blocks.
          if ('children' in node) out.push(...this.blocks(node.children as RootContent[]));
      }
    }
    return out;
  }

  /** Every item of a list as sentences; a nested list's items follow their parent item. */
  private listSentences(items: RootContent[]): string[] {
    const sentences: string[] = [];
    for (const item of items) {
      if (!('children' in item)) continue;
      for (const block of this.blocks(item.children as RootContent[])) sentences.push(asSentence(block.text));
    }
    return sentences;
  }

  /** Each body row as "Header: cell; Header: cell." (empty cells left out); a table with no body row gives its header cells. */
  private tableSentences(table: Table): string[] {
    const [head, ...body] = table.children.map((row) => row.children.map((cell) => trimEnd(this.text(cell))));
    if (!head) return [];
    const rows = body.length ? body.map((cells) => cells.map((cell, i) => (!cell ? '' : head[i] ? `${head[i]}: ${cell}` : cell))) : [head];
    return rows
      .map((cells) => cells.filter(Boolean).join('; '))
      .filter(Boolean)
      .map(asSentence);
  }

  /** The plain text of a node's inline content, whitespace collapsed. */
  private text(node: Nodes): string {
    return squash(this.inline(node));
  }

  private inline(node: Nodes): string {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return node.value;
      case 'break':
        return ' ';
      case 'html': {
        // Inline tags go, the text between them stays; a line-breaking tag still separates words.
        // Angle brackets around a name that is no HTML element are text: the wire's "<Carsey-Werner Co>",
        // a ticker "<EK>".
        const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(node.value)?.[1]?.toLowerCase();
        if (name && !HTML_TAGS.has(name)) return node.value;
        return /^<(br|hr|wbr)\b/i.test(node.value) ? ' ' : '';
      }
      case 'image':
      case 'imageReference':
        return '';
      case 'link': {
        const text = this.children(node);
        this.collect(squash(text), node.url);
        return text;
      }
      case 'linkReference': {
        const text = this.children(node);
        const url = this.definitions.get(node.identifier);
        if (url !== undefined) this.collect(squash(text), url);
        return text;
      }
      default:
        return 'children' in node ? this.children(node) : '';
    }
  }

  private children(node: Parents): string {
    return node.children.map((child) => this.inline(child)).join('');
  }

  private collect(text: string, url: string): void {
    if (/^(https?:|mailto:)/i.test(url) && !this.links.some((l) => l.url === url && l.text === text)) this.links.push({ text, url });
  }

  private isFenced(node: Nodes): boolean {
    const start = node.position?.start.offset;
    return start !== undefined && /^[ \t]*(```|~~~)/.test(this.source.slice(start, start + 8));
  }

  private lineOf(node: Nodes): number {
    return (node.position?.start.line ?? 1) + this.firstLine - 1;
  }
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A table cell without trailing separators, so that "; " and the row's full stop read well. */
function trimEnd(text: string): string {
  return text.replace(/[\s.,;:]+$/, '');
}

/** The text as a sentence: kept when it ends with end punctuation, else a trailing comma, semicolon or colon becomes a full stop. */
function asSentence(text: string): string {
  if (/[.!?…]["'”’)\]]*$/.test(text)) return text;
  return `${text.replace(/[\s,;:]+$/, '')}.`;
}

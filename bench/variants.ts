/**
 * The three indexes the bench compares, behind one interface:
 * - `ours`: Briefbot's bundled index (what `npm run build:index` writes and the Worker loads),
 *   timed on whole answers (`Engine.ask`);
 * - `fair`: MiniSearch with our analysis, no stored fields and the text kept apart, queried
 *   with the production retrieval's options (see `fair.ts`), timed on the search and the
 *   text of its best passages;
 * - `plain`: plain MiniSearch with default options (fields title+text, passage text stored
 *   for snippets), serialized with `JSON.stringify` and loaded with `MiniSearch.loadJSON`,
 *   timed on `search()`.
 * @module
 */
import MiniSearch from 'minisearch';
import { Engine } from '../src/core/engine.js';
import { buildEngine } from '../src/core/indexer.js';
import { readLexicon } from '../src/node/lexicon.js';
import type { Brief } from '../src/core/types.js';
import { openFair, packFair } from './fair.js';

export type Kind = 'ours' | 'fair' | 'plain';
export const KINDS: readonly Kind[] = ['ours', 'fair', 'plain'];
export const LABEL: Record<Kind, string> = { ours: '**ours**', fair: 'fair MiniSearch', plain: 'plain MiniSearch' };

export const PLAIN_OPTIONS = { fields: ['title', 'text'], storeFields: ['briefId', 'text'] };

/** Build and serialize: the bytes that get bundled. */
export function buildBytes(kind: Kind, briefs: Brief[], builtAt?: string): Uint8Array {
  if (kind === 'ours') return buildEngine(briefs, readLexicon(), builtAt).serialize();
  if (kind === 'fair') return packFair(briefs);
  const mini = new MiniSearch(PLAIN_OPTIONS);
  mini.addAll(briefs.flatMap((b) => b.passages.map((p) => ({ id: p.id, briefId: b.id, title: b.title, text: p.text }))));
  return new TextEncoder().encode(JSON.stringify(mini));
}

/** Load what {@link buildBytes} wrote and return a query function. */
export function load(kind: Kind, bytes: Uint8Array): (q: string) => unknown {
  if (kind === 'ours') {
    const engine = Engine.load(bytes, readLexicon());
    return (q) => engine.ask(q);
  }
  if (kind === 'fair') {
    const fair = openFair(bytes);
    return (q) => fair.search(q);
  }
  const mini = MiniSearch.loadJSON(new TextDecoder().decode(bytes), PLAIN_OPTIONS);
  return (q) => mini.search(q).slice(0, 3);
}

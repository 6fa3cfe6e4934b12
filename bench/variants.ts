/**
 * The two indexes the bench compares, behind one interface:
 * - `ours`: Briefbot's bundled index (what `npm run build:index` writes and the Worker loads);
 * - `plain`: plain MiniSearch with default options (fields title+text, passage text stored
 *   for snippets), serialized with `JSON.stringify` and loaded with `MiniSearch.loadJSON`.
 * @module
 */
import MiniSearch from 'minisearch';
import { Engine } from '../src/core/engine.js';
import { buildEngine } from '../src/core/indexer.js';
import { readLexicon } from '../src/node/lexicon.js';
import type { Brief } from '../src/core/types.js';

export type Kind = 'ours' | 'plain';

export const PLAIN_OPTIONS = { fields: ['title', 'text'], storeFields: ['briefId', 'text'] };

/** Build and serialize: the bytes that get bundled. */
export function buildBytes(kind: Kind, briefs: Brief[]): Uint8Array {
  if (kind === 'ours') return buildEngine(briefs, readLexicon()).serialize();
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
  const mini = MiniSearch.loadJSON(new TextDecoder().decode(bytes), PLAIN_OPTIONS);
  return (q) => mini.search(q).slice(0, 3);
}

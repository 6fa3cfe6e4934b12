/**
 * Passage search without composing an answer: the question's best passages,
 * ranked as the answerer ranks them ({@link retrieve}), each shown as a
 * citation whose snippet is built around the sentence holding most of the
 * query's words. Used by the MCP server's `search_briefs` tool, where an
 * assistant reads the passages and writes its own answer.
 * @module
 */
import { citation, highlight, snippet } from './answer.js';
import type { Engine } from './engine.js';
import { retrieve } from './retrieve.js';
import type { Citation } from './types.js';

/** Most passages one search returns. */
export const SEARCH_MAX = 20;

/** The `limit` best passages for `query` (1–{@link SEARCH_MAX}), best first; none when no word of it is indexed. */
export function searchPassages(engine: Engine, query: string, limit = 5): Citation[] {
  const k = Math.min(Math.max(Math.trunc(limit), 1), SEARCH_MAX);
  const { hits } = retrieve(engine.index, query, { k });
  return hits.slice(0, k).map((hit) => {
    const terms = new Set(hit.matched);
    const { passage } = hit;
    // Sentence by sentence: how many of the query's words it holds.
    const counts = passage.sentences.map(([a, b]) => highlight(passage.text.slice(a, b), terms).length);
    const best = counts.reduce((top, n, i) => (n > counts[top]! ? i : top), 0);
    const snip = snippet(passage, best, (i) => counts[i] ?? 0, terms);
    const brief = engine.brief(passage.briefId)!;
    return citation(brief, passage.id, snip, Math.round(hit.score * 1000) / 1000);
  });
}

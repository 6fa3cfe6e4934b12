/**
 * The evaluation split: every public set is cut **by brief** into a `tune`
 * part (where weights and thresholds are chosen, `scripts/tune.ts`) and a
 * `test` part (what `npm run eval` reports; the weights never saw it).
 *
 * Rule: a question goes with the **article** it was written on, and an
 * article's part is the parity of the FNV-1a hash of its key: even → tune,
 * odd → test. The key is the brief id without the kit's `squad1-`/`squad2-`
 * prefix (the same Wikipedia article appears in several sets, so one article
 * is in the same part in every set; an XQuAD brief `xquad-<lang>-NN` is
 * keyed `xquad-NN`, so an article is in the same part in every language), or for an out-of-corpus question the
 * slug of its `heldBackArticle` (which other sets hold as a brief). A
 * follow-up conversation goes with the brief of its first turn. The whole
 * corpus is always indexed: the other part's briefs stay in the index as
 * distractors; only the questions are split.
 * @module
 */

export type Part = 'tune' | 'test' | 'all';

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The article a question is about: its brief without the kit's set prefix, else its held-back article. */
export function splitKey(q: { briefId?: string | null; heldBackArticle?: string | null }): string {
  // An XQuAD article is the same in every language: "xquad-es-07" and "xquad-zh-07" are both "xquad-07".
  return q.briefId ? q.briefId.replace(/^squad[12]-/, '').replace(/^xquad-[a-z]{2,3}-/, 'xquad-') : slug(q.heldBackArticle ?? '');
}

/** The part of an article key: parity of its FNV-1a hash (the same in every set). */
export function partOf(key: string): 'tune' | 'test' {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 2 === 0 ? 'tune' : 'test';
}

/** The questions of one part (all of them for `all`), in their original order. */
export function selectPart<Q extends { briefId?: string | null; heldBackArticle?: string | null }>(questions: Q[], part: Part): Q[] {
  return part === 'all' ? questions : questions.filter((q) => partOf(splitKey(q)) === part);
}

/**
 * The conversations of one part: a conversation goes with the brief of its
 * first turn. Lines keep their order.
 */
export function selectConversations<L extends { conversationId: string; turn: number; briefId: string }>(lines: L[], part: Part): L[] {
  if (part === 'all') return lines;
  const first = new Map<string, string>();
  for (const l of lines) if (l.turn === 1) first.set(l.conversationId, l.briefId);
  return lines.filter((l) => partOf(splitKey({ briefId: first.get(l.conversationId) ?? null })) === part);
}

export function parsePart(text: string | undefined, fallback: Part): Part {
  if (text === undefined) return fallback;
  if (text === 'tune' || text === 'test' || text === 'all') return text;
  throw new Error(`--part must be tune, test or all (got "${text}")`);
}

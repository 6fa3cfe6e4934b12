/**
 * Compound words split into the words they are made of, for languages that
 * write compounds as one word (German, Dutch): "Bundesregierung" is also
 * "Bund" and "Regierung", so a question about "die Regierung des Bundes"
 * finds it, and the other way round.
 *
 * The parts come from the collection itself: a word splits where both pieces
 * are words the collection uses on their own (after the linking "s", "es",
 * "n", "en", "e" or "er" of the first piece goes), the corpus-based splitting
 * of Koehn and Knight (2003) without frequencies. The pieces are stemmed as
 * words of their own, so "Wirkung" in "Nebenwirkung" meets "Wirkung".
 * @module
 */
import type { Lang } from './detect.js';

/** The collection's vocabulary: does any passage hold this index term? */
export type Vocabulary = (term: string) => boolean;

/** Languages whose compounds are split. */
export const COMPOUNDING: ReadonlySet<Lang> = new Set(['de', 'nl']);

/** A word shorter than this is not split; the last piece is at least `MIN_TAIL` letters, the first `MIN_HEAD`. */
const MIN_WORD = 8;
const MIN_TAIL = 4;
const MIN_HEAD = 3;
/** Linking elements a first piece may end with ("Arbeit·s·markt", "Apotheke·n·techniker"), longest first. */
const LINKS = ['es', 'en', 'er', 's', 'n', 'e'];

const cache = new WeakMap<Vocabulary, Map<string, string[]>>();
const CACHE_SIZE = 20_000;

/**
 * The index terms of the two pieces of `word` (lower case, not yet stemmed), or [] when it does not split
 * into words the vocabulary holds. `termOf` turns a piece into its index term (stemming it). Of several
 * splits, the one with the longest last piece wins (the last piece is what the compound is).
 */
export function compoundParts(word: string, termOf: (piece: string) => string | null, known: Vocabulary): string[] {
  if (word.length < MIN_WORD || !/^\p{L}+$/u.test(word)) return [];
  let memo = cache.get(known);
  if (!memo) cache.set(known, (memo = new Map()));
  const hit = memo.get(word);
  if (hit) return hit;
  let parts: string[] = [];
  for (let i = MIN_HEAD; i <= word.length - MIN_TAIL && !parts.length; i++) {
    const tail = termOf(word.slice(i));
    if (!tail || !known(tail)) continue;
    const head = word.slice(0, i);
    for (const h of [head, ...LINKS.filter((l) => head.endsWith(l) && head.length - l.length >= MIN_HEAD).map((l) => head.slice(0, -l.length))]) {
      const term = termOf(h);
      if (term && known(term)) {
        parts = term === tail ? [term] : [term, tail];
        break;
      }
    }
  }
  if (memo.size >= CACHE_SIZE) memo.clear();
  memo.set(word, parts);
  return parts;
}

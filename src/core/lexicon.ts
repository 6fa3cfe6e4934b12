/**
 * The lexicon: general-English knowledge that bridges a reader's words and a
 * brief's, compiled at build time (`scripts/build-lexicon.ts`) into one
 * compact text table bundled with the Worker.
 *
 * - **Related terms** of a reader's term, by kind: derivationally related
 *   forms (`criticize` → `criticism`), words of the same frequent senses
 *   (`worry` → `concern`), similar adjectives and direct hypernyms. All are
 *   index terms (already analysed), so they meet the index as they are.
 * - **Background rank**: where a term stands among the most common English
 *   words, from which {@link backgroundIdf} estimates how much a word says in
 *   general English, whatever the size of the collection.
 *
 * Format: line 1 `briefbot-lexicon/1 <fingerprint>`; line 2 the background
 * terms, most common first, space-separated; then one line per reader's term,
 * sorted, `term\tderived\tsynonyms\tsimilar\thypernyms` (space-separated
 * terms in each column). Parsed lazily, looked up by binary search.
 * @module
 */

export const LEXICON_FORMAT = 'briefbot-lexicon/1';

/** The kinds of relation, in column order. */
export const RELATION_KINDS = ['derived', 'synonym', 'similar', 'hypernym'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

export type Related = Record<RelationKind, readonly string[]>;

const NONE: Related = { derived: [], synonym: [], similar: [], hypernym: [] };

export class Lexicon {
  private lines: string[] | undefined;
  private ranks: Map<string, number> | undefined;
  private readonly cache = new Map<string, Related>();

  constructor(private readonly text: string) {
    if (text && !text.startsWith(LEXICON_FORMAT)) throw new Error(`Briefbot: the lexicon is not in format ${LEXICON_FORMAT}; run "npm run build" again`);
  }

  private load(): string[] {
    if (!this.lines) {
      this.lines = this.text ? this.text.split('\n') : [];
      this.ranks = new Map((this.lines[1] ?? '').split(' ').filter(Boolean).map((t, i) => [t, i + 1]));
    }
    return this.lines;
  }

  /** 1 for the most common term, … ; undefined for a term outside the background list. */
  rank(term: string): number | undefined {
    this.load();
    return this.ranks!.get(term);
  }

  /** Terms of the background list. */
  get backgroundSize(): number {
    this.load();
    return this.ranks!.size;
  }

  /** Related index terms of a reader's term, by kind (empty when the lexicon has none). */
  related(term: string): Related {
    const hit = this.cache.get(term);
    if (hit) return hit;
    const lines = this.load();
    let lo = 2;
    let hi = lines.length - 1;
    let found: Related = NONE;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const line = lines[mid]!;
      const key = line.slice(0, line.indexOf('\t'));
      if (key === term) {
        const cols = line.split('\t');
        found = Object.fromEntries(RELATION_KINDS.map((k, i) => [k, cols[i + 1] ? cols[i + 1]!.split(' ') : []])) as unknown as Related;
        break;
      }
      if (key < term) lo = mid + 1;
      else hi = mid - 1;
    }
    if (this.cache.size > 4096) this.cache.clear();
    this.cache.set(term, found);
    return found;
  }
}

/**
 * How much a term says in general English, as an IDF: Zipf's law turns a
 * background rank r into a word probability of about 0.1 / r, and a passage
 * of `passageWords` words holds it with probability 1 − (1 − p)^n. Terms
 * outside the list (names, rare words) get the IDF of the list's last rank.
 */
export function backgroundIdf(lexicon: Lexicon, term: string, passageWords = 60): number {
  const r = lexicon.rank(term) ?? lexicon.backgroundSize * 2 + 1;
  const p = Math.min(0.5, 0.1 / r);
  const df = 1 - Math.pow(1 - p, passageWords);
  return Math.log(1 + (1 - df + 1e-4) / (df + 1e-4));
}

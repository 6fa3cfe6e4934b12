/**
 * The lexicon: general-English knowledge that bridges a reader's words and a
 * brief's, compiled at build time (`scripts/build-lexicon.ts`) into one
 * compact text table bundled with the Worker.
 *
 * - **Related terms** of a reader's term, by kind: derivationally related
 *   forms (`criticize` → `criticism`), words of the same frequent senses
 *   (`worry` → `concern`), similar adjectives and direct hypernyms. All are
 *   index terms (already analysed), so they meet the index as they are.
 *   A two-word verb has a line of its own, keyed by its words' terms joined
 *   with `_` (`wipe_out` → `erad`): see `phraseTerms` in `retrieve.ts`.
 * - **Opposites** (WordNet's antonyms of verbs, adjectives and adverbs:
 *   `consistent` / `inconsistent`, each pair once): not for search, but to
 *   notice an answer sentence that says the opposite of what was asked.
 * - **Background rank**: where a term stands among the most common English
 *   words, from which {@link backgroundIdf} estimates how much a word says in
 *   general English, whatever the size of the collection.
 *
 * Format (UTF-8 text, shipped as the Data module `src/generated/lexicon.bin`):
 * line 1 `briefbot-lexicon/4 <fingerprint>`; then the licence notice of the
 * sources, each line starting with `#`; then the background terms, most
 * common first, space-separated; then the terms of words naming a person first of all (WordNet's noun.person, by
 * SemCor's sense counts: "envoy", "spokesman"), space-separated; then one line per reader's term, sorted,
 * `term\tderived\tsynonyms\tsimilar\thypernyms\topposites` (space-separated terms in each
 * column). The bytes are decoded and split lazily (at the first question) and
 * looked up by binary search.
 * @module
 */
import { Memo } from './memo.js';

export const LEXICON_FORMAT = 'briefbot-lexicon/4';

/** The kinds of relation, in column order. */
export const RELATION_KINDS = ['derived', 'synonym', 'similar', 'hypernym'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

export type Related = Record<RelationKind, readonly string[]>;

const NONE: Related = { derived: [], synonym: [], similar: [], hypernym: [] };
const EMPTY: ReadonlySet<string> = new Set();

export class Lexicon {
  private data: string | Uint8Array | undefined;
  private lines: string[] | undefined;
  /** Index in `lines` of the background line (the first after the header and the notice). */
  private background = 1;
  private ranks: Map<string, number> | undefined;
  private readonly cache = new Memo<string, Related>(4096);
  private opposite: Map<string, Set<string>> | undefined;
  private heads: Set<string> | undefined;
  private persons: Set<string> | undefined;

  /**
   * @param data the lexicon's text or its UTF-8 bytes (as `scripts/build-lexicon.ts` writes them);
   *   nothing is decoded or parsed until the first lookup. Empty: a lexicon with no entries.
   */
  constructor(data: string | Uint8Array | ArrayBuffer) {
    this.data = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
    const head =
      typeof this.data === 'string' ? this.data.slice(0, LEXICON_FORMAT.length) : new TextDecoder().decode(this.data.subarray(0, LEXICON_FORMAT.length));
    if (this.data.length > 0 && head !== LEXICON_FORMAT) throw new Error(`Briefbot: the lexicon is not in format ${LEXICON_FORMAT}; run "npm run build" again`);
  }

  private load(): string[] {
    if (!this.lines) {
      const text = typeof this.data === 'string' ? this.data : new TextDecoder().decode(this.data);
      this.data = undefined;
      this.lines = text ? text.split('\n') : [];
      let at = 1;
      while (this.lines[at]?.startsWith('#')) at++;
      this.background = at;
      this.persons = new Set((this.lines[at + 1] ?? '').split(' ').filter(Boolean));
      this.ranks = new Map(
        (this.lines[at] ?? '')
          .split(' ')
          .filter(Boolean)
          .map((t, i) => [t, i + 1]),
      );
    }
    return this.lines;
  }

  /** The notice the lexicon carries (the WordNet licence), without its `#` marks. */
  get notice(): string {
    const lines = this.load();
    return lines
      .slice(1, this.background)
      .map((l) => l.replace(/^# ?/, ''))
      .join('\n');
  }

  /** Reader's terms with relations. */
  get size(): number {
    return Math.max(0, this.load().length - this.background - 2);
  }

  /** 1 for the most common term, … ; undefined for a term outside the background list. */
  rank(term: string): number | undefined {
    this.load();
    return this.ranks!.get(term);
  }

  /** Does the term's word name a person first of all ("ambassador", "envoy"; not "state" nor "house")? */
  isPerson(term: string): boolean {
    this.load();
    return this.persons!.has(term);
  }

  /** Terms of the background list. */
  get backgroundSize(): number {
    this.load();
    return this.ranks!.size;
  }

  /** Whether some two-word verb opens with this term (`wipe` for `wipe_out`): read once, at the first call. */
  opensPhrase(term: string): boolean {
    if (!this.heads) {
      const lines = this.load();
      this.heads = new Set();
      for (let i = this.background + 2; i < lines.length; i++) {
        const line = lines[i]!;
        const cut = line.indexOf('_');
        if (cut > 0 && cut < line.indexOf('\t')) this.heads.add(line.slice(0, cut));
      }
    }
    return this.heads.has(term);
  }

  /** Related index terms of a reader's term, by kind (empty when the lexicon has none). */
  related(term: string): Related {
    return this.cache.get(term, this.lookUp);
  }

  /** {@link related} without the memo: a binary search over the lines. */
  private readonly lookUp = (term: string): Related => {
    const lines = this.load();
    let lo = this.background + 2;
    let hi = lines.length - 1;
    let found = NONE;
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
    return found;
  };

  /**
   * The opposites of a term (antonyms: `consist` → `inconsist`), both ways round: the lexicon keeps
   * each pair once, so the last column of every line is read into one map at the first call.
   */
  opposites(term: string): ReadonlySet<string> {
    if (!this.opposite) {
      const map = new Map<string, Set<string>>();
      const pair = (a: string, b: string) => (map.get(a) ?? map.set(a, new Set()).get(a)!).add(b);
      const lines = this.load();
      for (let i = this.background + 2; i < lines.length; i++) {
        // Format 4 (checked when constructed): the last of the six columns holds the opposites.
        const line = lines[i]!;
        const last = line.slice(line.lastIndexOf('\t') + 1);
        if (!last) continue;
        const key = line.slice(0, line.indexOf('\t'));
        for (const o of last.split(' ')) {
          pair(key, o);
          pair(o, key);
        }
      }
      this.opposite = map;
    }
    return this.opposite.get(term) ?? EMPTY;
  }

  /** Are two index terms opposites? */
  opposed(a: string, b: string): boolean {
    return this.opposites(a).has(b);
  }
}

/**
 * How much a term says in general English, as an IDF: Zipf's law turns a
 * background rank r into a word probability of about 0.1 / r, and a passage
 * of `passageWords` words holds it with probability 1 − (1 − p)^n. Terms
 * outside the list (names, rare words) get the IDF of the list's last rank.
 */
export function backgroundIdf(lexicon: Lexicon, term: string, passageWords = 60): number {
  const df = backgroundShare(lexicon, term, passageWords);
  return Math.log(1 + (1 - df + 1e-4) / (df + 1e-4));
}

/** The share of general-English passages of `passageWords` words that hold `term` (see {@link backgroundIdf}). */
export function backgroundShare(lexicon: Lexicon, term: string, passageWords = 60): number {
  const r = lexicon.rank(term) ?? lexicon.backgroundSize * 2 + 1;
  const p = Math.min(0.5, 0.1 / r);
  return 1 - Math.pow(1 - p, passageWords);
}

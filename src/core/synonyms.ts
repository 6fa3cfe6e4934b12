/**
 * The newsroom's synonyms: words its readers use for what its briefs say in other words, written by the
 * newsroom (`synonyms.txt` beside the briefs, read at build time and kept in the index). Readers ask
 * "When did things get better between them?" of a brief that says "Tensions eased"; no general-English
 * resource links "get better" to "ease", but the questions the briefs did not answer (`/admin`) show an
 * editor which words to add. The format is the one search engines use (Solr's and Elasticsearch's
 * `synonyms.txt`):
 *
 * ```text
 * # a comment
 * calm down, cool off, thaw, ease      (each phrase stands for every other)
 * travel papers, travel documents => visa   (the reader's phrases on the left stand for those on the right)
 * ```
 *
 * A phrase of the question matches when its words, analysed as the question is (stemmed, stop words left
 * out: "calm down" is "calm", "calming down" too), stand together in the question. The phrases it stands
 * for then count as the reader's own words: they are searched, and a sentence that holds them holds the
 * question's word (as a derived form does; see `retrieve.ts`).
 *
 * @example
 * const synonyms = new Synonyms(parseSynonyms('calm down, ease').map(formatSynonym));
 * synonyms.expand('When did things calm down?', 'en'); // Map { 'calm' => ['eas'] }
 * @module
 */
import { BriefError, type BriefProblem } from './errors.js';
import { detectLanguage, type Lang } from './lang/detect.js';
import type { Vocabulary } from './lang/compound.js';
import { analyze } from './text.js';

/** The file a briefs folder holds its synonyms in. */
export const SYNONYMS_FILE = 'synonyms.txt';

/** One line of a synonyms file: the reader's phrases and the phrases each may stand for. */
export interface SynonymRule {
  /** The reader's phrases (every phrase of an equivalence line). */
  readers: string[];
  /** The phrases they stand for; an equivalence line stands each phrase for the others. */
  briefs: string[];
  /** `a, b => c`: only the phrases on the left stand for those on the right. */
  oneWay: boolean;
  /** 1-based line number in the file. */
  line: number;
}

/** At most this many lines: a synonyms file is an editor's list, not a thesaurus. */
const MAX_RULES = 5000;
/** Words in a phrase, at most. */
const MAX_WORDS = 6;

/**
 * Parse a synonyms file (see the module comment). Blank lines and `#` comments are skipped. Every problem is
 * reported with its line (`synonyms.txt:3: …`, a {@link BriefError}); nothing is returned then.
 */
export function parseSynonyms(text: string, file = SYNONYMS_FILE): SynonymRule[] {
  const rules: SynonymRule[] = [];
  const problems: BriefProblem[] = [];
  const phrases = (side: string) =>
    side
      .split(',')
      .map((p) => p.trim().replace(/\s+/g, ' '))
      .filter(Boolean);
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const body = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!body) return;
    const problem = (message: string) => problems.push({ file, line, message });
    const sides = body.split('=>');
    if (sides.length > 2) return problem('one "=>" per line at most');
    const readers = phrases(sides[0]!);
    const oneWay = sides.length === 2;
    const briefs = oneWay ? phrases(sides[1]!) : readers;
    if (oneWay && (readers.length === 0 || briefs.length === 0)) return problem('"=>" needs phrases on both sides: "travel papers => visa"');
    if (!oneWay && readers.length < 2) return problem('a line needs two phrases or more, separated by commas: "calm down, ease"');
    const long = [...readers, ...briefs].find((p) => p.split(' ').length > MAX_WORDS);
    if (long) return problem(`"${long}" has more than ${MAX_WORDS} words`);
    const empty = [...readers, ...briefs].find((p) => analyze(p, detectLanguage(p)).length === 0);
    if (empty) return problem(`"${empty}" has no word to look up (only stop words or punctuation)`);
    rules.push({ readers, briefs, oneWay, line });
  });
  if (rules.length > MAX_RULES) problems.push({ file, line: rules[MAX_RULES]!.line, message: `more than ${MAX_RULES} lines of synonyms` });
  if (problems.length) throw new BriefError(problems);
  return rules;
}

/** A rule as one line of the file, as the index keeps it. */
export function formatSynonym(rule: SynonymRule): string {
  return rule.oneWay ? `${rule.readers.join(', ')} => ${rule.briefs.join(', ')}` : rule.readers.join(', ');
}

/** A phrase as analysed in one language: its terms in order. */
type Analysed = readonly string[];

/** The newsroom's synonyms, ready to expand questions (the rules analysed per language on first use). */
export class Synonyms {
  private readonly rules: SynonymRule[];
  private readonly byLang = new Map<Lang, { readers: Analysed[]; briefs: Analysed[]; oneWay: boolean }[]>();

  /** @param lines the file's rules, one per line as {@link formatSynonym} writes them (the index's copy). */
  constructor(readonly lines: readonly string[] = []) {
    this.rules = lines.length ? parseSynonyms(lines.join('\n')) : [];
  }

  get size(): number {
    return this.rules.length;
  }

  /**
   * The question's terms that a phrase of a rule matches, each with the terms of the phrases it stands for
   * (none of the question's own). Empty when no rule matches.
   */
  expand(question: string, lang: Lang, known?: Vocabulary): Map<string, string[]> {
    const out = new Map<string, string[]>();
    if (this.rules.length === 0) return out;
    const seq = analyze(question, lang, known);
    const own = new Set(seq);
    for (const rule of this.analysed(lang)) {
      rule.readers.forEach((phrase, i) => {
        if (!occurs(phrase, seq)) return;
        const targets = rule.briefs.filter((_, j) => rule.oneWay || j !== i).flat();
        const fresh = [...new Set(targets)].filter((t) => !own.has(t));
        if (fresh.length === 0) return;
        for (const t of new Set(phrase)) out.set(t, [...new Set([...(out.get(t) ?? []), ...fresh])]);
      });
    }
    return out;
  }

  private analysed(lang: Lang): { readers: Analysed[]; briefs: Analysed[]; oneWay: boolean }[] {
    let rules = this.byLang.get(lang);
    if (!rules) {
      const terms = (p: string) => analyze(p, lang);
      rules = this.rules.map((r) => ({
        readers: r.readers.map(terms).filter((t) => t.length > 0),
        briefs: r.briefs.map(terms).filter((t) => t.length > 0),
        oneWay: r.oneWay,
      }));
      this.byLang.set(lang, rules);
    }
    return rules;
  }
}

/** Do the terms of `phrase` stand together, in order, in `seq`? */
function occurs(phrase: Analysed, seq: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  for (let i = 0; i + phrase.length <= seq.length; i++) if (phrase.every((t, j) => seq[i + j] === t)) return true;
  return false;
}

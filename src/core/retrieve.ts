/**
 * Passage retrieval: question → ranked passages.
 *
 * The question goes through the same analysis as the briefs (variants, stop
 * words, stemming). Known terms match exactly; a term the index has never
 * seen (a typo, a plural the stemmer missed) may match fuzzily or by prefix.
 * BM25 ranks, field boosts favour the title and section, and a small recency
 * factor breaks near-ties in favour of newer briefs.
 * @module
 */
import { RELATION_KINDS, type Related, type RelationKind } from './lexicon.js';
import type { Match, SearchSettings, TermQuery } from './packed/search.js';
import { documentFrequency, idf, type SearchIndex } from './search-index.js';
import { langOf, questionLanguage, type Lang } from './lang/detect.js';
import { analyze, analyzeWithRanges, normalizeWord, PREFIX_LETTERS, termOfWord, words } from './text.js';
import type { Passage } from './types.js';

/** Tunable retrieval settings (defaults chosen on the public evaluation sets; see README). */
export interface RetrieveOptions {
  /** Passages to return. */
  k: number;
  /** Field boosts. */
  boost: { title: number; section: number; text: number };
  /** BM25 parameters (MiniSearch's BM25+). */
  bm25: { k: number; b: number; d: number };
  /** Relative weight of recency between otherwise equal matches (0 = off). */
  recency: number;
  /** Unknown terms at least this long are matched fuzzily and by prefix. */
  fuzzyMinLength: number;
  /**
   * Weight of brief-level evidence: a passage's score is raised by this times
   * the share of the question's weight that its whole brief matches (a question
   * naming two characters of one story finds that story, even when no single
   * paragraph names both).
   */
  briefWeight: number;
  /**
   * Score factor for a passage whose brief lacks the names the question gives (words capitalised after
   * its first, which the collection holds), raised to the share of them it lacks: names say which
   * story a question is about ("Who does Vasquez shoot?" is not about the brief that says "shoot" most).
   */
  nameFactor: number;
  /**
   * A question word the collection lacks, that is the collection's word with two neighbouring letters
   * swapped ("Zeria" where the briefs say "Zeira"), is read as that word: fuzzy matching counts a swap as
   * two edits, more than a word of its length may differ by. Not for common English words ("trail" is no
   * typo of "trial").
   */
  transpositions: boolean;
  /**
   * A question word the collection lacks, of at least this many letters and no common English word, that is
   * one edit away from exactly one word the collection holds, itself no common English word (a name:
   * "Villavicensio" where the briefs say "Villavicencio"), is read as that word: fuzzy matching finds its
   * passages, but the answer's sentence holds another word, and the question looked unanswered. 0: off.
   */
  misspellings: number;
  /**
   * In an English yes-no question, a word the collection lacks whose negated form it holds ("proven" where
   * the brief says "unproven"), or that of a form the lexicon derives from it ("prove", "proven"), is read as
   * that form: the sentence that says the opposite is the answer
   * ("Were the allegations proven?" → "…unproven drug-trafficking allegations"). Not in other questions:
   * "Which claims were proven?" is not answered by claims that were not.
   */
  negatedForms: boolean;
  /**
   * An English question word the collection lacks, whose British or American spelling it holds
   * ("criticise" where the brief says "criticized", "center" where it says "centre"), is read as that
   * spelling. The forms are tried on the word's term and kept only when the collection holds them.
   */
  spellings: boolean;
  /**
   * An English question word the briefs write only as the given name of one person ("Gustavo" in "Gustavo
   * Petro"), whose surname they also use alone ("President Petro would receive…"), is read as the surname: a
   * reader who says "Gustavo" means Petro, and the sentences that answer name him so. A word is read so when
   * it is capitalised in the question (not as its first word) or no common English word, the briefs hold it
   * in at most this many passages, and every time capitalised, before the same capitalised word (and the
   * lexicon has no relations for it: no English word). 0: off.
   */
  givenNames: number;
  /** The question's language (a tag); detected from the question among the collection's languages when not given. */
  lang?: string;
  /** In a collection of several languages, score factor 1 + this for passages of briefs in the question's language. */
  languageWeight: number;
  /**
   * The question's predicate terms (the "talk" of "What will they talk
   * about?", the "say" of "What did Petro say?"): the answer says it in any
   * words ("discussions", "said"), so their related words count fully, in
   * the ranking as in the sentence.
   */
  predicates: string[];
  /**
   * The words a topic question asks about ("money and business" in "Will they talk about money and business?"):
   * those the collection lacks are searched for their derived forms and synonyms the collection holds ("trade",
   * "economic"), as the predicate's are.
   */
  about: string[];
  /**
   * An English question none of whose words the collection holds ("When did things start cooling down between the
   * two leaders?" of a brief where tensions "eased" between "the presidents") is searched for the words the lexicon
   * derives from them ("ease", "president"), which stand in for a word fully in a sentence: otherwise nothing
   * matches at all, and the question is declined however well its words' forms answer it.
   */
  derivedWhenUnknown: boolean;
  /**
   * The weight at which a word the collection lacks is searched for the words the lexicon derives from it when
   * the question has other words it holds ("When did relations improve?" of a brief where "tensions" eased;
   * 0: not searched). A common English word's forms only, as above.
   */
  derivedOfUnknown: number;
  /**
   * Terms of the question searched for no derived form: words that say when, not what ("calm" of "…before things
   * calmed down?", whose "ease" would draw the search to the sentence where tensions eased).
   */
  underived: string[];
  /**
   * A two-word verb of the question that the lexicon knows ("wipe out", "take issue with", "calm things down")
   * lends its words the phrase's related words ("eradicate", "disagree", "calm"), ahead of the verb's own
   * ("wipe" alone is about cloths): see {@link phraseTerms}.
   */
  phrases: boolean;
}

export const DEFAULT_RETRIEVE_OPTIONS: RetrieveOptions = {
  k: 12,
  boost: { title: 1, section: 1, text: 1 },
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  recency: 0.02,
  fuzzyMinLength: 5,
  briefWeight: 0.5,
  nameFactor: 0.6,
  transpositions: true,
  misspellings: 7,
  negatedForms: true,
  spellings: true,
  givenNames: 16,
  languageWeight: 0.5,
  predicates: [],
  about: [],
  derivedWhenUnknown: true,
  derivedOfUnknown: 0.5,
  underived: [],
  phrases: true,
};

/** Results (best first) that brief-level evidence is gathered from. */
const EVIDENCE_DEPTH = 512;

/** A word related to a question term: its kind. */
interface RelatedTerm {
  kind: RelationKind;
}

/** Words related to a question's terms (from the lexicon): own term → related term → kind. */
type Expansions = Map<string, Map<string, RelatedTerm>>;

function expandTerms(index: SearchIndex, terms: string[], places: ReadonlySet<string>, phrases: ReadonlyMap<string, Related>): Expansions {
  const out: Expansions = new Map();
  for (const t of terms) {
    const rel = index.lexicon.related(t);
    const phrase = phrases.get(t);
    const m = new Map<string, RelatedTerm>();
    for (const kind of RELATION_KINDS) {
      // A two-word verb's relations first: the phrase, not the verb alone, is what the reader means.
      for (const r of [...(phrase?.[kind] ?? []), ...(kind === 'derived' ? derivedForms(index, t, places) : rel[kind])]) {
        if (!terms.includes(r) && !m.has(r)) m.set(r, { kind });
      }
    }
    if (m.size) out.set(t, m);
  }
  return out;
}

/** Words between a verb and its particle at most ("ring him up", "calm things down"). */
const PARTICLE_GAP = 2;

/**
 * The two-word verbs of a question the lexicon knows ("wipe out coca", "take issue with", "calm things down"): each
 * of their words' terms → the phrase's related terms. The second word follows the verb, or is a stop word (a
 * particle) after at most {@link PARTICLE_GAP} words.
 */
export function phraseTerms(index: SearchIndex, question: string): Map<string, Related> {
  const out = new Map<string, Related>();
  const ws = words(question).map(({ word }) => word);
  ws.forEach((w, i) => {
    const head = termOfWord(w);
    if (head === null || !index.lexicon.opensPhrase(head)) return;
    for (let j = i + 1; j < ws.length && j <= i + 1 + PARTICLE_GAP; j++) {
      const second = termOfWord(ws[j]!);
      if (second !== null && j > i + 1) continue;
      const rel = index.lexicon.related(`${head}_${second ?? normalizeWord(ws[j]!)}`);
      if (RELATION_KINDS.every((k) => rel[k].length === 0)) continue;
      for (const t of second === null ? [head] : [head, second]) out.set(t, rel);
      return;
    }
  });
  return out;
}

/**
 * The lexicon's derived forms of `term`; of a word the question names as a place (`places`), only its own
 * forms: "…to Washington" is the city, not the government its country's name stands for ("washingtonian", not
 * "U.S."; see `scripts/build-lexicon.ts`).
 */
export function derivedForms(index: SearchIndex, term: string, places: ReadonlySet<string>): readonly string[] {
  const derived = index.lexicon.related(term).derived;
  return places.has(term) ? derived.filter((r) => r.slice(0, 3) === term.slice(0, 3)) : derived;
}

/**
 * The terms of capitalised words the question names as a place: after "to", "in", "at", "from", "into" or
 * "visit", closing the question or a phrase ("…to Washington?", "…in Washington next week"), not a possessive
 * nor a word before a noun ("in Bogota's negotiations", "at American foreign policy").
 */
function placeTerms(question: string): Set<string> {
  const out = new Set<string>();
  for (const m of question.matchAll(PLACE_NAMED)) for (const t of analyze(m[1]!)) out.add(t);
  return out;
}
const PLACE_NAMED =
  /\b(?:to|in|at|from|into|visit\w*)\s+(\p{Lu}[\p{L}\p{M}.-]*)(?=\s*(?:[?!.,;:]|$)|\s+(?:with|for|on|in|at|to|next|this|last|soon|again|and|or|before|after|when|while|by|until)\b)/gu;

export interface Hit {
  passage: Passage;
  /** Index of the passage inside the search index. */
  doc: number;
  score: number;
  /** The BM25 part of the score alone (without recency, brief evidence or a conversation's focus). */
  bm25: number;
  /** The question's terms this passage matched (index terms, stemmed). */
  matched: string[];
}

/**
 * What a conversation adds to a follow-up question (built by `conversation.ts`):
 * extra terms from the earlier turns, each with a weight below 1, and a boost
 * for the passages of the briefs in focus.
 */
export interface QueryContext {
  /** Extra query term → weight (0–1) relative to the question's own terms. */
  terms: Map<string, number>;
  /** Brief id → score factor (≥ 1) for its passages. */
  focus: Map<string, number>;
  /** Passage id → a further score factor (≥ 1). */
  passages?: Map<string, number>;
  /** What the last answer said (its text without markers): a follow-up's answer does not repeat it. */
  said?: string;
}

export interface Retrieval {
  /** The language the question was analysed in. */
  lang: Lang;
  /** The question's distinct terms, in order. */
  terms: string[];
  /** Terms from the conversation and their weights, when a context was given. */
  context?: QueryContext;
  /** Terms with no exact match anywhere in the index. */
  unknown: string[];
  /** Terms of the words the question names as a place ("…to Washington?", see {@link placeTerms}). */
  places: ReadonlySet<string>;
  /** Related words the question was expanded with (see {@link expandTerms}). */
  expansions: Expansions;
  /** The question's words read as part of a two-word verb ("coming along"), with that verb's relations (see {@link phraseTerms}). */
  phrases: ReadonlyMap<string, Related>;
  /** The question's predicate terms it was ranked with (see {@link RetrieveOptions.predicates}). */
  predicates: string[];
  /** Per brief among the best-scoring results: the query terms (own and related) any of its passages holds. */
  briefMatched: Map<string, Set<string>>;
  hits: Hit[];
}

/**
 * The question's terms, analysed as its language. In a collection with briefs in other languages, a
 * word the collection does not know in that form takes the form another of its languages gives it,
 * when the collection knows that one: a name in a Spanish question about English briefs ("Rubio",
 * which the Spanish stemmer makes "rubi", the English one leaves "rubio").
 */
function questionTerms(index: SearchIndex, question: string, lang: Lang): string[] {
  const others = index.languages.filter((l) => l !== lang);
  if (others.length === 0) return [...new Set(analyze(question, lang, index.known))];
  const terms = new Set<string>();
  for (const { term, start, end } of analyzeWithRanges(question, lang, index.known)) {
    let t = term;
    if (documentFrequency(index, t) === 0) {
      const word = question.slice(start, end);
      for (const l of others) {
        const [u, ...rest] = analyze(word, l, index.known);
        if (u !== undefined && rest.length === 0 && documentFrequency(index, u) > 0) {
          t = u;
          break;
        }
      }
    }
    terms.add(t);
  }
  return [...terms];
}

/** A question word's term (four letters or more, no number) that the collection lacks: one the readings below may find a form of. */
function unheld(index: SearchIndex, term: string): boolean {
  return term.length >= 4 && !/^\d/.test(term) && documentFrequency(index, term) === 0;
}

/** The collection's term that `term` is a typo of, by two neighbouring letters swapped (see {@link RetrieveOptions.transpositions}); else `term`. */
function untransposed(index: SearchIndex, term: string): string {
  if (!unheld(index, term) || index.lexicon.rank(term) !== undefined) return term;
  const dictionary = index.searcher.tables.dictionary;
  const [first] = dictionary.transposed(term);
  return first === undefined ? term : dictionary.termAt(first);
}

/** The collection's name that `term` is a misspelling of, one edit away (see {@link RetrieveOptions.misspellings}); else `term`. */
function misspelt(index: SearchIndex, term: string, letters: number): string {
  if (term.length < letters || !unheld(index, term) || index.lexicon.rank(term) !== undefined) return term;
  const dictionary = index.searcher.tables.dictionary;
  const near = dictionary.fuzzy(term, 1).filter(([, distance]) => distance === 1);
  if (near.length !== 1) return term;
  const other = dictionary.termAt(near[0]![0]);
  return index.lexicon.rank(other) === undefined ? other : term;
}

/**
 * Prefixes that negate an English word ("unproven", "nonviolent"). Not "in", "im" or "dis": those also
 * begin words that negate nothing ("income", "impose", "discover").
 */
const NEGATING_PREFIXES = ['un', 'non'];
/** A question opening with an auxiliary: a yes-no question. */
/** The auxiliaries a question opens with or inverts ("Is…?", "…, and did they…?"), space-separated. */
export const AUXILIARIES = 'is are was were did does do has have had will would can could should';
export const YES_NO_QUESTION = new RegExp(String.raw`^\W*(?:${AUXILIARIES.replaceAll(' ', '|')})\b`, 'i');

/** The collection's term for `term` negated (see {@link RetrieveOptions.negatedForms}); else `term`. */
function negatedForm(index: SearchIndex, term: string): string {
  if (!unheld(index, term)) return term;
  // The word or a form derived from it ("prove" → "proven": "…unproven allegations").
  for (const form of [term, ...index.lexicon.related(term).derived])
    for (const prefix of NEGATING_PREFIXES) if (documentFrequency(index, prefix + form) > 0) return prefix + form;
  return term;
}

/**
 * A term's other spellings, British → American then American → British, as [pattern, replacement] on the
 * term (the stemmer's output: "criticise" → "criticis", "criticize" → "critic", "realize" → "realiz").
 */
const SPELLINGS: [RegExp, string][] = [
  [/is$/, ''], // criticis → critic, organis → organ
  [/is$/, 'iz'], // realis → realiz
  [/ys$/, 'yz'], // analys → analyz
  [/our/, 'or'], // labour → labor, behaviour → behavior
  [/([^aeiou])r$/, '$1er'], // centr → center, theatr → theater
  [/enc$/, 'ens'], // licenc → licens, defenc → defens
  [/ogu$/, 'og'], // catalogu → catalog
  [/mm$/, 'm'], // programm → program
  [/iz$/, 'is'], // realiz → realis
  [/$/, 'is'], // critic → criticis
  [/yz$/, 'ys'],
  [/or/, 'our'],
  [/([^aeiou])er$/, '$1r'],
  [/ens$/, 'enc'],
  [/og$/, 'ogu'],
  [/([^m])m$/, '$1mm'],
];

/** The collection's term for `term` spelt the British or the American way (see {@link RetrieveOptions.spellings}); else `term`. */
function otherSpelling(index: SearchIndex, term: string): string {
  if (!unheld(index, term) || !/^[a-z]+$/.test(term)) return term;
  for (const [pattern, replacement] of SPELLINGS) {
    if (!pattern.test(term)) continue;
    const other = term.replace(pattern, replacement);
    if (other !== term && other.length >= 4 && documentFrequency(index, other) > 0) return other;
  }
  return term;
}

/** The surname the briefs give after `term`, a given name (see {@link RetrieveOptions.givenNames}); else `term`. */
function surnameAfter(index: SearchIndex, term: string, docs: number, settings: SearchSettings): string {
  const df = documentFrequency(index, term);
  if (df === 0 || df > docs) return term;
  let surname: string | undefined;
  for (const { doc } of index.searcher.search([{ term, weight: 1, loose: false }], settings, docs)) {
    const text = index.passages[doc]!.text;
    for (const { term: t, start, end } of analyzeWithRanges(text, 'en')) {
      if (t !== term) continue;
      const next = /^\s+(\p{Lu}[\p{L}'’-]*)/u.exec(text.slice(end, end + 40))?.[1];
      const u = next === undefined || !/^\p{Lu}/u.test(text.slice(start)) ? undefined : analyze(next)[0];
      if (u === undefined || (surname !== undefined && u !== surname)) return term;
      surname = u;
    }
  }
  // The surname a name too: no common English word, or none the lexicon relates ("Katyń Museum" names no Mr. Museum).
  const isName = (t: string) => index.lexicon.rank(t) === undefined || RELATION_KINDS.every((kind) => index.lexicon.related(t)[kind].length === 0);
  return surname !== undefined && documentFrequency(index, surname) > df && isName(surname) ? surname : term;
}

/**
 * The question's words that may be given names: capitalised (not as the first word) or no common English
 * word, and no word of the lexicon's ("French" in "the Brazilian French colony" is an adjective).
 */
function givenNameTerms(index: SearchIndex, question: string): Set<string> {
  const out = new Set<string>();
  for (const { term, start, end } of analyzeWithRanges(question, 'en')) {
    const word = question.slice(start, end);
    if (!/^\p{L}\p{Ll}+$/u.test(word) || !((start > 0 && /^\p{Lu}/u.test(word)) || index.lexicon.rank(term) === undefined)) continue;
    const related = index.lexicon.related(term);
    if (RELATION_KINDS.every((kind) => related[kind].length === 0)) out.add(term);
  }
  return out;
}

/** Rank the passages for a question. */
export function retrieve(index: SearchIndex, question: string, options: Partial<RetrieveOptions> = {}, context?: QueryContext): Retrieval {
  const o = { ...DEFAULT_RETRIEVE_OPTIONS, ...options };
  const lang = o.lang !== undefined ? langOf(o.lang) : questionLanguage(question, index.languages);
  const read = questionTerms(index, question, lang);
  // A word the collection lacks, read as the form of it the collection holds: a typo's, the other
  // spelling's, the negated form's (each reading leaves a word the collection holds as it is).
  const readings = [
    ...(o.transpositions ? [untransposed] : []),
    ...(o.misspellings > 0 ? [(i: SearchIndex, t: string) => misspelt(i, t, o.misspellings)] : []),
    ...(o.spellings && lang === 'en' ? [otherSpelling] : []),
    ...(o.negatedForms && lang === 'en' && YES_NO_QUESTION.test(question) ? [negatedForm] : []),
  ];
  const settings = { boost: o.boost, bm25: o.bm25 };
  const given = o.givenNames > 0 && lang === 'en' ? givenNameTerms(index, question) : undefined;
  // (Not when the question gives the surname too: "Marco Rubio's counterpart" has two words to find.)
  if (given?.size) {
    readings.push((i, t) => {
      const u = given.has(t) ? surnameAfter(i, t, o.givenNames, settings) : t;
      return read.includes(u) ? t : u;
    });
  }
  const terms = [...new Set(read.map((t) => readings.reduce((u, reading) => reading(index, u), t)))];
  const unknown = terms.filter((t) => documentFrequency(index, t) === 0);
  // The lexicon's related words are English; the newsroom's synonyms are in any language, and stand in as
  // fully as a derived form (they are searched too, below).
  const places = placeTerms(question);
  const phrases: ReadonlyMap<string, Related> = lang === 'en' && o.phrases ? phraseTerms(index, question) : new Map();
  const expansions: Expansions = lang === 'en' ? expandTerms(index, terms, places, phrases) : new Map();
  const synonyms = [...index.synonyms.expand(question, lang, index.known)].filter(([own]) => terms.includes(own));
  for (const [own, related] of synonyms) {
    const m = expansions.get(own) ?? new Map<string, RelatedTerm>();
    for (const r of related) if (!terms.includes(r)) m.set(r, { kind: 'derived' });
    if (m.size) expansions.set(own, m);
  }
  // Terms beyond the question's own, with their weight (≤ 1): the related words of a topic
  // question's predicate, then the conversation's terms (known ones only, no fuzzy matching);
  // the larger weight wins. Other related words are not searched: measured, even derived
  // forms at 0.3 of a word's weight did not help the ranking (the answerer uses them in the
  // sentences it reads); but a word the collection lacks is searched for its derived forms, in
  // full when it has none of the question's words (`derivedWhenUnknown`), at `derivedOfUnknown` beside them.
  const extra = new Map<string, number>();
  // A related word rarer than the predicate weighs as much as the predicate at most.
  for (const own of o.predicates) {
    // A predicate the question does not word itself ("say" for "post") counts as the question's own.
    if (!terms.includes(own) && documentFrequency(index, own) > 0) extra.set(own, 1);
    const ownIdf = documentFrequency(index, own) > 0 ? idf(index, own) : Infinity;
    for (const t of expansions.get(own)?.keys() ?? []) {
      if (documentFrequency(index, t) === 0) continue;
      const w = Math.min(1, ownIdf / idf(index, t));
      if (w > (extra.get(t) ?? 0)) extra.set(t, w);
    }
  }
  // A topic question's subject the collection lacks, in the collection's words ("money and business": "trade", "economic").
  for (const own of o.about) {
    if (!unknown.includes(own)) continue;
    for (const [t, r] of expansions.get(own) ?? []) if ((r.kind === 'derived' || r.kind === 'synonym') && documentFrequency(index, t) > 0) extra.set(t, 1);
  }
  for (const [, related] of synonyms) for (const t of related) if (!terms.includes(t) && documentFrequency(index, t) > 0) extra.set(t, 1);
  // An unknown word's derived forms: in full when the question has no other word the collection holds, else at
  // `derivedOfUnknown` ("When did relations improve?": "tensions").
  const derivedAt = unknown.length === terms.length ? (o.derivedWhenUnknown ? 1 : 0) : o.derivedOfUnknown;
  if (derivedAt > 0) {
    // (Of a rarer word, only the forms spelled from its root, "spokesperson" → "spokesman" (`PREFIX_LETTERS`): a rarer word may be a
    // name, whose other forms, such as the country a capital stands for, are not what "bogota weather" asks about.)
    for (const own of unknown) {
      if (o.underived.includes(own)) continue;
      const common = index.lexicon.rank(own) !== undefined;
      for (const [t, r] of expansions.get(own) ?? [])
        if (
          r.kind === 'derived' &&
          documentFrequency(index, t) > 0 &&
          (common || t.slice(0, PREFIX_LETTERS) === own.slice(0, PREFIX_LETTERS)) &&
          derivedAt > (extra.get(t) ?? 0)
        )
          extra.set(t, derivedAt);
    }
  }
  if (context) for (const [t, w] of context.terms) if (!terms.includes(t) && documentFrequency(index, t) > 0 && w > (extra.get(t) ?? 0)) extra.set(t, w);
  const ctx = context ? { context } : {};
  const predicates = o.predicates;
  if (terms.length + extra.size === 0) return { lang, terms, unknown, places, expansions, phrases, predicates, briefMatched: new Map(), hits: [], ...ctx };

  // An unknown word (a typo, a plural the stemmer missed) also matches by prefix and fuzzily.
  const queries: TermQuery[] = [
    ...terms.map((term) => ({ term, weight: 1, loose: unknown.includes(term) && term.length >= o.fuzzyMinLength && !/^\d/.test(term) })),
    ...[...extra].map(([term, weight]) => ({ term, weight, loose: false })),
  ];
  // BM25 times the weight of the terms matched (related and conversation terms count by their weight).
  // Only the best EVIDENCE_DEPTH are sorted; the rest is read only when the walk below needs it.
  // (Transient: read before the next search, as below.)
  let results: readonly Match[] = index.searcher.searchTransient(queries, settings, EVIDENCE_DEPTH);

  // `results` come best score first; the conversation's focus, recency and brief evidence lift a
  // score by at most `lift`: once a score cannot reach the k-th best so far, no later one can
  // (same hits as sorting them all).
  // Brief-level evidence from the best-scoring passages only: a passage further down matches
  // only common words, and walking every result costs more than the whole search at 10k briefs.
  const evidence = results;
  const share = briefShares(index, evidence, terms);
  const names = o.nameFactor < 1 ? nameMask(index, question, lang, terms) : 0;
  const focusOf = (briefId: string) => context?.focus.get(briefId) ?? 1;
  // Several languages: the question's own language first.
  const prefer = index.languages.length > 1 ? Math.max(0, o.languageWeight) : 0;
  const lift =
    (context ? Math.max(1, ...context.focus.values()) * Math.max(1, ...(context.passages?.values() ?? [])) : 1) *
    Math.max(1, 1 + o.recency) *
    (1 + Math.max(0, o.briefWeight)) *
    (1 + prefer);
  let floor = -Infinity;
  const hits: Hit[] = [];
  let depth = EVIDENCE_DEPTH;
  for (let i = 0; ; i++) {
    // Every one of the best `depth` may still make the top k: then read on in a list eight times as long
    // (its head is the same list: the searcher's order is stable), then in all of it. Sorting every match
    // was most of the slowest answers at 10k briefs, and eight times the depth is almost always enough.
    if (i === depth && results.length === depth) {
      depth = depth < EVIDENCE_DEPTH * 8 ? depth * 8 : Infinity;
      results = index.searcher.search(queries, settings, depth);
    }
    const r = results[i];
    if (!r || r.score * lift < floor) break;
    const doc = r.doc;
    const passage = index.passages[doc]!;
    const focused = context ? r.score * focusOf(passage.briefId) * (context.passages?.get(passage.id) ?? 1) : r.score;
    const score =
      focused *
      (1 + o.recency * index.recency[doc]!) *
      (1 + o.briefWeight * shareOf(share, index.briefOfDoc[doc]!)) *
      (names ? o.nameFactor ** missingShare(share, index.briefOfDoc[doc]!, names) : 1) *
      (prefer && index.briefLang[index.briefOfDoc[doc]!] === lang ? 1 + prefer : 1);
    // The best k so far, in order (score, then document): a result that does not make them is not kept.
    const full = hits.length === o.k;
    if (full && !ranksBefore(score, doc, hits[o.k - 1]!)) continue;
    let at = full ? o.k - 1 : hits.length;
    while (at > 0 && ranksBefore(score, doc, hits[at - 1]!)) {
      hits[at] = hits[at - 1]!;
      at--;
    }
    hits[at] = { passage, doc, bm25: r.score, score, matched: r.terms };
    if (hits.length === o.k) floor = hits[o.k - 1]!.score;
  }
  const briefMatched = briefHolds(index, evidence, hits);
  return { lang, terms, unknown, places, expansions, phrases, predicates, briefMatched, hits, ...ctx };
}

/** Does a hit scoring `score` for passage `doc` rank before `hit` (higher score, then lower passage number)? */
function ranksBefore(score: number, doc: number, hit: Hit): boolean {
  return score > hit.score || (score === hit.score && doc < hit.doc);
}

/**
 * Per brief (by position) among `results`: the share of the question's IDF weight that its
 * passages match (own terms only), from one bit mask per distinct set of
 * matched terms (the searcher shares those arrays between results). Read it
 * with `shareOf` until the next call (the scratch arrays are reused).
 */
function briefShares(index: SearchIndex, results: readonly Match[], terms: string[]): BriefScratch {
  const own = terms.slice(0, 31);
  const weights = own.map((t) => (documentFrequency(index, t) > 0 ? idf(index, t) : 0));
  const total = weights.reduce((a, b) => a + b, 0);
  const s = scratchOf(index);
  const epoch = ++s.epoch;
  if (total === 0) return s;
  const maskOf = new Map<string[], number>();
  let touched = 0;
  for (const r of results) {
    let m = maskOf.get(r.terms);
    if (m === undefined) {
      m = 0;
      for (const t of r.terms) {
        const i = own.indexOf(t);
        if (i >= 0) m |= 1 << i;
      }
      maskOf.set(r.terms, m);
    }
    const b = index.briefOfDoc[r.doc]!;
    if (s.stamp[b] !== epoch) {
      s.stamp[b] = epoch;
      s.mask[b] = m;
      s.touched[touched++] = b;
    } else s.mask[b] = s.mask[b]! | m;
  }
  for (let j = 0; j < touched; j++) {
    const b = s.touched[j]!;
    const m = s.mask[b]!;
    let sum = 0;
    for (let i = 0; i < own.length; i++) if (m & (1 << i)) sum += weights[i]!;
    s.share[b] = sum / total;
  }
  return s;
}

/**
 * The question's names as a mask over its first 31 terms (as {@link briefShares} counts them): words
 * capitalised after the question's first word that the collection holds. None in a question written
 * in capitals or title case, where capitals say nothing.
 */
function nameMask(index: SearchIndex, question: string, lang: Lang, terms: string[]): number {
  // Most questions name no one past their first word: no second analysis for them.
  if (!/.\p{Lu}/su.test(question.trimStart())) return 0;
  const all = question.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  if (all.length >= 4 && all.slice(1).filter((w) => /^\p{Lu}/u.test(w)).length * 2 > all.length - 1) return 0;
  let mask = 0;
  for (const { term, start } of analyzeWithRanges(question, lang, index.known)) {
    if (start === 0 || !/^\p{Lu}/u.test(question.slice(start))) continue;
    const i = terms.indexOf(term);
    if (i >= 0 && i < 31 && documentFrequency(index, term) > 0) mask |= 1 << i;
  }
  return mask;
}

/** The share of the names of `names` (a mask) brief `b` lacks among the results {@link briefShares} read. */
function missingShare(s: BriefScratch, b: number, names: number): number {
  const held = s.stamp[b] === s.epoch ? s.mask[b]! & names : 0;
  return (bits(names) - bits(held)) / bits(names);
}

/** The number of bits set in `m`. */
function bits(m: number): number {
  let n = 0;
  for (let x = m; x; x &= x - 1) n++;
  return n;
}

/** The share {@link briefShares} found for brief `b` (by position), 0 when none of its passages was among the results. */
function shareOf(s: BriefScratch, b: number): number {
  return s.stamp[b] === s.epoch ? s.share[b]! : 0;
}

/** Scratch space per index for {@link briefShares}: per brief its mask, its share and the stamp that makes them current. */
interface BriefScratch {
  mask: Int32Array;
  share: Float64Array;
  stamp: Uint32Array;
  /** The briefs met by the last call, in order. */
  touched: Uint32Array;
  epoch: number;
}
const scratch = new WeakMap<SearchIndex, BriefScratch>();
function scratchOf(index: SearchIndex): BriefScratch {
  let s = scratch.get(index);
  if (!s || s.epoch >= 0xfffffff0) {
    const n = index.briefLang.length;
    scratch.set(index, (s = { mask: new Int32Array(n), share: new Float64Array(n), stamp: new Uint32Array(n), touched: new Uint32Array(n), epoch: 0 }));
  }
  return s;
}

/** For the briefs of `hits`: the query terms any of its passages among `results` matched (briefs none of them holds are left out). */
function briefHolds(index: SearchIndex, results: readonly Match[], hits: Hit[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  // By brief position (a typed array), not through a passage object per result.
  const held = new Map<number, Set<string>>();
  for (const h of hits) {
    const b = index.briefOfDoc[h.doc]!;
    if (held.has(b)) continue;
    const set = new Set<string>();
    held.set(b, set);
    out.set(h.passage.briefId, set);
  }
  for (const r of results) {
    const set = held.get(index.briefOfDoc[r.doc]!);
    if (set) for (const t of r.terms) set.add(t);
  }
  // A hit read beyond the evidence has no entry (callers fall back to its own terms).
  for (const [id, set] of out) if (set.size === 0) out.delete(id);
  return out;
}

/**
 * Text analysis shared by indexing and querying: sentence splitting,
 * tokenisation, abbreviation variants, stop words and stemming.
 *
 * The index and the queries must go through exactly the same pipeline, so
 * both call {@link analyze}.
 * @module
 */
import { stemmer } from 'stemmer';
import { analyzeLangWithRanges } from './lang/analyze.js';
import type { Vocabulary } from './lang/compound.js';
import { langOf } from './lang/detect.js';
import { Memo } from './memo.js';
import type { Range } from './types.js';

/**
 * Words that carry no topic: English function words plus the words people
 * use to ask ("what", "when", "tell", "know"). Kept lower-case, unstemmed.
 */
/** The letters two terms must share to be read as forms of one word: a sentence's term standing in for a question's (see `prefixWeight`), a derived form spelled from its root. */
export const PREFIX_LETTERS = 4;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are aren arent as at be because been before being below ' +
    'between both but by can cannot could couldn did didn didnt do does doesn doesnt doing don dont down during each ' +
    'few for from further had hadn has hasn have haven having he her here hers herself him himself his how i if in ' +
    'into is isn isnt it its itself just let me more most my myself no nor not now of off on once only or other ' +
    'ought our ours ourselves out over own same she should so some such than that the their theirs them themselves ' +
    'then there these they this those through to too under until up upon us very was wasn we were weren what when ' +
    'where which while who whom whose why will with won would wouldn you your yours yourself yourselves might ' +
    // question and request words
    'tell know give according many much whether whats whos hows wheres whens whys happen happened happens happening since ' +
    // contractions typed without the apostrophe, and the words a chat leans on ("ok", "anyway")
    'theyre youre hes shes thats theres ok okay anyway anyways though ' +
    // the negative forms the list above lacks ("Wasn't the call tense?" had "wasnt" to find, as "isn't" has not)
    'wasnt werent hasnt havent hadnt wont wouldnt couldnt shouldn shouldnt cant mustn mustnt ' +
    // courtesy titles ("Mr. Trump" is Trump)
    'mr mrs ms mister ' +
    'please kind type one ones thing things stuff anything something anyone someone anybody somebody else ' +
    // words that only stress the question ("Where exactly…?", "When is he actually…?")
    'exactly precisely actually really specifically'
  ).split(/\s+/),
);

/**
 * Abbreviation variants mapped to one canonical token, applied to the raw
 * (case-sensitive) text before tokenising, so "U.S.", "US", "USA", "United
 * States" and "America" all meet (not "North / South / Latin / Central
 * America", "the Americas", "Bank of America", nor "America" after another
 * capitalised word: "Copa America", "Captain America"; a question word or a preposition opening a sentence is
 * no name: "Why America…?", "In America…"), as do "WWII", "WW2",
 * "World War II" and "Second World War". A bare lower-case form only after "the" ("what did the us say
 * at the un", as readers type on phones): elsewhere "us" stays a pronoun; but "un", no English word
 * alone, is the U.N. anywhere ("who spoke at un"; not in "un-American"). The
 * names written out meet however they are typed ("united states").
 */
const VARIANT_RE = new RegExp(
  [
    String.raw`(\b[Uu]\.\s?[Ss]\.(?:\s?[Aa]\.)?|\bUSA?\b|\b[Tt]he\susa?\b|\b[Uu]nited [Ss]tates(?: [Oo]f [Aa]merica)?\b|(?<!\b(?:[Nn]orth|[Ss]outh|[Ll]atin|[Cc]entral|[Mm]iddle|of|(?!(?:In|To|From|For|And|With|At|On|Across|Around|Against|Into|Over|Throughout|Why|What|When|Where|How|Who|Which|Did|Does|Do|Is|Was|Will|Has|Can|Could|Would|Should|So|But)\s)[A-Z][a-z]+)\s)\b[Aa]merica\b(?!s\b))`,
    String.raw`(\b[Uu]\.\s?[Nn]\.|\bUN\b|(?<![A-Za-z0-9'’-])un(?![A-Za-z0-9'’-])|\b[Uu]nited [Nn]ations\b)`,
    String.raw`(\b[Uu]\.\s?[Kk]\.|\bUK\b|\b[Tt]he\suk\b|\b[Uu]nited [Kk]ingdom\b)`,
    String.raw`(\b[Ee]\.\s?[Uu]\.|\bEU\b|\b[Tt]he\seu\b|\b[Ee]uropean [Uu]nion\b)`,
    String.raw`(\bWWII\b|\bWW ?2\b|\b[Ww]orld [Ww]ar (?:II|2|[Tt]wo)\b|\b[Ss]econd [Ww]orld [Ww]ar\b)`,
    String.raw`(\bWWI\b|\bWW ?1\b|\b[Ww]orld [Ww]ar (?:I|1|[Oo]ne)\b|\b[Ff]irst [Ww]orld [Ww]ar\b)`,
    // A month abbreviated before a day, as news style writes it ("Feb. 3", "Sept 12"): the month's name.
    String.raw`\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?=\s?\d{1,2}\b)`,
    // Without a day, as readers type it ("in sept", "since Feb."): those that are no common word or name ("Jan", "Jun",
    // "Mar" are), and none before a capitalised word ("Feb Smith").
    String.raw`\b(feb|apr|jul|aug|sept?|oct|nov|dec|jan|Feb|Apr|Aug|Sept?|Oct|Nov|Dec)\b\.?(?!\s*[A-Z\d])`,
  ].join('|'),
  'g',
);
/** The canonical token of each of {@link VARIANT_RE}'s first groups (a world war is also a war: "…rebuild the city after the war?"). */
const VARIANT_TOKENS = ['unitedstates', 'unitednations', 'unitedkingdom', 'europeanunion', 'worldwar2 war', 'worldwar1 war'];
/** The canonical tokens of the names among the variants (the U.S., the U.N., the U.K., the E.U.): they stand for capitalised names. */
export const VARIANT_NAMES: ReadonlySet<string> = new Set(VARIANT_TOKENS.slice(0, 4));
const MONTHS = new Map(
  ['january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].map((m) => [m.slice(0, 3), m]),
);

/** The canonical token of a match of {@link VARIANT_RE}. */
function variantToken(m: RegExpMatchArray): string {
  for (let g = 0; g < VARIANT_TOKENS.length; g++) if (m[g + 1] !== undefined) return VARIANT_TOKENS[g]!;
  return MONTHS.get((m[VARIANT_TOKENS.length + 1] ?? m[VARIANT_TOKENS.length + 2])!.slice(0, 3).toLowerCase())!;
}

/** Replace known abbreviation variants by their canonical token (one pass over the text). */
export function canonicalizeVariants(text: string): string {
  return text.replace(VARIANT_RE, (...m: unknown[]) => ` ${variantToken(m as unknown as RegExpMatchArray)} `);
}

/** What a character is to {@link WordCursor}: a digit (`\p{N}`), a letter or mark (`\p{L}`, `\p{M}`), or neither. */
const OTHER = 1;
const DIGIT = 2;
const LETTER = 4;
/** Kinds of the Basic Multilingual Plane's characters, classified on first sight (0: not yet). */
const kinds = new Uint8Array(0x10000);
const classify = (cp: number): number => {
  const c = String.fromCodePoint(cp);
  return /\p{N}/u.test(c) ? DIGIT : /[\p{L}\p{M}]/u.test(c) ? LETTER : OTHER;
};
function kindOf(cp: number): number {
  if (cp < 0x80) return cp >= 48 && cp <= 57 ? DIGIT : (cp | 32) >= 97 && (cp | 32) <= 122 ? LETTER : OTHER;
  if (cp > 0xffff) return classify(cp);
  let k = kinds[cp]!;
  if (k === 0) kinds[cp] = k = classify(cp);
  return k;
}

/**
 * Steps through the words of a text: a number keeps inner separators
 * ("1,230", "3.5"), a word inner apostrophes ("don't"); letters include
 * combining marks. The same words as the regular expression
 * `/\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*\/gu`
 * (text.test.ts checks it), without a match object per word: analysis reads
 * every sentence of the passages an answer considers.
 */
/** "st", "nd", "rd", "th" ending a number ("1st", "22nd", "3rd", "4th"), then no letter or digit. */
const ORDINAL_END = /^(?:st|nd|rd|th)(?![\p{L}\p{N}])/iu;

export class WordCursor {
  /** The current word's range (valid after `next()` returned true). */
  start = 0;
  end = 0;

  constructor(private readonly text: string) {}

  /** Characters after the current word that belong to no word (an ordinal's "rd" in "3rd"). */
  private skip = 0;

  /** Move to the next word; false at the end of the text. */
  next(): boolean {
    const text = this.text;
    const n = text.length;
    let i = this.end + this.skip;
    this.skip = 0;
    while (i < n) {
      const cp = text.codePointAt(i)!;
      const k = kindOf(cp);
      if (k === OTHER) {
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
      this.start = i;
      if (k === DIGIT) {
        i = this.run(i, DIGIT);
        // Inner "." or "," followed by digits.
        while (i + 1 < n && (text.charCodeAt(i) === 46 || text.charCodeAt(i) === 44) && kindOf(text.codePointAt(i + 1)!) === DIGIT) i = this.run(i + 1, DIGIT);
        // An English ordinal's ending is no word of its own: "3rd" is the number 3, as "Feb. 3" writes it.
        const ordinal = ORDINAL_END.exec(text.slice(i, i + 4));
        if (ordinal) this.skip = ordinal[0].length;
      } else {
        i = this.run(i, DIGIT | LETTER);
        // Inner apostrophe followed by letters.
        while (i + 1 < n && (text.charCodeAt(i) === 39 || text.charCodeAt(i) === 0x2019) && kindOf(text.codePointAt(i + 1)!) === LETTER)
          i = this.run(i + 1, LETTER);
      }
      this.end = i;
      return true;
    }
    this.end = n;
    return false;
  }

  /** The end of the run of characters from `i` whose kind is among `kind` (DIGIT, LETTER or DIGIT | LETTER). */
  private run(i: number, kind: number): number {
    const text = this.text;
    while (i < text.length) {
      const cp = text.codePointAt(i)!;
      const k = kindOf(cp);
      if ((k & kind) === 0) break;
      i += cp > 0xffff ? 2 : 1;
    }
    return i;
  }
}

/** Lower-case, fold diacritics ("Kraków" → "krakow") and drop possessive "'s" and a contraction's ending ("where'd", "they're", "she'll"). */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’](?:s|d|ll|re|ve|m)$/, '')
    .replace(/['’,]/g, '');
}

/** Split raw text into words (original spelling) with their ranges. */
export function words(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  const c = new WordCursor(text);
  while (c.next()) out.push({ word: text.slice(c.start, c.end), start: c.start, end: c.end });
  return out;
}

/** Turn one normalised word into its index term, or null for a stop word. */
export function toTerm(word: string): string | null {
  if (word.length === 0 || STOP_WORDS.has(word)) return null;
  if (/^\p{N}/u.test(word)) return word; // numbers are kept as written (commas removed)
  return stemmer(word);
}

/** Raw word → its term (or null): stemming is most of the analysis, and the same words come back. */
const termCache = new Memo<string, string | null>(30_000);
const termOfRawWord = (word: string) => toTerm(normalizeWord(word));

/**
 * Raw words that are stop words as written ("the", "The", "said" is not one): checked before the memo,
 * a small set that stays in the processor's cache, where most of a text's words are stop words.
 */
const RAW_STOP_WORDS: ReadonlySet<string> = new Set(
  [...STOP_WORDS].flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1)]).filter((w) => termOfRawWord(w) === null),
);

/** `toTerm(normalizeWord(word))`, remembered for the most recent words (bounded). */
export function termOfWord(word: string): string | null {
  return RAW_STOP_WORDS.has(word) ? null : termCache.get(word, termOfRawWord);
}

/**
 * The full analysis pipeline: variants → words → normalise → stop words → stem.
 * Used for documents and queries alike. `lang` (a brief's or a question's
 * language tag) picks another language's analysis (`lang/analyze.ts`);
 * English, the default, is the pipeline below. With `known`, the collection's
 * vocabulary, a compound word (German, Dutch) also gives the terms of its
 * pieces (`lang/compound.ts`).
 * @example analyze("When is Petro meeting the U.S. president?") // ["petro", "meet", "unitedstates", "presid"]
 */
export function analyze(text: string, lang?: string, known?: Vocabulary): string[] {
  if (lang !== undefined && langOf(lang) !== 'en') return analyzeLangWithRanges(text, langOf(lang), known).map((t) => t.term);
  const terms: string[] = [];
  const canonical = canonicalizeVariants(text);
  const c = new WordCursor(canonical);
  while (c.next()) {
    const term = termOfWord(canonical.slice(c.start, c.end));
    if (term) terms.push(term);
  }
  return terms;
}

/**
 * Terms of a text with the character range each came from in the original
 * text (for highlighting). Abbreviation variants are matched in place.
 */
export function analyzeWithRanges(text: string, lang?: string, known?: Vocabulary): { term: string; start: number; end: number }[] {
  if (lang !== undefined && langOf(lang) !== 'en') return analyzeLangWithRanges(text, langOf(lang), known);
  const out: { term: string; start: number; end: number }[] = [];
  eachTerm(text, (term, start, end) => out.push({ term, start, end }));
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The ranges of `text` whose terms `keep` accepts, in order: {@link analyzeWithRanges} for
 * highlighting, without an object per word (every snippet of every answer is highlighted).
 */
export function termRanges(text: string, lang: string | undefined, keep: (term: string) => boolean): Range[] {
  if (lang !== undefined && langOf(lang) !== 'en') {
    return analyzeLangWithRanges(text, langOf(lang))
      .filter((t) => keep(t.term))
      .map((t) => [t.start, t.end] as Range);
  }
  const out: Range[] = [];
  const variants = eachTerm(text, (term, start, end) => {
    if (keep(term)) out.push([start, end]);
  });
  return variants ? out.sort((a, b) => a[0] - b[0]) : out;
}

/**
 * Each English term of `text` with its range in the original text: abbreviation variants first,
 * matched in place (so "U.S." is one range), then the other words in order. Returns whether any
 * variant was found (then the calls are not in text order).
 */
function eachTerm(text: string, emit: (term: string, start: number, end: number) => void): boolean {
  const taken: Range[] = [];
  for (const m of text.matchAll(VARIANT_RE)) {
    taken.push([m.index, m.index + m[0].length]);
    // The same terms `analyze` gives for the canonical tokens (they are stemmed like any word).
    for (const token of variantToken(m).split(' ')) emit(toTerm(token)!, m.index, m.index + m[0].length);
  }
  const c = new WordCursor(text);
  while (c.next()) {
    const start = c.start;
    if (taken.length && taken.some(([s, e]) => start >= s && start < e)) continue;
    const term = termOfWord(text.slice(start, c.end));
    if (term) emit(term, start, c.end);
  }
  return taken.length > 0;
}

/** Abbreviations after which a period does not end a sentence. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st sr jr gen col lt maj capt sgt adm gov sen rep rev hon pres supt insp ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun ' +
    'no nos vol vols fig figs p pp ed eds est approx dept univ inc ltd co corp bros ave blvd mt ft ' +
    'e.g i.e etc vs cf al a.m p.m ca c'
  ).split(/\s+/),
);

/**
 * Languages that write an ordinal number with a period ("am 3. Februar", "im 17. Jahrhundert",
 * "1. Dünya Savaşı") and abbreviate with single letters ("z. B.", "v. Chr."): there a period after a
 * number of up to three digits, or after a lower-case letter alone, does not end a sentence.
 */
const ORDINAL_DOT: ReadonlySet<string> = new Set(['de', 'tr']);

/**
 * Split text into sentences, returned as `[start, end)` ranges (end excludes
 * trailing spaces). A boundary is `.`, `!` or `?` (with any closing quotes or
 * brackets) followed by space and a capital, digit or opening quote (or a
 * letter of a script without case), unless the word before the period is a
 * known abbreviation, an initial (a capital, or a letter of a script without
 * case: Arabic "فريديريك و." for Frederick W.) or a doubled capital (Spanish "EE. UU.",
 * "FF. AA."), or, in the languages of {@link ORDINAL_DOT} (`lang`, the text's
 * language tag), an ordinal; also "。", "！", "？" (no space needed), "।", "॥"
 * and "؟", and a space between Thai words. A stop with no space after it ends a sentence only between a
 * word of two lower-case letters or more and a capitalised word ("…these stories.Political…": pasted text
 * that lost the space), not in "Amazon.com", "U.S.A." or "e.g.Berlin".
 */
export function splitSentences(text: string, lang?: string): Range[] {
  const ordinals = lang !== undefined && ORDINAL_DOT.has(langOf(lang));
  const ranges: Range[] = [];
  // Reference marks after the stop stay with the sentence: "…the Netherlands.[citation needed] A group…".
  // The next sentence may open with a quote, a bracket or Spanish "¿" / "¡".
  // Other scripts: "." "!" "?" before a letter of a script without case (Arabic, Devanagari…); "。！？" anywhere;
  // "।" "॥" "؟" before a space; and Thai, which ends sentences with a space alone.
  const re =
    /[.!?…]+["'”’)\]]*(?:\[[^\]\n]{1,40}\])*(?=\s+["'“‘([¿¡]?[\p{Lu}\p{N}\p{Lo}])|[。！？]+[」』”’)）]*|[।॥؟]+["'”’)\]]*(?=\s)|(?<=\p{sc=Thai})(?=\s+\p{sc=Thai})|(?<=\p{Ll}\p{Ll})[.!?](?=\p{Lu}\p{Ll})/gu;
  let start = 0;
  for (const m of text.matchAll(re)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && !m[0].startsWith('...')) {
      const before = text.slice(start, m.index);
      const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
      const bare = lastWord.toLowerCase();
      // Initials and acronyms ("J.", "U.S.", "EE. UU."), titles and month names do not end a sentence.
      if (/^[\p{Lu}\p{Lo}]$/u.test(lastWord) || /^(\p{L}\.)+\p{L}$/u.test(lastWord) || /^(\p{Lu})\1$/u.test(lastWord) || ABBREVIATIONS.has(bare)) continue;
      // A number (not a score "2:1", a range "15-1" or a decimal) or a letter alone.
      if (ordinals && (/(?<![\p{N}.,:/–-])\p{N}{1,3}$/u.test(before) || /^\p{Ll}$/u.test(lastWord))) continue;
    }
    pushTrimmed(text, start, end, ranges);
    start = end;
  }
  pushTrimmed(text, start, text.length, ranges);
  return ranges;
}

function pushTrimmed(text: string, start: number, end: number, out: Range[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push([start, end]);
}

/** URL-safe slug: "Hello, World!.md" → "hello-world-md". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

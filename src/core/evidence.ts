/**
 * What a sentence holds: the evidence that it gives what a question asks for
 * ({@link typeEvidence}: a date, a number, a name, a place or a platform, a
 * reason, topics, a change of plan, a qualifying word), who speaks in it
 * ({@link speaks}, and for "What did Trump say?" the speakers asked about, by
 * name or by the role the briefs give them), what someone is about something
 * (stance), and the terms of each sentence of a passage read.
 * @module
 */
import type { Hit } from './retrieve.js';
import { RELATION_KINDS, type Lexicon } from './lexicon.js';
import type { SearchIndex } from './search-index.js';
import type { Lang } from './lang/detect.js';
import { Memo } from './memo.js';
import { analyze, canonicalizeVariants, normalizeWord, PREFIX_LETTERS, STOP_WORDS, toTerm, VARIANT_NAMES, words } from './text.js';
import type { Brief, Passage } from './types.js';
import { asName, CHANGE_WORDS, type QuestionType, SPEECH_VERBS, TITLE_PREFIXES, WENT } from './question.js';

/** A sentence that reports speech: a verb of saying or "according to". */
export const SPEECH_RE =
  /\b(?:said|says|saying|say|told|tells|telling|spoke|speaks|speaking|wrote|writes|posted|tweeted|stated|added|announced|declared|insisted|warned|urged|acknowledged|admitted|confirmed|noted|argued|claimed|explained|stressed|according to)\b/gi;
/** Going well or badly ("The talks are going well"). */
const GOING_HOW = new RegExp(String.raw`\b(?:${WENT})\s+(?:very\s+|quite\s+|really\s+|so\s+)?(?:well|badly|smoothly|poorly|fine|great|nowhere)\b`, 'i');
/** Endings of English adjectives (for a qualifying word the lexicon does not hold: "cordial", "fruitful"). */
const ADJECTIVE_ENDING = /(?:al|ful|ive|ous|ic|ent|ant|able|ible|less|ary|ly)$/;
/** A sentence reporting a change of plan (or the plan that now holds: "will now take place on"). */
export const CHANGE_RE = new RegExp(String.raw`\b(?:${CHANGE_WORDS}|will now|now (?:be|take place|set)|new date|instead)\b`, 'i');
/** A sentence that speaks of what is still to come: "scheduled for", "upcoming", "will", "expected to"… */
export const FUTURE_RE = /\b(?:will|shall|scheduled|upcoming|forthcoming|slated|set to|due to|expected to|plans? to|planned|ahead of)\b/i;

export const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** A month written out or abbreviated as news style does ("Feb.", "Sept."). */
const MONTH = `${MONTH_NAMES}|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.`;
export const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const DATE_RE = new RegExp(`\\b(?:1\\d{3}|20\\d{2}|\\d{1,2}(?:st|nd|rd|th))s?\\b|\\b(?:${MONTH})`, 'g');
/** A day named relative to the brief's date: a date, but a calendar date says more. */
const RELATIVE_DAY_RE = new RegExp(String.raw`\b(?:${WEEKDAYS}|yesterday|today|tomorrow)\b`, 'g');
/** A number in digits or words ("one" not as a pronoun: "one of the largest", "the one", "one another"; "no one" is none). */
const NUMBER_RE =
  /\p{N}[\p{N},.]*%?|\b(?:(?<!\b(?:the|any|every|some|each|this|that|which|last|only|little|other)\s)one(?!\s+(?:of|another|by)\b|['’]s)|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|half|percent)\b/giu;
/** A day of the month ("Feb. 3", "3 February"): a date, not how many of something. */
const DAY_OF_MONTH = new RegExp(`\\b(?:${MONTH})\\s*\\d{1,2}\\b|\\b\\d{1,2}\\s+(?:${MONTH})`, 'g');
/** A month named, written out or abbreviated ("September", "Feb."), tested one sentence at a time. */
export const MONTH_NAMED = new RegExp(String.raw`\b(?:${MONTH})`);
/** A calendar day ("Feb. 3", "3 February"), which tells the weekday too, tested one sentence at a time. */
export const CALENDAR_DAY = new RegExp(DAY_OF_MONTH.source);
/** Does `text` say what someone is about something, and (when the question names it) about one of `about`'s terms? */
export function stanceAbout(text: string, about: string[]): boolean {
  const m = STANCE_RE.exec(text);
  if (!m) return false;
  if (about.length === 0) return true;
  const after = new Set(analyze(text.slice(m.index + m[0].length, m.index + m[0].length + 80)));
  return about.some((t) => after.has(t));
}

/** What someone is about something: a verb of being, a word (not a verb in -ing), "about" / "over" ("was optimistic about", "remains \"deeply concerned about"). */
const STANCE_RE =
  /\b(?:is|was|are|were|remains?|remained|feels?|felt|seems?|seemed|appeared|be|been)\s+(?:(?:very|deeply|quite|increasingly|more|less|so|too|still|not|also)\s+)?["“]?(?:very |deeply |quite )?(?![a-z]+ing\b)[a-z]+\s+(?:about|over)\b/;
/** Words that say how many without a number ("twice the thrust", "several ways"). */
const QUANTITY_WORDS = /\b(?:twice|thrice|several|numerous|multiple|few)\b/i;
const NAME_RE = /\b\p{Lu}[\p{L}'’-]+(?:\s+(?:de |van |von |al-)?\p{Lu}[\p{L}'’-]+)*/gu;
const PLACE_RE = /\b(?:in|at|from|near|to|into|across|of)\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*)/gu;
/** A question for a platform ("Which platform / social network…?"; a network alone may be a broadcaster): "on X", "on Facebook" answers it. */
const PLATFORM_NOUNS = ['platform', 'site', 'website', 'app'];
/** A question for where something was posted or written ("Where did he post it?"): a place or a platform answers it. */
const POSTED_WORDS = ['post', 'posted', 'tweet', 'tweeted'];
/** Sharing is posting when what is shared is said ("Where did he share that?"; not "Where do they share their first kiss?"). */
const posted = (words: Set<string>) =>
  POSTED_WORDS.some((w) => words.has(w)) ||
  (['share', 'shared'].some((w) => words.has(w)) && ['that', 'it', 'this', 'news', 'message', 'post'].some((w) => words.has(w)));
const POSTING_VERBS = [...POSTED_WORDS, 'write', 'wrote', 'published'];
/** "on X", "on Truth Social": a name after "on" (not a day or a month). */
const ON_PLATFORM_RE = new RegExp(String.raw`\bon\s+(?!(?:${WEEKDAYS}|${MONTH.replaceAll('\\.', '')})\b)(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]+)*)`, 'gu');
/** Does `text` name a platform something was said on ("…a brief message on X")? */
export function onPlatform(text: string): boolean {
  return ON_PLATFORM.test(text);
}
const ON_PLATFORM = new RegExp(ON_PLATFORM_RE.source, 'u');
/** A place named by the kind of place it is, with or without a preposition before it ("a White House meeting", "Wembley Stadium"). */
const NAMED_PLACE_RE =
  /\b(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*\s+(?:House|Palace|Hall|Square|Street|Avenue|Park|Cent(?:er|re)|Airport|Stadium|Arena|Building|Tower|Castle|Cathedral|Bridge|Island|River|Lake|Bay|Station|Hotel|Museum|Hospital|Prison|Base))\b/gu;
/** Topics named: "focus on", "including", "such as", "priorities", "agenda", or a talk verb with "about", "on" or "over". */
export const TOPIC_RE =
  /\b(?:focus(?:es|ed)? on|including|such as|priorit(?:y|ies)|agenda|topics?|issues?|(?:talks?|talked|discuss(?:es|ed|ing|ions?)?|negotiat(?:e|es|ed|ions?))\s+(?:about|on|over))\b/i;
const REASON_RE = /\b(?:because|due to|since|so that|as a result|in order to|owing to|led to|caused|result of|reason)\b/gi;

/**
 * Does `text` give, past its first word, a name the question does not (capitalised words: a person's, or a ministry's),
 * other than that of a speaker it attributes words to ("…, Petro said", "according to Pigott")? Such a name may be the
 * one who did what "Who set up the meeting?" asks about; the speaker of "…, Petro said… regarding preparations" is not.
 */
export function namesActor(text: string, questionWords: Set<string>): boolean {
  const first = /\p{L}/u.exec(text)?.index ?? 0;
  for (const m of text.matchAll(NAME_RE)) {
    if (m.index <= first || !m[0].split(/\s+/).some((w) => !questionWords.has(normalizeWord(w)))) continue;
    if (!ATTRIBUTED_AFTER.test(text.slice(m.index + m[0].length)) && !ATTRIBUTED_BEFORE.test(text.slice(0, m.index))) return true;
  }
  return false;
}
const ATTRIBUTED_AFTER = /^\s+(?:said|says|told|wrote|writes|added|posted|tweeted)\b/;
const ATTRIBUTED_BEFORE = /\baccording to\s+$/i;

/** Does `text` hold something of `type` that the question itself does not mention? (`lexicon`: to tell a qualifying word.) */
export function typeEvidence(type: QuestionType, text: string, questionWords: Set<string>, lexicon?: Lexicon): number {
  const fresh = (s: string) => s.split(/\s+/).some((w) => !questionWords.has(normalizeWord(w)));
  const any = (re: RegExp, group = 0) => {
    for (const m of text.matchAll(re)) if (fresh(m[group] ?? m[0])) return 1;
    return 0;
  };
  switch (type) {
    case 'date':
      return any(DATE_RE) || any(RELATIVE_DAY_RE) / 2;
    case 'number':
      return any(NUMBER_RE);
    case 'person': {
      // Skip the sentence's first word (after any opening quote or bracket): it is capitalised anyway.
      const first = /\p{L}/u.exec(text)?.index ?? 0;
      for (const m of text.matchAll(NAME_RE)) if (m.index > first && fresh(m[0])) return 1;
      return 0;
    }
    case 'place': {
      // "Which platform…?" asks for a platform only; "Where did he post it?" for a place or a platform.
      if (PLATFORM_NOUNS.some((w) => questionWords.has(w)) || (questionWords.has('social') && (questionWords.has('media') || questionWords.has('network'))))
        return any(ON_PLATFORM_RE, 1);
      const place = any(PLACE_RE, 1) || any(NAMED_PLACE_RE, 1);
      // "Where did he post it?": a platform first ("…a brief message on X"), a place may do; "Where did she write it?", either.
      if (posted(questionWords)) return any(ON_PLATFORM_RE, 1) || place / 2;
      return place || (POSTING_VERBS.some((w) => questionWords.has(w)) ? any(ON_PLATFORM_RE, 1) : 0);
    }
    case 'reason':
      return any(REASON_RE);
    case 'quality':
      return GOING_HOW.test(text) || (lexicon !== undefined && qualifies(text, questionWords, lexicon)) ? 1 : 0;
    case 'topic':
      // "talk about" is in the question too: what counts is that the sentence goes on to name topics.
      return TOPIC_RE.test(text) ? 1 : 0;
    case 'change':
      // A change of plan; else the date the plan holds ("…scheduled for Feb. 3") says whether it still does.
      return CHANGE_RE.test(text) ? 1 : typeEvidence('date', text, questionWords) / 2;
    case 'speech':
      // Someone the question names speaks; or someone else does, or a quotation stands.
      return speaks(text, (w) => questionWords.has(w)) ? 1 : text.search(SPEECH_RE) >= 0 || /["“”]/.test(text) ? 0.5 : 0;
    case 'speaker':
      // Someone the question does not name speaks ("Locetta told the Security Council…").
      return speaks(text, (w) => !questionWords.has(w) && toTerm(w) !== null) ? 1 : 0;
    default:
      // "How often…?": a sentence that says how often.
      return asksHowOften(questionWords) && saysHowOften(text) ? 1 : 0;
  }
}

/** Does `text` say how often ("on a quarterly basis", "twice a year", "every four years", "weekly")? */
export function saysHowOften(text: string): boolean {
  return SAYS_HOW_OFTEN.test(text);
}

/** Does a question ask how often ("How often…?", "How frequently…?"), by its words? */
export function asksHowOften(questionWords: Set<string>): boolean {
  return questionWords.has('how') && (questionWords.has('often') || questionWords.has('frequently'));
}

/**
 * Does `text` qualify a thing the question names by a word it does not ("a cordial call" for "How did the call
 * go?"): a word right before a question word that is an adjective — one WordNet gives similar adjectives, or a
 * word the lexicon does not hold with an adjective's ending ("cordial"; not the noun "phone" of "a phone call").
 */
function qualifies(text: string, questionWords: Set<string>, lexicon: Lexicon): boolean {
  const ws = words(text).map((x) => normalizeWord(x.word));
  for (let i = 1; i < ws.length; i++) {
    const [a, n] = [ws[i - 1]!, ws[i]!];
    if (!questionWords.has(n) || questionWords.has(a) || toTerm(n) === null) continue;
    const t = toTerm(a);
    if (!t) continue;
    const rel = lexicon.related(t);
    if (
      rel.similar.length > 0 ||
      (lexicon.rank(t) === undefined && rel.synonym.length + rel.derived.length + rel.hypernym.length === 0 && ADJECTIVE_ENDING.test(a))
    )
      return true;
  }
  return false;
}

/** Does `text` say how many of something (a number or number word the question lacks, "twice", "several"; not a day of the month)? */
export function saysHowMany(text: string, questionWords: Set<string>): boolean {
  const t = text.replace(DAY_OF_MONTH, ' ');
  return typeEvidence('number', t, questionWords) > 0 || QUANTITY_WORDS.test(t);
}

/** Units of time, singular and plural. */
export const TIME_UNIT = String.raw`seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies)`;
/** A sentence that says how often: "on a quarterly basis", "twice a year", "every four years", "weekly". */
const SAYS_HOW_OFTEN = new RegExp(
  String.raw`\b(?:hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|annually|yearly|biennially|every (?:\w+ )?(?:${TIME_UNIT})|(?:once|twice|\w+ times) (?:a|an|per|each|every) (?:${TIME_UNIT})|per (?:${TIME_UNIT})|on an? \w+ basis)\b`,
  'i',
);
/** Words between a verb of saying and its speaker, at most ("Petro said", "said Petro", "…, Rubio's spokesman said"). */
const SPEAKER_DISTANCE = 3;
/** Words of a subject before a verb of saying, at most (see {@link speaks}). */
const SUBJECT_WORDS = 6;
/**
 * Does a verb of saying in `sentence` have a capitalised word within three words
 * of it, or in the subject it follows, that `speaker` accepts (given the word
 * normalised)? "Petro said", "Locetta told", "according to Tommy Pigott",
 * "U.S. deputy ambassador Jennifer Locetta told" (the United States, as the
 * canonical token of "the US" / "U.S." / "United States").
 */
function speaks(sentence: string, speaker: (word: string) => boolean): boolean {
  if (sentence.search(SPEECH_RE) < 0) return false;
  // "U.S. deputy ambassador … told": the United States speaks, as the question's "the US" names it.
  const text = canonicalizeVariants(sentence);
  const verbs = [...text.matchAll(SPEECH_RE)];
  const ws = words(text);
  for (const v of verbs) {
    const at = ws.findIndex((w) => w.start >= v.index);
    const end = ws.findIndex((w) => w.start >= v.index + v[0].length);
    const to = end < 0 ? ws.length : end;
    // The subject the verb follows, however long its title ("U.S. deputy ambassador Jennifer Locetta told"): the
    // words that run up to the verb with no stop word or punctuation between them.
    let first = at;
    while (
      first > 0 &&
      at - first < SUBJECT_WORDS &&
      !/\S/.test(text.slice(ws[first - 1]!.end, ws[first]!.start)) &&
      !STOP_WORDS.has(normalizeWord(ws[first - 1]!.word))
    )
      first--;
    // After "according to", the speaker with the title set beside the name ("according to Tommy Pigott, a
    // State Department spokesman,"): up to the second comma.
    let last = to + SPEAKER_DISTANCE;
    if (/^according/i.test(v[0]))
      for (let i = to, commas = 0; i < ws.length - 1 && i < to + 2 * SPEAKER_DISTANCE && commas < 2; i++) {
        if (text.slice(ws[i]!.end, ws[i + 1]!.start).includes(',')) commas++;
        last = Math.max(last, i + 1);
      }
    for (let i = Math.min(first, Math.max(0, at - SPEAKER_DISTANCE)); i < Math.min(ws.length, last); i++) {
      const w = ws[i]!.word;
      if ((i < at || i >= to) && (/^\p{Lu}/u.test(w) || VARIANT_NAMES.has(w)) && speaker(normalizeWord(w))) return true;
    }
    // A second verb of the sentence's subject ("Soon after, Wentworth overhears Anne…, and writes her a letter"):
    // the first name past the sentence's first word.
    if (at > 0 && /^(?:and|but|then)$/i.test(ws[at - 1]!.word)) {
      const subject = ws.find((w, i) => i > 0 && i < at && (/^\p{Lu}/u.test(w.word) || VARIANT_NAMES.has(w.word)));
      if (subject && speaker(normalizeWord(subject.word))) return true;
    }
  }
  return false;
}

/** The terms of a passage's sentences, in order (`seqs`) and as sets (`sets`). */
export interface SentenceTerms {
  seqs: string[][];
  sets: Set<string>[];
}

/** Sentence terms of recently read passages, per index: answers read the same passages again and again. */
const sentenceCache = new WeakMap<SearchIndex, Memo<number, SentenceTerms>>();
const SENTENCE_CACHE_SIZE = 128; // (see PassageCache in packed/passages.ts for the size)

/** The terms of each sentence of passage `doc`, remembered for the most recently read passages (shared: do not mutate). */
export function sentenceTerms(index: SearchIndex, doc: number): SentenceTerms {
  let cache = sentenceCache.get(index);
  if (!cache) sentenceCache.set(index, (cache = new Memo(SENTENCE_CACHE_SIZE)));
  return cache.get(doc, () => {
    const p = index.passages[doc]!;
    const lang = langOfDoc(index, doc);
    const seqs = p.sentences.map(([s, e]) => analyze(p.text.slice(s, e), lang, index.known));
    return { seqs, sets: seqs.map((seq) => new Set(seq)) };
  });
}

/**
 * A run of capitalised words (a name, a title): "U.N. Security Council Friday". The words may be joined by a
 * space or a hyphen, not by a lower-case word ("Secretary of State" is two runs).
 */
const CAPITALISED_RUN = /\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*)*/gu;
/** The same after "the": an organisation's short name ("the Security Council", "The State Department"). */
const THE_RUN = /(?<![\p{L}\p{N}])[Tt]he\s+(\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*)+)/gu;

/** A run's words and the term each stands for (a word may be a stop word: none). */
type Run = { terms: string[]; words: string[] };

/** For each sentence of `p`, the runs `re` finds (its group 1, else the whole match). */
function runsOf(p: Passage, re: RegExp): Run[][] {
  return p.sentences.map(([s, e]) =>
    [...p.text.slice(s, e).matchAll(re)]
      .map((m) => {
        const run: Run = { terms: [], words: [] };
        for (const word of (m[1] ?? m[0]).split(/\s+/))
          for (const t of analyze(word, 'en')) {
            run.terms.push(t);
            run.words.push(word);
          }
        return run;
      })
      .filter((r) => r.terms.length > 0),
  );
}

/** How many passages back a short name looks for its full form. */
const FULL_NAME_REACH = 12;

/**
 * The words an organisation's short name leaves out of its full form, named earlier in the brief (English):
 * "The Security Council reviews…" after "…told the U.N. Security Council…" stands for the U.N.'s. A name of
 * two capitalised words or more after "the" that an earlier run of capitalised words of the same brief holds
 * with words before it: those words (of the nearest such run), for each sentence of `passages[i]`; undefined
 * where there are none. (Not a person's name: "Kublai Khan's successors" after "Yuan Emperor Kublai Khan" are
 * no emperors.) `passages`: in brief order, the brief's own before `i` (the index's or the brief's).
 */
export function impliedNames(passages: readonly Passage[], i: number): (string | undefined)[] {
  const p = passages[i]!;
  const short = runsOf(p, THE_RUN);
  if (short.every((runs) => runs.length === 0)) return short.map(() => undefined);
  // (Only a passage that holds the short name's last word is read for its runs: most are not.)
  const last = short.flat().map((r) => r.words.at(-1)!);
  const names = (q: Passage) => last.some((w) => q.text.includes(w));
  const own = runsOf(p, CAPITALISED_RUN);
  // The runs before each sentence, nearest first: the passage's earlier sentences, then earlier passages.
  const earlier: Run[] = [];
  for (let d = i - 1; d >= Math.max(0, i - FULL_NAME_REACH) && passages[d]!.briefId === p.briefId; d--)
    if (names(passages[d]!)) earlier.push(...runsOf(passages[d]!, CAPITALISED_RUN).flat().reverse());
  return short.map((runs, s) => {
    const implied = new Set<string>();
    for (const run of runs) {
      for (const full of [...own.slice(0, s).flat().reverse(), ...earlier]) {
        const at = indexOfRun(full.terms, run.terms);
        if (at <= 0) continue;
        full.words.slice(0, at).forEach((w, j) => run.terms.includes(full.terms[j]!) || implied.add(w));
        break;
      }
    }
    return implied.size ? [...implied].join(' ') : undefined;
  });
}

const impliedCache = new WeakMap<SearchIndex, Memo<number, (string[] | undefined)[]>>();

/** {@link impliedNames} of passage `doc` of the index, as terms. */
export function impliedNameTerms(index: SearchIndex, doc: number): (string[] | undefined)[] {
  let cache = impliedCache.get(index);
  if (!cache) impliedCache.set(index, (cache = new Memo(SENTENCE_CACHE_SIZE)));
  return cache.get(doc, () => impliedNames(index.passages, doc).map((words) => (words === undefined ? undefined : analyze(words, 'en'))));
}

/** Where `part` occurs in `whole` as consecutive terms; −1 when it does not. */
function indexOfRun(whole: readonly string[], part: readonly string[]): number {
  for (let i = 0; i + part.length <= whole.length; i++) if (part.every((t, j) => whole[i + j] === t)) return i;
  return -1;
}

/** The analysis language of a passage (its brief's). */
export function langOfDoc(index: SearchIndex, doc: number): Lang {
  return index.briefLang[index.briefOfDoc[doc]!] ?? 'en';
}

/** One scored sentence of a retrieved passage. */
export interface Candidate {
  hit: Hit;
  /** Sentence index inside the passage. */
  s: number;
  score: number;
  /** The score before the story and expiry factors. */
  raw: number;
  /** From a brief that a newer brief of its story among the passages read follows. */
  older: boolean;
}

/** Does a term of `sentence` other than `t` open with `t`'s first {@link PREFIX_LETTERS} letters (Turkish "cevap" / "cevabı", Russian "умнож" / "умножен", "gandh" / "gandi")? */
export function sharesPrefix(t: string, sentence: ReadonlySet<string>): boolean {
  if (t.length < PREFIX_LETTERS) return false;
  const prefix = t.slice(0, PREFIX_LETTERS);
  for (const u of sentence) if (u !== t && u.length >= PREFIX_LETTERS && u.startsWith(prefix)) return true;
  return false;
}

/** The text of a candidate's sentence. */
export function sentenceOf(c: Candidate): string {
  const [s, e] = c.hit.passage.sentences[c.s]!;
  return c.hit.passage.text.slice(s, e);
}

/** Role phrases that stand for a name the question gives ("the U.S. president" for Trump), with the name. */
type RoleAliases = [RegExp, string][];

/** For a question for what someone said: the names it gives (normalised), and the roles the briefs read give them. */
export interface Speakers {
  names: Set<string>;
  roles: RoleAliases;
}

/** "What did Trump say…?": the subject between the auxiliary and the verb of saying (group 1). */
const SPEECH_SUBJECT = new RegExp(
  String.raw`^\W*what (?:else |exactly |precisely )?(?:did|does|do|has|have|had|will|would)\s+(.+?)\s+(?:${SPEECH_VERBS})\b`,
  'i',
);

/** "Has Trump said anything about…?", "Did Petro say the talks…?": the subject of a yes-no question whether someone said something. */
export const SAID_SUBJECT = new RegExp(
  String.raw`^\W*(?:so\s+)?(?:did|does|do|has|have|had)\s+(.+?)\s+(?:(?:ever|already|actually|publicly|also|himself|herself|themselves|really)\s+)*(?:${SPEECH_VERBS}|comment|comments|commented)\b`,
  'i',
);

/** A subject that is a name only, capitalised as typed ("Trump", "the US", "the UN Security Council"; not "a writer for the ICG"). */
const NAMED = String.raw`((?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*)`;
/**
 * "Is Trump optimistic about the meeting?", "How does Trump himself feel about…?", "What does the US think of…?": the one
 * whose mood or view a question asks for (group 1, 2 or 3), which a sentence gives where they speak. (Not "What did
 * Aristotle think carried an arrow…?", a belief a sentence reports as "Aristotle believed…".)
 */
export const FEEL_SUBJECT = new RegExp(
  String.raw`^\W*(?:(?:[Ss]o|[Aa]nd|[Bb]ut)\s+)?(?:[Ii]s|[Ww]as|[Aa]re|[Ww]ere)\s+${NAMED}\s+(?:(?:also|as|still|really|actually|personally|feeling)\s+)*(?:optimistic|hopeful|happy|pleased|confident|nervous|excited|upbeat|positive|pessimistic|looking forward)\b|^\W*[Hh]ow\s+(?:does|did|do|is|are|was|were)\s+${NAMED}\s+(?:(?:himself|herself|themselves|personally|really|actually|still)\s+)*(?:feel|feels|feeling|felt)\b|^\W*[Ww]hat\s+(?:does|did|do|is|was|are|were)\s+${NAMED}\s+(?:(?:himself|herself|themselves|personally|really|actually|still)\s+)*(?:think(?:ing)?\s+(?:of|about)|hop(?:e|ing)|expect(?:ing)?)\b`,
  'u',
);

/**
 * The speakers "What did Trump say?" asks about: the subject before the verb of saying, when it ends in a
 * name ("Trump", "the US", "the State Department"; not "Colombia's foreign ministry", whose speaker the question
 * does not name, nor "Rubio" in "What did Villavicencio tell Rubio?"). A name is a word the briefs read write
 * capitalised, however the reader typed it ("what did trump say", "WHAT DID TRUMP SAY?").
 */
export function askedSpeakers(
  question: string,
  pool: Hit[],
  briefOf: (id: string) => Brief,
  subjectOf = SPEECH_SUBJECT,
  lexicon?: Lexicon,
): Speakers | undefined {
  const m = subjectOf.exec(question);
  const subject = m?.[1] ?? m?.[2] ?? m?.[3];
  if (subject === undefined) return undefined;
  const said = words(canonicalizeVariants(subject))
    .map((x) => x.word.replace(/['’]s$/, ''))
    .filter((w) => !STOP_WORDS.has(normalizeWord(w)));
  const briefs = [...new Set(pool.map((h) => briefOf(h.passage.briefId)))];
  const isName = (w: string) =>
    VARIANT_NAMES.has(w) || (/^\p{L}+$/u.test(w) && briefs.some((b) => b.passages.some((p) => new RegExp(String.raw`\b${asName(w)}\b`, 'u').test(p.text))));
  if (said.length === 0 || !isName(said.at(-1)!)) return undefined;
  const named = said.filter(isName);
  const written = named.filter((w) => !VARIANT_NAMES.has(w)).map(asName);
  const names = new Set(named.map(normalizeWord));
  // A capital speaks for its country ("What does Washington think…?": where the U.S. speaks).
  for (const w of named)
    for (const t of lexicon?.related(toTerm(normalizeWord(w)) ?? '').derived ?? []) for (const v of VARIANT_NAMES) if (toTerm(v) === t) names.add(v);
  return { names, roles: roleAliases(written, pool, briefOf) };
}

/**
 * Does the candidate's sentence have one of `s`'s speakers speak — or, opening with "She", "He" or "They", speak
 * on from the sentence before, which has them speak ("…Locetta told the Council Friday…" / "She criticized…, saying…")?
 */
export function speakerSpeaksIn(index: SearchIndex, c: Candidate, s: Speakers): boolean {
  const text = sentenceOf(c);
  if (speakerSpeaks(text, s)) return true;
  if (!PERSON_BACK.test(text) || text.search(SPEECH_RE) < 0) return false;
  const p = c.s > 0 ? c.hit.passage : index.passages[c.hit.doc - 1];
  const before = p?.briefId === c.hit.passage.briefId ? p.sentences[c.s > 0 ? c.s - 1 : p.sentences.length - 1] : undefined;
  return before !== undefined && speakerSpeaks(p!.text.slice(before[0], before[1]), s);
}
/** A sentence that opens with a personal pronoun, going on about someone the sentence before named. */
export const PERSON_BACK = /^\W*(?:he|she|they)\b/i;

/** Does `sentence` have one of `s`'s speakers speak, by name or by role ("…according to the U.S. president")? */
export function speakerSpeaks(sentence: string, s: Speakers): boolean {
  const text = s.roles.reduce((t, [re, name]) => t.replace(re, name), sentence);
  return speaks(text, (w) => s.names.has(w));
}

/**
 * The roles under which the briefs read name `names`: the title words before a name, past its first name
 * ("U.S. President Donald Trump": "the U.S. president", "the president"; "U.S. deputy ambassador Jennifer
 * Locetta": "the U.S. deputy ambassador", "the deputy ambassador", "the ambassador"). A role two people share
 * ("the president" of Petro and Trump) stands for neither.
 */
function roleAliases(names: string[], pool: Hit[], briefOf: (id: string) => Brief): RoleAliases {
  const owner = new Map<string, string | null>();
  const patterns = names.map((name) => [name, new RegExp(String.raw`\b${name}\b`, 'gu')] as const);
  for (const brief of new Set(pool.map((h) => briefOf(h.passage.briefId))))
    for (const p of brief.passages)
      for (const [name, pattern] of patterns)
        for (const m of p.text.matchAll(pattern)) {
          // The words before the name back to a stop word ("of" excepted) or punctuation, past a first name.
          const before = p.text
            .slice(Math.max(0, m.index - 80), m.index)
            .split(' ')
            .slice(0, -1);
          if (/^\p{Lu}\p{Ll}+$/u.test(before.at(-1) ?? '')) before.pop();
          const title: string[] = [];
          for (let w = before.pop(); w !== undefined && title.length < 4; w = before.pop()) {
            if (!/^[\p{L}.]+$/u.test(w) || (w !== 'of' && STOP_WORDS.has(normalizeWord(w)))) break;
            title.unshift(w);
          }
          for (let i = 0; i < title.length; i++) {
            if (title[i] === 'of') continue;
            const role = title.slice(i).join(' ').toLowerCase();
            owner.set(role, owner.has(role) && owner.get(role) !== name ? null : name);
          }
        }
  return [...owner]
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([role, name]) => [new RegExp(String.raw`\bthe ${escapeRegExp(role)}\b`, 'giu'), name]);
}

/** `s` as a literal in a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A reader's ranking of what they ask about ("the top diplomats", "the biggest change", "the main topics"; see `aspectWords`). */
export const SUPERLATIVE = /\b(?:biggest|largest|greatest|highest|harshest|toughest|hardest|strongest|best|worst|main|key|top|chief|primary|major)\b/gi;
const RANKING = new RegExp(`^${SUPERLATIVE.source.replace(/\\b/g, '')}$`, 'i');

/** Someone a brief names under a title: the title's last word (term), the words before it (terms), and the surname. */
interface Titled {
  head: string;
  quals: string[];
  name: string;
}
const titledOf = new WeakMap<Brief, Titled[]>();
/** A calendar word, which a title is not followed by as a name ("…told the U.N. Security Council Friday"). */
const CALENDAR_WORD = new RegExp(`^(?:${WEEKDAYS}|${MONTH_NAMES})$`);

/** The words of `text` (variants canonical) and, for each, whether it follows the one before in the same phrase. */
function phrase(text: string): { ws: string[]; joined: boolean[]; gaps: string[] } {
  const t = canonicalizeVariants(text);
  const found = words(t);
  const gaps = found.map((w, i) => (i > 0 ? t.slice(found[i - 1]!.end, w.start) : ''));
  return { ws: found.map((w) => w.word), joined: gaps.map((g, i) => i > 0 && /^\s+$/.test(g)), gaps };
}

/** The words before `ws[i]` in its phrase, back to a stop word (at most three). */
function wordsBefore(ws: string[], joined: boolean[], i: number): string[] {
  const out: string[] = [];
  for (let j = i; j > 0 && joined[j] && out.length < 3 && !STOP_WORDS.has(normalizeWord(ws[j - 1]!)); j--) out.unshift(ws[j - 1]!);
  return out;
}

/**
 * The people `brief` names under a title: "U.S. deputy ambassador Jennifer Locetta", "Secretary of State Marco
 * Rubio" (a title word, "of" and a name, then the person's names), "Tommy Pigott, a State Department spokesman".
 */
function titledPeople(brief: Brief): Titled[] {
  let out = titledOf.get(brief);
  if (out) return out;
  out = [];
  const cap = (w: string | undefined) => w !== undefined && /^\p{Lu}\p{Ll}+$/u.test(w) && !CALENDAR_WORD.test(w);
  const add = (head: string, quals: string[], name: string) => {
    const term = toTerm(normalizeWord(head));
    if (term !== null) out!.push({ head: term, quals: analyze(quals.join(' ')), name });
  };
  for (const p of brief.passages) {
    const { ws, joined, gaps } = phrase(p.text);
    for (let i = 0; i < ws.length; i++) {
      const quals = wordsBefore(ws, joined, i);
      const of = ws[i + 1] === 'of' && joined[i + 1] && joined[i + 2] && cap(ws[i + 2]) ? 2 : 0;
      const j = i + of + 1;
      // A first name and a surname, and no more capitalised words ("President Gustavo Petro"; not "Colombian
      // President Gustavo Petro" from "Colombian", nor "White House" from "high-stakes").
      if (joined[j] && cap(ws[j]) && joined[j + 1] && cap(ws[j + 1]) && !(joined[j + 2] && cap(ws[j + 2])) && ws[i - 1] !== 'of')
        add(ws[i]!, of ? [...quals, ws[i + 2]!] : quals, ws[j + 1]!);
      // "Name, a/the … spokesman": the title after the name.
      const k = i - quals.length - 1;
      const last = !joined[i + 1] || STOP_WORDS.has(normalizeWord(ws[i + 1]!));
      if (last && k > 1 && /^(?:a|an|the)$/i.test(ws[k]!) && joined[k + 1] && /^,\s+$/.test(gaps[k]!) && cap(ws[k - 1]) && joined[k - 1] && cap(ws[k - 2]))
        add(ws[i]!, quals, ws[k - 1]!);
    }
  }
  titledOf.set(brief, out);
  return out;
}

const PREFIXES = new Set(analyze(TITLE_PREFIXES.replace(/\|/g, ' ')));
/** A question for who holds a title, or for a name: "Who is…?", "Which spokesman…?", "…the name of…", "…called?". */
const ASKS_WHO = /^\W*(?:whom|which)\b|\b(?:name|called|who)\b/i;
/** The words, in a row, as a whole phrase of a question. */
const wordsAt = (ws: string[]) => new RegExp(String.raw`\b${ws.map(escapeRegExp).join(String.raw`\s+`)}(?![\p{L}\p{N}])`, 'u');
/** A word before a noun naming someone in particular (not "a lawyer"). */
const DETERMINER = /^(?:the|which|what|whose|his|her|their|its|per)$/i;

/**
 * `question` with the person a role stands for named after it, when the brief read first gives that role to one person:
 * "How did the US envoy describe the talks?" → "…the US envoy Locetta describe…" ("U.S. deputy ambassador Jennifer
 * Locetta"), "Colombia's top diplomat" → Villavicencio. The role's word is the title's, or related to it in the
 * lexicon (envoy, ambassador), the title's own word first; each word before it ("US", "Colombia's") names the
 * person's title too, a ranking word ("top") aside; "the president" of two presidents names neither. A role is a
 * word naming a person first of all (`Lexicon.isPerson`) after "the", "which"… or a word of the title ("a lawyer"
 * is anyone); a plural ("the two top diplomats") stands for everyone the brief gives the role, when two or more
 * (exactly two after "two" or "both"): "…the two top diplomats Villavicencio and Rubio…". A title as the brief writes
 * it is replaced by the name ("…place on the Colombian president?" → "…place on Petro?"), unless the question asks who.
 */
export function withRoleNames(question: string, hits: Hit[], briefOf: (id: string) => Brief, lexicon: Lexicon): { question: string; names: string[] } {
  const names: string[] = [];
  const { ws, joined } = phrase(question);
  // "the two leaders", "the diplomats'": a plural stands for everyone the brief gives the role (two, for "two" or "both").
  const plural = (w: string) => /[^s'’]s['’]?$/.test(w);
  const heads = ws
    .map((w) => (/^\p{Lu}/u.test(w) || (/s['’]?$/.test(w) && !plural(w)) ? null : toTerm(normalizeWord(w))))
    .map((t) => (t !== null && lexicon.isPerson(t) ? t : null));
  if (!hits[0] || heads.every((t) => t === null)) return { question, names };
  // (A surname is no common English word: not "Department" in "…the angel Department…".)
  const people = titledPeople(briefOf(hits[0].passage.briefId)).filter(
    (p) => lexicon.isPerson(p.head) && lexicon.rank(toTerm(normalizeWord(p.name)) ?? '') === undefined,
  );
  const asked = new Set(ws.map(normalizeWord));
  const near = (a: string, b: string) => a === b || RELATION_KINDS.some((k) => lexicon.related(a)[k].includes(b) || lexicon.related(b)[k].includes(a));
  let out = question;
  for (let i = 0; i < ws.length; i++) {
    const head = heads[i];
    if (!head) continue;
    // "…of (the) X", "…to X": X names the title too.
    const at = ws[i + 2] !== undefined && STOP_WORDS.has(normalizeWord(ws[i + 2]!)) ? i + 3 : i + 2;
    const of = /^(?:of|to)$/.test(ws[i + 1] ?? '') && joined[i + 1] && joined[i + 2] && joined[at] ? [ws[at]!] : [];
    const before = wordsBefore(ws, joined, i);
    // A noun: after a determiner ("the envoy", "which spokesperson") or a word naming it ("US envoy").
    if (before.length === 0 && !(joined[i] && DETERMINER.test(ws[i - 1]!))) continue;
    const quals = analyze([...before, ...of].filter((w) => !RANKING.test(w) && !/^(?:two|both)$/i.test(w)).join(' '));
    const fits = people.filter((p) => quals.every((q) => p.quals.some((t) => near(q, t))));
    // The brief's own word for the role names the post: "the US ambassador" is not the deputy ambassador.
    const exact = fits.filter((p) => p.head === head && p.quals.every((t) => !PREFIXES.has(t) || quals.includes(t)));
    const who = new Set((exact.length ? exact : fits.filter((p) => p.head !== head && near(head, p.head))).map((p) => p.name));
    const two = before.some((w) => /^(?:two|both)$/i.test(w));
    const found = plural(ws[i]!) ? (who.size >= 2 && (!two || who.size === 2) ? [...who] : []) : who.size === 1 ? [...who] : [];
    // The title as the brief writes it ("the Colombian president") is the person's name in other words: the name
    // stands in its place ("What penalties did the US place on the Colombian president?" went to "Colombian President
    // Gustavo Petro said…"), unless the question asks who holds it or the title names two or more ("the two
    // presidents"): then it finds its sentence as it is (with the name beside it, measured: −3 on the fixture, −8 +11).
    const exactTitle = exact.length > 0 && exact.every((p) => quals.every((q) => p.quals.includes(q)));
    if (exactTitle && (plural(ws[i]!) || ASKS_WHO.test(question))) continue;
    if (found.length === 0 || found.some((n) => asked.has(normalizeWord(n)))) continue;
    const title = exactTitle ? wordsAt([...before, ws[i]!]) : undefined;
    out = title?.test(out) ? out.replace(title, found.join(' and ')) : out.replace(wordsAt([ws[i]!]), `${ws[i]!} ${found.join(' and ')}`);
    for (const n of found) asked.add(normalizeWord(n));
    names.push(...found);
  }
  return { question: out, names };
}

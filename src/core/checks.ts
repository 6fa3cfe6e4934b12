/**
 * The checks that decline a question the briefs do not answer, however well
 * its words match: a name no brief holds (`missingEntity`), what was said or
 * talked about by or about no one the briefs have speak (`speakerSilent`,
 * `subjectMissing`), a question in the negative answered in the positive, a
 * number, a name of a kind, a role or a post, a response, company, a time of
 * day, a month, a point in time, an undoing, a change of plan or an outcome
 * the passages read do not give, and an answer that says the opposite. Each
 * is a function `answer.ts` calls when its option is on, in the order it runs
 * them; the options are documented in `AnswerOptions`.
 * @module
 */
import { derivedForms, type Hit, type Retrieval } from './retrieve.js';
import { documentFrequency, type SearchIndex } from './search-index.js';
import type { Lang } from './lang/detect.js';
import { analyze, analyzeWithRanges, normalizeWord, toTerm, words } from './text.js';
import type { Brief } from './types.js';
import { ABOUT, type AskedRole, CALLED_OFF, MEDIUM, NEGATABLE, type QuestionType, TITLE_PREFIXES } from './question.js';
import {
  type Candidate,
  CHANGE_RE,
  escapeRegExp,
  FUTURE_RE,
  MONTH_NAMES,
  saysHowMany,
  sentenceOf,
  sentenceTerms,
  type SentenceTerms,
  sharesPrefix,
  type Speakers,
  speakerSpeaks,
  TIME_UNIT,
  typeEvidence,
  WEEKDAYS,
} from './evidence.js';

/**
 * A question asking about a change of plan as one that happened ("Why did Trump cancel…?", "When was the vote
 * postponed?"); not one only threatened, planned or wanted ("Why did Washington threaten to cancel Petro's visa?").
 */
const CHANGE_PREMISE = new RegExp(
  String.raw`^\W*(?:why|when|who|what|where|how|which)\b.*(?<!\b(?:threat\w*|plan\w*|want\w*|tr(?:y|ies|ied|ying)|hop\w*|refus\w*|wish\w*|seek\w*|sought|aim\w*|propos\w*|urg\w*|ask\w*|push\w* for|call\w* for) to )\b(${CALLED_OFF})\b`,
  'i',
);
/** For `premiseCheck`: does the question take a change of plan as given when no passage read reports one? */
export function premiseMissing(question: string, pool: Hit[], told: (terms: string[]) => boolean): boolean {
  const m = CHANGE_PREMISE.exec(question);
  // (A change the passages tell in a word related to the question's: "Why did the US cancel Petro's visa?" of "…revoke
  // Petro's visa…" asks about what they report.)
  return m !== null && !pool.some((h) => CHANGE_RE.test(h.passage.text)) && !told(analyze(m[1]!));
}

/** A question for how an event turned out: "What was the outcome of…?", "What came out of…?", "What did they agree on?", "What was decided…?", "What did they end up…?". */
const OUTCOME_QUESTION =
  /(?<!\bas an? )\b(?:outcomes?|results?|upshot)\s+of\b|\bwhat\s+(?:came|has come|have come)\s+out\s+of\b|^\W*what\b.*\b(?:did|have|has)\b.*\b(?:agree(?:d|ing)?\s+(?:on|to|upon)\b|agree(?:d|ing)?\W*$|decided?\W*$|decided?\s+(?:on|at|in|during)\b|end(?:ed)? up)|^\W*what\b.*\b(?:was|were|has been|have been|got)\s+(?:agreed|decided|achieved|accomplished)\b/i;
/** For `outcomeCheck`: does a question for the outcome of an event get a sentence (`lead`) that speaks of it as still to come? */
export function outcomeToCome(question: string, lead: Candidate): boolean {
  return OUTCOME_QUESTION.test(question) && FUTURE_RE.test(sentenceOf(lead));
}

/**
 * A question whether something happened before ("Have Petro and Trump ever met?", "Did Petro visit the White House
 * before?", "Is this the first time they meet?", "When was the last time…?"): of an event still to come, the brief says nothing of the kind.
 */
const EVER_BEFORE =
  /^\W*(?:(?:so|and|but)\s+)?(?:has|have|had|did)\b(?![^?]*\b(?:will|going to|scheduled|upcoming|next)\b)[^?]*(?:\b(?:ever|previously|in the past)\b|\bbefore\W*$)|^\W*(?:is|was|will|would)\s+(?:this|that|it)\s+(?:be\s+)?the\s+first\s+time\b|\bwhen\s+was\s+the\s+last\s+time\b/i;
/** For `outcomeCheck`: does such a question get a sentence (`lead`) that speaks of the event as still to come? */
export function pastOfToCome(question: string, lead: Candidate): boolean {
  return EVER_BEFORE.test(question) && FUTURE_RE.test(sentenceOf(lead));
}

/** "How long…?" (not "how long ago", which asks when). */
const HOW_LONG = /\bhow long\b(?!\s+ago\b)/i;
/**
 * For `namedCheck`: does the sentence name one of the `kind` asked for ("Which armed groups…?")? It does when it
 * does not speak of the kind at all (the search found it for other words), or when it holds a name the question
 * does not give: a capitalised word past its first (no day or month, no possessive), or initials.
 */
function namesKind(index: SearchIndex, c: Candidate, kind: string, questionWords: Set<string>): boolean {
  // (Of the words for the kind, those the collection holds: "Which specific armed groups…?" asks for armed groups.)
  const kindTerms = analyze(kind).filter((t) => documentFrequency(index, t) > 0);
  if (kindTerms.length === 0 || !kindTerms.every((t) => sentenceTerms(index, c.hit.doc).sets[c.s]!.has(t))) return true;
  const text = sentenceOf(c);
  const ws = words(text);
  const named = (i: number) => {
    const w = ws[i]?.word ?? '';
    if (i <= 0 || DAY_OR_MONTH.test(w) || questionWords.has(normalizeWord(w))) return false;
    // (Initials come as letters: "U.S." is "U", "S".)
    return /^\p{Lu}[\p{L}'’-]+$/u.test(w) || (/^\p{Lu}$/u.test(w) && text[ws[i]!.end] === '.');
  };
  // (Not a possessive: "Petro's approach to negotiations with armed groups" says whose approach, not which groups.)
  return ws.some((x, i) => named(i) && !/['’]s$/.test(x.word));
}
/** The names of the days and the months, capitalised but no name of what is asked for. */
const DAY_OR_MONTH = new RegExp(String.raw`^(?:${WEEKDAYS}|${MONTH_NAMES})$`);
/** "Which armed groups…?", "Which company…?": a question for a group or a body, which its name answers. */
const WHICH_NAMED =
  /\b(?:which|names?\s+of(?:\s+the)?)\s+((?:[\p{L}.-]+\s+){0,2}?(?:groups?|organi[sz]ations?|compan(?:y|ies)|countr(?:y|ies)|teams?|agenc(?:y|ies)|firms?|banks?|movements?|militias?|cartels?|gangs?|tribes?|nations?|part(?:y|ies)))\b/iu;
/**
 * For `namedCheck`: does a question for a group or a body by its name ("Which armed groups is Petro negotiating
 * with?") get a best sentence (`lead`) that speaks of the kind and names none ("…negotiations with armed groups…")?
 */
export function kindUnnamed(index: SearchIndex, question: string, lead: Candidate, questionWords: Set<string>): boolean {
  const kind = WHICH_NAMED.exec(question)?.[1];
  if (!kind) return false;
  return !namesKind(index, lead, kind, questionWords);
}

/** A word that says how long something lasts or lasted (with or without a number). */
const DURATION_RE = new RegExp(
  String.raw`\b(?:${TIME_UNIT}|since|until|till|ago|long|longer|period|throughout|overnight|quarterly|annual(?:ly)?|daily|weekly|monthly|yearly)\b`,
  'i',
);
/**
 * For `numberCheck`: does a question for a number ("How many…?"; not "how much of…") or an amount of time ("How
 * long…?") get no sentence scoring at least `numberCheck` of the best (the first of `candidates`) that says how many?
 */
export function numberUnsaid(question: string, type: QuestionType, candidates: Candidate[], numberCheck: number, questionWords: Set<string>): boolean {
  // "How long…?" asks for an amount of time: a number, or a word of duration ("months of hostility", "since 2016").
  const howLong = HOW_LONG.test(question);
  if (!((type === 'number' || howLong) && !/\bhow much of\b/i.test(question))) return false;
  const floor = numberCheck * candidates[0]!.score;
  const says = (text: string) => saysHowMany(text, questionWords) || (howLong && DURATION_RE.test(text));
  return !candidates.some((c) => c.score >= floor && says(sentenceOf(c)));
}

/** A question asked in the negative ("not", "never", "n't", "the least", "the fewest", "non-…"; not "…positive or not?", which asks yes or no). */
const NEGATED_QUESTION = /\b(?:(?<!\bor )not|never|neither|nor|without)\b|n['’]t\b|\bnon-|(?<!\bat )\bleast\b|\bfewest\b/i;
/** What a penalty is, for lifting it: sanctions, penalties, tariffs, restrictions, bans, charges, accusations, an embargo. */
const PENALTY = String.raw`sanctions?|penalt(?:y|ies)|tariffs?|restrictions?|bans?|charges?|accusations?|allegations?|embargo(?:es)?`;
/** Verbs that lift a penalty in other words ("drop the sanctions", "remove them", "scrap", "waive"). */
const LIFTING = String.raw`drop(?:s|ped|ping)?|remov(?:e|es|ed|ing)|scrap(?:s|ped|ping)?|waiv(?:e|es|ed|ing)`;
/**
 * Undoing what was done, by family (any form), as a question asks it and as a passage tells it: lifting (or dropping,
 * removing, scrapping, waiving a penalty: "Will the US drop the sanctions?", "…be removed?", "let … off the hook");
 * restoring, reinstating, giving back; reversing, overturning, rescinding. A passage answers with the question's
 * family ("a sharp reversal" of a threat is no visa restored).
 */
/** A family asked and told in the same words. */
const toldAsAsked = (family: RegExp) => [family, family] as const;
const UNDONE: readonly (readonly [asked: RegExp, told: RegExp])[] = [
  [
    new RegExp(
      String.raw`\blift(?:s|ed|ing)?\b|\b(?:${LIFTING})\s+(?:(?:the|those|these|its|their|all|his|her|any|of)\s+)*(?:[\w'’-]+\s+){0,2}?(?:${PENALTY})\b|\b(?:${PENALTY})\b(?:\s+[\w'’.-]+){0,6}?\s+(?:be|been|being|get|got|gotten|was|were|is|are)\s+(?:\w+\s+)?(?:dropped|removed|scrapped|waived)\b|\boff the hook\b`,
      'i',
    ),
    new RegExp(String.raw`\b(?:lift(?:s|ed|ing)?|${LIFTING})\b|\boff the hook\b`, 'i'),
  ],
  toldAsAsked(/\b(?:restor\w*|reinstat\w*|(?:give|gave|given|giving|gives) back)\b/i),
  toldAsAsked(/\b(?:revers\w*|overturn\w*|rescind\w*|undo\w*|undid)\b/i),
];
/**
 * A question for who goes along with someone ("Will the foreign minister accompany Petro?", "Is he bringing his wife with
 * him?", "who else is in the delegation?"; "Who is going / which officials will travel with Petro?") or takes part ("Who
 * else will attend / be at the meeting?", "Will Rubio be at the meeting / in the room?", "Who else will join them?",
 * "Will Rubio sit in on the talks?").
 */
const ACCOMPANYING =
  /\b(?:accompan\w*|join(?:s|ing)?\s+(?:him|her|them|the\s+(?:meeting|talks|summit|trip|visit|delegation))|(?:else|other)\b[^?]*\bjoin(?:s|ing)?\b|sit(?:s|ting)?\s+in\s+on|(?:bring\w*|brought|tak(?:e|es|ing)|took)(?:\s+[\w'’]+){0,3}\s+(?:along\s+)?with\s+(?:him|her|them)|(?:travel\w*|com(?:e|es|ing)|came|go(?:es|ing)?|went)\s+(?:along\s+)?with\s+(?:him|her|them)|delegation|entourage|who\s+else\s+(?:[\w'’]+\s+){0,5}?(?:be|go|going|come|coming|travel\w*|attend\w*|participat\w*)|travel(?:s|ed|led|ing|ling)?\s+(?:also\s+|too\s+)?(?:to\s+(?:[\w.'’]+\s+){1,3}?)?with\s+(?:him|her|them|the\s+president|\p{Lu}[\p{L}'’-]+))\b|^\W*(?:will|would|is|are|was|were)\b.*\bbe\s+(?:(?:in\s+the\s+room|present)\s+(?:for\s+|at\s+)?the\b|at\s+the\s+(?:[\w'’-]+\s+){0,3}?(?:meeting|talks|summit|session|rally|conference|sit-?down|event|ceremony|signing|negotiations)\b)|(?:^\W*(?:who|which\b.*?)\W*(?:['’]s|is|are|will|would)?\s*|\b(?:any|some)(?:one|body)(?:\s+else)?\s+)(?:be\s+)?(?:travel\w*|com(?:e|es|ing)|go(?:es|ing)?)\s+(?:along\s+)?with\s+\p{L}/iu;
/**
 * A question for a response to what was said: "respond / reply / answer" with what was said after it ("…to the US
 * criticism", "…to Locetta's remarks"), "say back", "say in reply". (Not a response to an event: "How is Pennzoil
 * going to respond to the Texaco bankruptcy?" is answered by what Pennzoil will do.)
 */
const RESPONSE_QUESTION =
  /\b(?:(?:respond(?:s|ed|ing)?|responses?|repl(?:y|ied|ies)|answer(?:s|ed)?)\b.*\b(?:criticisms?|critiques?|accusations?|charges?|claims?|allegations?|remarks?|comments?|statements?|intervention|speech)\b|(?:say|said)\s+(?:back|in\s+(?:reply|response))\b)/i;
/** A passage that tells of a response: a reply, a rebuttal, a denial, a rejection. */
const RESPONSE_RE =
  /\b(?:respon(?:d|ds|ded|ding|se|ses)|repl(?:y|ied|ies)|retort\w*|rebut\w*|counter(?:ed|ing)|(?:hit|fired|pushed)\s+back|rebuff\w*|reject\w*|dismiss\w*|den(?:y|ied|ies|ial)|answer(?:ed|ing)?)\b/i;
/** A passage that tells who goes along with whom: the same words, or companions, joining, "with him". */
const WITH_SOMEONE =
  /\b(?:accompan\w*|companions?|join(?:s|ed|ing)?|delegations?|entourage|along with|together with|with (?:him|her|them)|attend\w*|participa\w*|(?:were|was|will be|are|is) present|among those)\b/i;
/** For `undoneCheck`: does the question ask about undoing what was done when no passage read tells of its kind of undoing? */
export function undoneMissing(question: string, pool: Hit[]): boolean {
  const undone = UNDONE.find(([asked]) => asked.test(question));
  return undone !== undefined && !pool.some((h) => undone[1].test(h.passage.text));
}
/** For `companyCheck`: does the question ask who goes along or takes part when no passage read tells of anyone doing so? */
export function companyMissing(question: string, pool: Hit[]): boolean {
  return ACCOMPANYING.test(question) && !pool.some((h) => WITH_SOMEONE.test(h.passage.text));
}
/** For `responseCheck`: does the question ask for a response to what was said when no passage read tells of one? */
export function responseMissing(question: string, pool: Hit[]): boolean {
  return RESPONSE_QUESTION.test(question) && !pool.some((h) => RESPONSE_RE.test(h.passage.text));
}
/** A question that places its event in a month ("in early March", "since June", "during mid-October"): the month (group 1). */
const PLACED_IN_MONTH = new RegExp(String.raw`\b(?:in|since|until|till|during|early|late|mid-?)\s+(?:early\s+|late\s+|mid-?)?(${MONTH_NAMES})\b`, 'i');

/** Does `text` name `month` (written out or abbreviated as news style does: "Feb. 3", "Sept.")? */
function namesMonth(text: string, month: string): boolean {
  const m = month.toLowerCase();
  const short = m === 'september' ? 'Sept?' : m.slice(0, 3);
  return new RegExp(String.raw`\b(?:${m}|${short}\.)`, 'i').test(text) || new RegExp(String.raw`\b${short}\b(?=\s?\d)`, 'i').test(text);
}

/** For `monthCheck`: does the question place what it asks about in a month that no passage read names? */
export function monthMissing(question: string, pool: Hit[]): boolean {
  const month = PLACED_IN_MONTH.exec(question)?.[1];
  if (!month) return false;
  return !pool.some((h) => namesMonth(h.passage.text, month));
}

/** A question for the time of day: "What time is / does / of (the) day / on…?", "What time's…?", "At what time (exactly)…?", "What hour…?", a phone's "what time meeting start", "start time" (not "What time period / frame…?"). */
const CLOCK_QUESTION =
  /\b(?:what|which) (?:time|hour)(?:['’]s\b|\s+(?:(?:exactly|precisely)\s+)?(?:is|was|will|would|does|did|do|are|were|of (?:the )?day|on|at|the|today|tomorrow|tonight)\b)|\b(?:what|which) (?:time|hour)\W*$|\b(?:start|starting|begin|beginning|end|finish)\s+time\b|^\W*(?:at\s+)?what time\s+(?:[\w-]+\s+){1,3}(?:start|starts|begin|begins|end|ends|open|opens|kick off|get going)\W*$/i;
/** A time of day: "3 p.m.", "15:30", "9 o'clock", "noon", "in the morning". */
const CLOCK_TIME =
  /\b\d{1,2}(?::\d{2})?\s?(?:[ap]\.?m\b\.?|o['’]clock)|\b\d{1,2}[:.]\d{2}\b|\b(?:noon|midday|midnight|morning|afternoon|evening|night|dawn|dusk|overnight)\b/i;
/** Does a sentence give a day (a date, a weekday) but no time of day? */
function givesDayNotTime(sentence: string, questionWords: Set<string>): boolean {
  return !CLOCK_TIME.test(sentence) && typeEvidence('date', sentence, questionWords) > 0;
}
/** For `clockCheck`: does a question for the time of day get a sentence (`lead`) that gives a day but no time of day? */
export function clockMissing(question: string, lead: Candidate, questionWords: Set<string>): boolean {
  return CLOCK_QUESTION.test(question) && givesDayNotTime(sentenceOf(lead), questionWords);
}

/** "not like", "didn't she like", "doesn't the U.S. like": a dislike, which the answer says in its own words ("She criticized…"), not a negation. */
const DISLIKE = /(?:\bnot|n['’]t)(?:\s+[\w.]+){0,2}?\s+(?:like|enjoy|appreciate)\b/gi;
/** The question up to its first subordinate clause ("…in which we don't…", "…that it would not…"). */
function mainClause(question: string): string {
  const m = /\s(?:which|that|who|whom|whose|where|when|if|because|although|though)\b/i.exec(question.replace(/^\W*\w+/, (w) => ' '.repeat(w.length)));
  return m ? question.slice(0, m.index) : question;
}

/** A sentence that says something in the negative, or names an exception or a failure. */
const NEGATIVE =
  /\b(?:not|no|never|none|nobody|nothing|neither|nor|without|least|fewest|except|exception|excluding|other than|apart from|unlike|instead|less|fewer|lost|absent|absence|rather than|unable|cannot|fail(?:s|ed|ure)?|refus(?:e|es|ed|al)|lack(?:s|ed|ing)?|den(?:y|ies|ied)|reject(?:s|ed)?|only)\b|n['’]t\b|\bnon-/i;
/** "Didn't Washington take away Petro's visa?", "Isn't trade going to come up?": a question opening on a negated auxiliary asks whether the positive holds. */
const NEGATIVE_OPENING = new RegExp(String.raw`^(\W*(?:(?:so|and|but|wait|ok|okay)\W+)?(?:${NEGATABLE}))n['’]t\b`, 'i');
/** "Not Trump, but who spoke…?", "…given in Washington, not New York?": an alternative the reader sets aside, not what is asked. */
const EXCLUDED_ALTERNATIVE = /^\W*not\s+(?:just\s+)?[^,?]+,\s*(?:but\s+)?|,\s*not\s+[^,?]+(?=\W*$)/i;
/**
 * For `negationCheck`: is the question asked in the negative (its main clause) and the sentence that would answer it
 * (`lead`) not? Not a negated auxiliary opening it, nor an alternative it sets aside: those ask of the positive.
 */
export function negationUnanswered(question: string, lead: Candidate): boolean {
  const asked = question.replace(NEGATIVE_OPENING, '$1').replace(EXCLUDED_ALTERNATIVE, '');
  return NEGATED_QUESTION.test(mainClause(asked).replace(DISLIKE, '')) && !NEGATIVE.test(sentenceOf(lead));
}

/**
 * Does the answer sentence say the opposite of what the question asks? A question word it lacks has
 * its opposite there ("…fully *inconsistent* with what?" / "…fully *consistent* with the definition…"),
 * a word the question does not use itself. A sentence with a plain negation is left alone: "not
 * improved" says what "unimproved" asks.
 */
export function saysOpposite(index: SearchIndex, retrieval: Retrieval, own: readonly string[], askedFor: ReadonlySet<string>, lead: Candidate): boolean {
  const [s, e] = lead.hit.passage.sentences[lead.s]!;
  if (PLAIN_NEGATION.test(lead.hit.passage.text.slice(s, e))) return false;
  const said = sentenceTerms(index, lead.hit.doc).sets[lead.s]!;
  const asked = new Set(own);
  // An opposite that opens as another question word does is that word's form, the question's own ("the
  // West … eastern territories" answered by "Western imperialism … territories").
  const askedAs = (t: string) => asked.has(t) || sharesPrefix(t, asked);
  for (const q of own) {
    // (Nor a word the search read as part of a two-word verb: "how the talks are coming along" asks how they are going.)
    if (askedFor.has(q) || said.has(q) || retrieval.phrases.has(q)) continue;
    for (const t of index.lexicon.opposites(q)) if (said.has(t) && !askedAs(t)) return true;
  }
  return false;
}

/**
 * Does the question name a person by a role that no brief holds (nor a spelling one letter away), nor a
 * synonym or derived form of it in the passages read ("commentary" for "commentators")? Not its
 * hypernyms: a mayor is not any "politician".
 */
function roleMissing(index: SearchIndex, asked: AskedRole | undefined, retrieval: Retrieval, read: SentenceTerms[]): boolean {
  // A past participle is a clause, not a role ("Who is the Lady forced to kill?").
  if (!asked || /ed$/i.test(asked.word)) return false;
  // A typo the search read as a collection word ("captian") is no longer among the question's terms.
  const role = asked.term;
  if (!retrieval.unknown.includes(role) || typosOf(index, role).length > 0) return false;
  const synonyms = namedAs(retrieval, role);
  return !read.some((r) => r.sets.some((set) => synonyms.some((t) => set.has(t))));
}

/** The words the search took a question's term for that name the same thing: its synonyms and derived forms. */
function namedAs(retrieval: Retrieval, term: string): string[] {
  return [...(retrieval.expansions.get(term) ?? [])].filter(([, r]) => r.kind === 'synonym' || r.kind === 'derived').map(([t]) => t);
}

/**
 * A title prefix and the word after it: "the vice president", "the deputy foreign minister",
 * "co-founder". Only these words: the other words before a role describe whoever holds it ("the main
 * performer", "the current captain", "the ESPN Deportes sideline commentator"), and the sentence that
 * names that person need not repeat them. "Assistant", "associate" and "acting" after an article or a
 * possessive ("acting on orders" is no post); "co-" and "ex-" with their hyphen; "former" only in "Who
 * is the former…?" ("the former MVP", "former students" describe). A country's initials between them are the
 * country's, not the post ("the deputy U.S. ambassador" is the U.S. deputy ambassador).
 */
const TITLED_POST =
  /\b(vice|deputy|interim|(?<=\b(?:the|a|an|his|her|their|its|\p{L}+['’]s)\s+)(?:assistant|associate|acting)|(?<=^\W*who(?:['’]s|\s+(?:is|was|are|were))\s+the\s+)former|(?:co|ex)(?=-))[\s-]+(?:(?:\p{L}\.){2,}\s*|(?:US|UK|UN|EU)\s+)?(\p{L}[\p{L}'’]*)/giu;

/** The posts a question names with a title prefix ("vice president"), as [prefix term, term of the word after it]. */
function titledPosts(question: string): [string, string][] {
  const posts: [string, string][] = [];
  for (const m of question.matchAll(TITLED_POST)) {
    const next = toTerm(normalizeWord(m[2]!));
    if (next) posts.push([toTerm(m[1]!.toLowerCase()) ?? m[1]!.toLowerCase(), next]);
  }
  return posts;
}

/**
 * Does `sentence` name another post than the one the role question asks for: the question's word before
 * the role ("defense" in "Colombia's defense minister") missing, and the role in a title with another word
 * before it ("Colombian Foreign Minister Rosa Villavicencio")?
 */
function namesOtherPost(index: SearchIndex, question: string, role: AskedRole, sentence: string): boolean {
  const word = role.word;
  // A lower-case word right before the role (not the "s" of "NASA's").
  const before = new RegExp(String.raw`(?<![\p{L}'’])(\p{Ll}[\p{L}-]*)\s+${word}\b`, 'u').exec(question)?.[1];
  const asked = before ? toTerm(before) : null;
  if (!asked) return false;
  const title = new RegExp(String.raw`\b(\p{Lu}[\p{L}.-]*)\s+${word[0]!.toUpperCase()}${word.slice(1)}\b`, 'gu');
  let other = false;
  for (const m of sentence.matchAll(title)) {
    const t = toTerm(normalizeWord(m[1]!));
    if (t === asked || (t && typoOf(index, asked, t))) return false;
    if (t) other = true;
  }
  return other && !analyze(sentence).includes(asked);
}

/**
 * Does `text` (the answer's paragraph) name the role a question asks for without a title prefix only with
 * one ("U.S. deputy ambassador Jennifer Locetta" for "Who is the US ambassador…?"): the deputy holds another
 * post. (The paragraph, not the sentence: "…led by his vice-Chair …, acting Chair…" may follow "X is the chair".)
 */
function onlyTitledPost(question: string, role: AskedRole, text: string): boolean {
  if (titledPosts(question).length > 0) return false;
  const stem = role.term;
  const re = new RegExp(String.raw`(?:\b(${TITLE_PREFIXES})[\s-]+)?\b[${stem[0]!.toUpperCase()}${stem[0]}]${stem.slice(1)}\w*`, 'giu');
  let titled = false;
  for (const m of text.matchAll(re)) {
    if (m[1] === undefined) return false;
    titled = true;
  }
  return titled;
}

/** Is a post the question names with a title prefix ("the vice president") in no sentence read, the prefix at most three terms from the word after it? */
function postMissing(index: SearchIndex, posts: readonly [string, string][], read: SentenceTerms[], retrieval: Retrieval): boolean {
  // The post's word as typed, the words of the briefs it is a typo of ("the deputy ambassdor"), or the words the
  // search took it for ("the deputy envoy": ambassador), looked up once per post.
  const dictionary = index.searcher.tables.dictionary;
  const forms = (word: string) =>
    new Set([word, ...(documentFrequency(index, word) === 0 ? typosOf(index, word).map((id) => dictionary.termAt(id)) : []), ...namedAs(retrieval, word)]);
  const near = (seq: readonly string[], prefix: string, words: Set<string>) =>
    seq.some((t, j) => t === prefix && seq.slice(Math.max(0, j - 3), j + 4).some((u) => words.has(u)));
  return posts.some(([prefix, word]) => {
    const words = forms(word);
    return !read.some((r) => r.seqs.some((seq) => near(seq, prefix, words)));
  });
}

/**
 * For `roleCheck`: does the question name a role no brief holds ({@link roleMissing}), a post with a title prefix
 * no sentence read holds ({@link postMissing}), or a role that the best sentence (`lead`) gives as another post
 * ({@link namesOtherPost}) or its paragraph only with a title prefix ({@link onlyTitledPost})?
 */
export function roleUnanswered(
  index: SearchIndex,
  question: string,
  lang: Lang,
  role: AskedRole | undefined,
  retrieval: Retrieval,
  read: SentenceTerms[],
  lead: Candidate,
): boolean {
  return (
    roleMissing(index, role, retrieval, read) ||
    (lang === 'en' && postMissing(index, titledPosts(question), read, retrieval)) ||
    (role !== undefined &&
      /^[a-z]+$/.test(role.word) &&
      (namesOtherPost(index, question, role, sentenceOf(lead)) || onlyTitledPost(question, role, lead.hit.passage.text)))
  );
}

const PLAIN_NEGATION = /\b(?:not|no|never|nor|without)\b|n['’]t\b/i;

/** "When did / was / will…?", "(In) what year…?": a question for a point in time (not "When do…?", a condition). */
const POINT_IN_TIME =
  /^\W*(?:(?:exactly|precisely)\s+)?(?:when\s+(?:(?:exactly|precisely)\s+)?(?:did|was|were|will|is|are|has|have|had)\b|(?:in\s+)?(?:what|which)\s+(?:year|month)\b|when\s+(?!(?:do|does)\b)(?:[\p{L}\p{N}.'’-]+\s+){1,6}(?:was|were|will|is|are|has|have|had|did)(?:\s+[\p{L}-]+){0,2}\W*$)/iu;
/** A reader insisting on the time: "When exactly…?", "Exactly when…?", "precisely". */
export const EXACT_TIME = /\b(?:exactly|precisely)\b/i;
/** Words that place something in time without a date ("two years ago", "the Bronze Age", "after the war"). */
const TIME_WORDS =
  /\b(?:[Aa]go|[Yy]ears?|[Dd]ecades?|[Cc]entur(?:y|ies)|[Ee]ras?|[Aa]ge|[Dd]ynast(?:y|ies)|[Ss]easons?|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|[Ww]ars?|BCE?|AD|BP)\b/;

/**
 * For `timeCheck`: does the answer to a question for a point in time come from a passage that gives no time,
 * by a sentence that says less than `timeCheck` of the question?
 */
export function untimed(
  r: { question: string; questionWords: Set<string>; o: { timeCheck: number } },
  top: Candidate | undefined,
  pool: Hit[],
  covers: number[][],
): boolean {
  if (!top || !POINT_IN_TIME.test(r.question)) return false;
  const h = pool.indexOf(top.hit);
  // (Not when the reader insists on the time: "When exactly were the sanctions imposed?" is not answered by
  // "…months of hostility that saw the U.S. … impose sanctions…", however much of the question it says.)
  if (h >= 0 && covers[h]![top.s]! >= r.o.timeCheck && !EXACT_TIME.test(r.question)) return false;
  const text = top.hit.passage.text;
  return typeEvidence('date', text, r.questionWords) === 0 && !TIME_WORDS.test(text);
}

/** A time a question closes on: "…this week", "…today", "…lately", "…on Friday". */
const WHEN_SAID = new RegExp(
  String.raw`\s+(?:(?:this|last|past|next)\s+(?:${TIME_UNIT}|weekend|morning|afternoon|evening)|today|yesterday|tonight|recently|lately|(?:right\s+)?now|these\s+days|so\s+far|(?:on|last)\s+(?:${WEEKDAYS}))\W*$`,
  'i',
);

/** Where something was said, closing a question: "…online", "…on social media", "…on TV", "…on Twitter". */
const WHERE_SAID = new RegExp(String.raw`\s+(?:on\s+)?(?:${MEDIUM})\W*$`, 'i');

/**
 * Does a question for what was said or talked about name, as the last word of what it is about, a word no
 * brief holds and none of whose related words the passages read hold ("What did Petro say about Trump's
 * tariffs?")? Nothing said there can be about it.
 */
export function subjectMissing(index: SearchIndex, question: string, askedFor: ReadonlySet<string>, retrieval: Retrieval, read: SentenceTerms[]): boolean {
  // (Not a time or a medium it closes on: "…about Colombia this week?", "…about the talks online?" are about Colombia, the talks.)
  const about = ABOUT.exec(question)?.[1]?.replace(WHEN_SAID, '').replace(WHERE_SAID, '');
  // (Nor the medium itself: "What did Petro post on social media?" says where, not what about.)
  if (about !== undefined && WHERE_SAID.test(` on ${about}`)) return false;
  // (Nor a clause, "…about how the talks are shaping up?": it closes on its verb, which its subject does not need.)
  if (about !== undefined && /^(?:how|whether|why|what|when|where|who|if)\b/i.test(about)) return false;
  // (Not a word that names what is asked for: "Is trade on the agenda?")
  const last =
    about === undefined
      ? undefined
      : analyze(about)
          .filter((t) => !askedFor.has(t))
          .at(-1);
  if (last === undefined || !retrieval.unknown.includes(last)) return false;
  const related = [...(retrieval.expansions.get(last)?.keys() ?? [])];
  // (A related word the question itself holds too: "…cracking down on cross-border crime gangs?", gangs being crime.)
  related.push(...Object.values(index.lexicon.related(last)).flat());
  return !read.some((r) => r.sets.some((set) => related.some((t) => set.has(t))));
}

/** For `speakerCheck`: does no sentence of the passages read have the speakers "What did Trump say?" asks about speak? */
export function speakerSilent(pool: Hit[], speakers: Speakers): boolean {
  return !pool.some((h) => h.passage.sentences.some(([s, e]) => speakerSpeaks(h.passage.text.slice(s, e), speakers)));
}

/**
 * The first name-like term of the question (a capitalised word past the
 * first one, not a stop word) that no brief of
 * `top` (every brief that matched, when `top` is empty) holds anywhere,
 * nor any form the lexicon derives from it, nor a near spelling, nor its two
 * halves written apart in the briefs read (`briefsRead`, asked for only then).
 */
export function missingEntity(
  index: SearchIndex,
  question: string,
  retrieval: Retrieval,
  top: Hit[],
  briefsRead: () => Brief[],
  askedFor: ReadonlySet<string> = new Set(),
): string | undefined {
  const held = top.map((h) => retrieval.briefMatched.get(h.passage.briefId) ?? new Set(h.matched));
  // English only: German capitalises every noun, Turkish and Greek inflect names ("Broncos'u"), Arabic and
  // Chinese have no capitals (measured: without the check, false abstentions fall by 2 points in tr and el).
  if (retrieval.lang !== 'en') return undefined;
  for (const { term, start, end } of analyzeWithRanges(question, retrieval.lang)) {
    // (A word naming what is asked for is no name the briefs must hold: "…on Monday?" read as "when?", see `wrongDetail`.)
    if (start === 0 || !/^\p{Lu}/u.test(question.slice(start)) || askedFor.has(term)) continue;
    // With no `top`, any brief will do: the index holds the term. A word derived from one held counts as
    // held ("American" where the briefs say "U.S.", "Chinese" where they say "China").
    const holds = (t: string) => (top.length ? held.some((m) => m.has(t)) : documentFrequency(index, t) > 0);
    // (A capital named as a place is no country: "…in Bogotá or in Washington?".)
    if (holds(term) || derivedForms(index, term, retrieval.places).some(holds)) continue;
    // A misspelt name ("Villavicenco") is a typo of one the briefs hold, not a stranger.
    if (documentFrequency(index, term) === 0 && nearTerm(index, term)) continue;
    // Nor are two words written as one that a passage read writes apart ("Superbowl", "Super Bowl").
    const apart = writtenApart(question.slice(start, end));
    if (apart && briefsRead().some((b) => b.passages.some((p) => apart.test(p.text)))) continue;
    return term;
  }
  return undefined;
}

/** Does the index hold a term one edit away from `term` (from 4 characters on), or starting with it? */
function nearTerm(index: SearchIndex, term: string): boolean {
  const [from, to] = index.searcher.tables.dictionary.prefixRange(term);
  return from < to || (term.length >= 4 && typosOf(index, term).length > 0);
}

/**
 * The index's terms that `term` is a typo of: one edit away, or two neighbouring letters swapped ("Zeria"
 * for "Zeira", "foriegn" for "foreign"), as term ids.
 */
function typosOf(index: SearchIndex, term: string): number[] {
  const dictionary = index.searcher.tables.dictionary;
  return [...dictionary.fuzzy(term, 1).map(([id]) => id), ...dictionary.transposed(term)];
}

/** Is `typed`, a word the briefs lack, a typo of `term`? */
function typoOf(index: SearchIndex, typed: string, term: string): boolean {
  return documentFrequency(index, typed) === 0 && typosOf(index, typed).some((id) => index.searcher.tables.dictionary.termAt(id) === term);
}

/**
 * What finds `word` split in two, with a space or hyphen between, in a text ("Super Bowl" for "Superbowl"),
 * in any case; undefined for a word too short to split. (One pattern per word, tested on each passage read:
 * no lower-cased copy of every passage.)
 */
function writtenApart(word: string): RegExp | undefined {
  const w = word.toLowerCase();
  const splits: string[] = [];
  for (let i = 2; i <= w.length - 2; i++) splits.push(`${escapeRegExp(w.slice(0, i))}[ -]${escapeRegExp(w.slice(i))}`);
  return splits.length ? new RegExp(splits.join('|'), 'iu') : undefined;
}

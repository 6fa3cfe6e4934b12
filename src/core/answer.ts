/**
 * Answer composition: ranked passages → a short extractive answer with
 * citations, or an honest "not in the briefs".
 *
 * Every sentence of a passage near the top is scored for the question: how
 * much of the question's weight (IDF) it covers, how well its passage ranked,
 * and whether it holds what the question asks for (a date for "when", a name
 * for "who", a number for "how many"…). The best 1–3 sentences form the
 * answer; each citation's snippet is the chosen sentence widened with whole
 * neighbouring sentences up to 300 characters.
 *
 * What the question asks is read in `question.ts`, what a sentence holds in
 * `evidence.ts`, and the checks that decline a question the briefs do not
 * answer are in `checks.ts`; this module holds the options, the abstention
 * model, scoring and citing.
 * @module
 */
import { retrieve, YES_NO_QUESTION, type Hit, type QueryContext, type Retrieval, type RetrieveOptions } from './retrieve.js';
import { backgroundIdf, backgroundShare, type Lexicon, type RelationKind } from './lexicon.js';
import { documentFrequency, idf, idfOf, type SearchIndex } from './search-index.js';
import { effectiveDate, isExpired, leansOnLatest, resolveTimes, type TimeNote } from './recency.js';
import { langOf, questionLanguage, type Lang } from './lang/detect.js';
import { typeEvidenceIn } from './lang/questions.js';
import { languageName, replyLanguage, replyStrings } from './lang/strings.js';
import { analyze, analyzeWithRanges, canonicalizeVariants, normalizeWord, PREFIX_LETTERS, termRanges, toTerm, VARIANT_NAMES, words } from './text.js';
import type { Answer, Brief, Citation, Passage, Range, RelatedBrief } from './types.js';
import {
  ABOUT,
  ABOUT_QUESTION,
  POSTING,
  AGENDA,
  type Asked,
  askedForTerms,
  askedQualities,
  askedRole,
  askedThing,
  ASKS_POSTED,
  DESCRIBE_QUESTION,
  MADE_KNOWN_QUESTION,
  fullNameOf,
  PLATFORMS,
  questionPredicates,
  questionType,
  type QuestionType,
  ROLE_QUESTION,
  roleHolder,
  SAID_ABOUT,
  spelledOut,
  STANCE_QUESTION,
  TOPICS_OF,
  readAsides,
  withoutRequest,
  withoutStopWordTypos,
} from './question.js';
import {
  askedSpeakers,
  PERSON_BACK,
  withRoleNames,
  SUPERLATIVE,
  asksHowOften,
  CALENDAR_DAY,
  type Candidate,
  FUTURE_RE,
  langOfDoc,
  MONTH_NAMED,
  MONTH_NAMES,
  onPlatform,
  SAID_SUBJECT,
  FEEL_SUBJECT,
  sentenceOf,
  type SentenceTerms,
  sentenceTerms,
  impliedNameTerms,
  sharesPrefix,
  type Speakers,
  speakerSpeaks,
  speakerSpeaksIn,
  SPEECH_RE,
  stanceAbout,
  saysHowOften,
  namesActor,
  TIME_UNIT,
  TOPIC_RE,
  typeEvidence,
  WEEKDAYS,
} from './evidence.js';
import {
  clockMissing,
  companyMissing,
  kindUnnamed,
  missingEntity,
  monthMissing,
  negationUnanswered,
  numberUnsaid,
  outcomeToCome,
  pastOfToCome,
  premiseMissing,
  responseMissing,
  roleUnanswered,
  saysOpposite,
  speakerSilent,
  subjectMissing,
  undoneMissing,
  untimed,
  EXACT_TIME,
} from './checks.js';

export const SNIPPET_MAX = 300;

/** Tunable answer settings (defaults chosen on the public evaluation sets; see README). */
export interface AnswerOptions {
  /** Citations wanted (1–10). */
  limit: number;
  /** Passages whose sentences are considered. */
  passages: number;
  /** Weight of the passage's retrieval score against the sentence's own coverage. */
  passageWeight: number;
  /** Bonus for a sentence holding the kind of thing the question asks for. */
  typeWeight: number;
  /**
   * The same for a question about a topic ("What will they talk about?"): a
   * sentence that names topics ("…expected to focus on…", "including…") answers
   * it, one that merely repeats "talks" does not; and for a question about what
   * someone said ("What did Petro say?"): a sentence where they speak answers it
   * ("…," Petro said), one where someone else does ("…Petro's approach, saying…") less.
   */
  topicWeight: number;
  /**
   * When to decline for want of evidence: a logistic model over three signals of the retrieval
   * ({@link AbstentionSignals}), fitted by `scripts/fit-abstention.ts` on the tune part of the public
   * sets and at 10,000 briefs. The question is declined when
   * `bias + strength·ln(min(S, 5) + 0.05) + coverage·C + sentence·W > 0`.
   */
  abstain: AbstentionModel;
  /** For a question not in English (no background word frequencies), the same model with this `bias`. */
  abstainBiasOther: number;
  /**
   * In a language other than English (no background word frequencies), the
   * share of its IDF that a question word the collection does not hold
   * weighs in the strength and coverage signals.
   */
  unknownWeight: number;
  /**
   * How many passages of general English join the collection's passages when a question word's
   * weight is reckoned for declining (English; see {@link blendedIdf}): in a collection of a
   * few briefs, how common a word is in English says how much it tells (0: off).
   */
  backgroundPassages: number;
  /**
   * Which sentence answers weighs the question's words by how many passages' text holds them, not their
   * titles: every passage of a brief carries its title, so in a collection of one brief a title word
   * ("White House") looks as common as "the" and "going" outweighs it ("When is Petro going to the White
   * House?" got "The talks are going well"). Tune part: 0 / −0.1 on the sets, small collections +0.1,
   * dated threads −1 question (won back with `headWeight` 0.5); natural seed questions +3.
   */
  textIdf: boolean;
  /**
   * What a sentence earns for the question words its brief's title and section hold (it is about
   * them, whatever it says): this times their share. 0.5 (was 0.25, chosen with `textIdf`, which makes
   * title words weigh more): "Who scored twice for Harbour Town in the cup final?" again gets "Ana Costa
   * scored twice", not the lead that names the club and the final; dated threads tune part +1 question;
   * the sets 0, small collections −0.1 (squad2), natural seed questions −1.
   */
  headWeight: number;
  /** Called with the abstention signals of each question that gets as far as reading sentences (for fitting the model). */
  observe?: (signals: AbstentionSignals) => void;
  /**
   * Decline a question naming someone or something (a capitalised word) that none of the top briefs holds;
   * and a question for what was said or talked about whose last word of what it is about no brief holds,
   * nor a word related to it in the passages read ("What did Petro say about Trump's tariffs?").
   */
  entityCheck: boolean;
  /**
   * A question for what someone said ("What did Trump say?") is declined when no sentence of the passages read
   * has them speak, by name or by the role the briefs give them ("…according to the U.S. president"); and a
   * sentence where someone else speaks is no evidence of what they said.
   */
  speakerCheck: boolean;
  /** The top passages whose briefs the entity check looks in (0: every brief that matched anything). */
  entityPassages: number;
  /**
   * An elliptical follow-up ("In what year?": no words of its own but the kind of answer it wants)
   * is answered by the last answer's sentence when that sentence holds that kind of answer.
   */
  ellipsis: boolean;
  /**
   * Decline a question asked in the negative ("Who did not…?", "the fewest") when the sentence that
   * would answer it says nothing in the negative: it answers the positive question instead.
   */
  negationCheck: boolean;
  /**
   * Decline a question for a number ("How many…?", "How much…?", "How old…?"; not "how much of…", which
   * "vast areas" answers) when no sentence scoring at least this share of the best one says how many
   * (a number, a number word, "twice", "several"; a day of the month is a date, not a quantity): "How old
   * is Petro?" is not answered with what Petro did. "How long…?" likewise, when no such sentence says a
   * number or a word of duration ("months of hostility", "since", "ago"): "How long will the meeting last?"
   * is not answered with when it is (0: off).
   */
  numberCheck: number;
  /**
   * Decline a question for a group or a body by its name ("Which armed groups is Petro negotiating with?",
   * "Which company…?"; not "Which policies…?") when the best sentence holds the words of the kind asked
   * for and names none (a capitalised word past its first, no possessive, or initials the question does not hold):
   * "…negotiations with armed groups…" speaks of armed groups, and does not say which.
   */
  namedCheck: boolean;
  /**
   * Decline a question for a point in time ("When did / was / will…?", "In what year…?"; not "When do…?",
   * which asks for a condition) when the passage that answers it gives no time — no date, day or year, no
   * word of time such as "ago", "century", "season", "war" — and its best sentence says less than this
   * share of the question: the briefs report neither when nor, in full, what ("When was the peace agreement
   * signed?" is not answered with the quarterly review of it). A sentence that says all of it is the news
   * its brief reports, which the citation dates ("When did Petro say the talks were going well?"). 0: off.
   */
  timeCheck: number;
  /**
   * Before `timeCheck` declines: the best sentence scoring at least this share of the best one that gives a
   * date answers instead (0: decline); for a reader insisting on the time ("When exactly…?"), only one that tells of
   * the same event, in a word of the question that is no name (natural seed questions +4 −0 in the fixture; for
   * every question −2, "When did Trump and Petro first talk?" being the phone call's).
   */
  timeFloor: number;
  /**
   * Decline when the answer sentence lacks a question word but holds its opposite (WordNet antonyms of
   * verbs, adjectives and adverbs): "…inconsistent with what?" asked of "…consistent with…".
   */
  oppositeCheck: boolean;
  /**
   * "Did the call happen on Monday?" of briefs that name no Monday, "Was it on Facebook that Petro posted…?" of
   * briefs that name no Facebook: a yes-no question with a detail of a closed kind (a day, a month, a platform) that
   * the collection never names checks that detail, and is read as a question for it (the date; where it was posted),
   * the detail weighing as "year" does in "What year…?"; the sentence that gives one of the same kind answers.
   */
  wrongDetail: boolean;
  /** For `wrongDetail`: the sentence giving a detail of the kind asked about answers when it scores at least this share of the best (else: declined). */
  wrongDetailFloor: number;
  /**
   * "Has Trump said anything about the meeting?", "Did Petro say the talks were going badly?": a yes-no question whether
   * someone the briefs name said something is answered by a sentence where they speak (by name, by role, or "She…"
   * after a sentence that has them speak) and that holds another of its words, scoring at least `speakerFloor` of the
   * best; declined when none does. So is "What exactly did Petro say at the rally?", a reader insisting on someone's
   * own words ("exactly", "actually", "himself"). "How does the US describe the talks?" the same, but not declined (a
   * description may be in other words than speech). So is a question for a named one's mood or view ("Is Trump
   * optimistic about the meeting?", "How does Trump feel about it?", "What does the US think of…?"): "Petro said he
   * was optimistic…" is Petro's. A capital speaks for its country ("What does Washington think…?").
   */
  saidCheck: boolean;
  /**
   * "How did the US envoy describe the talks?": ask again naming the person the role stands for ("…the US envoy
   * Locetta…"), when the brief read first gives it to one person (see `withRoleNames`); a title as the brief writes
   * it ("the Colombian president") is replaced by the name, unless the question asks who holds it; a sentence opening
   * with "She" or "He" after the one naming them holds the name in full ("She criticized…" after "…Locetta told…").
   */
  roleNames: boolean;
  /**
   * Decline "Will there be a press conference after the meeting?", "Is there a trade deal to be signed?" when the
   * passage answering names no word of the thing whose being is asked (nor a related one); not a frame ("Is there any
   * evidence that…?" asks about what follows).
   */
  thingCheck: boolean;
  /**
   * Decline "What exactly did Petro say at the rally?", "What were his exact words?" when the best sentence quotes no
   * one: a sentence telling what was said in its own words ("…his criticism of U.S. foreign policy at a New York
   * rally") does not give the words asked for; one quoting them does ("The talks are going well," Petro said…).
   * Natural seed questions +3 −0 in the fixture, its conversations +27 −0 (most ask it after the rally), this session's
   * new ones +3; the public sets unchanged (docs/tuning.md).
   */
  quoteCheck: boolean;
  /**
   * Decline "Who is the mayor of New York?" when no brief holds the role it asks about ("mayor"), nor a
   * spelling one letter away, nor a synonym or derived form of it in the passages read: the person is named
   * by that role, so a sentence about New York without it names someone else. The role is the last word of
   * the noun phrase after "Who is the / a / X's", before "of", "in", "at"… or the end.
   */
  roleCheck: boolean;
  /**
   * Decline a question that takes a change of plan as given ("Why did Trump cancel the meeting?", "When was
   * the vote postponed?") when no passage read reports one: the meeting was not cancelled, and the nearest
   * sentence about it would answer as if it had been. (A yes / no question, "Was the meeting cancelled?",
   * is answered with what stands.)
   */
  premiseCheck: boolean;
  /**
   * Decline a question about undoing what was done ("Has the US lifted the sanctions?", "Did Petro's visa get
   * restored?", "Why did Trump decide to lift the sanctions?") when no passage read says anything was lifted,
   * restored, reinstated, given back, reversed, overturned or rescinded: the nearest sentence reports the
   * sanctions imposed, which is no answer either way.
   */
  undoneCheck: boolean;
  /**
   * Decline a question for who goes along with someone or takes part ("Will the foreign minister accompany
   * Petro to Washington?", "Is Petro bringing his wife with him?", "who else is in the delegation?", "Will
   * Rubio be at the meeting?", "Who else will attend?") when no passage read tells of anyone going along or
   * taking part (accompanying, companions, joining, a delegation, "with him", attending, "were present"):
   * the nearest sentence names the trip or the meeting, not who makes it.
   */
  companyCheck: boolean;
  /**
   * Decline a question for a response to what was said ("How did Colombia respond to the US criticism at the
   * UN?", "Did Petro respond to Locetta's criticism?", "What did Colombia's ambassador say back?") when no
   * passage read tells of one (a response, a reply, a rebuttal, a denial, a rejection): the nearest sentence is
   * the criticism itself. (Not "react": "How did Petro react to the announcement?" is answered by what he said.)
   */
  responseCheck: boolean;
  /**
   * Decline a question for the outcome of an event ("What came out of the meeting?", "What did they agree
   * on?", "What was decided at the summit?") when the sentence that would answer speaks of the event as still
   * to come ("…a meeting scheduled for Feb. 3", "the upcoming talks will…"): the brief was written before it,
   * and its plans are no outcome.
   */
  outcomeCheck: boolean;
  /**
   * Decline a question for the time of day ("What time does the meeting start?", "At what time…?") when
   * the sentence that would answer gives a day but no time of day ("…scheduled for Feb. 3"): the date is
   * not what was asked, and the brief does not say the hour.
   */
  clockCheck: boolean;
  /**
   * Decline a question that places what it asks about in a month ("…the phone call in early March…", "since
   * June") when no passage read names that month: the reader misremembers, and the nearest sentence ("…in
   * early January…") would answer another event.
   */
  monthCheck: boolean;
  /**
   * English: the story's two parties described rather than named ("the two leaders", "both sides", "the two
   * countries") in words no brief holds stand for whoever they are, as "they" does: those words do not count
   * against answering ("What will the two leaders talk about?" of a brief that says "the presidents").
   */
  describedParties: boolean;
  /**
   * English: the words a question names something posted by, when no brief holds them ("Where did Petro post his
   * update?" of a brief that says "…in a brief message on X"), or tells what was posted in ("Where did Petro post that
   * things were looking up?"), stand for whatever the brief calls it, and do not count against answering.
   */
  postedThing: boolean;
  /**
   * English: words that place an event in its course rather than name it ("still", "already", "ever", "yet",
   * "again", "anymore", "start", "begin") do not count against answering, when the question has other words:
   * "What is the US still worried about?" of a brief where it "remains deeply concerned", "When did things start
   * to get better?" of tensions that "eased in early January". So do the hedges a doubting reader puts on a claim
   * ("supposedly", "allegedly", "reportedly", "apparently", "seemingly", "purportedly"), and a reader's ranking
   * ("the two countries' top diplomats", "the biggest change", "the main topics") and words of size ("When is the big
   * meeting happening?" of "…a high-stakes White House meeting…").
   */
  aspectWords: boolean;
  /**
   * English: an organisation's short name holds the words its full form, named earlier in the brief, adds
   * ("The Security Council reviews…" after "…told the U.N. Security Council…" answers "How often does the UN
   * check the FARC deal?"; see {@link impliedNameTerms}).
   */
  fullNames: boolean;
  /**
   * In a follow-up asking for a date, a number, how often or what was posted, a sentence scoring at least this share
   * of the best that holds one answers before a best that holds none ("And when is the meeting?" after "Who is the
   * foreign minister?": the conversation's words lift the sentence about the foreign ministry). 0: off.
   */
  followUpTypeFloor: number;
  /**
   * In any question about something posted, first or follow-up ("Where did Petro post his comment about the
   * negotiations?"), a sentence that says where ("…a brief message on X") scoring at least this share of a best that
   * does not ("She criticized Petro's approach to negotiations…") answers first. 0: off.
   */
  postedFloor: number;
  /**
   * A question for a day ("What day did Rubio and Villavicencio talk?", "On what exact date…?"): when the best sentence
   * names no day, the best that names one (a weekday, a calendar day, "today") scoring at least this share of it
   * answers first. 0: off.
   */
  dayFloor: number;
  /**
   * A question for when something is to happen ("When will…?", "…supposed to…", "the next…"): when the best sentence
   * tells of nothing to come ("…in September, when Washington threatened…"), the best that does and gives a time
   * ("…scheduled for Feb. 3") scoring at least this share of it answers first. 0: off.
   */
  futureFloor: number;
  /**
   * A question whether something happened ("Did the US cancel Petro's visa?") or what was done ("What did Washington do
   * to Petro's visa?"): a sentence telling of the act only as
   * threatened, planned or wanted ("…threatened to revoke Petro's visa…", the words after the frame holding one of the
   * question's) scores times this. 1: off.
   */
  unrealizedFactor: number;
  /**
   * "What is the White House meeting about?": the words before "meeting" say which meeting, and the sentence
   * that introduces it holds them all but names no topics. A sentence of the same brief that names topics and
   * the thing asked about ("the upcoming meeting will pivot … toward … trade…") answers when it scores at least
   * this share of that best. 0: off.
   */
  aboutFloor: number;
  /**
   * "How does Petro feel about the meeting?", "What did Petro say / think about the meeting?": a sentence that
   * says what someone is about it ("…he was optimistic about a … meeting…") adds this to its evidence of
   * answering (weighed as a speech question's), over one where he only speaks. 0: off.
   */
  stanceWeight: number;
  /**
   * "Who is the <role>…?": a sentence naming someone right by the role ("U.S. President Donald Trump",
   * "Tommy Pigott, a State Department spokesman") counts its name evidence this many times (1: like any name).
   */
  appositionWeight: number;

  /** Bonus for question words standing together in the sentence as in the question. */
  proximityWeight: number;
  /** Extra answer sentences must score at least this share of the best one. */
  extraSentenceRatio: number;
  /**
   * A snippet whose sentences hold nothing of what a date, name, place, number or reason question asks
   * for shows as much as fits of the neighbouring sentence that does ("…In 1915 Albert Einstein published…
   * This was the first time that Newton's theory…"): its whole sentences with it would pass 300 characters.
   * Answer@1 on the tune parts: squad2 +0.3, newsroom +0.1, XQuAD en +0.2, es +0.5, de / ru +0.3, ro +0.2,
   * none lower (docs/tuning.md).
   */
  neighbourEvidence: boolean;
  /** `ellipsis` also for a follow-up whose words, besides those naming what it asks for, are all the conversation's. */
  ellipsisContext: boolean;
  /**
   * A remark dropped before the question in its sentence ("I'm a bit confused about why the Security Council is even
   * discussing Colombia, so how often does it check in on the peace deal there?", see `readAsides`) lends its words at this weight, as an earlier turn's question
   * does in a conversation (`questionWeight`, 0.3); 0 drops them. On natural questions written with context before them,
   * 22 of 30 right (15 before reading the remark apart, 20 with it dropped outright); the fixtures' conversations two
   * turns more, none fewer; the public sets unchanged (docs/tuning.md).
   */
  remarkWeight: number;
  /**
   * "What did Petro say about the negotiations?": when the best sentence does not have the asked speaker speak of what
   * the question says it is about, the best that does (or a "She…" sentence speaking on from one) answers instead if it
   * scores at least this share of the best (0: off).
   */
  speakerFloor: number;
  /**
   * "What did the US criticize Petro for?": a sentence where the act is done to the question's subject — the act as a
   * noun, "of" the subject ("…his criticism of U.S. foreign policy") — tells of the reverse; the best sentence that
   * does not answers instead if it scores at least this share of the best (0: off).
   */
  reversedFloor: number;
  /**
   * "Who set up the meeting?": when the best sentence names a person only as the one it quotes ("…, Petro said…
   * regarding preparations for the meeting"), the best sentence naming someone else answers instead ("…Villavicencio and
   * …Rubio held a cordial call to finalize preparations") if it scores at least this share of the best (0: off); not a
   * question for who someone is ("Who is the mayor of San Francisco?": "…mayor Ed Lee said…"). 0.5: natural seed
   * questions +5 −0 in the fixture, its conversations +18 −0 (0.3: +5 −3, +18 −0); the public sets unchanged.
   */
  actorFloor: number;
  /**
   * "What did the deputy ambassador criticize?": when the best sentence names the one who acts ("U.S. deputy ambassador
   * Jennifer Locetta told the U.N. Security Council…") but not the act the question closes on, the sentence of the same
   * brief that goes on from another ("She criticized Petro's approach…") and holds the act answers instead, if it
   * scores at least this share of the best (0: off).
   */
  actFloor: number;
  /** A question for who says something: the sentence before the answer's that has someone speak leads it, when the answer's has no one speak. */
  attributionLead: boolean;
  /**
   * In sentence choice, a follow-up's carried-over words weigh together at
   * most this share of the question's own words (they lead retrieval to the
   * topic; in the sentence the new question's words come first).
   */
  carriedShare: number;
  /** Share of the question words held only by the previous sentence credited to a sentence that refers back to it. */
  carryWeight: number;
  /**
   * In a follow-up, a sentence of a brief outside the conversation's focus (the briefs the last answer
   * quoted) scores this share: the history says what "In which city?" is about.
   */
  offTopicFactor: number;
  /**
   * Thai, whose "sentences" are clauses (cut at the spaces between them: it has no sentence
   * punctuation): a clause is scored with the question words of the `clauses` either side as well,
   * at `weight` (its score moves that far from its own words' share to the share of the window's).
   */
  clauseContext: { clauses: number; weight: number };
  /**
   * When a newer brief of the same story is among the passages read, an older
   * brief's sentences score this share of their score: the newer brief answers
   * whenever its best sentence scores at least this share of the older's; a
   * detail only the older brief gives still comes from it.
   */
  storyFactor: number;
  /** The same for a question about where things stand (a date, a change of plan, "still", "latest"; see `recency.ts`). */
  statusStoryFactor: number;
  /**
   * Briefs that each hold at least this share of the question's weight (IDF of
   * its own words) are read as one story for it, besides the stories found at
   * build time (above 1: off).
   */
  sameStory: number;
  /** An expired brief's sentences score this share of their score (it answers only when nothing else does). */
  expiredFactor: number;
  /**
   * Share of a question word's weight earned by a related word (from the
   * lexicon: derived forms, synonyms, similar words, hypernyms; see
   * `lexicon.ts`) standing in its place in a sentence, per kind.
   */
  linkWeight: Record<RelationKind, number>;
  /**
   * Share of a question word's weight earned, in choosing the sentence, by a word that opens with
   * the same four letters when no related word stands in its place: a derived or inflected form the
   * stemmer (or Turkish's five-letter cut) leaves apart (Russian "умножить" / "умножение", Turkish
   * "cevap" / "cevabı"), a spelling variant ("Gandhi" / "Gandi"). Not counted in whether to answer.
   */
  prefixWeight: number;
  /** Outside English, `proximityWeight` reads words by their first four letters (see `proximity`). */
  proximityPrefix: boolean;
  retrieve?: Partial<RetrieveOptions>;
}

/**
 * What says whether the briefs hold an answer (each 0 when nothing matched):
 * - `strength`: the best passage's BM25 score per unit of the question's evidence weight
 *   ({@link evidenceWeight}: a word the collection lacks weighs by its rarity in general English);
 * - `coverage`: the largest share of the question's weight in general English (background IDF) that
 *   one brief holds anywhere in its passages, related words at their link weight — in a small
 *   collection BM25 scores say little, but a brief that holds the question's words is about it;
 * - `sentence`: the largest share of the question's IDF weight that one sentence of the passages
 *   read holds (related words at their link weight) — an answer sits in a sentence, an
 *   out-of-corpus question's words are scattered.
 */
export interface AbstentionSignals {
  strength: number;
  coverage: number;
  sentence: number;
}

/** Coefficients of the abstention model (see {@link AnswerOptions.abstain}). */
export interface AbstentionModel {
  bias: number;
  strength: number;
  coverage: number;
  sentence: number;
}

/** Does the model decline a question with these signals? */
export function declines(model: AbstentionModel, s: AbstentionSignals, bias = model.bias): boolean {
  return bias + model.strength * Math.log(Math.min(s.strength, 5) + 0.05) + model.coverage * s.coverage + model.sentence * s.sentence > 0;
}

export const DEFAULT_ANSWER_OPTIONS: AnswerOptions = {
  limit: 3,
  passages: 8,
  passageWeight: 0.5,
  typeWeight: 0.15,
  topicWeight: 0.5,
  abstain: { bias: 2.31, strength: -0.733, coverage: -2.136, sentence: -3.444 },
  abstainBiasOther: 1.8,
  unknownWeight: 0.25,
  backgroundPassages: 20,
  textIdf: true,
  headWeight: 0.5,
  entityCheck: true,
  speakerCheck: true,
  speakerFloor: 0.5,
  reversedFloor: 0.2,
  actorFloor: 0.5,
  actFloor: 0.5,
  entityPassages: 0,
  negationCheck: true,
  numberCheck: 0.8,
  namedCheck: true,
  timeCheck: 0.9,
  timeFloor: 0.5,
  oppositeCheck: true,
  wrongDetail: true,
  wrongDetailFloor: 0.4,
  saidCheck: true,
  roleNames: true,
  thingCheck: true,
  quoteCheck: true,
  roleCheck: true,
  premiseCheck: true,
  undoneCheck: true,
  companyCheck: true,
  responseCheck: true,
  outcomeCheck: true,
  clockCheck: true,
  monthCheck: true,
  describedParties: true,
  postedThing: true,
  aspectWords: true,
  fullNames: true,
  followUpTypeFloor: 0.6,
  postedFloor: 0.4,
  dayFloor: 0.2,
  futureFloor: 0.5,
  unrealizedFactor: 0.5,
  aboutFloor: 0.4,
  stanceWeight: 0.5,
  appositionWeight: 2,
  ellipsis: true,
  extraSentenceRatio: 0.9,
  neighbourEvidence: true,
  ellipsisContext: true,
  remarkWeight: 0.3,
  attributionLead: true,
  proximityWeight: 0.2,
  linkWeight: { derived: 1, synonym: 0.5, similar: 0.25, hypernym: 0.25 },
  prefixWeight: 0.25,
  proximityPrefix: true,
  carryWeight: 0.5,
  offTopicFactor: 0.7,
  clauseContext: { clauses: 2, weight: 0.75 },
  carriedShare: 0.5,
  storyFactor: 0.95,
  sameStory: 0.8,
  statusStoryFactor: 0.6,
  expiredFactor: 0.2,
};

/**
 * Share of the question's adjacent term pairs found within 3 words of each other in `seq`; with
 * `byPrefix`, words are read by their first four letters (outside English, where the stemmers leave
 * many forms of a word apart; in English they would join different words: "press" / "president").
 */
export function proximity(seq: string[], terms: string[], byPrefix = false): number {
  if (terms.length < 2) return 0;
  // (No allocation: this runs for every sentence read.)
  const same = (word: string, term: string) => {
    if (!byPrefix || term.length < PREFIX_LETTERS || word.length < PREFIX_LETTERS) return word === term;
    for (let c = 0; c < PREFIX_LETTERS; c++) if (word.charCodeAt(c) !== term.charCodeAt(c)) return false;
    return true;
  };
  let pairs = 0;
  for (let k = 1; k < terms.length; k++) {
    const a = terms[k - 1]!;
    const b = terms[k]!;
    near: for (let i = 0; i < seq.length; i++) {
      if (!same(seq[i]!, a)) continue;
      for (let j = Math.max(0, i - 3); j <= Math.min(seq.length - 1, i + 3); j++) {
        if (same(seq[j]!, b)) {
          pairs++;
          break near;
        }
      }
    }
  }
  return pairs / (terms.length - 1);
}

/** A sentence that opens by referring back to the one before it. */
const REFERS_BACK = /^\W*(?:it|he|she|they|this|these|his|her|its|their|the \w+)\b/i;

/**
 * What one brief of the top passages holds, for {@link coverage}: the question's words any of its
 * passages matched, and the words of the sentences of its top passages (where a related word may
 * stand in). Read through {@link holds}: the sentences' own sets, not one more set per brief.
 */
interface Holding {
  matched: ReadonlySet<string> | readonly string[];
  sentences: Set<string>[];
}

function briefHoldings(retrieval: Retrieval, pool: Hit[], read: SentenceTerms[]): Holding[] {
  const out = new Map<string, Holding>();
  pool.forEach((hit, h) => {
    const id = hit.passage.briefId;
    let x = out.get(id);
    if (!x) out.set(id, (x = { matched: retrieval.briefMatched.get(id) ?? hit.matched, sentences: [] }));
    for (const set of read[h]!.sets) x.sentences.push(set);
  });
  return [...out.values()];
}

function holds(x: Holding, t: string): boolean {
  if (x.matched instanceof Set ? x.matched.has(t) : (x.matched as readonly string[]).includes(t)) return true;
  for (const s of x.sentences) if (s.has(t)) return true;
  return false;
}

/** Own term → related term → the share of the own term's weight it earns in its place. */
function linkWeights(retrieval: Retrieval, weights: Record<RelationKind, number>, predicates: string[] = []): Links {
  const out: Links = new Map();
  for (const [t, rel] of retrieval.expansions) {
    const list: [string, number][] = [];
    const full = predicates.includes(t);
    for (const [u, r] of rel) if (full || weights[r.kind] > 0) list.push([u, full ? 1 : weights[r.kind]]);
    if (list.length) out.set(t, list);
  }
  return out;
}

/** Per question term: the related words that may stand in its place, with their weight (a list: read once per sentence, never looked up). */
type Links = Map<string, readonly (readonly [string, number])[]>;

/** The terms of each sentence of passage `doc`, with those its organisations' short names stand for (see `fullNames`). */
function withFullNames(index: SearchIndex, doc: number): SentenceTerms {
  const own = sentenceTerms(index, doc);
  const implied = impliedNameTerms(index, doc);
  if (implied.every((t) => t === undefined)) return own;
  return { seqs: own.seqs, sets: own.sets.map((set, i) => (implied[i] ? new Set([...set, ...implied[i]!]) : set)) };
}

/** Terms of the last sentence of the paragraph before `hit`'s, when it is in the same brief. */
function lastSentenceTerms(index: SearchIndex, hit: Hit): Set<string> | undefined {
  const prev = index.passages[hit.doc - 1];
  if (!prev || prev.briefId !== hit.passage.briefId) return undefined;
  return sentenceTerms(index, hit.doc - 1).sets.at(-1);
}

/**
 * The passages whose sentences are read: the best `n`, and the best passage of
 * every newer brief of a story those passages tell, from further down the
 * ranking (so the update is read beside the story it updates).
 */
function readingPool(hits: Hit[], n: number, briefOf: (id: string) => Brief): Hit[] {
  const pool = hits.slice(0, n);
  const newest = newestOfStories(pool, briefOf);
  if (newest.size === 0) return pool;
  const inPool = new Set(pool.map((h) => h.passage.briefId));
  for (const h of hits.slice(n)) {
    const b = briefOf(h.passage.briefId);
    if (!b.story || !newest.has(b.story) || inPool.has(b.id) || (effectiveDate(b) ?? '') <= newest.get(b.story)!) continue;
    pool.push(h);
    inPool.add(b.id);
  }
  return pool;
}

/**
 * The stories of the briefs read, for this question: briefs of one story (see
 * `stories.ts`), and briefs that each hold at least `sameStory` of the
 * question's weight — they report the same thing, whatever the build linked.
 * Brief id → story key; briefs alone in their story are left out.
 */
function questionStories(pool: Hit[], briefOf: (id: string) => Brief, share: (briefId: string) => number, sameStory: number): Map<string, string> {
  const ids = [...new Set(pool.map((h) => h.passage.briefId))];
  const key = new Map(ids.map((id) => [id, briefOf(id).story ?? id]));
  const strong = ids.filter((id) => share(id) >= sameStory);
  // Briefs that hold the question's words join the story of the first of them.
  if (strong.length > 1) {
    const target = key.get(strong[0]!)!;
    const merged = new Set(strong.map((id) => key.get(id)!));
    for (const [id, k] of key) if (merged.has(k)) key.set(id, target);
  }
  const size = new Map<string, number>();
  for (const k of key.values()) size.set(k, (size.get(k) ?? 0) + 1);
  for (const [id, k] of key) if (size.get(k)! < 2) key.delete(id);
  return key;
}

/** Story → the latest date (`updated`, else `date`) of its briefs among `hits`. */
function newestOfStories(hits: Hit[], briefOf: (id: string) => Brief): Map<string, string> {
  const out = new Map<string, string>();
  for (const h of hits) {
    const b = briefOf(h.passage.briefId);
    if (!b.story) continue;
    const d = effectiveDate(b) ?? '';
    if (!out.has(b.story) || d > out.get(b.story)!) out.set(b.story, d);
  }
  return out;
}

interface ComposeContext {
  limit: number;
  briefOf: (briefId: string) => Brief;
  options?: Partial<AnswerOptions>;
  /** Terms and briefs carried over from the conversation (a resolved follow-up). */
  context?: QueryContext;
  /** The time of the question (ms since the epoch), for briefs' `expires` (default: now). */
  now?: number;
}

/** Retrieve and compose in one call (what `Engine.ask` does). */
export function answerQuestion(index: SearchIndex, asked0: string, ctx: ComposeContext): Answer {
  const o = { ...DEFAULT_ANSWER_OPTIONS, ...ctx.options };
  const lang = o.retrieve?.lang !== undefined ? langOf(o.retrieve.lang) : questionLanguage(asked0, index.languages);
  // "Can you explain the sanctions?" asks about the sanctions: the request is not a word to match.
  const asides = lang === 'en' ? readAsides(index, asked0) : { asked: asked0 };
  const question = lang === 'en' ? withoutRequest(spelledOut(withoutStopWordTypos(index, asides.asked))) : asked0;
  if (asides.remark && o.remarkWeight > 0) ctx = withRemark(index, ctx, question, asides.remark, o.remarkWeight);
  const first = readQuestion(index, question, lang, o, ctx);
  // "What did the US envoy say?": asked again naming the one person the brief read first gives that role.
  const named = o.roleNames && lang === 'en' ? withRoleNames(question, first.retrieval.hits, ctx.briefOf, index.lexicon) : undefined;
  if (!named?.names.length) return composeAnswer(index, question, first.asked, first.retrieval, ctx);
  const { asked, retrieval } = readQuestion(index, named.question, lang, o, ctx);
  asked.persons = new Set(analyze(named.names.join(' ')));
  return composeAnswer(index, named.question, asked, retrieval, ctx);
}

/** The context with the words of a remark set before the question, the briefs hold and the question does not, at `weight`. */
function withRemark(index: SearchIndex, ctx: ComposeContext, question: string, remark: string, weight: number): ComposeContext {
  const own = new Set(analyze(question));
  const terms = new Map(ctx.context?.terms);
  for (const t of analyze(remark)) if (!own.has(t) && documentFrequency(index, t) > 0 && (terms.get(t) ?? 0) < weight) terms.set(t, weight);
  return terms.size > (ctx.context?.terms.size ?? 0) ? { ...ctx, context: { focus: new Map(), ...ctx.context, terms } } : ctx;
}

/** What `question` asks for and the passages retrieved for it. */
function readQuestion(index: SearchIndex, question: string, lang: Lang, o: AnswerOptions, ctx: ComposeContext): { asked: Asked; retrieval: Retrieval } {
  // What the question asks for, worked out once for the ranking and the answer.
  const typed = questionType(question, lang);
  // "Was the call friendly or tense?": the quality asked for, in words the answer need not hold.
  const qualities = typed === 'other' && lang === 'en' ? askedQualities(index.lexicon, question) : [];
  const wrong = o.wrongDetail && lang === 'en' && YES_NO_QUESTION.test(question) ? unnamedDetails(index, question) : [];
  const type = qualities.length ? 'quality' : wrong.length ? wrong[0]!.kind.type : typed;
  // Words naming what is asked for ("date", "postponed") are not evidence the briefs must hold, nor
  // what makes a sentence the answer: the answer gives a date, or says what became of the plan.
  const asked: Asked = { type, askedFor: askedForTerms(question, type, lang), ...(wrong.length ? { checked: wrong.map((d) => d.kind.gives) } : {}) };
  for (const t of [...qualities, ...wrong.map((d) => d.term)]) asked.askedFor.add(t);
  const predicates = questionPredicates(index, question, lang, asked);
  const about = type === 'topic' && lang === 'en' ? analyze(ABOUT.exec(question)?.[1] ?? '').filter((t) => !asked.askedFor.has(t)) : [];
  const underived = lang === 'en' ? turnTerms(question) : [];
  const retrieval = retrieve(index, question, { k: Math.max(o.passages, ctx.limit), predicates, about, underived, lang, ...o.retrieve }, ctx.context);
  // "What's on the agenda?": a question with no word but the one for topics asks what is talked about, in those words.
  if (type === 'topic' && predicates.length && retrieval.terms.every((t) => asked.askedFor.has(t)))
    for (const t of predicates) if (!retrieval.terms.includes(t) && documentFrequency(index, t) > 0) retrieval.terms.push(t);
  return { asked, retrieval };
}

/** Details of a closed kind a reader may have wrong, the type of question checking one is, and what gives one (see `wrongDetail`). */
interface DetailKind {
  named: RegExp;
  type: QuestionType;
  gives: (sentence: string) => boolean;
}
const WEEKDAY_RE = new RegExp(String.raw`\b(?:${WEEKDAYS})\b`);
const DETAIL_KINDS: DetailKind[] = [
  { named: new RegExp(String.raw`\b(?:${WEEKDAYS})\b`, 'gi'), type: 'date', gives: (s) => WEEKDAY_RE.test(s) || CALENDAR_DAY.test(s) },
  { named: new RegExp(String.raw`\b(?:${MONTH_NAMES})\b`, 'gi'), type: 'date', gives: (s) => MONTH_NAMED.test(s) },
  { named: new RegExp(String.raw`\b(?:${PLATFORMS})\b`, 'gi'), type: 'place', gives: onPlatform },
];

/** The details of a closed kind `question` names that no brief of `index` does, with their terms (see `wrongDetail`). */
function unnamedDetails(index: SearchIndex, question: string): { kind: DetailKind; term: string }[] {
  return DETAIL_KINDS.flatMap((kind) =>
    [...question.matchAll(kind.named)].flatMap((m) => analyze(m[0]).map((term) => ({ kind, term }))).filter((d) => documentFrequency(index, d.term) === 0),
  );
}

/** "What / why / how did the US criticize Petro…?", "Which of his policies did the US criticize?": what follows the auxiliary, up to a preposition (group 1: the subject and the verb, with any object). */
const AFTER_AUXILIARY =
  /^\W*(?:what|why|how|when|where|which)\b[^?]*?\b(?:did|does|do|has|have|had|will|would)\s+(.+?)(?:\s+(?:about|after|against|at|before|by|during|for|from|in|into|of|on|over|since|to|toward|towards|with|without)\b|[?!]|\.\s*$|$)/iu;

/**
 * For `reversedFloor`: a test telling a sentence where what the question's subject does is done to it instead — a term
 * of the question after its subject, before any preposition (the act), written as another word, then "of" and a term of
 * the subject next ("…criticism of U.S. foreign policy" for "What did the US criticize Petro for?"), or a verb in the
 * past with that term right after it ("She criticized Petro's approach…" for "What did Petro criticize?") — or
 * undefined when the question has no subject and act to read.
 */
function reversedRoles(question: string): ((sentence: string) => boolean) | undefined {
  const after = AFTER_AUXILIARY.exec(question)?.[1];
  const asked = after === undefined ? [] : analyzeWithRanges(after);
  if (asked.length < 2) return undefined;
  const terms = asked.map((x) => x.term);
  const written = asked.map((x) => after!.slice(x.start, x.end).toLowerCase());
  return (sentence) => {
    const seq = analyzeWithRanges(sentence);
    return seq.some(({ term, start, end }, i) => {
      const at = terms.indexOf(term);
      if (at <= 0) return false;
      // (Or as a verb in the past with the subject right after it: "She criticized Petro's approach…" for "What did
      // Petro criticize?".)
      const done = seq[i + 1] !== undefined && /ed$/i.test(sentence.slice(start, end)) && /^\s+$/.test(sentence.slice(end, seq[i + 1]!.start));
      if (!/^\s+of\s/i.test(sentence.slice(end)) && !done) return false;
      // The act named by another word of it ("criticism" for "criticize"), not the question's own word or its plural.
      const word = sentence.slice(start, end).toLowerCase();
      if (word === written[at] || word.replace(/e?s$/, '') === written[at]) return false;
      return seq[i + 1] !== undefined && terms.slice(0, at).includes(seq[i + 1]!.term);
    });
  };
}

/**
 * Of English's this many most common words, none names an act a sentence must hold ("What guarantees will Petro get?",
 * "Which official did the minister talk to?"; "talk" ranks 597, "criticize" 1,315). Measured with the lift at 0.5:
 * 0 lost 5 natural questions; 3,000 kept none of the 9 it gains.
 */
const COMMON_ACT_RANK = 1000;
/** "Which of Petro's policies was criticized by the deputy ambassador?": the act in the passive, its doer after "by" closing the question (group 1: the participle). */
const PASSIVE_ACT = /^\W*(?:what|which)\b[^?]*?\b(?:was|were|is|are|been|being|got|get|gets)\s+(?:\p{L}+ly\s+)?(\p{L}[\p{L}'’-]*)\s+by\s+[^?]*?\W*$/iu;
/**
 * The act a what/which question asks the object of, as a term: the verb it closes on after its subject ("What did the
 * deputy ambassador criticize?"; "What penalties did Washington slap on the Colombian leader?" does not close on it),
 * or its participle in the passive, unless a common word.
 */
function actOf(question: string, lexicon: Lexicon): string | undefined {
  if (!/^\W*(?:what|which)\b/i.test(question)) return undefined;
  const verb = PASSIVE_ACT.exec(question)?.[1] ?? closingVerb(question);
  const act = verb === undefined ? undefined : analyze(verb)[0];
  const rank = act === undefined ? undefined : lexicon.rank(act);
  return rank === undefined || rank >= COMMON_ACT_RANK ? act : undefined;
}
/** The verb a question closes on after its auxiliary and subject, with any preposition after it ("…did Lortie criticize openly?": "criticize"). */
function closingVerb(question: string): string | undefined {
  const m = AFTER_AUXILIARY.exec(question);
  if (!m || !/^\W*$/.test(question.slice(m.index + m[0].length))) return undefined;
  const words = m[1]!.match(/[\p{L}'’-]+/gu) ?? [];
  if (words.length > 2 && /ly$/.test(words.at(-1)!)) words.pop();
  const verb = words.at(-1);
  return words.length >= 2 && /^\p{Ll}/u.test(verb!) ? verb : undefined;
}

/** A question for who said what the last answer says: "…that?", "…it?", "…this?", "…so?" closing it. */
const SAID_THAT = /\b(?:that|it|this|so)\W*$/i;

/** A question for what was said word for word: "What exactly did he say…?", "…said precisely", "…verbatim" (see `quoteCheck`). */
const EXACTLY_SAID =
  /^(?=.*\b(?:say|says|said|tell|told|post|posted|tweet|tweeted|write|wrote|words?)\b).*\b(?:exact(?:ly)?|precisely|word for word|verbatim)\b/i;
/** The same in a question of another type: "What were his exact words?". */
const EXACT_WORDS = /\bexact (?:words?|quote|wording)\b/i;
/** A quotation mark: the sentence quotes someone. */
const QUOTE_MARK = /["“”]/;

/** "Who is the mayor of…?", "Who was Locetta?": who someone is, not who did something ("Who is setting up…?", "Who's been…"). */
const WHO_IS_NAMED = /^\W*(?:and\s+|so\s+)?who(?:['’]s|\s+(?:is|was|are|were))\s+(?!been\b|\w+ing\b)/i;

/** A question for a day (`dayFloor`): "What / which day…?", "What date…?", "On what (exact) date…?", "the exact date / day", "…date exactly". */
const DAY_QUESTION = /\b(?:(?:what|which)\s+(?:exact\s+)?(?:day|date)|exact\s+(?:day|date)|(?:day|date)\s+exactly)\b/i;
/** A question whether something happened: "Did the US cancel Petro's visa?", "Was his visa revoked?", "Has he met Trump?". */
const HAPPENED_QUESTION = /^\W*(?:(?:so|and|but|wait|ok)\W+)?(?:did|was|were|has|have|had)\b/i;
/** A question of what is meant to come: "…planning to / going to / hoping to talk about?", "…gonna discuss?" (not "want to": "What did Petro want to talk about when he called?"). */
const INTENDED = /\b(?:planning|going|hoping|intending)\s+to\b|\bgonna\b/i;
/** A question for what was done to someone or something: "What did Washington do to Petro's visa?", "…, what had Washington done about…?". */
const DONE_TO = /^\W*(?:[^?]*,\s*)?what\s+(?:did|has|had|have)\b[^?]*\b(?:do|done)\s+(?:to|with|about)\b/i;
/** An act only threatened, planned or wanted ("…Washington threatened to revoke Petro's visa…"): it did not happen. */
const UNREALIZED =
  /\b(?:threat\w*|plan(?:s|ned)?|want(?:s|ed)?|sought|seeks?|vow(?:s|ed)?|consider(?:s|ed)?|propos(?:e|es|ed)|hop(?:e|es|ed)|intend(?:s|ed)?|tried|tries|attempt(?:s|ed)?)\s+to\b/i;
const UNREALIZED_ACT = new RegExp(String.raw`${UNREALIZED.source}((?:\s+[\p{L}'’-]+){1,4})`, 'giu');
/** Does `sentence` tell of an act only threatened or planned whose next words hold one of the question's `own` terms? */
function unrealizedOf(sentence: string, own: readonly string[]): boolean {
  for (const m of sentence.matchAll(UNREALIZED_ACT)) if (analyze(m[1]!).some((t) => own.includes(t))) return true;
  return false;
}
/** "When does Petro's term end?": a question for when something happens that closes on its verb (group 1; not on an object, "…with his Colombian counterpart?"). */
const WHEN_CLOSING_VERB =
  /^\W*[Ww]hen\s+(?:does|do|did|will|would)\b.*?(?<!\b(?:the|a|an|his|her|their|its|my|your|our|this|that|these|those|two|both|all|other|own)\s+)(?<!(?:\p{Lu}\p{L}*|['’]s)\s+)\b(\p{Ll}+)\W*$/u;
/** Verbs of happening: "When did the test occur?" has its event in its subject. */
const HAPPENING = /^(?:occur\w*|happen\w*|transpir\w*|aris\w*|arose|come|came|go|went)$/i;
/** Does a question for when something happens close on a verb that no brief holds, nor a word related to it in the sentences read? */
function eventUnread(index: SearchIndex, question: string, askedFor: ReadonlySet<string>, retrieval: Retrieval, read: SentenceTerms[]): boolean {
  const verb = WHEN_CLOSING_VERB.exec(question)?.[1];
  const term = verb === undefined ? undefined : analyze(verb)[0];
  // (Of a common English word: "take palce" is a typo. Nor a verb of happening, "When did the test occur?": the event
  // is its subject.)
  if (term === undefined || askedFor.has(term) || !retrieval.unknown.includes(term) || index.lexicon.rank(term) === undefined) return false;
  if (HAPPENING.test(verb!) || ASPECT_WORD.test(verb!)) return false;
  const related = [...(retrieval.expansions.get(term)?.keys() ?? [])];
  return !read.some((r) => r.sets.some((set) => related.some((t) => set.has(t))));
}
/** A question for when something is to happen: "When will…?", "…supposed to / set to / scheduled to…", "the next…". */
const FUTURE_QUESTION = /\b(?:will|supposed\s+to|set\s+to|scheduled|due\s+to|next|upcoming)\b/i;
/** Does a sentence name a day: a weekday, a calendar day ("Feb. 3"), "today", "yesterday", "tomorrow"? */
function namesDay(sentence: string): boolean {
  return WEEKDAY_RE.test(sentence) || CALENDAR_DAY.test(sentence) || /\b(?:today|yesterday|tomorrow|tonight)\b/i.test(sentence);
}
/** "Why does she think that backfired?", "Why does he think so?": why the last answer says what it says, in the reader's words. */
const WHY_THAT = /^\W*(?:and\s+|so\s+|but\s+)?why\s+(?:does|did|do|would)\s+(?:she|he|they)\s+(?:think|say|believe|feel|claim)\b/i;
/** A question closing on its question word, with at most three words before it: "Check on what?", "About what?", "With whom?". */
const ECHO_QUESTION = /^\W*(?:and\s+|so\s+)?(?:[\p{L}'’-]+\s+){0,3}(?:what|whom|who|which)(?:\s+(?:exactly|precisely|then|again))?\W*$/iu;

/** A reader insisting on someone's own words ("What exactly did he say…?", "…himself?", "…in his own words?"). */
const INSISTS = /\b(?:exactly|actually|precisely|himself|herself|themselves|in (?:his|her|their) own words|word for word)\b/i;

/** "…before things calmed down?", "Before relations improved, …", "…during all the beef?", "During the feud, …": a time set by a turn of the story (group 1 or 2). */
const BEFORE_TURN =
  /\b(?:before|during|amid|throughout)\s+((?:things|relations|tensions|ties|all\s+(?:this|that|the\s+[\w-]+)|the\s+(?:feud|spat|row|dispute|standoff|quarrel|beef|falling[\s-]out|bad blood))\b[^?,;]*)\W*$|^\W*(?:before|during|amid)\s+((?:things|relations|tensions|ties|the\s+(?:feud|spat|row|dispute|standoff|quarrel))\b[^,]*),/i;
/** The terms only such a time holds ("calm" of "…before things calmed down?"). */
function turnTerms(question: string): string[] {
  const m = BEFORE_TURN.exec(question);
  if (!m) return [];
  const rest = analyze(question.replace(m[0], ' '));
  return analyze(m[1] ?? m[2]!).filter((t) => !rest.includes(t));
}
/** The question's terms and their weights in an answer. */
interface Weighing {
  /** The question's own terms, then those carried over from the conversation. */
  terms: string[];
  /** Own terms at their IDF (words naming what is asked for at 0), carried ones below them. */
  weight: Map<string, number>;
  total: number;
}

/** Each word at `idf`; the conversation's words weigh at most `carriedShare` of the question's own words together. */
function weighTerms(own: string[], carried: [string, number][], askedFor: Set<string>, carriedShare: number, idf: (t: string) => number): Weighing {
  const terms = [...own, ...carried.map(([t]) => t)];
  const ownTotal = own.reduce((s, t) => s + idf(t), 0);
  const carriedTotal = carried.reduce((s, [t, w]) => s + w * idf(t), 0);
  const scale = own.length && carriedTotal > carriedShare * ownTotal ? (carriedShare * ownTotal) / carriedTotal : 1;
  const weight = new Map([...own.map((t) => [t, askedFor.has(t) ? 0 : idf(t)] as const), ...carried.map(([t, w]) => [t, scale * w * idf(t)] as const)]);
  // A follow-up's conversation terms count at their (lower) weight, here and in the score.
  const total = terms.reduce((s, t) => s + weight.get(t)!, 0);
  return { terms, weight, total };
}

/** The share of the question's weight the terms of `set` carry, leaving out those of `except` and `alsoExcept` (runs per sentence: no arrays). */
function coverOf({ weight, total }: Weighing, set: ReadonlySet<string>, except?: ReadonlySet<string>, alsoExcept?: ReadonlySet<string>): number {
  let sum = 0;
  for (const t of set) {
    const w = weight.get(t);
    if (w !== undefined && !except?.has(t) && !alsoExcept?.has(t)) sum += w;
  }
  return total > 0 ? sum / total : 0;
}

/**
 * Per passage read, per sentence: the share of the question's weight it holds; a question word
 * missing from the sentence counts in part when a linked word stands there, or else (at
 * `prefixWeight`) a word opening with the same four letters. Also the largest share by the weights of
 * `signal` (the abstention's sentence signal; `w` when not given), without the shared openings.
 */
function sentenceCovers(
  read: SentenceTerms[],
  own: string[],
  links: Links,
  w: Weighing,
  prefixWeight: number,
  signal = w,
): { covers: number[][]; best: number } {
  let best = 0;
  const covers = read.map(({ sets }) =>
    sets.map((st) => {
      let c = 0;
      let b = 0;
      // Words sharing a question word's first letters: for choosing the sentence, not for whether to answer.
      let shared = 0;
      for (const t of st) {
        c += w.weight.get(t) ?? 0;
        if (signal !== w) b += signal.weight.get(t) ?? 0;
      }
      for (const t of own) {
        if (st.has(t)) continue;
        const link = links.get(t);
        let lw = 0;
        if (link) for (const [u, x] of link) if (x > lw && st.has(u)) lw = x;
        if (!lw) {
          if (prefixWeight > 0 && sharesPrefix(t, st)) shared += prefixWeight * w.weight.get(t)!;
          continue;
        }
        c += lw * w.weight.get(t)!;
        if (signal !== w) b += lw * signal.weight.get(t)!;
      }
      c = w.total > 0 ? c / w.total : 0;
      b = signal === w ? c : signal.total > 0 ? b / signal.total : 0;
      if (b > best) best = b;
      return c + (w.total > 0 ? shared / w.total : 0);
    }),
  );
  return { covers, best };
}

/** The share of the question's weight the sentences `i - r … i + r` hold together. */
function windowCover(w: Weighing, sets: ReadonlySet<string>[], i: number, r: number): number {
  const held = new Set<string>();
  for (let k = Math.max(0, i - r); k <= Math.min(sets.length - 1, i + r); k++) for (const t of sets[k]!) held.add(t);
  return coverOf(w, held);
}

/** What scoring a question's sentences needs. */
interface Reading {
  index: SearchIndex;
  o: AnswerOptions;
  ctx: ComposeContext;
  lang: Lang;
  question: string;
  type: QuestionType;
  /** The question's words, normalised, and their terms: what a sentence's names and dates must not merely repeat. */
  questionWords: Set<string>;
  w: Weighing;
  /** The time of the question (ms since the epoch). */
  now: number;
  /** For "Who is the <role>…?": a name right by the role ("U.S. President Donald Trump", "Tommy Pigott, a … spokesman"). */
  holder?: RegExp;
  /** For "What did Trump say?": the people it names, and the roles the briefs read name them by. */
  speakers?: Speakers;
  /** A question about something posted or said online ("What did Petro post…?", "…on social media?"). */
  posted: boolean;
  /** Terms of the people roles in the question stand for (see `roleNames`), whom "she" or "he" opening a sentence may stand for. */
  persons?: Set<string>;
}

/** Every sentence of the passages read, scored (before the story and expiry factors); `top`: the best hit's score. */
function scoreSentences(r: Reading, pool: Hit[], read: SentenceTerms[], covers: number[][], top: number): Candidate[] {
  const { index, o, ctx, lang, type, w } = r;
  const candidates: Candidate[] = [];
  // "How does Petro feel about the meeting?", "What did Petro say about the meeting?": a sentence saying what
  // someone is about it ("…he was optimistic about a … meeting…") answers more than one where he only speaks
  // ("The talks are going well," Petro said…). About what the question asks about, when it names it.
  const stanceAsked = o.stanceWeight > 0 && type === 'speech' && lang === 'en' && STANCE_QUESTION.test(r.question);
  const aboutTerms = stanceAsked ? analyze(ABOUT.exec(r.question)?.[1] ?? '') : [];
  pool.forEach((hit, h) => {
    const p = hit.passage;
    const { seqs: sentSeqs, sets: sentTerms } = read[h]!;
    const pLang = langOfDoc(index, hit.doc);
    const headTerms = new Set(analyze(ctx.briefOf(p.briefId).title + ' ' + (p.section ?? ''), pLang, index.known));
    const coverage = covers[h]!;
    const pnorm = hit.score / top;
    p.sentences.forEach(([s, e], i) => {
      // A sentence opening with a pronoun or "The …" continues the one before it:
      // the question words only that one holds count at `carryWeight`.
      // The sentence before may close the previous paragraph of the same brief ("…Locetta told the
      // Council…" / "She criticized…").
      const text = p.text.slice(s, e);
      const refersBack = REFERS_BACK.test(text);
      const before = !refersBack ? undefined : i > 0 ? sentTerms[i - 1] : lastSentenceTerms(index, hit);
      const carry = before ? coverOf(w, before, sentTerms[i]) : 0;
      let held = coverage[i]! + o.carryWeight * carry;
      // "She criticized…" after "…Locetta told…": "she" is the person a role in the question stands for, in full.
      // (Not for names the reader typed: measured, −0.1 points on the fixture.)
      if (before && r.persons && PERSON_BACK.test(text))
        held += (1 - o.carryWeight) * coverOf(w, new Set([...r.persons].filter((t) => before.has(t))), sentTerms[i]);
      // A Thai clause is part of a sentence the clauses around it finish.
      if (pLang === 'th' && o.clauseContext.weight > 0)
        held += o.clauseContext.weight * Math.max(0, windowCover(w, sentTerms, i, o.clauseContext.clauses) - coverage[i]!);
      // Title/section words count for some: "it" in the sentence is often the brief's subject. (A word the
      // sentence before already lent it counts once.)
      const head = coverOf(w, headTerms, sentTerms[i], before);
      const evidence =
        type === 'other'
          ? 0
          : lang === 'en' && pLang === 'en'
            ? r.speakers
              ? speakerSpeaks(text, r.speakers)
                ? // "What did Petro post…?": where he posted, before where he only spoke.
                  type === 'speech' && r.posted && !onPlatform(text)
                  ? 0.5
                  : 1
                : 0
              : typeEvidence(type, text, r.questionWords, index.lexicon) * (r.holder?.test(text) ? o.appositionWeight : 1)
            : type === 'topic' || type === 'change' || type === 'speech' || type === 'speaker' || type === 'quality'
              ? 0
              : typeEvidenceIn(type, text, r.question);
      const stance = stanceAsked && stanceAbout(text, aboutTerms) ? o.stanceWeight : 0;
      const near = o.proximityWeight ? proximity(sentSeqs[i]!, w.terms, o.proximityPrefix && pLang !== 'en') : 0;
      const score =
        held +
        o.headWeight * head +
        o.passageWeight * pnorm +
        (type === 'topic' || type === 'speech' || type === 'quality' ? o.topicWeight : o.typeWeight) * (evidence + stance) +
        o.proximityWeight * near;
      candidates.push({ hit, s: i, score, raw: score, older: false });
    });
  });
  return candidates;
}

/** Move the best of `candidates` (in score order) that scores at least `floor` and `holds` to the front. */
function liftFirst(candidates: Candidate[], floor: number, holds: (c: Candidate) => boolean): void {
  const i = candidates.findIndex((c) => c.score >= floor && holds(c));
  if (i > 0) candidates.unshift(...candidates.splice(i, 1));
}

/** The newest brief of a story answers when it speaks to the question; an expired brief only when nothing else does. */
function weighStories(r: Reading, candidates: Candidate[], storyOf: Map<string, string>): void {
  const { o, ctx } = r;
  const newest = new Map<string, string>();
  for (const [id, key] of storyOf) {
    const d = effectiveDate(ctx.briefOf(id)) ?? '';
    if (!newest.has(key) || d > newest.get(key)!) newest.set(key, d);
  }
  const storyFactor = leansOnLatest(r.question) ? o.statusStoryFactor : o.storyFactor;
  for (const c of candidates) {
    const b = ctx.briefOf(c.hit.passage.briefId);
    const key = storyOf.get(b.id);
    if (key !== undefined && (effectiveDate(b) ?? '') < newest.get(key)!) {
      c.older = true;
      c.score *= storyFactor;
    }
    if (isExpired(b, r.now)) c.score *= o.expiredFactor;
  }
}

/** The sentences of the passages the last answer quoted first (`context.passages`), as candidates scoring `score`. */
function quotedAgain(index: SearchIndex, context: QueryContext, score: number): Candidate[] {
  const out: Candidate[] = [];
  for (const id of context.passages?.keys() ?? []) {
    const doc = index.passages.findIndex((p) => p.id === id);
    const passage = index.passages[doc];
    if (!passage) continue;
    const hit: Hit = { passage, doc, score, bm25: 0, matched: [] };
    passage.sentences.forEach((_, s) => out.push({ hit, s, score, raw: score, older: false }));
  }
  return out;
}

/** Is the sentence after `c` (in its passage, or the first of the brief's next paragraph) one of `said` that refers back to it? */
function continuedBy(index: SearchIndex, c: Candidate, said: string): boolean {
  const p = c.hit.passage;
  let next: string | undefined;
  if (c.s + 1 < p.sentences.length) next = p.text.slice(...p.sentences[c.s + 1]!);
  else {
    const q = index.passages[c.hit.doc + 1];
    if (q && q.briefId === p.briefId && q.sentences.length) next = q.text.slice(...q.sentences[0]!);
  }
  return next !== undefined && said.includes(next) && REFERS_BACK.test(next);
}

/**
 * "the two leaders", "both sides", "the two heads of state": the story's two parties described, not named (group 1),
 * before a verb or at the end; not "which two leaders", which asks who they are.
 */
const TWO_PARTIES =
  /(?<!\b(?:[Ww]hich|[Ww]hat)\s+)\b(?:the\s+)?(?:two|both)\s+((?:[a-z]+\s+){0,2}?[a-z]+)(?=\s+(?:will|would|are|were|have|had|did|do|is|was|going|plan\w*|expect\w*|suppos\w*|hop\w*|want\w*|talk\w*|discuss\w*|focus\w*|meet\w*|speak\w*|spoke|start\w*|first|finally|agree\w*|get|got|be|been|say|says|said|think|thinks)\b|\W*$)/;
/** Units of time: "the two days before" counts days, it describes no party. */
const TIME_UNITS = new RegExp(String.raw`^(?:${TIME_UNIT}|times?)$`);
const TWO = analyze('two both');
/** "…between the two leaders", "…between both of them": the parties described after "between" (group 1: a plural noun, if one follows). */
const BETWEEN_TWO = /\bbetween\s+(?:the\s+)?(?:two|both)(?:\s+([a-z]+s)\b)?/i;

/** Words that place an event in its course ("still", "started to…", "plan to…", "first met") or hedge it ("supposedly") rather than say what it is (see `aspectWords`). */
const ASPECT =
  /\b(?:still|already|ever|yet|again|anymore|start(?:s|ed|ing)?|begin(?:s|ning)?|began|begun|supposedly|allegedly|reportedly|apparently|seemingly|purportedly|plan(?:s|ned|ning)?(?=\s+to\b)|(?<!\b(?:the|a|an|its|his|her|their|our|my|your|whose)\s+)first(?=\s+(?:start\w*|begin\w*|began|begun|met|meet|talk\w*|spoke|speak|call\w*|get|got|\w+ed)\b))\b/gi;

/** The same, tested on one word (no global state). */
const ASPECT_WORD = new RegExp(ASPECT.source, 'i');

/** A reader's words of size ("the big meeting", "that little update", "the whole fight"): how they see it, not what it is. */
const SIZE = /\b(?:big|bigger|huge|large|larger|little|small|whole|entire)\b/gi;

function aspectTerms(question: string): string[] {
  return analyze([...question.matchAll(ASPECT), ...question.matchAll(SUPERLATIVE), ...question.matchAll(SIZE)].map((m) => m[0]).join(' '));
}

/** "Where / when / which platform… did <someone> post / tweet…?" (group 1: who posted). */
const POSTED_SUBJECT =
  /^\W*(?:where|when|what|which|how|on\s+what|on\s+which)\b.*?\b(?:did|does|do|has|have|had)\s+(.+?)\s+(?:post|posts|posted|tweet|tweets|tweeted)\b/i;
/** "…post his update", "…share the news": what was posted, in the reader's words (group 1). */
const POSTED_THING = /\b(?:posts?|posted|posting|tweets?|tweeted|tweeting|shar(?:e|es|ed|ing))\s+(?:his|her|their|its|the|a|an)\s+((?:[a-z]+\s+)?[a-z]+)/i;
/** The terms of what a question says was posted that no brief holds (see `postedThing`). */
/** "Where did Petro post that things were looking up?": what was posted, in the reader's words (group 1). */
const POSTED_THAT =
  /^\W*(?:where|which|what|on\s+what|on\s+which|via\s+what|through\s+what)\b.*?\b(?:posts?|posted|tweets?|tweeted|shar(?:e|es|ed)|says?|said|wr(?:ite|ote)|put\s+(?:it|the\s+word)\s+out|announc(?:e|ed))\s+(?:online\s+)?that\s+(.+)$/i;
function postedThing(index: SearchIndex, question: string): string[] {
  const said = POSTED_THAT.exec(question)?.[1] ?? '';
  return analyze((POSTED_THING.exec(question)?.[1] ?? '') + ' ' + said).filter((t) => documentFrequency(index, t) === 0);
}

/**
 * The terms of the words a question describes the story's two parties by ("the two leaders": "leader"; "between the
 * two of them": none), or undefined when it describes them not.
 */
function partyTerms(question: string): string[] | undefined {
  const m = TWO_PARTIES.exec(question);
  if (m && !TIME_UNITS.test(m[1]!.split(/\s+/).at(-1)!)) return analyze(m[1]!);
  const b = BETWEEN_TWO.exec(question);
  return b ? analyze(b[1] ?? '') : undefined;
}

type Cited = Citation & { window: Range; doc: number };
/** An answer sentence and the citation marker it carries. */
interface Chosen {
  candidate: Candidate;
  marker: number;
}

/**
 * The citations, best first, each a snippet around a candidate sentence no earlier citation
 * shows, and the answer's sentences (up to three, those within `extraSentenceRatio` of the best).
 */
function cite(
  index: SearchIndex,
  candidates: Candidate[],
  termSet: Set<string>,
  o: AnswerOptions,
  ctx: ComposeContext,
  joinsLead: (c: Candidate) => boolean = () => false,
  evidenceOf?: (text: string) => boolean,
): { citations: Cited[]; chosen: Chosen[] } {
  const citations: Cited[] = [];
  const chosen: Chosen[] = [];
  const best = candidates[0]!.score;
  for (const c of candidates) {
    const holder = citations.findIndex((x) => x.doc === c.hit.doc && c.s >= x.window[0] && c.s <= x.window[1]);
    const wantsInAnswer = chosen.length < 3 && (chosen.length === 0 || c.score >= o.extraSentenceRatio * best);
    if (holder >= 0) {
      if (wantsInAnswer && !chosen.some((x) => x.candidate.hit.doc === c.hit.doc && x.candidate.s === c.s)) {
        chosen.push({ candidate: c, marker: holder + 1 });
      }
      continue;
    }
    if (citations.length >= o.limit) {
      if (chosen.length >= 3 || !wantsInAnswer) break;
      continue;
    }
    const sentScores = candidates.filter((x) => x.hit.doc === c.hit.doc);
    const snip = snippet(c.hit.passage, c.s, (i) => sentScores.find((x) => x.s === i)?.score ?? 0, termSet, langOfDoc(index, c.hit.doc), evidenceOf);
    const brief = ctx.briefOf(c.hit.passage.briefId);
    // The score that orders the citations: best first, so `score` never rises along the list.
    citations.push({ ...citation(brief, c.hit.passage.id, snip, round(c.score)), window: snip.window, doc: c.hit.doc });
    if (wantsInAnswer) chosen.push({ candidate: c, marker: citations.length });
    if (citations.length === 1) {
      // The sentences the lead's snippet shows that also answer join it at once (a list of topics going on).
      const [from, to] = snip.window;
      for (const x of candidates) {
        if (chosen.length < 3 && x !== c && x.hit.doc === c.hit.doc && x.s >= from && x.s <= to && joinsLead(x)) chosen.push({ candidate: x, marker: 1 });
      }
    }
  }
  return { citations, chosen };
}

/** Does a text hold what the question asks for (a date, a name…)? Undefined for a type no sentence shows by itself. */
function answersType({ type, lang, questionWords, question }: Reading): ((text: string) => boolean) | undefined {
  if (type === 'other' || type === 'topic') return undefined;
  if (lang === 'en') return (text) => typeEvidence(type, text, questionWords) > 0;
  return type === 'change' || type === 'speech' || type === 'speaker' || type === 'quality' ? undefined : (text) => typeEvidenceIn(type, text, question) > 0;
}

/**
 * When the story's newer brief answers only because it is newer, the older brief's answer
 * follows, dated, as "Earlier" context: a sentence that holds what the question asks for (for a
 * change of plan, the date first planned). Adds it to `chosen` (and its citation) and returns
 * the markers that are earlier context.
 */
function addEarlier(r: Reading, candidates: Candidate[], storyOf: Map<string, string>, citations: Cited[], chosen: Chosen[], termSet: Set<string>): number[] {
  const lead = chosen[0]!.candidate;
  const leadStory = storyOf.get(lead.hit.passage.briefId);
  if (!leadStory || !leansOnLatest(r.question)) return [];
  const earlierType = r.type === 'change' ? 'date' : r.type;
  const answers = (c: Candidate) => earlierType === 'other' || earlierType === 'topic' || typeEvidence(earlierType, sentenceOf(c), r.questionWords) > 0;
  const prior = candidates.find((c) => c.older && c.raw > lead.score && storyOf.get(c.hit.passage.briefId) === leadStory && answers(c));
  if (!prior || chosen.some((x) => x.candidate.hit.doc === prior.hit.doc && x.candidate.s === prior.s)) return [];
  const { o, ctx } = r;
  let at = citations.findIndex((x) => x.doc === prior.hit.doc && prior.s >= x.window[0] && prior.s <= x.window[1]);
  if (at < 0) {
    // Room for its citation: in place of the last one no answer sentence cites.
    if (citations.length >= o.limit) {
      let spare = citations.length - 1;
      while (spare >= 0 && chosen.some((x) => x.marker === spare + 1)) spare--;
      if (spare >= 0) {
        citations.splice(spare, 1);
        for (const x of chosen) if (x.marker > spare + 1) x.marker--;
      }
    }
    if (citations.length < o.limit) {
      const snip = snippet(prior.hit.passage, prior.s, (i) => candidates.find((x) => x.hit.doc === prior.hit.doc && x.s === i)?.raw ?? 0, termSet);
      citations.push({
        ...citation(ctx.briefOf(prior.hit.passage.briefId), prior.hit.passage.id, snip, round(prior.score)),
        window: snip.window,
        doc: prior.hit.doc,
      });
      at = citations.length - 1;
    }
  }
  if (at < 0) return [];
  chosen.push({ candidate: prior, marker: at + 1 });
  return [at + 1];
}

/** The answer: its sentences with their markers, the citations, and the dates and notes they carry. */
function assemble(r: Reading, chosen: Chosen[], citations: Cited[], earlier: number[]): Answer {
  const { ctx, lang } = r;
  // A list of topics reads in the brief's order within one citation ("…toward common priorities… Discussions are
  // also…"); other answers keep the sentence that answers best first.
  if (r.type === 'topic') {
    const first = new Map<number, number>();
    chosen.forEach((x, i) => first.has(x.marker) || first.set(x.marker, i));
    chosen = [...chosen].sort((a, b) => first.get(a.marker)! - first.get(b.marker)! || (a.marker === b.marker ? a.candidate.s - b.candidate.s : 0));
  }
  const answer = chosen.map(({ candidate: c, marker }) => `${sentenceOf(c)} [${marker}]`).join(' ');
  const quoted = chosen.map(({ candidate: c, marker }) => ({ brief: ctx.briefOf(c.hit.passage.briefId), sentence: sentenceOf(c), marker }));
  // The answer's date: that of the brief its first sentence quotes (each source gives its own).
  const asOf = effectiveDate(quoted[0]!.brief);
  const times: TimeNote[] = [];
  for (const q of quoted)
    for (const t of resolveTimes(q.sentence, q.brief.date, q.marker)) if (!times.some((x) => x.marker === t.marker && x.phrase === t.phrase)) times.push(t);
  // One note per expired citation, however many of the answer's sentences quote it.
  const expired = [
    ...new Map(quoted.filter((q) => isExpired(q.brief, r.now)).map((q) => [q.marker, { marker: q.marker, expires: q.brief.expires! }])).values(),
  ];
  return {
    answered: true,
    answer,
    citations: citations.map(({ window: _w, doc: _d, ...rest }) => rest),
    ...(asOf ? { asOf } : {}),
    ...(earlier.length ? { earlier } : {}),
    ...(times.length ? { times } : {}),
    ...(expired.length ? { expired } : {}),
    lang,
  };
}

/**
 * Compose the answer from a retrieval: decline (a name no brief holds, too little of the question
 * in the passages read), else score every sentence of the passages read and cite the best.
 * Each phase is a function of its own (also so that the optimising compiler takes them one at a time).
 */
function composeAnswer(
  index: SearchIndex,
  question: string,
  { type, askedFor, checked = [], persons }: Asked,
  retrieval: Retrieval,
  ctx: ComposeContext,
): Answer {
  const o = { ...DEFAULT_ANSWER_OPTIONS, ...ctx.options, limit: ctx.limit };
  o.linkWeight = { ...DEFAULT_ANSWER_OPTIONS.linkWeight, ...ctx.options?.linkWeight };
  const { terms: own, hits, lang } = retrieval;
  // A resolved follow-up also weighs the conversation's terms (below the question's own).
  const carried = retrieval.context ? [...retrieval.context.terms].filter(([t]) => !own.includes(t)) : [];
  // A question in a language none of the briefs is in ("¿Qué dijo Petro?" of English briefs) meets them only
  // through its names and numbers, too little to answer from: it is told the briefs' language, and the briefs
  // its names lead to. (English questions of other briefs are read as before: their words may still match.)
  if (lang !== 'en' && index.languages.length > 0 && !index.languages.includes(lang)) {
    const rel = related(hits, ctx.briefOf);
    return notFound(replyStrings(lang).otherLanguage(languageName(index.languages[0]!, replyLanguage(lang)), rel.length > 0), rel, lang);
  }
  if (own.length + carried.length === 0) return notFound(replyStrings(lang).askAbout, [], lang);
  if (hits.length === 0) return notFound(replyStrings(lang).notFound, [], lang);
  // "What did the US do to Petro before things calmed down?": the turn of the story the question dates its event by
  // is when, not what; its words ("calmed down": "…eased…") choose no sentence, as words naming what is asked for do not.
  const turn = lang === 'en' ? turnTerms(question) : [];
  const choosing = turn.length ? new Set([...askedFor, ...turn]) : askedFor;
  const w = weighTerms(own, carried, choosing, o.carriedShare, o.textIdf ? (t) => textIdf(index, t) : (t) => idf(index, t));

  // Related words of each question word that may stand in its place (in a sentence, in a brief), at their link weight.
  const links = linkWeights(retrieval, o.linkWeight, retrieval.predicates);
  // The top passages (the answer is chosen among their sentences below).
  const pool = readingPool(hits, o.passages, ctx.briefOf);
  // A name the question gives that none of the top briefs mentions ("Did Trump meet Putin?"):
  // the briefs are about someone else, however well the other words match.
  if (
    o.entityCheck &&
    missingEntity(
      index,
      question,
      retrieval,
      o.entityPassages ? hits.slice(0, o.entityPassages) : [],
      () => [...new Set(pool.map((h) => ctx.briefOf(h.passage.briefId)))],
      askedFor,
    )
  ) {
    return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
  }
  // The terms of each of their sentences: read after the check above, which needs none (a question it
  // declines costs no analysis).
  const read = pool.map((hit) => (o.fullNames && langOfDoc(index, hit.doc) === 'en' ? withFullNames(index, hit.doc) : sentenceTerms(index, hit.doc)));
  if (o.entityCheck && lang === 'en' && (type === 'speech' || type === 'topic') && subjectMissing(index, question, askedFor, retrieval, read)) {
    return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
  }
  // "What did Villavicencio say?" of briefs that never have her speak: what others said beside her name is not hers.
  const speakers = o.speakerCheck && lang === 'en' && type === 'speech' ? askedSpeakers(question, pool, ctx.briefOf, undefined, index.lexicon) : undefined;
  if (speakers && speakerSilent(pool, speakers)) {
    return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
  }
  // Whether to answer weighs the words by the collection and general English together (`blendedIdf`):
  // which sentence answers is a matter of this collection's words, whether any does is not.
  // "What will the two leaders talk about?": a description of the story's two parties in words no brief holds
  // (the brief says "the presidents") weighs nothing in whether to answer, when the question has other words.
  const described = o.describedParties && lang === 'en' ? partyTerms(question) : undefined;
  const parties = described?.every((t) => documentFrequency(index, t) === 0) ? [...described, ...TWO] : [];
  // So do words that say only where in its course the event is ("still", "start to").
  const loose = [
    ...parties,
    ...(o.aspectWords && lang === 'en' ? aspectTerms(question) : []),
    ...(o.postedThing && lang === 'en' ? postedThing(index, question) : []),
  ];
  const unweighed = loose.length && own.some((t) => !askedFor.has(t) && !loose.includes(t)) ? new Set([...askedFor, ...loose]) : askedFor;
  const signal =
    o.backgroundPassages > 0 && lang === 'en' ? weighTerms(own, carried, unweighed, o.carriedShare, (t) => blendedIdf(index, t, o.backgroundPassages)) : w;
  const { covers, best: sentence } = sentenceCovers(read, own, links, w, o.prefixWeight, signal);
  const signals: AbstentionSignals = {
    strength: strength(index, retrieval, carried, unweighed, o),
    coverage: coverage(index, retrieval, carried, links, briefHoldings(retrieval, pool, read), o.unknownWeight, unweighed),
    sentence,
  };
  o.observe?.(signals);
  // "Check on what?", "Worried about what?" after an answer: the last question's words, asking for what its answer
  // says (an echo, answered with that answer's lead below, whatever its words weigh).
  const echoed =
    o.ellipsis &&
    lang === 'en' &&
    retrieval.context?.said !== undefined &&
    (ECHO_QUESTION.test(question) || (type === 'reason' && WHY_THAT.test(question))) &&
    own.every((t) => askedFor.has(t) || retrieval.context!.terms.has(t) || retrieval.unknown.includes(t));
  if (!echoed && declines(o.abstain, signals, lang === 'en' ? o.abstain.bias : o.abstainBiasOther)) {
    return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
  }

  // The question's words and their terms: a name the question gives with an ending ("Petros") is not a new name in a sentence.
  const questionWords = new Set<string>();
  for (const x of words(question)) {
    const w = normalizeWord(x.word);
    questionWords.add(w);
    const t = toTerm(w);
    if (t) questionWords.add(t);
  }
  // "the US", "the UN": the name's canonical token, as a sentence's "U.S." or "United States" gives it.
  for (const x of words(canonicalizeVariants(question))) if (VARIANT_NAMES.has(x.word)) questionWords.add(x.word);
  const r: Reading = {
    index,
    o,
    ctx,
    lang,
    question,
    type,
    questionWords,
    w,
    now: ctx.now ?? Date.now(),
    posted: lang === 'en' && ASKS_POSTED.test(question),
    persons,
  };
  // ("Who is the source for…?" asks who says so: "source" names no post.)
  const role = lang === 'en' && type !== 'speaker' ? askedRole(question) : undefined;
  if (type === 'person' && o.appositionWeight !== 1) r.holder = roleHolder(role) ?? (lang === 'en' ? fullNameOf(question) : undefined);
  if (speakers) r.speakers = speakers;
  // Briefs holding two or more of the question's words, one of them a name or rare word (not among
  // the lexicon's common English words): "Cargill" and "Seaforth" tell a story, "foreign minister" does not.
  const shareOf = (id: string) => {
    const held = [...(retrieval.briefMatched.get(id) ?? [])].filter((t) => own.includes(t) && !askedFor.has(t));
    return held.length >= 2 && held.some((t) => index.lexicon.rank(t) === undefined) ? coverOf(w, new Set(held)) : 0;
  };
  const storyOf = questionStories(pool, ctx.briefOf, shareOf, o.sameStory);
  const candidates = scoreSentences(r, pool, read, covers, hits[0]!.score);
  weighStories(r, candidates, storyOf);
  // "Did the US cancel Petro's visa?": "…Washington threatened to revoke Petro's visa…" does not say it happened;
  // "…saw the U.S. revoke Petro's visa…" does.
  if (o.unrealizedFactor < 1 && lang === 'en' && (HAPPENED_QUESTION.test(question) || DONE_TO.test(question)) && !UNREALIZED.test(question))
    for (const c of candidates) if (unrealizedOf(sentenceOf(c), own)) c.score *= o.unrealizedFactor;
  if (retrieval.context && o.offTopicFactor < 1) {
    for (const c of candidates) if (!retrieval.context.focus.has(c.hit.passage.briefId)) c.score *= o.offTopicFactor;
  }
  candidates.sort((a, b) => b.score - a.score || a.hit.doc - b.hit.doc || a.s - b.s);
  // A follow-up asking for a date or a number: the conversation's words lift the sentences that hold the
  // last question's words ("…the foreign ministry…" after "Who is the foreign minister?"); one close behind
  // that holds what this question asks for ("…scheduled for Feb. 3") answers "And when is the meeting?".
  // ("How often does the council look at Colombia?" after a turn on Locetta: one that says how often.)
  // ("What did he post about it?" after "When is Petro meeting Trump?": one that names where he posted; so, too, for a
  // first question about something posted, "Where did Petro post his update about the negotiations?".)
  const typed = type === 'date' || type === 'number' ? type : undefined;
  const often = lang === 'en' && asksHowOften(questionWords);
  const typeFloor = typed || often ? o.followUpTypeFloor : o.postedFloor;
  if (
    (retrieval.context || (r.posted && !typed && !often && POSTING.test(question))) &&
    typeFloor > 0 &&
    (typed || often || r.posted) &&
    candidates.length > 1
  ) {
    const holds = typed
      ? (c: Candidate) => (lang === 'en' ? typeEvidence(typed, sentenceOf(c), questionWords) : typeEvidenceIn(typed, sentenceOf(c), question)) >= 1
      : often
        ? (c: Candidate) => saysHowOften(sentenceOf(c))
        : (c: Candidate) => onPlatform(sentenceOf(c));
    if (!holds(candidates[0]!)) liftFirst(candidates, typeFloor * candidates[0]!.score, holds);
  }
  // "What did Petro say about the negotiations?": a sentence where he speaks ("The talks are going well," Petro said…)
  // answers before one that only names him ("She criticized Petro's approach to negotiations…, saying…").
  // (Of what it says that about: "What did Petro say in New York that made the Americans angry?" names no such thing, and
  // "…his criticism of U.S. foreign policy at a New York rally" answers it, not "Petro said he was optimistic…".)
  const saidAbout = r.speakers && o.speakerFloor > 0 ? analyze(SAID_ABOUT.exec(question)?.[1] ?? '') : [];
  if (saidAbout.length) {
    const speaking = (c: Candidate) => speakerSpeaksIn(index, c, r.speakers!) && holdsAny(sentenceTerms(index, c.hit.doc).sets[c.s]!, saidAbout, links);
    if (!speaking(candidates[0]!)) liftFirst(candidates, o.speakerFloor * candidates[0]!.score, speaking);
  }
  // "Who set up the meeting?": someone who did it, not the one who said something of it (see `actorFloor`).
  if (o.actorFloor > 0 && lang === 'en' && type === 'person' && !WHO_IS_NAMED.test(question) && candidates.length > 1) {
    const acting = (c: Candidate) => namesActor(sentenceOf(c), questionWords);
    const top = candidates[0]!;
    if (!acting(top) && typeEvidence('person', sentenceOf(top), questionWords) > 0) liftFirst(candidates, o.actorFloor * top.score, acting);
  }
  const reversed = lang === 'en' ? reversedRoles(question) : undefined;
  if (o.reversedFloor > 0 && reversed && reversed(sentenceOf(candidates[0]!)))
    liftFirst(candidates, o.reversedFloor * candidates[0]!.score, (c) => !reversed(sentenceOf(c)));
  if (o.actFloor > 0 && lang === 'en' && type === 'other' && candidates.length > 1) {
    const act = actOf(question, index.lexicon);
    const top = candidates[0]!;
    const acts = (c: Candidate) => act !== undefined && holdsAny(sentenceTerms(index, c.hit.doc).sets[c.s]!, [act], links) && !reversed?.(sentenceOf(c));
    if (act !== undefined && !acts(top))
      liftFirst(candidates, o.actFloor * top.score, (c) => c.hit.passage.briefId === top.hit.passage.briefId && REFERS_BACK.test(sentenceOf(c)) && acts(c));
  }
  // "Has Trump said anything about the meeting?": a yes-no question whether someone the briefs name said something is
  // answered where they speak of it, and declined where they speak of it nowhere ("Petro said he was optimistic…").
  // ("How did Locetta describe the talks?": where she speaks of them answers, if any does; a description may be in
  // other words than speech, "he condemned as idolatry…", so none is no reason to decline.)
  // ("What exactly did Petro say at the rally?": the reader insists on his words, which a sentence telling of "his
  // criticism" does not give.)
  // ("Where did Trump post his update?": someone the briefs name posts, where no sentence read has them post — only
  // Petro does, "…in a brief message on X"; not in a follow-up, whose "he" may have been read as a word that is no name.)
  const poster =
    o.saidCheck && lang === 'en' && r.posted && type !== 'other' && type !== 'speech' && !retrieval.context
      ? askedSpeakers(question, pool, ctx.briefOf, POSTED_SUBJECT, index.lexicon)
      : undefined;
  const saying =
    o.saidCheck && lang === 'en'
      ? type === 'other'
        ? askedSpeakers(question, pool, ctx.briefOf, SAID_SUBJECT, index.lexicon)
        : type === 'speech' && INSISTS.test(question)
          ? r.speakers
          : poster
      : undefined;
  // "Is Trump optimistic about the meeting?", "How does Trump himself feel about it?": a mood or view is given where its
  // holder speaks ("Petro said he was optimistic…" is Petro's), and declined where no sentence read has them speak of it.
  const feeler = !saying && o.saidCheck && lang === 'en' ? askedSpeakers(question, pool, ctx.briefOf, FEEL_SUBJECT, index.lexicon) : undefined;
  const sayer =
    saying ??
    feeler ??
    (o.saidCheck && lang === 'en' && type === 'other' ? askedSpeakers(question, pool, ctx.briefOf, DESCRIBE_QUESTION, index.lexicon) : undefined) ??
    // ("How did Petro let the public know the negotiations were making progress?": where he speaks of them, not
    // "She criticized Petro's approach to negotiations…", which holds more of the question's words.)
    (o.saidCheck && lang === 'en' && type !== 'speaker' && type !== 'speech'
      ? askedSpeakers(question, pool, ctx.briefOf, MADE_KNOWN_QUESTION, index.lexicon)
      : undefined);
  if (sayer) {
    const of = poster ? [] : own.filter((t) => !askedFor.has(t) && !analyze([...sayer.names].join(' ')).includes(t));
    const speaking = (c: Candidate) =>
      speakerSpeaksIn(index, c, sayer) &&
      (of.length === 0 || holdsAny(sentenceTerms(index, c.hit.doc).sets[c.s]!, of, links)) &&
      // ("Did Locetta post on social media?": she spoke to the Council, which is no post.)
      (!r.posted || onPlatform(sentenceOf(c)));
    const first = candidates[0]!;
    if (!speaking(first)) {
      liftFirst(candidates, o.speakerFloor * first.score, speaking);
      if (candidates[0] === first && (saying || feeler)) return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
    }
  }
  if (o.aboutFloor > 0 && lang === 'en' && type === 'topic' && candidates.length > 1) {
    const head = (ABOUT_QUESTION.exec(question) ?? TOPICS_OF.exec(question))?.[1];
    const headTerm = head === undefined ? undefined : analyze(head).at(-1);
    const top = candidates[0]!;
    const brief = top.hit.passage.briefId;
    // "What is the meeting about?": a sentence naming topics that holds the thing asked about. "What will Trump and
    // Petro talk about?", with no such thing: one naming topics to come ("…will pivot toward common priorities,
    // including trade…"), not a sentence of the two talking now ("…are engaging in productive conversations").
    const about = (c: Candidate) => headTerm !== undefined && TOPIC_RE.test(sentenceOf(c)) && sentenceTerms(index, c.hit.doc).sets[c.s]!.has(headTerm);
    // (An agenda is of what is to come.)
    const toCome = (c: Candidate) =>
      (FUTURE_RE.test(question) || AGENDA.test(question) || INTENDED.test(question)) && TOPIC_RE.test(sentenceOf(c)) && FUTURE_RE.test(sentenceOf(c));
    // (The thing may be where they talk: "…talk about at the White House?" — then the topics to come answer.)
    for (const answers of [about, toCome]) {
      if (answers(top)) break;
      liftFirst(candidates, o.aboutFloor * top.score, (c) => c.hit.passage.briefId === brief && answers(c));
      if (candidates[0] !== top) break;
    }
  }
  // An elliptical follow-up ("In what year?", "Who was that?"): nothing of its own but the kind of
  // answer it wants. When the last answer already holds that kind of answer, it is the answer again.
  const said = retrieval.context?.said;
  let again: Candidate | undefined;
  // (Nor does one whose other words are the conversation's: "Where did he post that?", read "Where did Petro post that?"
  // after "What did Petro post?".)
  // ("Who told reporters that?": who said what the last answer says, to whomever; "reporters" is no brief's word.)
  const saidThat = type === 'speaker' && SAID_THAT.test(question);
  const conversational = (t: string) =>
    askedFor.has(t) || (o.ellipsisContext && retrieval.context!.terms.has(t)) || (saidThat && retrieval.unknown.includes(t));
  if (o.ellipsis && said && ((type !== 'other' && type !== 'topic') || echoed) && own.every(conversational)) {
    // (What was posted is said on a platform: "what did he post about it" after "Petro said he was optimistic…" is not.)
    const kind = (c: Candidate) => (r.posted && type === 'speech' ? onPlatform(sentenceOf(c)) : typeEvidence(type, sentenceOf(c), questionWords) > 0);
    const holds = (c: Candidate) => said.includes(sentenceOf(c)) && (echoed || kind(c));
    // The earliest in the last answer: its lead, before the sentences it added ("When?" after an answer that
    // quoted "…Locetta told the Council Friday…" first and "…scheduled for Feb. 3" second).
    again = candidates.filter(holds).sort((a, b) => said.indexOf(sentenceOf(a)) - said.indexOf(sentenceOf(b)))[0];
    if (again) candidates.splice(candidates.indexOf(again), 1);
    // The passage the last answer quoted, when this question's words did not bring it back (it has none of its own).
    else again = quotedAgain(index, retrieval.context!, candidates[0]?.score ?? 0).find(holds);
    // The sentence a said "She…" / "The…" sentence goes on from ("…Locetta told the Council Friday…" before "She criticized…").
    if (!again) {
      again = candidates.find((c) => kind(c) && continuedBy(index, c, said));
      if (again) candidates.splice(candidates.indexOf(again), 1);
    }
    if (again) candidates.unshift(again);
  }
  // "What else did she say?": words of hers the last answer did not quote, when there are any. (Not every
  // "else": "Did they do anything else?" after "…revoke Petro's visa" is answered by "…and impose sanctions".)
  if (said && type === 'speech' && /\belse\b/i.test(question)) {
    const unsaid = candidates.filter((c) => !said.includes(sentenceOf(c)));
    if (unsaid.length) candidates.splice(0, candidates.length, ...unsaid);
  }
  if (o.negationCheck && lang === 'en' && negationUnanswered(question, candidates[0]!)) {
    return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
  }
  if (o.numberCheck > 0 && lang === 'en' && numberUnsaid(question, type, candidates, o.numberCheck, questionWords)) {
    return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
  }
  // "Which armed groups is Petro negotiating with?": the best sentence speaks of armed groups and names none
  // ("…negotiations with armed groups…"); it does not say which.
  if (o.namedCheck && lang === 'en' && kindUnnamed(index, question, candidates[0]!, questionWords)) {
    return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
  }
  if (o.roleCheck && roleUnanswered(index, question, lang, role, retrieval, read, candidates[0]!)) {
    return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
  }
  if (o.undoneCheck && lang === 'en' && undoneMissing(question, pool)) {
    return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
  }
  if (o.companyCheck && lang === 'en' && companyMissing(question, pool)) {
    return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
  }
  if (o.responseCheck && lang === 'en' && responseMissing(question, pool)) {
    return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
  }
  // "Will there be a press conference after the meeting?": a passage that never names the thing does not say whether it is.
  const thing = o.thingCheck && lang === 'en' ? askedThing(question) : undefined;
  // (A word opening with the thing's word counts: "threatened" for "threats", which WordNet does not derive.)
  const names = (set: Set<string>) => holdsAny(set, thing!, links) || thing!.some((t) => t.length >= 5 && [...set].some((u) => u.startsWith(t)));
  if (thing && !sentenceTerms(index, candidates[0]!.hit.doc).sets.some(names)) {
    return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
  }
  if (o.premiseCheck && lang === 'en' && type !== 'change' && premiseMissing(question, pool, (ts) => toldOf(index, question, own, ts, pool, links))) {
    return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
  }
  if (o.clockCheck && lang === 'en' && type === 'date' && clockMissing(question, candidates[0]!, questionWords)) {
    return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
  }
  if (o.monthCheck && lang === 'en' && checked.length === 0 && monthMissing(question, pool)) {
    return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
  }
  if (o.outcomeCheck && lang === 'en' && (outcomeToCome(question, candidates[0]!) || pastOfToCome(question, candidates[0]!))) {
    return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
  }
  if (o.oppositeCheck && lang === 'en' && !YES_NO_QUESTION.test(question) && saysOpposite(index, retrieval, own, askedFor, candidates[0]!)) {
    return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
  }
  if (o.quoteCheck && lang === 'en' && (type === 'speech' ? EXACTLY_SAID : EXACT_WORDS).test(question) && !QUOTE_MARK.test(sentenceOf(candidates[0]!))) {
    return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
  }

  const termSet = new Set(w.terms);
  // "What will they talk about?": every sentence of the lead's snippet that names topics is part of the answer.
  const joinsLead = type === 'topic' ? (c: Candidate) => TOPIC_RE.test(sentenceOf(c)) : undefined;
  let { citations, chosen } = cite(index, candidates, termSet, o, ctx, joinsLead, o.neighbourEvidence ? answersType(r) : undefined);
  // "What day did Rubio and Villavicencio talk?": a question for a day is answered by a sentence that names one (a
  // weekday, a calendar day, "today"), the one close behind when the best does not ("…during the exchange Friday…" after
  // "…held a cordial call…", which names none).
  if (o.dayFloor > 0 && lang === 'en' && type === 'date' && DAY_QUESTION.test(question) && chosen[0] && !namesDay(sentenceOf(chosen[0].candidate))) {
    const first = candidates[0]!;
    liftFirst(candidates, o.dayFloor * first.score, (c) => namesDay(sentenceOf(c)));
    if (candidates[0] !== first)
      ({ citations, chosen } = cite(index, candidates, termSet, o, ctx, joinsLead, o.neighbourEvidence ? answersType(r) : undefined));
  }
  // "When is Petro supposed to meet Trump in Washington?": the date of what is to come ("…scheduled for Feb. 3"), not of
  // what was ("…in September, when Washington threatened…"), when a sentence close behind gives one.
  if (
    o.futureFloor > 0 &&
    lang === 'en' &&
    type === 'date' &&
    FUTURE_QUESTION.test(question) &&
    chosen[0] &&
    !FUTURE_RE.test(sentenceOf(chosen[0].candidate))
  ) {
    const first = candidates[0]!;
    const ahead = (c: Candidate) => FUTURE_RE.test(sentenceOf(c)) && typeEvidence('date', sentenceOf(c), questionWords) >= 1;
    liftFirst(candidates, o.futureFloor * first.score, ahead);
    if (candidates[0] !== first)
      ({ citations, chosen } = cite(index, candidates, termSet, o, ctx, joinsLead, o.neighbourEvidence ? answersType(r) : undefined));
  }
  // "When does Petro's term end?": the event is its closing verb; when no brief holds it, nor a word related to it in
  // the passages read, the date a sentence gives is another event's.
  if (o.timeCheck > 0 && lang === 'en' && type === 'date' && eventUnread(index, question, askedFor, retrieval, read)) {
    return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
  }
  if (o.timeCheck > 0 && lang === 'en' && type === 'date' && untimed(r, chosen[0]?.candidate, pool, covers)) {
    // A sentence close enough behind that gives a date answers instead ("When did Trump and Petro talk?": "The talks are
    // going well…" holds "talk", "…eased in early January when Trump took a phone call from Petro…" the date; a
    // weekday alone, which counts half, does not: measured, it answered a question the seed must decline).
    const first = candidates[0]!;
    // (For a reader insisting on the time, one that tells of the event the best sentence tells of, in a word of the
    // question that is no name: "When exactly did the US first sanction Petro?" is not answered by "…eased in early January
    // when Trump took a phone call from Petro…". Not for every question: "When did Trump and Petro first talk?" is, the
    // call being the talk.)
    const event = EXACT_TIME.test(question) ? eventTerms(index, question, own, first, links) : [];
    const dated = (c: Candidate) =>
      typeEvidence('date', sentenceOf(c), questionWords) >= 1 && (event.length === 0 || holdsAny(sentenceTerms(index, c.hit.doc).sets[c.s]!, event, links));
    if (o.timeFloor > 0) liftFirst(candidates, o.timeFloor * first.score, dated);
    if (candidates[0] === first) return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
    ({ citations, chosen } = cite(index, candidates, termSet, o, ctx, joinsLead, o.neighbourEvidence ? answersType(r) : undefined));
  }
  // "Did the call happen on Monday?" of a brief that dates it Friday: the sentence with a day or a date answers, and
  // none does when the briefs give none near ("Did the US impose the sanctions in March?").
  if (checked.length) {
    const gives = (c: Candidate) => checked.some((g) => g(sentenceOf(c)));
    const first = candidates[0]!;
    if (!gives(first)) {
      liftFirst(candidates, o.wrongDetailFloor * first.score, gives);
      if (candidates[0] === first) return notFound(replyStrings(lang).notFound, related(hits, ctx.briefOf), lang);
      ({ citations, chosen } = cite(index, candidates, termSet, o, ctx, joinsLead, o.neighbourEvidence ? answersType(r) : undefined));
    }
  }
  if (o.attributionLead && type === 'speaker' && lang === 'en') leadWithSpeaker(candidates, chosen);
  const earlier = addEarlier(r, candidates, storyOf, citations, chosen, termSet);
  // A follow-up does not say again what the last answer said, when it has something else to say. (Not a
  // question for someone's role: "What is his job?" after "Who is Rubio?" is answered where he was introduced.)
  if (said && chosen.length > 1 && question.match(ROLE_QUESTION) === null) {
    const fresh = chosen.filter(({ candidate: c }) => c === again || !said.includes(sentenceOf(c)));
    if (fresh.length) chosen.splice(0, chosen.length, ...fresh);
  }
  return assemble(r, chosen, citations, earlier);
}

/**
 * "Who says the meeting will focus on shared goals?": when the answer's sentence has no one speak, the sentence
 * before it in its passage that has someone speak leads it ("According to both governments, the upcoming meeting
 * will pivot… Discussions are also expected to focus on…"): the report goes on under that attribution.
 */
function leadWithSpeaker(candidates: Candidate[], chosen: Chosen[]): void {
  const lead = chosen[0];
  const says = (c: Candidate) => sentenceOf(c).search(SPEECH_RE) >= 0;
  if (!lead || says(lead.candidate)) return;
  const before = candidates.find((c) => c.hit.doc === lead.candidate.hit.doc && c.s === lead.candidate.s - 1);
  if (before && says(before) && !chosen.some((x) => x.candidate === before)) chosen.unshift({ candidate: before, marker: lead.marker });
}

/** A word's IDF over the passages' text alone (titles left out); a word only titles hold, over all fields. */
function textIdf(index: SearchIndex, term: string): number {
  return idfOf(index.documentCount, index.searcher.textFrequency(term) || documentFrequency(index, term));
}

/**
 * How much a question word weighs for abstention. In English with background passages, its
 * {@link blendedIdf}. Otherwise its IDF in this collection, and for a word the collection does not
 * hold, the largest IDF the collection can give, scaled (in English) by how rare the word is in
 * general English: in a collection of one brief, "two" or "happen" missing says little, "Putin"
 * missing says a lot.
 */
export function evidenceWeight(index: SearchIndex, term: string, lang: Lang = 'en', unknownWeight = 1, backgroundPassages = 0): number {
  if (backgroundPassages > 0 && lang === 'en') return blendedIdf(index, term, backgroundPassages);
  if (documentFrequency(index, term) > 0) return idf(index, term);
  // Background frequencies are English: elsewhere an unknown word weighs a fixed share.
  if (lang !== 'en') return idf(index, term) * unknownWeight;
  return idf(index, term) * (backgroundIdf(index.lexicon, term) / backgroundIdf(index.lexicon, '\u0000'));
}

/**
 * An English word's IDF over the collection's passages plus `m` passages of general English, each
 * holding the word with the probability its background rank gives ({@link backgroundShare}). In a
 * large collection it is the collection's IDF. In a collection of one brief, where every word the
 * brief holds looks common (a word of its title is in every passage) and every word it lacks looks
 * rare, general English says which of the question's words carry it.
 */
function blendedIdf(index: SearchIndex, term: string, m: number): number {
  return idfOf(index.documentCount + m, documentFrequency(index, term) + m * backgroundShare(index.lexicon, term));
}

/**
 * Answer strength: the best passage's BM25 score per unit of the question's evidence weight (a
 * follow-up's carried-over words at their weight). With background passages, the score is first
 * rescaled by what its matched words weigh by {@link blendedIdf} against their IDF in the passages'
 * text (which weighs most in the score), so both sides count words alike.
 */
function strength(index: SearchIndex, retrieval: Retrieval, carried: [string, number][], askedFor: Set<string>, o: AnswerOptions): number {
  const top = retrieval.hits[0];
  if (!top) return 0;
  const { lang } = retrieval;
  const m = lang === 'en' ? o.backgroundPassages : 0;
  let total = 0;
  for (const t of retrieval.terms) if (!askedFor.has(t)) total += evidenceWeight(index, t, lang, o.unknownWeight, m);
  for (const [t, w] of carried) total += w * evidenceWeight(index, t, lang, o.unknownWeight, m);
  let scale = 1;
  if (m > 0) {
    let blended = 0;
    let plain = 0;
    for (const t of top.matched) {
      blended += blendedIdf(index, t, m);
      plain += textIdf(index, t);
    }
    if (plain > 0) scale = blended / plain;
  }
  return total > 0 ? (scale * top.bm25) / total : 0;
}

/**
 * The largest share of the question's weight in general English (background
 * IDF) that one brief holds anywhere in its passages; a related word counts at
 * its weight, a follow-up's carried-over words at theirs.
 */
function coverage(
  index: SearchIndex,
  retrieval: Retrieval,
  carried: [string, number][],
  links: Links,
  held: Holding[],
  unknownWeight: number,
  askedFor: Set<string>,
): number {
  const items: [string, number][] = [...retrieval.terms.filter((t) => !askedFor.has(t)).map((t) => [t, 1] as [string, number]), ...carried];
  // Without background frequencies (not English): every word alike, an unknown one at its share.
  const background = (t: string) => (retrieval.lang === 'en' ? backgroundIdf(index.lexicon, t) : documentFrequency(index, t) > 0 ? 1 : unknownWeight);
  const weights = items.map(([t, w]) => w * background(t));
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  let best = 0;
  for (const x of held) {
    let sum = 0;
    items.forEach(([t], i) => {
      let m = holds(x, t) ? 1 : 0;
      if (!m) for (const [r, w] of links.get(t) ?? []) if (w > m && holds(x, r)) m = w;
      sum += m * weights[i]!;
    });
    if (sum / total > best) best = sum / total;
  }
  return best;
}

/** Does `set` hold one of `terms`, or a word linked to one? */
/** The terms of a question's words capitalised past its start: its names. */
const namedTerms = (question: string) => new Set(analyze((question.match(/(?<=\s)\p{Lu}[\p{L}'’.-]*/gu) ?? []).join(' ')));

/** The question's terms, of words that are no name (capitalised past its start), that candidate `c`'s sentence holds. */
function eventTerms(index: SearchIndex, question: string, own: string[], c: Candidate, links: Links): string[] {
  const named = namedTerms(question);
  const set = sentenceTerms(index, c.hit.doc).sets[c.s]!;
  return own.filter((t) => !named.has(t) && holdsAny(set, [t], links));
}

/**
 * For the premise check: does a passage read tell the change a question asks about (`change`, "cancel") in a word related
 * to it ("revoke"), in a sentence that holds a word of the question that is no name ("visa": "Why did the US cancel
 * Petro's visa?"; not "Why was the meeting cancelled?")?
 */
function toldOf(index: SearchIndex, question: string, own: string[], change: string[], pool: Hit[], links: Links): boolean {
  const named = namedTerms(question);
  let others = own.filter((t) => !change.includes(t) && !named.has(t) && !VARIANT_NAMES.has(t));
  // (A question with no other word but its names: "What was cancelled by the US?" is told where the names are.)
  if (others.length === 0) others = own.filter((t) => !change.includes(t));
  return pool.some((h) => sentenceTerms(index, h.doc).sets.some((set) => holdsAny(set, change, links) && others.some((t) => set.has(t))));
}

function holdsAny(set: Set<string>, terms: string[], links: Links): boolean {
  return terms.some((t) => set.has(t) || (links.get(t) ?? []).some(([u]) => set.has(u)));
}

function notFound(message: string, rel: RelatedBrief[], lang: Lang): Answer {
  const strings = replyStrings(lang);
  const text = rel.length || message !== strings.notFound ? message : strings.notFoundNoRelated;
  return { answered: false, answer: text, citations: [], ...(rel.length ? { related: rel } : {}), lang };
}

function related(hits: Hit[], briefOf: (id: string) => Brief): RelatedBrief[] {
  const out: RelatedBrief[] = [];
  for (const h of hits) {
    if (out.some((r) => r.briefId === h.passage.briefId)) continue;
    const b = briefOf(h.passage.briefId);
    out.push({ briefId: b.id, title: b.title, date: b.date ?? null, url: b.url ?? null });
    if (out.length === 3) break;
  }
  return out;
}

/**
 * The snippet for sentence `s`: that sentence, widened with whole neighbouring
 * sentences, the window of at most 300 characters whose sentences score most;
 * a sentence longer than that is cut at word boundaries around its matches.
 */
export function snippet(
  passage: Passage,
  s: number,
  sentenceScore: (i: number) => number,
  terms: Set<string>,
  lang?: string,
  evidence?: (text: string) => boolean,
): { text: string; highlights: Range[]; window: Range } {
  const sents = passage.sentences;
  let lo = s;
  let hi = s;
  const span = () => sents[hi]![1] - sents[lo]![0];
  if (span() <= SNIPPET_MAX) {
    // Of the windows around `s` that fit, the one whose sentences score most
    // in sum (on a tie, the one with more sentences).
    let bestSum = -Infinity;
    for (let a = s; a >= 0 && sents[s]![1] - sents[a]![0] <= SNIPPET_MAX; a--) {
      let sum = 0;
      for (let i = a; i < s; i++) sum += sentenceScore(i);
      for (let b = s; b < sents.length && sents[b]![1] - sents[a]![0] <= SNIPPET_MAX; b++) {
        sum += sentenceScore(b);
        if (sum > bestSum || (sum === bestSum && b - a > hi - lo)) {
          bestSum = sum;
          lo = a;
          hi = b;
        }
      }
    }
    const from = sents[lo]![0];
    let text = passage.text.slice(from, sents[hi]![1]);
    // A question for a date, a name, a place… whose window holds none: the neighbouring sentence that
    // does, as much of it as fits, cut at a space.
    const room = SNIPPET_MAX - 3 - text.length; // a space and two ellipses
    if (evidence && room > MIN_NEIGHBOUR) {
      const sentence = (i: number) => passage.text.slice(sents[i]![0], sents[i]![1]);
      let held = false;
      for (let i = lo; i <= hi && !held; i++) held = evidence(sentence(i));
      const after = !held && hi + 1 < sents.length && evidence(sentence(hi + 1));
      const before = !held && lo > 0 && evidence(sentence(lo - 1));
      if (after && (!before || sentenceScore(hi + 1) >= sentenceScore(lo - 1))) text = `${text} ${cutAt(sentence(hi + 1), room, true, evidence)}`;
      else if (before) text = `${cutAt(sentence(lo - 1), room, false, evidence)} ${text}`;
    }
    return { text, highlights: highlight(text, terms, lang), window: [lo, hi] };
  }
  // One long sentence: cut around its matched words.
  const [ss, se] = sents[s]!;
  const sentence = passage.text.slice(ss, se);
  const marks = highlight(sentence, terms, lang);
  const budget = SNIPPET_MAX - 2; // room for two ellipses
  let from = 0;
  if (marks.length) {
    // The window of `budget` characters holding the most matches.
    let bestCount = -1;
    for (const [start] of marks) {
      const count = marks.filter(([a, b]) => a >= start && b <= start + budget).length;
      if (count > bestCount) {
        bestCount = count;
        from = start;
      }
    }
    // Give the first match some left context.
    from = Math.max(0, Math.min(from - 40, sentence.length - budget));
  }
  let to = Math.min(sentence.length, from + budget);
  if (from > 0) from = sentence.indexOf(' ', from) + 1 || from;
  if (to < sentence.length) to = Math.max(sentence.lastIndexOf(' ', to), from + 1);
  let text = sentence.slice(from, to).trim();
  if (from > 0) text = '…' + text;
  if (to < sentence.length) text = text.replace(/[\s,;:]+$/, '') + '…';
  return { text, highlights: highlight(text, terms, lang), window: [s, s] };
}

/** The fewest characters of a neighbouring sentence worth showing after "…". */
const MIN_NEIGHBOUR = 40;

/**
 * `text` in at most `room` characters cut at spaces, "…" where cut: its start (`head`) or its end, or when
 * that part lacks what `evidence` looks for, the part nearest to it that holds it.
 */
function cutAt(text: string, room: number, head: boolean, evidence: (text: string) => boolean): string {
  if (text.length <= room) return text;
  const starts = [0];
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) starts.push(i + 1);
  const part = (a: number) => {
    let b = Math.min(text.length, a + room);
    if (b < text.length) b = Math.max(a + 1, text.lastIndexOf(' ', b));
    return { a, b, text: text.slice(a, b) };
  };
  // From the start onwards (head), or from the longest end that fits backwards.
  const end = starts.findIndex((a) => text.length - a <= room);
  const order = head ? starts : starts.slice(0, end < 0 ? starts.length : end + 1).reverse();
  const chosen = order.map(part).find((p) => evidence(p.text)) ?? part(order[0] ?? 0);
  const body = chosen.text.trim().replace(/[\s,;:]+$/, '');
  return `${chosen.a > 0 ? '…' : ''}${body}${chosen.b < text.length ? '…' : ''}`;
}

/** A citation of `passageId` in `brief`, showing `snip`. */
export function citation(brief: Brief, passageId: string, snip: { text: string; highlights: Range[] }, score: number): Citation {
  return {
    briefId: brief.id,
    title: brief.title,
    byline: brief.byline ?? null,
    date: brief.date ?? null,
    ...(brief.updated ? { updated: brief.updated } : {}),
    url: brief.url ?? null,
    passageId,
    snippet: snip.text,
    highlights: snip.highlights,
    score,
  };
}

/** Ranges of `text` whose terms are among `terms`. */
export function highlight(text: string, terms: Set<string>, lang?: string): Range[] {
  return termRanges(text, lang, (t) => terms.has(t));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Follow-up questions: using the conversation so far to answer "What will
 * they talk about?" after "When is Petro meeting Trump?".
 *
 * One mechanism: a follow-up is retrieved with its own terms plus the terms of
 * the earlier questions on the same topic (at lower, decaying weights), and the passages of the brief(s) the last answer cited
 * are boosted. A question that stands on its own and is about something else
 * is not dragged back: it is retrieved both alone and with the history, and
 * when the history pulls it to passages that match fewer of its own words
 * than it finds alone, in a brief outside the focus, it is a new topic and is
 * answered alone.
 * @module
 */
import { retrieve, type Hit, type QueryContext } from './retrieve.js';
import { idf, documentFrequency, type SearchIndex } from './search-index.js';
import { questionLanguage } from './lang/detect.js';
import { SPEECH_VERBS } from './question.js';
import { analyze } from './text.js';
import type { Answer, Passage, Turn } from './types.js';

/** Tunable follow-up settings (defaults chosen on the public follow-up set; see docs/conversations.md). */
export interface FollowUpOptions {
  /** Earlier turns of the same topic that lend terms (newest first). */
  turns: number;
  /**
   * Weight of the last question's terms (the new question's own terms weigh 1).
   * The answers' terms are not used: measured, they pull the answerer back to
   * the sentence it has just quoted.
   */
  questionWeight: number;
  /** Each older turn's terms weigh this much less (a factor). */
  decay: number;
  /** Score factor for the passages of the last answer's first brief (others it cited get half the boost). */
  focusBoost: number;
  /** Score factor − 1 for the passage the last answer quoted first (a pronoun often points into it). */
  passageBoost: number;
  /**
   * …and the passage after it, this share of that boost: the next paragraph goes on with what it told ("…held a
   * cordial call…" / "…Rubio confirmed during the exchange Friday…"). Not for a question with "he" or "she", which
   * points into the quoted passage itself, unless the next one opens with the same pronoun ("She criticized…").
   */
  nextPassageShare: number;
  /** A question with at least this many known terms of its own may be a new topic… */
  minOwnTerms: number;
  /** …or this many when it has a pronoun or starts like an ellipsis ("And …", "What about …"). */
  minOwnTermsAnaphoric: number;
  /** …and is one when the history costs it at least this share of its own words' weight. */
  shiftMargin: number;
  /**
   * A follow-up with "he", "she", "his" or "her" and no other word the briefs hold, after a question that
   * named one person ("Who is Locetta?" → "Where did she speak?"), is read with that name in the pronoun's
   * place: the carried name alone weighs too little against the word the briefs lack, and it was declined.
   * So is the "he" or "she" who speaks in a question naming whom they spoke to ("What did he promise Petro?").
   */
  pronounName: boolean;
  /**
   * "Who is Rubio?", "What's Hamas?" mid-conversation: a question for who or what a name is goes by its own
   * words and the briefs in focus, not the conversation's words, which pull it to where they stand ("…Tommy
   * Pigott, a State Department spokesman, Rubio confirmed…") rather than to where the name is introduced.
   */
  identityAlone: boolean;
  /**
   * After a list of the latest briefs ("What's this story about?", "What's new?"), which asks nothing of its own, a
   * question with no word of its own the briefs hold ("When is that happening?", which was told to ask about the news)
   * takes the terms of the leads it showed, as it would an earlier question's. (Not a question with words of its own:
   * the lead's many words pulled "When did Rubio speak with his Colombian counterpart?" to the lead.)
   */
  leadsAsQuestion: boolean;
  /**
   * "What about the US?" after "Who is Colombia's president?", "What about Trump?" after "What did Petro say?": the
   * last question asked again with the one name it gave replaced by this one's ("Who is the US's president?").
   */
  swapNames: boolean;
}

const DEFAULT_FOLLOW_UP_OPTIONS: FollowUpOptions = {
  turns: 3,
  questionWeight: 0.3,
  decay: 0.5,
  focusBoost: 1,
  passageBoost: 0.2,
  nextPassageShare: 0.5,
  minOwnTerms: 3,
  minOwnTermsAnaphoric: 5,
  shiftMargin: 0.15,
  pronounName: true,
  identityAlone: true,
  leadsAsQuestion: true,
  swapNames: true,
};

/** "Who is Rubio?", "Who's Tommy Pigott?", "What is FARC?": who or what a name (one to three capitalised words) is. */
const IDENTITY_QUESTION = /^\W*(?:[Ww]ho|[Ww]hat)(?:['’]s|\s+(?:is|was|are|were))\s+(?:\p{Lu}[\p{L}.'’-]*\s*){1,3}\W*$/u;

/** How many turns a conversation remembers. */
export const MAX_TURNS = 8;

/** Phrases that announce a change of subject ("Switching topics: …"). */
const SHIFT_MARKER =
  /^\s*(?:(?:ok(?:ay)?|now|so|and)[,\s]+)?(?:switching (?:topics?|subjects?)|(?:on )?(?:an?other|a different|a new|new) (?:topic|subject|question)|different (?:topic|subject|question)|change of (?:topic|subject)|unrelated(?: question)?|something else|now something else|by the way|btw)\b/i;

const SHIFT_PREFIX = new RegExp(SHIFT_MARKER.source + String.raw`[\s:;,.!?-]*`, 'i');

/** Does the question say outright that it changes the subject? */
export function announcesNewTopic(question: string): boolean {
  return SHIFT_MARKER.test(question);
}

/** The question without its "Switching topics:" preamble (whose words are not what is asked). */
export function stripTopicMarker(question: string): string {
  const rest = question.replace(SHIFT_PREFIX, '');
  return rest.trim() ? rest : question;
}

/** A word that points back at something said before ("he", "it", "that", "the latter"). */
export const REFERS_BACK = /\b(?:he|him|his|she|her|hers|it|its|they|them|their|theirs|this|that|these|those|there|then|same|former|latter|ones?)\b/i;
/** Such a word, or a question that opens as a follow-up does ("And …?", a bare "Why?"). */
const ANAPHORA = new RegExp(
  String.raw`${REFERS_BACK.source}|^\s*(?:and|but|also|so|or|what about|how about|why|where|when|who|in which|which one)\b[^?]{0,20}\??\s*$|^\s*(?:and|but|so|also|what about|how about)\b`,
  'i',
);

/** Does the question lean on the conversation (a pronoun, "And …?", a bare "Why?")? */
export function looksAnaphoric(question: string): boolean {
  return ANAPHORA.test(question);
}

/** The turn to remember for a question and its answer. */
export function turnOf(question: string, answer: Answer): Turn {
  // The briefs the answer quotes (its [n] markers), not the further reading after them.
  const quoted = [...new Set([...answer.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) - 1))].sort((a, b) => a - b);
  const briefIds = [...new Set(quoted.map((i) => answer.citations[i]?.briefId).filter((id): id is string => !!id))];
  return {
    question,
    answered: answer.answered,
    ...(answer.answered ? { answer: answer.answer.replace(/\s*\[\d+\]/g, '').slice(0, 600) } : {}),
    briefIds: answer.answered ? briefIds : [],
    passageIds: answer.answered ? answer.citations.map((c) => c.passageId) : [],
  };
}

/**
 * The context the history lends a new question: the terms of the earlier
 * turns on the current topic (the last answered turn's briefs, walking back
 * while turns share one of them), and the focus boost for those briefs.
 * Undefined when nothing was answered yet. `ownTerms`: how many words of its own the new question has that the
 * briefs hold (with none, a list of the latest briefs lends the leads it showed).
 */
export function conversationContext(
  index: SearchIndex,
  history: Turn[],
  options: Partial<FollowUpOptions> = {},
  ownTerms = 1,
  person = '',
  passageOf?: (id: string) => Passage | undefined,
): QueryContext | undefined {
  const o = { ...DEFAULT_FOLLOW_UP_OPTIONS, ...options };
  const leads = o.leadsAsQuestion && ownTerms === 0;
  let lastAnswered = -1;
  for (let i = history.length - 1; i >= 0; i--)
    if (history[i]!.answered && history[i]!.briefIds.length) {
      lastAnswered = i;
      break;
    }
  if (lastAnswered < 0) return undefined;
  const focusBriefs = history[lastAnswered]!.briefIds;
  const focus = new Map<string, number>();
  focusBriefs.forEach((id, i) => focus.set(id, 1 + (i === 0 ? o.focusBoost : o.focusBoost / 2)));

  const terms = new Map<string, number>();
  const add = (text: string | undefined, w: number) => {
    if (!text || w <= 0) return;
    for (const t of analyze(text, questionLanguage(text, index.languages))) if (documentFrequency(index, t) > 0 && (terms.get(t) ?? 0) < w) terms.set(t, w);
  };
  let factor = 1;
  let used = 0;
  for (let i = history.length - 1; i >= 0 && used < o.turns; i--) {
    const turn = history[i]!;
    // Stop at an earlier topic: an answered turn that cited none of the briefs in focus.
    if (turn.answered && turn.briefIds.length && !turn.briefIds.some((b) => focus.has(b))) break;
    // A list of the latest briefs asked nothing of its own: for a question with no word of its own either ("When is
    // that happening?"), the leads it showed are what it leans on.
    add(turn.question || (leads ? turn.answer : undefined), o.questionWeight * factor);
    factor *= o.decay;
    used++;
  }
  // The passage the last answer quoted first: a pronoun often points into it.
  const passages = new Map<string, number>();
  const last = history[lastAnswered]!;
  if (last.passageIds[0] && o.passageBoost > 0) {
    passages.set(last.passageIds[0], 1 + o.passageBoost);
    // The paragraph after it goes on with what it told ("…held a cordial call…" / "…Rubio confirmed during the
    // exchange Friday…"): "What day was that call?", "What came out of it?".
    const next = nextPassageId(last.passageIds[0]);
    // (With "he" or "she" only when it opens with the same: "What else did she say?" after "…Locetta told the Council…",
    // which "She criticized…" goes on from.)
    const goesOn = !person || (passageOf !== undefined && next !== undefined && samePronoun(person, passageOf(next)?.text ?? ''));
    if (next && o.nextPassageShare > 0 && goesOn) passages.set(next, 1 + o.nextPassageShare * o.passageBoost);
  }
  return { terms, focus, passages, ...(last.answer ? { said: last.answer } : {}) };
}

/** Does `text` open with the pronoun (of the same person) a question's "he", "him", "his", "she", "her" or "hers" is? */
function samePronoun(pronoun: string, text: string): boolean {
  const she = /^(?:she|her|hers)$/i.test(pronoun);
  return (she ? /^\W*She\b/ : /^\W*He\b/).test(text);
}

/** The id of the passage after `id` in its brief (ids are `<briefId>#p<n>`, n counting from 1); undefined for another form. */
export function nextPassageId(id: string): string | undefined {
  const m = /^(.*#p)(\d+)$/.exec(id);
  return m ? `${m[1]}${Number(m[2]) + 1}` : undefined;
}

/** Verbs of saying: "What did she say?" has no word of its own but who "she" is. */
const SAYING = new Set(analyze('say says said tell tells told'));

/** A personal pronoun: it stands for a person the conversation named. */
const PERSONAL_PRONOUN = /\b(?:he|she|him|his|her|hers)\b/i;
/** A name in a question: a capitalised word (and those right after it) past the question's first word. */
const NAME_IN_QUESTION = /(?<=\s)\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/gu;

/**
 * The question with its first "he", "she", "him", "his" or "her" replaced by the one name the conversation's
 * last answered question gave ("Where did she speak?" after "Who is Locetta?": "Where did Locetta speak?"),
 * passing over questions that themselves said "he" or "she"; unchanged when the question it leans on gave
 * no name or several ("What did he say?" after "When is Petro meeting Trump?").
 */
function namingThePerson(question: string, history: Turn[]): string {
  const pronoun = PERSONAL_PRONOUN.exec(question);
  if (!pronoun) return question;
  for (let i = history.length - 1; i >= 0; i--) {
    const turn = history[i]!;
    if (!turn.answered || !turn.question) continue;
    // A question that said "he" or "she" leans on an earlier one; a name it gives is someone else
    // ("What did she tell the Security Council?").
    if (PERSONAL_PRONOUN.test(turn.question)) continue;
    const names = [...turn.question.matchAll(NAME_IN_QUESTION)].map((m) => m[0]);
    if (names.length !== 1) break;
    const name = /^(?:his|hers?)$/i.test(pronoun[0]) ? `${names[0]}'s` : names[0]!;
    return question.slice(0, pronoun.index) + name + question.slice(pronoun.index + pronoun[0].length);
  }
  return question;
}

/** "What did he promise Petro?": "he" is who speaks, and the name after the verb is whom he spoke to. */
const SPEAKER_PRONOUN = new RegExp(
  String.raw`^\W*[Ww]hat (?:else |exactly )?(?:did|does|do|has|have|had|will|would)\s+(?:he|she)\s+(?:${SPEECH_VERBS})\s+\p{Lu}`,
  'u',
);

/** "And about drugs?", "What about security?", "How about the peace agreement?": the same question of something else. */
const SWAP_OPENING = String.raw`^\W*(?:(?:and|but|so)\s+)?(?:(?:what|how)\s+)?about\s+`;
const SWAP = new RegExp(`${SWAP_OPENING}\\S`, 'i');
/** A bare "What about X?", nothing after X (group 1). */
const BARE_SWAP = new RegExp(String.raw`${SWAP_OPENING}([^?!.,;]+?)\W*$`, 'i');
/** What a question asks about: the words after its last "about" ("…say about the armed groups?"). */
const ABOUT_PART = /.*\babout\s+([^?]+)/i;

/**
 * The context for a question that asks the last one again of something else ("And about drugs?" after "What
 * did Locetta say about the armed groups?"): without the words the last question asked about, and without the
 * lift of the passage the last answer quoted (the reader asks for something it did not say).
 */
function swapped(context: QueryContext, history: Turn[], index: SearchIndex): QueryContext {
  const last = [...history].reverse().find((t) => t.answered)?.question ?? '';
  const out = new Set(analyze(ABOUT_PART.exec(last)?.[1] ?? '', questionLanguage(last, index.languages)));
  return { ...context, terms: new Map([...context.terms].filter(([t]) => !out.has(t))), passages: new Map() };
}

/** The last question asked again of the name a "What about X?" gives, when that question named one (the name replaced). */
function swappedName(question: string, history: Turn[]): { question: string; replaced: string } | undefined {
  // (Only a bare "What about X?": "What about Villavicencio, what was her part…?" asks a question of its own.)
  const object = BARE_SWAP.exec(question)?.[1];
  if (!object || !/(?:^|\s)\p{Lu}/u.test(object)) return undefined;
  const last = [...history].reverse().find((t) => t.answered && t.question)?.question;
  const names = last ? [...last.matchAll(NAME_IN_QUESTION)] : [];
  if (names.length !== 1) return undefined;
  const m = names[0]!;
  // (A possessive stays one: "Colombia's president" → "the US's president".)
  const name = m[0].replace(/['’]s$/, '');
  const rest = m[0].slice(name.length);
  return { question: last!.slice(0, m.index) + object + rest + last!.slice(m.index! + m[0].length), replaced: name };
}

/** Why a question was (or was not) read as a follow-up. */
export type Resolution =
  | 'no-history' // nothing answered yet
  | 'announced-shift' // "Switching topics: …"
  | 'follow-up' // too little of its own to stand alone, or it stays on the topic in focus
  | 'new-topic'; // stands on its own and the history would pull it away from its own words

/**
 * Decide how a question relates to the conversation and return the context
 * to retrieve it with (none for a new topic).
 */
export function resolveFollowUp(
  index: SearchIndex,
  question: string,
  history: Turn[] | undefined,
  options: Partial<FollowUpOptions> = {},
  passageOf?: (id: string) => Passage | undefined,
): { context?: QueryContext; resolution: Resolution; question: string } {
  const o = { ...DEFAULT_FOLLOW_UP_OPTIONS, ...options };
  if (announcesNewTopic(question)) return { resolution: 'announced-shift', question: stripTopicMarker(question) };
  if (!history?.length) return { resolution: 'no-history', question };
  const own = [...new Set(analyze(question, questionLanguage(question, index.languages)))].filter((t) => documentFrequency(index, t) > 0);
  const found = conversationContext(index, history, o, own.length, PERSONAL_PRONOUN.exec(question)?.[0] ?? '', passageOf);
  if (!found) return { resolution: 'no-history', question };
  // "What about the US?" after "Who is Colombia's president?": the last question again, of the name this one gives.
  const swap = SWAP.test(question) && o.swapNames ? swappedName(question, history) : undefined;
  if (swap) {
    const out = new Set(analyze(swap.replaced, questionLanguage(swap.question, index.languages)));
    return {
      context: { ...found, terms: new Map([...found.terms].filter(([t]) => !out.has(t))), passages: new Map() },
      resolution: 'follow-up',
      question: swap.question,
    };
  }
  const context = SWAP.test(question) ? swapped(found, history, index) : found;
  // "What did he promise Petro?" after "Who did Rubio speak with?": Rubio is who promised, not the name it gives.
  if (o.pronounName && SPEAKER_PRONOUN.test(question)) question = namingThePerson(question, history);
  if (o.identityAlone && IDENTITY_QUESTION.test(question)) return { context: { terms: new Map(), focus: context.focus }, resolution: 'follow-up', question };

  if (own.length < (looksAnaphoric(question) ? o.minOwnTermsAnaphoric : o.minOwnTerms))
    // With no word of its own the briefs hold ("Where did she speak?"), the person "she" stands for is what it goes on.
    return {
      context,
      resolution: 'follow-up',
      question: o.pronounName && own.every((t) => SAYING.has(t)) ? namingThePerson(question, history) : question,
    };

  // Compare how well the question's own words are matched alone and with the history.
  const weight = new Map(own.map((t) => [t, idf(index, t)]));
  const total = own.reduce((s, t) => s + weight.get(t)!, 0);
  const ownCoverage = (hit: Hit | undefined) => (hit ? hit.matched.reduce((s, t) => s + (weight.get(t) ?? 0), 0) / total : 0);
  const alone = retrieve(index, question).hits[0];
  if (!alone || context.focus.has(alone.passage.briefId)) return { context, resolution: 'follow-up', question };
  const withHistory = retrieve(index, question, {}, context).hits[0];
  // New topic: the history would cost the question its own words, or does not change where it leads.
  if (ownCoverage(alone) - ownCoverage(withHistory) >= o.shiftMargin || withHistory?.passage.briefId === alone.passage.briefId) {
    return { resolution: 'new-topic', question };
  }
  return { context, resolution: 'follow-up', question };
}

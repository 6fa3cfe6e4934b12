/**
 * A message that asks two or three things at once ("When is the meeting and what will they discuss?",
 * "Who is the foreign minister? When is the meeting?"): the questions it asks, answered in turn, each later
 * one as a follow-up of the ones before ("…and what did she say?" knows who "she" is), and their answers
 * joined into one reply. Asked as one question, such a message matched no sentence well (the date's
 * sentence lacks the topics and the topics' sentence the date, and it was declined), or one of its questions
 * only. `Engine.ask` decides when to split (questions that stand alone always, others when the message
 * asked whole is declined).
 * @module
 */
import { REFERS_BACK } from './conversation.js';
import type { TimeNote } from './recency.js';
import { AUXILIARIES } from './retrieve.js';
import { analyze, splitSentences } from './text.js';
import type { Answer, Citation } from './types.js';

/** Words as a pattern matching them in lower case or capitalised ("is", "Is"): the names after them need case (no `i` flag). */
const anyOf = (words: string) =>
  `(?:${words
    .split(' ')
    .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`)
    .join('|')})`;
const AUX = anyOf(AUXILIARIES);
/** A subject after an auxiliary, as a question inverts them ("is he…", "did the talks…", "will Petro…"). */
const SUBJECT = String.raw`(?:${anyOf('i you he she it we they there this that these those the a an his her their its')}|\p{Lu}[\p{L}.'’-]*)(?![\p{L}'’-])`;
const ADVERBIAL = String.raw`(?:${anyOf('when where why how')}\s+(?:${AUX}|['’]s)\b|${anyOf('how')}\s+(?:many|much|long|often|far|old|come)\b)`;
const INVERTED = String.raw`${AUX}(?:n['’]t)?\s+${SUBJECT}`;
/** The same with a pronoun for subject, as a second question has it ("…, and is he nervous?"; not "…, was a member…"). */
const INVERTED_PRONOUN = String.raw`${AUX}(?:n['’]t)?\s+${anyOf('i you he she it we they there')}(?![\p{L}'’-])`;
/**
 * How an English question opens, told from a clause that only looks like one: "when", "where", "why" and
 * "how" then an auxiliary ("When is…", not "When Fox left…, who replaced him?"); "what" or "which" (or
 * "who", as the message's first clause: "What continued…?", "Who is…?"); an auxiliary then its subject
 * ("is he nervous", not "…brandy and were Huguenots", "…and is also considered…"; a pronoun for subject
 * inside a sentence: "Who, with Jim Nantz, was a member…?" is one question). Inside a sentence "who",
 * "which" and "whose" open a relative clause ("…head coach, who was hired…") unless an inverted auxiliary
 * follows ("and who did she speak to").
 */
const STARTS_QUESTION = new RegExp(String.raw`^\W*(?:${ADVERBIAL}|${anyOf('what which who whom whose')}\b|${INVERTED})`, 'u');
/** Where a second question starts inside a sentence: ", and what…", " and when did…", ", is he…". */
const JOINT = new RegExp(String.raw`(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?=${ADVERBIAL}|what\b|(?:which|who|whom|whose)\s+${INVERTED}|${INVERTED_PRONOUN})`, 'gu');
const JOINT_AHEAD = new RegExp(JOINT.source, 'u');
/** At most this many questions are read out of one message; the rest stays with the last. */
const MAX_QUESTIONS = 3;

/**
 * The questions a message asks, in order; the message itself when it asks one. Each question must have
 * a word of its own to look up ("…, and when?" adds nothing: the message stays whole). Questions are its
 * sentences ending in a question mark (a statement before or after stays with the question next to it:
 * "Petro and Trump are meeting. What's on the agenda?", "Who's Tommy Pigott? Never heard of him." ask one) and, in English, the clauses a question word or
 * auxiliary opens after ", and", " and" or a comma, when the clause before is a question too ("According
 * to Pigott, what did Rubio confirm?" is one). "Or" joins the alternatives of one question, not two.
 */
export function askedQuestions(message: string, langOf: () => string): string[] {
  // Most messages ask one thing: no question mark but at the end, no clause a question word opens.
  if (!/[?？؟]/u.test(message.replace(/[?？؟]\W*$/u, '')) && !JOINT_AHEAD.test(message)) return [message];
  const lang = langOf();
  const hasWords = (q: string) => analyze(q, lang).length > 0;
  // Sentences: a question mark closes a question; what comes before the first question joins it.
  const parts: string[] = [];
  let pending = '';
  for (const [s, e] of splitSentences(message, lang)) {
    const sentence = message.slice(s, e);
    pending = pending ? `${pending} ${sentence}` : sentence;
    if (/[?？؟]\W*$/u.test(sentence) && hasWords(sentence)) {
      parts.push(pending);
      pending = '';
    }
  }
  // A remark after the last question stays with it ("Who's Tommy Pigott? Never heard of him.").
  if (pending) {
    if (parts.length) parts[parts.length - 1] += ` ${pending}`;
    else parts.push(pending);
  }
  const questions = lang === 'en' ? parts.flatMap(clauses) : parts;
  if (questions.length < 2) return [message];
  return questions.length <= MAX_QUESTIONS ? questions : [...questions.slice(0, MAX_QUESTIONS - 1), questions.slice(MAX_QUESTIONS - 1).join(' ')];

  function clauses(sentence: string): string[] {
    const out: string[] = [];
    let from = 0;
    for (const m of sentence.matchAll(JOINT)) {
      const before = sentence.slice(from, m.index);
      const after = sentence.slice(m.index + m[0].length);
      if (!STARTS_QUESTION.test(before) || !hasWords(before) || !hasWords(after)) continue;
      out.push(`${before.trim()}?`);
      from = m.index + m[0].length;
    }
    out.push(sentence.slice(from).trim());
    return out;
  }
}

/** A yes-no question that offers two alternatives, the second closing it: left part (1), the second alternative (2). */
const EITHER_OR = new RegExp(
  String.raw`^(${AUX}\b.*?\S)\s*,?\s+or\s+(?:(?:is|was|are|were)\s+(?:it|he|she|they)\s+)?(?:just|maybe|perhaps|rather|only|simply)?\s*([^,;?]+?)\s*[?.!]*\s*$`,
  'u',
);
/** Words that open a phrase the second alternative may stand in for ("…at Mar-a-Lago or at the White House?"). */
const PHRASE_OPENERS = new Set(['at', 'in', 'on', 'by', 'with', 'to', 'from', 'for', 'during', 'after', 'before', 'via', 'over', 'through']);
/** An alternative of several words that names a thing ("the foreign minister", "Foreign Minister Villavicencio"). */
const ALT_NOUN_PHRASE = /^(?:the|a|an|his|her|their|its|this|that|\p{Lu})/u;
/** "Was it X who / that …": the cleft's focus (2), between its opening (1) and the rest (3). */
const CLEFT = /^(\W*(?:is|was|are|were)\s+it\s+)(.+?)(\s+(?:who|whom|that|which)\s+.*)$/iu;

/**
 * The two readings of an English yes-no question that offers alternatives ("Is the meeting at Mar-a-Lago or at
 * the White House?" → "Is the meeting at Mar-a-Lago?", "Is the meeting at the White House?"; "Was it the vice
 * president who spoke with Rubio, or the foreign minister?" → "…the foreign minister who spoke with Rubio?"); the
 * second alternative takes the place of the phrase it parallels (one opening with the same preposition, a
 * cleft's focus, else as many words at the end). `Engine.ask` answers by the reading the briefs answer when the
 * question asked whole was declined (the briefs hold one alternative and not the other). Null: no alternatives,
 * or one of more than three words with nothing to parallel.
 */
export function eitherReadings(question: string): [string, string] | null {
  const m = EITHER_OR.exec(question.trim());
  if (!m) return null;
  const left = m[1]!;
  const alt = m[2]!.trim();
  const words = alt.split(/\s+/);
  if (!analyze(alt).length) return null;
  let second: string;
  const cleft = CLEFT.exec(left);
  const opener = words[0]!.toLowerCase();
  const at = PHRASE_OPENERS.has(opener) ? left.toLowerCase().lastIndexOf(` ${opener} `) : -1;
  if (new RegExp(`^${AUX}\\b`, 'u').test(alt)) second = alt;
  else if (cleft) second = `${cleft[1]}${alt}${cleft[3]}`;
  else if (at > 0) second = `${left.slice(0, at)} ${alt}`;
  // A verb phrase ("…revoke his visa or impose sanctions?") parallels no words counted from the end.
  else if (words.length <= 3 && (words.length === 1 || ALT_NOUN_PHRASE.test(alt))) second = left.split(/\s+/).slice(0, -words.length).concat(alt).join(' ');
  else return null;
  return [`${left}?`, `${second}?`];
}

/**
 * "Where are they meeting, in Bogotá or in Washington?": a question for something, then a choice it offers (group 1:
 * the question; not examples: "What sanctions…, like frozen assets or travel bans?" asks for those).
 */
const WH_CHOICE =
  /^(\W*(?:what|where|when|who|whom|which|why|how)\b[^,;?]*?\S)\s*,\s+(?!(?:like|such as|say|e\.g\.|for example|for instance|including)\s)[^,;?]*\bor\b[^,;?]*\?\s*$/iu;

/**
 * The question a choice is offered for, without the choice ("Where are they meeting, in Bogotá or in Washington?" →
 * "Where are they meeting?"): `Engine.ask` answers it when the question asked whole was declined (the briefs name
 * neither, or one the reader guessed wrong). Null: no such choice.
 */
export function choiceStem(question: string): string | null {
  const m = WH_CHOICE.exec(question.trim());
  return m ? `${m[1]}?` : null;
}

/** Does a later question of a message lean on an earlier one (a word pointing back: "What did she say?", "Where was it posted?")? */
export function leansOnEarlier(question: string): boolean {
  return REFERS_BACK.test(question);
}

/**
 * One reply from the answers to a message's questions, in order: each answer's sentences not already
 * said, their markers renumbered over the joined citations (a passage two answers quote keeps one
 * marker), the quoted passages first, then the further reading of each, up to `limit` in all (never
 * fewer than the quoted ones). Questions not answered drop out; when none is answered, the first
 * answer's reply (its related briefs) stands.
 */
export function joinAnswers(answers: readonly Answer[], limit: number): Answer {
  const answered = answers.filter((a) => a.answered);
  if (answered.length === 0) return answers[0]!;
  if (answered.length === 1) return answered[0]!;
  const quoted: Citation[] = [];
  const sentences: string[] = [];
  const earlier: number[] = [];
  const times: TimeNote[] = [];
  const expired: { marker: number; expires: string }[] = [];
  for (const a of answered) {
    const renumbered = new Map<number, number>();
    const markerOf = (n: number) => {
      const c = a.citations[n - 1]!;
      let at = quoted.findIndex((q) => q.passageId === c.passageId);
      if (at < 0) at = quoted.push(c) - 1;
      return at + 1;
    };
    for (const m of a.answer.matchAll(/(.*?)\s*\[(\d+)\]\s*/gs)) {
      const text = m[1]!.trim();
      const old = Number(m[2]);
      if (sentences.some((s) => s.startsWith(`${text} [`))) continue;
      if (!renumbered.has(old)) renumbered.set(old, markerOf(old));
      sentences.push(`${text} [${renumbered.get(old)}]`);
    }
    for (const n of a.earlier ?? []) if (renumbered.has(n)) earlier.push(renumbered.get(n)!);
    for (const t of a.times ?? []) if (renumbered.has(t.marker)) times.push({ ...t, marker: renumbered.get(t.marker)! });
    for (const x of a.expired ?? []) if (renumbered.has(x.marker)) expired.push({ ...x, marker: renumbered.get(x.marker)! });
  }
  const further = answered
    .flatMap((a) => a.citations)
    .filter((c, i, all) => !quoted.some((q) => q.passageId === c.passageId) && all.findIndex((d) => d.passageId === c.passageId) === i);
  const { followUp, asOf, lang } = answered[0]!;
  return {
    answered: true,
    answer: sentences.join(' '),
    citations: [...quoted, ...further].slice(0, Math.max(limit, quoted.length)),
    ...(lang !== undefined ? { lang } : {}),
    ...(followUp !== undefined ? { followUp } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
    ...(earlier.length ? { earlier: [...new Set(earlier)] } : {}),
    ...(times.length ? { times } : {}),
    ...(expired.length ? { expired } : {}),
  };
}

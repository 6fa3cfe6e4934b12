/**
 * One chat turn: a message plus the conversation so far → a reply and the
 * conversation to remember. Questions go to {@link Engine.ask} with the
 * history (follow-ups); the other intents (see `intents.ts`) are answered
 * here without pretending to search. Pure: storing the history is the
 * caller's business (a Durable Object for the channels and the API, the
 * request's `messages` for the OpenAI endpoint, a map for the batch CLI).
 *
 * Every surface (JSON API, widget, OpenAI API, the six messaging channels)
 * shows this one {@link ChatReply}: its text is written here, once, as plain
 * text with `[n]` markers, and each surface only renders it in its markup
 * (`adapters/chat/format.ts`, `widget/render.ts`).
 * @module
 */
import { citation, snippet } from './answer.js';
import { MAX_TURNS, nextPassageId, turnOf } from './conversation.js';
import type { Engine } from './engine.js';
import { matchIntent, type Intent } from './intents.js';
import { questionLanguage, type Lang } from './lang/detect.js';
import { replyStrings, type ReplyStrings } from './lang/strings.js';
import { effectiveDate, formatDay, latestTopic } from './recency.js';
import { analyze } from './text.js';
import type { Answer, Citation, Passage, Turn } from './types.js';

/**
 * What kind of reply this is, for clients that render them differently:
 * an answer, none, a chat intent, or a `notice` from the service itself
 * (e.g. "please slow down").
 */
type ReplyKind = 'answer' | 'no_answer' | Exclude<Intent, 'question'> | 'notice';

/**
 * A chat reply: the answer shape (`answered`, `answer`, `citations`,
 * `related`) plus its `kind`. `answered` is true only when the text quotes
 * the briefs (an answer, "tell me more", "latest", "source?"). The text's
 * `[n]` markers point at `citations[n-1]`; a `source` reply has no markers and
 * lists all its citations.
 */
export interface ChatReply extends Answer {
  kind: ReplyKind;
}

export interface ChatResult {
  reply: ChatReply;
  /** The conversation to remember after this turn (oldest first, at most {@link MAX_TURNS}). */
  history: Turn[];
}

export interface ChatOptions {
  /** Citations per answer (1–10, default 3). */
  limit?: number;
  /** Answer settings over the defaults (the tuning harness's variants). */
  tuning?: Parameters<Engine['ask']>[2];
  /** The time of the message (ms since the epoch; default now), for briefs' `expires`. */
  now?: number;
}

/** How many briefs "latest news" lists. */
export const LATEST_COUNT = 3;
/** "The latest on X" lists a brief whose best passage about X scores at least this share of the best brief's. */
const LATEST_ON_FLOOR = 0.5;

/** Answer one chat message in the light of the conversation so far. */
export function chat(engine: Engine, text: string, history: Turn[] = [], options: ChatOptions = {}): ChatResult {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 3), 1), 10);
  const { intent, lang: phraseLang } = matchIntent(text);
  // Replies are in the message's language: an intent phrase's, else the question's (detected).
  const lang = phraseLang ?? questionLanguage(text, engine.index.languages);
  const t = replyStrings(lang);
  // A lone "/word" that is no intent is a command we do not have, not a question to search.
  const command = /^\s*\/([A-Za-z0-9_]+)(?:@[A-Za-z0-9_]+)?\s*$/.exec(text)?.[1];
  if (intent === 'question' && command) return { reply: say('help', `${t.unknownCommand(command)} ${helpText(engine, t)}`, lang), history };
  switch (intent) {
    case 'question': {
      const topic = latestTopic(text);
      if (topic) return latestOn(engine, topic, history, limit, options, lang);
      const asked = { limit, history, ...(options.now !== undefined ? { now: options.now } : {}) };
      const answer = options.tuning ? engine.ask(text.trim(), asked, options.tuning) : engine.ask(text.trim(), asked);
      return { reply: { kind: answer.answered ? 'answer' : 'no_answer', ...answer }, history: remember(history, turnOf(text.trim(), answer)) };
    }
    case 'reset':
      return { reply: say('reset', t.reset, lang), history: [] };
    case 'greeting':
      return { reply: say('greeting', `${t.hello} ${capabilities(engine, t)}`, lang), history };
    case 'thanks':
      return { reply: say('thanks', t.thanks, lang), history };
    case 'help':
      return { reply: say('help', helpText(engine, t), lang), history };
    case 'latest':
      return latest(engine, history, lang);
    case 'more':
      return more(engine, history, limit, lang);
    case 'source':
      return sources(engine, history, lang);
  }
}

function say(kind: ReplyKind, answer: string, lang: Lang): ChatReply {
  return { kind, answered: false, answer, citations: [], lang };
}

function remember(history: Turn[], turn: Turn): Turn[] {
  return [...history, turn].slice(-MAX_TURNS);
}

function capabilities(engine: Engine, t: ReplyStrings): string {
  return t.capabilities(engine.list(1)[0]?.title);
}

function helpText(engine: Engine, t: ReplyStrings): string {
  return `${capabilities(engine, t)} ${t.helpMore}`;
}

/** The newest briefs, each by its first sentence, cited (the sources give title, date and link). */
function latest(engine: Engine, history: Turn[], lang: Lang): ChatResult {
  const t = replyStrings(lang);
  const citations: Citation[] = [];
  const lines: string[] = [];
  const leads: string[] = [];
  for (const summary of engine.list(LATEST_COUNT)) {
    const brief = engine.brief(summary.id)!;
    const first = brief.passages[0];
    if (!first) continue;
    const [s, e] = first.sentences[0] ?? [0, first.text.length];
    citations.push(citeOf(engine, first, 0, new Set()));
    leads.push(first.text.slice(s, e));
    lines.push(`${datePrefix(brief.updated ?? brief.date)}${leads.at(-1)} [${citations.length}]`);
  }
  if (citations.length === 0) return { reply: say('latest', t.noBriefs, lang), history };
  const reply: ChatReply = { kind: 'latest', answered: true, answer: `${t.latest}\n${lines.join('\n')}`, citations, lang };
  // Remembered without its words ("what's new" is not a topic), so a follow-up can refer to these briefs, and with the
  // leads it showed, which stand for a question ("When is that happening?" after "What's this story about?").
  const turn: Turn = {
    question: '',
    answered: true,
    answer: leads.join(' ').slice(0, 600),
    briefIds: citations.map((c) => c.briefId),
    passageIds: citations.map((c) => c.passageId),
  };
  return { reply, history: remember(history, turn) };
}

/** "Feb. 1, 2026: " before a line about a brief of that date ("" when undated). */
function datePrefix(date: string | undefined): string {
  return date ? `${formatDay(date)}: ` : '';
}

/**
 * "What's the latest on X?": the newest briefs about X, newest first, each by
 * the passage that answers best about X, dated.
 */
function latestOn(engine: Engine, topic: string, history: Turn[], limit: number, options: ChatOptions, lang: Lang): ChatResult {
  const asked = { limit: 10, ...(options.now !== undefined ? { now: options.now } : {}) };
  const found = options.tuning ? engine.ask(topic, asked, options.tuning) : engine.ask(topic, asked);
  if (!found.answered) return { reply: { kind: 'no_answer', ...found }, history };
  // One citation per brief (its best passage), newest brief first.
  const byBrief = new Map<string, Citation>();
  // A brief that only touches on X (its best passage under half the best brief's) is not news about it,
  // unless it is part of the story of one that is.
  const floor = LATEST_ON_FLOOR * (found.citations[0]?.score ?? 0);
  const storyOf = (c: Citation) => engine.brief(c.briefId)?.story ?? c.briefId;
  const stories = new Set(found.citations.filter((c) => c.score >= floor).map(storyOf));
  // A brief whose title or lead sentence names X ("Colombian President…" for "Colombia") is news about X as a
  // whole: its lead says it.
  const about = topicWords(engine, topic, lang);
  for (const c of found.citations) {
    if (byBrief.has(c.briefId) || !stories.has(storyOf(c))) continue;
    const brief = engine.brief(c.briefId);
    const lead = brief?.passages[0];
    const [s, e] = lead?.sentences[0] ?? [0, 0];
    const leads = lead !== undefined && lead.id !== c.passageId && analyze(`${brief!.title} ${lead.text.slice(s, e)}`, brief!.lang).some((t) => about.has(t));
    byBrief.set(c.briefId, leads ? { ...citeOf(engine, lead, 0, about), score: c.score } : c);
  }
  const dated = (c: Citation) => effectiveDate(engine.brief(c.briefId) ?? {}) ?? '';
  const citations = [...byBrief.values()].sort((a, b) => (dated(a) < dated(b) ? 1 : dated(a) > dated(b) ? -1 : 0)).slice(0, Math.max(limit, LATEST_COUNT));
  const lines = citations.map((c, i) => `${datePrefix(dated(c) || undefined)}${c.snippet} [${i + 1}]`);
  const reply: ChatReply = { kind: 'latest', answered: true, answer: `${replyStrings(lang).latestOn(topic)}\n${lines.join('\n')}`, citations, lang };
  const turn: Turn = { question: topic, answered: true, briefIds: citations.map((c) => c.briefId), passageIds: citations.map((c) => c.passageId) };
  return { reply, history: remember(history, turn) };
}

/** The terms of a topic and, in English, the words derived from them ("Colombia": "colombia", "colombian"). */
function topicWords(engine: Engine, topic: string, lang: Lang): Set<string> {
  const terms = analyze(topic, lang);
  const out = new Set(terms);
  if (lang === 'en') for (const t of terms) for (const d of engine.index.lexicon.related(t).derived) out.add(d);
  return out;
}

/**
 * Further passages for the last question: the ones not shown yet, best first. Right after the latest
 * briefs ("What's new?", "Summarize"), the first brief listed goes on where its lines stopped.
 */
function more(engine: Engine, history: Turn[], limit: number, lang: Lang): ChatResult {
  const t = replyStrings(lang);
  const last = history.at(-1);
  if (last && last.question === '' && last.briefIds.length > 0) return moreOfBrief(engine, history, limit, lang);
  const at = findLast(history, (x) => x.question !== '');
  if (at < 0) return { reply: say('more', t.moreFirst, lang), history };
  const turn = history[at]!;
  const answer = engine.ask(turn.question, { limit: 10, history: history.slice(0, at) });
  const shown = new Set(turn.passageIds);
  const fresh = answer.citations.filter((c) => !shown.has(c.passageId));
  // Reading on: the passage after the one the answer quoted first, when not shown yet ("…Locetta told the U.N.
  // Security Council…" goes on "She criticized…"), then the others best first.
  const next = nextPassage(engine, turn.passageIds[0]);
  if (next && !shown.has(next.id)) {
    const i = fresh.findIndex((c) => c.passageId === next.id);
    fresh.unshift(i >= 0 ? fresh.splice(i, 1)[0]! : citeOf(engine, next, 0, new Set(analyze(turn.question, lang))));
  }
  fresh.splice(limit);
  if (fresh.length === 0) return { reply: say('more', t.moreNone(turn.question), lang), history };
  const reply: ChatReply = {
    kind: 'more',
    answered: true,
    answer: `${t.moreOn(turn.question)}\n` + fresh.map((c, i) => `${datePrefix(c.updated ?? c.date ?? undefined)}${c.snippet} [${i + 1}]`).join('\n'),
    citations: fresh,
    lang,
  };
  const updated = [...history];
  updated[at] = { ...turn, passageIds: [...turn.passageIds, ...fresh.map((c) => c.passageId)] };
  return { reply, history: updated };
}

/** The passage after `id` in its brief, if any. */
function nextPassage(engine: Engine, id: string | undefined): Passage | undefined {
  const next = id === undefined ? undefined : nextPassageId(id);
  return next === undefined ? undefined : engine.passage(next);
}

/** The citations of the last answer, again, with their titles, dates and links. */
function sources(engine: Engine, history: Turn[], lang: Lang): ChatResult {
  const t = replyStrings(lang);
  const at = findLast(history, (x) => x.answered && x.passageIds.length > 0);
  if (at < 0) return { reply: say('source', t.sourcesNone, lang), history };
  const turn = history[at]!;
  const questionLang = questionLanguage(turn.question, engine.index.languages);
  const terms = new Set(analyze(turn.question, questionLang));
  const citations = turn.passageIds
    .map((id) => engine.passage(id))
    .filter((p): p is Passage => p !== undefined)
    .map((p) => citeOf(engine, p, bestSentence(p, terms, engine.brief(p.briefId)?.lang), terms));
  if (citations.length === 0) return { reply: say('source', t.sourcesGone, lang), history };
  // The list is the citations themselves: every surface renders them (titles, dates, links).
  return { reply: { kind: 'source', answered: true, answer: t.sourcesFor(turn.question), citations, lang }, history };
}

/** The sentence of a passage sharing the most terms with the question (the first on ties). */
function bestSentence(p: Passage, terms: Set<string>, lang: string | undefined): number {
  let best = 0;
  let bestCount = -1;
  p.sentences.forEach(([s, e], i) => {
    const count = analyze(p.text.slice(s, e), lang).filter((t) => terms.has(t)).length;
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  });
  return best;
}

/** "Tell me more" after the latest briefs: the next passages of the first brief listed, in its order. */
function moreOfBrief(engine: Engine, history: Turn[], limit: number, lang: Lang): ChatResult {
  const t = replyStrings(lang);
  const turn = history.at(-1)!;
  const brief = engine.brief(turn.briefIds[0]!);
  if (!brief) return { reply: say('more', t.moreFirst, lang), history };
  const shown = new Set(turn.passageIds);
  // After the last passage of it shown: the brief read on, not its passages best first.
  const from = brief.passages.reduce((at, p, i) => (shown.has(p.id) ? i + 1 : at), 0);
  const next = brief.passages.slice(from, from + limit);
  if (next.length === 0) return { reply: say('more', t.moreNone(brief.title), lang), history };
  const citations = next.map((p) => citeOf(engine, p, 0, new Set()));
  const reply: ChatReply = {
    kind: 'more',
    answered: true,
    answer: `${t.moreOn(brief.title)}\n` + citations.map((c, i) => `${c.snippet} [${i + 1}]`).join('\n'),
    citations,
    lang,
  };
  const updated = [...history.slice(0, -1), { ...turn, passageIds: [...turn.passageIds, ...next.map((p) => p.id)] }];
  return { reply, history: updated };
}

function citeOf(engine: Engine, p: Passage, sentence: number, terms: Set<string>): Citation {
  const brief = engine.brief(p.briefId)!;
  return citation(
    brief,
    p.id,
    snippet(p, sentence, (i) => (i === sentence ? 1 : 0), terms, brief.lang),
    0,
  );
}

function findLast<T>(xs: T[], pred: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (pred(xs[i]!)) return i;
  return -1;
}

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
import { MAX_TURNS, turnOf } from './conversation.js';
import type { Engine } from './engine.js';
import { detectIntent, type Intent } from './intents.js';
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

/** Answer one chat message in the light of the conversation so far. */
export function chat(engine: Engine, text: string, history: Turn[] = [], options: ChatOptions = {}): ChatResult {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 3), 1), 10);
  const intent = detectIntent(text);
  // A lone "/word" that is no intent is a command we do not have, not a question to search.
  const command = /^\s*\/([A-Za-z0-9_]+)(?:@[A-Za-z0-9_]+)?\s*$/.exec(text)?.[1];
  if (intent === 'question' && command) return { reply: say('help', `I don't know the command /${command}. ${helpText(engine)}`), history };
  switch (intent) {
    case 'question': {
      const topic = latestTopic(text);
      if (topic) return latestOn(engine, topic, history, limit, options);
      const asked = { limit, history, ...(options.now !== undefined ? { now: options.now } : {}) };
      const answer = options.tuning ? engine.ask(text.trim(), asked, options.tuning) : engine.ask(text.trim(), asked);
      return { reply: { kind: answer.answered ? 'answer' : 'no_answer', ...answer }, history: remember(history, turnOf(text.trim(), answer)) };
    }
    case 'reset':
      return { reply: say('reset', "Okay, let's start over: I've forgotten our conversation. What would you like to know?"), history: [] };
    case 'greeting':
      return { reply: say('greeting', `Hello! ${capabilities(engine)}`), history };
    case 'thanks':
      return { reply: say('thanks', "You're welcome! Ask me anything else about the briefs."), history };
    case 'help':
      return { reply: say('help', helpText(engine)), history };
    case 'latest':
      return latest(engine, history);
    case 'more':
      return more(engine, history, limit);
    case 'source':
      return sources(engine, history);
  }
}

function say(kind: ReplyKind, answer: string): ChatReply {
  return { kind, answered: false, answer, citations: [] };
}

function remember(history: Turn[], turn: Turn): Turn[] {
  return [...history, turn].slice(-MAX_TURNS);
}

function capabilities(engine: Engine): string {
  const newest = engine.list(1)[0];
  return (
    'I answer questions about the news briefs with short quotes and numbered sources.' +
    (newest ? ` For example, ask me about "${newest.title}".` : '') +
    ' Say "latest news" (or /latest) for the newest briefs, and "help" (or /help) to see what else I can do.'
  );
}

function helpText(engine: Engine): string {
  return (
    `${capabilities(engine)} Follow-up questions work too ("What will they talk about?"). ` +
    'You can also say "tell me more" (/more) for further passages on your last question, "source?" (/sources) for the sources of my last answer, ' +
    'and "/new" (or "reset") to start a new conversation.'
  );
}

/** The newest briefs, each by its first sentence, cited (the sources give title, date and link). */
function latest(engine: Engine, history: Turn[]): ChatResult {
  const citations: Citation[] = [];
  const lines: string[] = [];
  for (const summary of engine.list(LATEST_COUNT)) {
    const brief = engine.brief(summary.id)!;
    const first = brief.passages[0];
    if (!first) continue;
    const [s, e] = first.sentences[0] ?? [0, first.text.length];
    citations.push(citeOf(engine, first, 0, new Set()));
    lines.push(`${datePrefix(brief.updated ?? brief.date)}${first.text.slice(s, e)} [${citations.length}]`);
  }
  if (citations.length === 0) return { reply: say('latest', 'There are no briefs yet.'), history };
  const reply: ChatReply = { kind: 'latest', answered: true, answer: `The latest briefs:\n${lines.join('\n')}`, citations };
  // Remembered without its words ("what's new" is not a topic), so a follow-up can refer to these briefs.
  const turn: Turn = { question: '', answered: true, briefIds: citations.map((c) => c.briefId), passageIds: citations.map((c) => c.passageId) };
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
function latestOn(engine: Engine, topic: string, history: Turn[], limit: number, options: ChatOptions): ChatResult {
  const asked = { limit: 10, ...(options.now !== undefined ? { now: options.now } : {}) };
  const found = options.tuning ? engine.ask(topic, asked, options.tuning) : engine.ask(topic, asked);
  if (!found.answered) return { reply: { kind: 'no_answer', ...found }, history };
  // One citation per brief (its best passage), newest brief first.
  const byBrief = new Map<string, Citation>();
  for (const c of found.citations) if (!byBrief.has(c.briefId)) byBrief.set(c.briefId, c);
  const dated = (c: Citation) => effectiveDate(engine.brief(c.briefId) ?? {}) ?? '';
  const citations = [...byBrief.values()].sort((a, b) => (dated(a) < dated(b) ? 1 : dated(a) > dated(b) ? -1 : 0)).slice(0, Math.max(limit, LATEST_COUNT));
  const lines = citations.map((c, i) => `${datePrefix(dated(c) || undefined)}${c.snippet} [${i + 1}]`);
  const reply: ChatReply = { kind: 'latest', answered: true, answer: `The latest on "${topic}":\n${lines.join('\n')}`, citations };
  const turn: Turn = { question: topic, answered: true, briefIds: citations.map((c) => c.briefId), passageIds: citations.map((c) => c.passageId) };
  return { reply, history: remember(history, turn) };
}

/** Further passages for the last question: the ones not shown yet, best first. */
function more(engine: Engine, history: Turn[], limit: number): ChatResult {
  const at = findLast(history, (t) => t.question !== '');
  if (at < 0) return { reply: say('more', 'Ask me a question first; then "tell me more" shows further passages about it.'), history };
  const turn = history[at]!;
  const answer = engine.ask(turn.question, { limit: 10, history: history.slice(0, at) });
  const shown = new Set(turn.passageIds);
  const fresh = answer.citations.filter((c) => !shown.has(c.passageId)).slice(0, limit);
  if (fresh.length === 0) return { reply: say('more', `That's all I have in the briefs about "${turn.question}".`), history };
  const reply: ChatReply = {
    kind: 'more',
    answered: true,
    answer: `More on "${turn.question}":\n` + fresh.map((c, i) => `${datePrefix(c.updated ?? c.date ?? undefined)}${c.snippet} [${i + 1}]`).join('\n'),
    citations: fresh,
  };
  const updated = [...history];
  updated[at] = { ...turn, passageIds: [...turn.passageIds, ...fresh.map((c) => c.passageId)] };
  return { reply, history: updated };
}

/** The citations of the last answer, again, with their titles, dates and links. */
function sources(engine: Engine, history: Turn[]): ChatResult {
  const at = findLast(history, (t) => t.answered && t.passageIds.length > 0);
  if (at < 0) return { reply: say('source', "I haven't quoted any brief in this conversation yet. Ask me a question first."), history };
  const turn = history[at]!;
  const terms = new Set(analyze(turn.question));
  const citations = turn.passageIds
    .map((id) => engine.passage(id))
    .filter((p): p is Passage => p !== undefined)
    .map((p) => citeOf(engine, p, bestSentence(p, terms), terms));
  if (citations.length === 0) return { reply: say('source', 'The briefs I quoted are no longer available.'), history };
  // The list is the citations themselves: every surface renders them (titles, dates, links).
  const what = turn.question ? `my answer to "${turn.question}"` : 'the latest briefs';
  return { reply: { kind: 'source', answered: true, answer: `Sources for ${what}:`, citations }, history };
}

/** The sentence of a passage sharing the most terms with the question (the first on ties). */
function bestSentence(p: Passage, terms: Set<string>): number {
  let best = 0;
  let bestCount = -1;
  p.sentences.forEach(([s, e], i) => {
    const count = analyze(p.text.slice(s, e)).filter((t) => terms.has(t)).length;
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  });
  return best;
}

function citeOf(engine: Engine, p: Passage, sentence: number, terms: Set<string>): Citation {
  const brief = engine.brief(p.briefId)!;
  return citation(
    brief,
    p.id,
    snippet(p, sentence, (i) => (i === sentence ? 1 : 0), terms),
    0,
  );
}

function findLast<T>(xs: T[], pred: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (pred(xs[i]!)) return i;
  return -1;
}

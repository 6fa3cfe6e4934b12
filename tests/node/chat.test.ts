import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBriefFiles } from '../../src/node/briefs-dir.js';
import { parseBriefs } from '../../src/core/brief.js';
import { chat, LATEST_COUNT, type ChatReply } from '../../src/core/chat.js';
import { MAX_TURNS } from '../../src/core/conversation.js';
import type { Engine } from '../../src/core/engine.js';
import { buildEngine } from '../../src/core/indexer.js';
import { readLexicon } from '../../src/node/lexicon.js';
import type { Turn } from '../../src/core/types.js';

let engine: Engine;
const SEED = '000-3f25df5bcd3f84e8';
beforeAll(() => {
  const root = resolve(import.meta.dirname, '../..');
  engine = buildEngine(
    parseBriefs([...readBriefFiles(resolve(root, 'seeds')), ...readBriefFiles(resolve(root, 'tests/fixtures/conversations'))]),
    readLexicon(),
  );
});

/** Send messages in order; returns every reply and the final history. */
function session(messages: string[], start: Turn[] = []): { replies: ChatReply[]; history: Turn[] } {
  let history = start;
  const replies = messages.map((m) => {
    const r = chat(engine, m, history);
    history = r.history;
    return r.reply;
  });
  return { replies, history };
}

describe('chat: questions', () => {
  it('answers a question with kind "answer" and remembers the turn', () => {
    const { replies, history } = session(['When is Petro meeting Trump?']);
    expect(replies[0]!.kind).toBe('answer');
    expect(replies[0]!.answered).toBe(true);
    expect(history).toHaveLength(1);
    expect(history[0]!.question).toBe('When is Petro meeting Trump?');
    expect(history[0]!.briefIds).toEqual([SEED]);
  });

  it('says "no_answer" when the briefs do not hold it', () => {
    const { replies } = session(['What is the capital of Australia?']);
    expect(replies[0]!.kind).toBe('no_answer');
    expect(replies[0]!.answered).toBe(false);
  });

  it('keeps at most MAX_TURNS turns', () => {
    const { history } = session(Array.from({ length: MAX_TURNS + 3 }, (_, i) => `Who is the foreign minister? (${i})`));
    expect(history).toHaveLength(MAX_TURNS);
    expect(history.at(-1)!.question).toContain(`(${MAX_TURNS + 2})`);
  });
});

describe('chat: intents', () => {
  it('greets without searching and keeps the history', () => {
    const before = session(['When is Petro meeting Trump?']).history;
    const r = chat(engine, 'Hello!', before);
    expect(r.reply.kind).toBe('greeting');
    expect(r.reply.citations).toEqual([]);
    expect(r.reply.answer).toMatch(/^Hello!/);
    expect(r.history).toBe(before);
  });

  it('says you are welcome to thanks', () => {
    const r = chat(engine, 'thanks!', []);
    expect(r.reply.kind).toBe('thanks');
    expect(r.reply.answer).toMatch(/welcome/i);
  });

  it('explains itself on "what can you do?", naming the commands', () => {
    const r = chat(engine, 'What can you do?', []);
    expect(r.reply.kind).toBe('help');
    for (const word of ['tell me more', 'source?', '/new', 'latest news']) expect(r.reply.answer).toContain(word);
  });

  it('lists the newest briefs with their first sentence, cited, newest first', () => {
    const r = chat(engine, "what's new?", []);
    expect(r.reply.kind).toBe('latest');
    expect(r.reply.answered).toBe(true);
    const ids = engine.list(LATEST_COUNT).map((b) => b.id);
    expect(r.reply.citations.map((c) => c.briefId)).toEqual(ids);
    expect(ids[0]).toBe('harbour-cup-final'); // 2026-02-01, the newest
    expect(r.reply.answer).toContain('Harbour Town beat Millbrook 3-1 on Saturday to win the regional cup final for the first time since 1998. [1]');
    expect(r.reply.citations.every((c) => c.passageId.endsWith('#p1'))).toBe(true);
  });

  it('lets a follow-up refer to the latest briefs', () => {
    const { replies } = session(['latest news', 'Who scored twice?']);
    expect(replies[1]!.citations[0]!.briefId).toBe('harbour-cup-final');
    expect(replies[1]!.answer).toContain('Ana Costa');
  });

  it('lets a follow-up with no words of its own lean on the leads the latest briefs showed', () => {
    const seedOnly = buildEngine(parseBriefs(readBriefFiles(resolve(import.meta.dirname, '../../seeds'))), readLexicon());
    const ask = (leadsAsQuestion: boolean) => {
      const tuning = { followUp: { leadsAsQuestion } };
      const list = chat(seedOnly, "What's this story about?", [], { tuning });
      return [list.reply, chat(seedOnly, 'When is that happening?', list.history, { tuning }).reply] as const;
    };
    const [list, when] = ask(true);
    expect(list.kind).toBe('latest');
    expect(when.answer).toMatch(/scheduled for Feb\. 3/);
    // Without the leads, the question has nothing to go on.
    expect(ask(false)[1].answered).toBe(false);
    // With several briefs listed, the first one's lead: "…win the regional cup final…" on Saturday.
    expect(session(['latest news', 'When was that?']).replies[1]!.answer).toMatch(/Harbour Town beat Millbrook 3-1 on Saturday/);
  });

  it('"tell me more" shows further passages for the last question, never repeating one, until there are none', () => {
    const { replies, history } = session(['When is Petro meeting Trump?', 'tell me more', 'more', 'more', 'more', 'more']);
    const first = replies[0]!;
    const seen = new Set(first.citations.map((c) => c.passageId));
    const more = replies.slice(1);
    expect(more[0]!.kind).toBe('more');
    expect(more[0]!.answered).toBe(true);
    expect(more[0]!.answer).toContain('More on "When is Petro meeting Trump?"');
    for (const r of more.filter((x) => x.answered)) {
      for (const c of r.citations) {
        expect(seen.has(c.passageId), c.passageId).toBe(false);
        seen.add(c.passageId);
      }
    }
    const last = more.at(-1)!;
    expect(last.answered).toBe(false);
    expect(last.answer).toMatch(/That's all I have/);
    expect(history).toHaveLength(1);
    expect(history[0]!.passageIds).toEqual([...seen]);
  });

  it('"tell me more" reads on from the passage the answer quoted first, then the others best first', () => {
    const { replies } = session(['What did the US tell the UN about Colombia?', 'tell me more']);
    expect(replies[0]!.answer).toMatch(/^U\.S\. deputy ambassador Jennifer Locetta told/);
    expect(replies[1]!.citations[0]!.snippet).toMatch(/^She criticized Petro's approach/);
  });

  it('"tell me more" right after the latest briefs reads on in the first brief listed, in its order, to its end', () => {
    let { replies, history } = session(['latest news', 'tell me more']);
    const brief = engine.brief(replies[0]!.citations[0]!.briefId)!;
    expect(replies[1]!.kind).toBe('more');
    expect(replies[1]!.answer).toContain(`More on "${brief.title}"`);
    const shown = replies[1]!.citations.map((c) => c.passageId);
    for (let i = 0; i < 20 && replies.at(-1)!.answered; i++) {
      ({ replies, history } = session(['more'], history));
      shown.push(...replies[0]!.citations.map((c) => c.passageId));
    }
    expect(shown).toEqual(brief.passages.slice(1).map((p) => p.id));
    expect(replies.at(-1)!.answer).toMatch(/That's all I have/);
  });

  it('"tell me more" before any question asks for one', () => {
    const r = chat(engine, 'tell me more', []);
    expect(r.reply.kind).toBe('more');
    expect(r.reply.answered).toBe(false);
  });

  it('"source?" gives the citations of the last answer with titles and dates', () => {
    const { replies } = session(['When is Petro meeting Trump?', 'Who is the foreign minister?', 'source?']);
    const answer = replies[1]!;
    const src = replies[2]!;
    expect(src.kind).toBe('source');
    expect(src.citations.map((c) => c.passageId)).toEqual(answer.citations.map((c) => c.passageId));
    expect(src.answer).toContain('Sources for my answer to "Who is the foreign minister?"');
    // The list is the citations (every surface renders their titles, dates and links), not repeated in the text.
    expect(src.answer).not.toContain(answer.citations[0]!.title);
    expect(src.citations[0]!.title).toBe(answer.citations[0]!.title);
    // The snippet centres on the question's words.
    expect(src.citations[0]!.snippet).toContain('Foreign Minister');
  });

  it('"source?" with nothing quoted yet says so', () => {
    const r = chat(engine, 'sources', []);
    expect(r.reply.kind).toBe('source');
    expect(r.reply.answered).toBe(false);
    expect(r.reply.citations).toEqual([]);
  });

  it('"/new" forgets the conversation, so a follow-up is read alone again', () => {
    const { replies, history } = session(['When is Petro meeting Trump?', '/new', 'What will they talk about?']);
    expect(replies[1]!.kind).toBe('reset');
    expect(history).toHaveLength(1);
    expect(replies[2]!.followUp).toBe('no-history');
    expect(replies[2]!.citations[0]!.briefId).toBe('japan-china-talks');
  });
});

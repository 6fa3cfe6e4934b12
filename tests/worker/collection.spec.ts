/// <reference types="vite/client" />
/**
 * The Worker over a collection, not one brief: the six SQuAD articles of the
 * evaluation sample plus the seed brief, through the real app in workerd
 * (API, conversations, the OpenAI API, a channel, the reading pages). Most other
 * Worker tests run over the bundled one-brief seed index, where "the right
 * brief" cannot be wrong.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { parseBriefs } from '../../src/core/brief.js';
import { buildEngine } from '../../src/core/indexer.js';
import type { Env } from '../../src/env.js';
import { bundledLexicon } from '../../src/worker.js';
import seed from '../../seeds/000_3f25df5bcd3f84e8.txt?raw';
import questionsText from '../fixtures/eval-sample/questions.jsonl?raw';

const files = import.meta.glob('../fixtures/eval-sample/briefs/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const briefFiles = [
  ...Object.entries(files).map(([path, text]) => ({ path: path.split('/').pop()!, bytes: new TextEncoder().encode(text) })),
  { path: '000_3f25df5bcd3f84e8.txt', bytes: new TextEncoder().encode(seed) },
];
const engine = buildEngine(parseBriefs(briefFiles), bundledLexicon());
const app = createApp(() => engine);
const questions = questionsText
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; question: string; briefId: string; answers: string[] });

interface Reply {
  kind: string;
  answered: boolean;
  answer: string;
  citations: { briefId: string; passageId: string }[];
  followUp?: string;
  conversationId?: string;
}

async function call(path: string, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`https://briefbot.test${path}`, init), env as unknown as Env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const ask = async (q: string, conversationId?: string): Promise<Reply> => {
  const res = await call(`/api/ask?q=${encodeURIComponent(q)}${conversationId ? `&conversationId=${conversationId}` : ''}`);
  expect(res.status).toBe(200);
  return res.json<Reply>();
};

describe('the Worker over a seven-brief collection', () => {
  it('lists every brief and serves each one', async () => {
    const list = await (await call('/api/briefs')).json<{ total: number; briefs: { id: string }[] }>();
    expect(list.total).toBe(7);
    for (const { id } of list.briefs) expect((await call(`/api/briefs/${id}`)).status).toBe(200);
  });

  it('cites the right brief first for most sample questions, as the core does', async () => {
    let right = 0;
    const sample = questions.filter((_, i) => i % 4 === 0);
    for (const q of sample) {
      const reply = await ask(q.question);
      expect(reply.citations.map((c) => c.briefId)).toEqual(engine.ask(q.question).citations.map((c) => c.briefId));
      if (reply.citations[0]?.briefId === q.briefId) right++;
    }
    expect(right / sample.length).toBeGreaterThan(0.85);
  });

  it('follows a conversation across briefs: a follow-up stays, a new topic moves', async () => {
    const first = await ask('What year did the oil embargo begin?');
    expect(first.citations[0]!.briefId).toBe('squad1-1973-oil-crisis');
    const id = first.conversationId!;
    const followUp = await ask('Who proclaimed it?', id);
    expect(followUp.followUp).toBe('follow-up');
    expect(followUp.citations[0]!.briefId).toBe('squad1-1973-oil-crisis');
    const shift = await ask('When is Petro meeting Trump?', id);
    expect(shift.citations[0]!.briefId).toBe('000-3f25df5bcd3f84e8');
    expect(shift.answer).toContain('Feb. 3');
  });

  it('answers a brief that is not the seed on the OpenAI API', async () => {
    const res = await call('/v1/chat/completions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer test-briefbot-key' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'What is the largest stadium in Australia?' }] }),
    });
    expect(res.status).toBe(200);
    const body = await res.json<{ choices: { message: { content: string } }[]; briefbot: { citations: { briefId: string }[] } }>();
    expect(body.briefbot.citations[0]!.briefId).toBe('squad1-victoria-australia');
    expect(body.choices[0]!.message.content).toContain('Melbourne Cricket Ground');
  });

  it('says so for a question none of the briefs answers, with related briefs', async () => {
    const reply = await ask('Who won the 1966 World Cup final?');
    expect(reply.answered).toBe(false);
    expect(reply.kind).toBe('no_answer');
  });
});

import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { respond } from '../../../src/adapters/chat/index.js';
import { bundledEngine } from '../../../src/worker.js';
import { TELEGRAM } from '../../fixtures/channels/vectors.js';
import { call } from './helpers.js';

// Conversation memory behind every channel, through a real (signed) Telegram webhook,
// whose reply comes back in the webhook response.
let updateId = 930_000;
async function telegram(chatId: number, text: string): Promise<string> {
  const body = {
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: 1441645532,
      text,
      from: { id: chatId, is_bot: false, first_name: 'T' },
      chat: { id: chatId, type: 'private', first_name: 'T' },
    },
  };
  const res = await call(
    new Request('https://briefbot.test/webhooks/telegram', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': TELEGRAM.secretToken },
      body: JSON.stringify(body),
    }),
  );
  expect(res.status).toBe(200);
  return (await res.json<{ text: string }>()).text;
}

/** The turns a chat's Durable Object holds. */
async function storedQuestions(key: string): Promise<string[] | undefined> {
  const stub = env.CHAT_STATE!.get(env.CHAT_STATE!.idFromName(key));
  const conversation = await runInDurableObject(stub, (_i, state) => state.storage.get<{ turns: { question: string }[] }>('conversation'));
  return conversation?.turns.map((t) => t.question);
}

describe('conversation memory on the channels', () => {
  it('holds a Telegram conversation: follow-up, source?, /new', async () => {
    const chat = 4_200_001;
    expect(await telegram(chat, 'When is Petro meeting Trump?')).toContain('Feb. 3');
    expect(await telegram(chat, 'Who is the foreign minister?')).toContain('Rosa Villavicencio');
    expect(await storedQuestions(`telegram:${chat}`)).toEqual(['When is Petro meeting Trump?', 'Who is the foreign minister?']);
    const sources = await telegram(chat, 'source?');
    expect(sources).toContain('Sources for my answer to &quot;Who is the foreign minister?&quot;'); // Telegram HTML
    expect(sources).toContain('1. ');
    expect(await telegram(chat, '/new')).toContain('start over');
    expect(await storedQuestions(`telegram:${chat}`)).toBeUndefined();
    expect(await telegram(chat, 'source?')).toContain("haven't quoted any brief");
  });

  it('keeps chats apart', async () => {
    await telegram(4_200_002, 'Who is the foreign minister?');
    expect(await telegram(4_200_003, 'source?')).toContain("haven't quoted any brief");
  });

  it('maps every reply kind to the channel shape', async () => {
    const engine = bundledEngine();
    const key = `test:${crypto.randomUUID()}`;
    const kinds = [];
    for (const text of ['hi', 'When is Petro meeting Trump?', 'tell me more', 'sources', 'thanks', 'latest', 'What is the capital of Mongolia?', '/new']) {
      kinds.push((await respond(engine, env, 'telegram', key, text))!.kind);
    }
    expect(kinds).toEqual(['greeting', 'answer', 'more', 'source', 'thanks', 'latest', 'no_answer', 'reset']);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseTelegramUpdate, verifyTelegramSecret } from '../../../src/adapters/telegram/index.js';
import { TELEGRAM } from '../../fixtures/channels/vectors.js';
import { call, spyOnAnswerer, testEnv } from './helpers.js';

const URL_ = 'https://briefbot.test/webhooks/telegram';
const BOT = { id: 7000000001, username: 'briefbot_test_bot' };

/** The sample update from Telegram's webhook guide, with the given text and ids. */
function update(
  text: string,
  updateId: number,
  chat: Record<string, unknown> = { id: 1111111, type: 'private', first_name: 'Test' },
  extra: Record<string, unknown> = {},
) {
  return {
    update_id: updateId,
    message: {
      message_id: 1365,
      date: 1441645532,
      text,
      from: { id: 1111111, is_bot: false, first_name: 'Test', last_name: 'Test Lastname', username: 'Test' },
      chat,
      ...extra,
    },
  };
}

function post(body: unknown, secret: string | null = TELEGRAM.secretToken) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (secret !== null) headers['X-Telegram-Bot-Api-Secret-Token'] = secret;
  return new Request(URL_, { method: 'POST', headers, body: JSON.stringify(body) });
}

afterEach(() => vi.restoreAllMocks());

describe('Telegram secret token (reference §8.1)', () => {
  it('accepts the configured token and rejects a different or missing one', async () => {
    expect(await verifyTelegramSecret(TELEGRAM.secretToken, TELEGRAM.secretToken)).toBe(true);
    expect(await verifyTelegramSecret(TELEGRAM.wrongToken, TELEGRAM.secretToken)).toBe(false);
    expect(await verifyTelegramSecret('my-Secret_Token-12', TELEGRAM.secretToken)).toBe(false);
    expect(await verifyTelegramSecret(undefined, TELEGRAM.secretToken)).toBe(false);
    expect(await verifyTelegramSecret('', '')).toBe(false);
  });

  it.each([
    ['wrong', TELEGRAM.wrongToken],
    ['missing', null],
    ['empty', ''],
  ])('answers 401 to a %s secret header without asking the engine', async (_, secret) => {
    const ask = spyOnAnswerer();
    const res = await call(post(update('When is Petro meeting Trump?', 20001), secret));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    expect(ask).not.toHaveBeenCalled();
  });
});

describe('POST /webhooks/telegram', () => {
  it('answers a question inline with sendMessage in HTML, citing the brief', async () => {
    const res = await call(post(update('When is Petro meeting Trump?', 20010)));
    expect(res.status).toBe(200);
    const body = await res.json<Record<string, any>>();
    expect(body).toMatchObject({ method: 'sendMessage', chat_id: 1111111, parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    expect(body.text).toContain('Feb. 3');
    expect(body.text).toMatch(/Feb\. 3\. \[1\]/);
    expect(body.text).toContain('<b>Sources</b>\n[1] Colombian President optimistic about high-stakes White House meeting with Trump');
    expect(body.text.length).toBeLessThanOrEqual(4096);
    expect(body).not.toHaveProperty('reply_parameters'); // private chat: no need to quote
  });

  it('answers a retried update only once', async () => {
    const first = await call(post(update('When is Petro meeting Trump?', 20020)));
    expect((await first.json<{ text: string }>()).text).toContain('Feb. 3');
    const ask = spyOnAnswerer();
    const retry = await call(post(update('When is Petro meeting Trump?', 20020)));
    expect(retry.status).toBe(200);
    expect(await retry.text()).toBe('');
    expect(ask).not.toHaveBeenCalled();
  });

  it('understands /start, /help and /latest', async () => {
    const start = await (await call(post(update('/start', 20030)))).json<{ text: string }>();
    expect(start.text).toContain('I answer questions about the news briefs');
    expect(start.text).toContain('/latest');
    const latest = await (await call(post(update('/latest', 20031)))).json<{ text: string }>();
    expect(latest.text).toContain('The latest briefs:\nJan. 30, 2026: Colombian President Gustavo Petro said');
    expect(latest.text).toContain('<b>Sources</b>\n[1] Colombian President optimistic');
  });

  it('says so when the briefs do not hold the answer', async () => {
    const res = await call(post(update('What is the capital of Mongolia?', 20050)));
    const { text } = await res.json<{ text: string }>();
    expect(text).toContain("couldn't find that in the briefs");
  });

  it('in groups answers only when addressed, quoting the question', async () => {
    const group = { id: -1001234567890, type: 'supergroup', title: 'Newsroom' };
    const ignored = await call(post(update('When is Petro meeting Trump?', 20060, group)));
    expect(ignored.status).toBe(200);
    expect(await ignored.text()).toBe('');

    const text = '@briefbot_test_bot When is Petro meeting Trump?';
    const mentioned = await call(post(update(text, 20061, group, { entities: [{ type: 'mention', offset: 0, length: 18 }] })));
    const body = await mentioned.json<Record<string, any>>();
    expect(body.chat_id).toBe(-1001234567890);
    expect(body.text).toContain('Feb. 3');
    expect(body.reply_parameters).toEqual({ message_id: 1365, allow_sending_without_reply: true });

    const otherBot = await call(post(update('/latest@other_bot', 20062, group, { entities: [{ type: 'bot_command', offset: 0, length: 17 }] })));
    expect(await otherBot.text()).toBe('');
  });

  it('rejects a body that is not an Update with 400', async () => {
    const res = await call(new Request(URL_, { method: 'POST', headers: { 'X-Telegram-Bot-Api-Secret-Token': TELEGRAM.secretToken }, body: 'not json' }));
    expect(res.status).toBe(400);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('bad_request');
  });
});

describe('feedback buttons (inline keyboard, callback_query)', () => {
  const press = (data: string, updateId: number) => ({
    update_id: updateId,
    callback_query: {
      id: `4382bfdwdsb323b2d9${updateId}`,
      from: { id: 1111111, is_bot: false, first_name: 'Test' },
      message: { message_id: 1366, date: 1441645533, chat: { id: 1111111, type: 'private' }, text: '…' },
      chat_instance: '-1234567890',
      data,
    },
  });
  const rating = async (id: string) =>
    (await testEnv.INSIGHTS!.prepare('SELECT rating FROM feedback WHERE answer_id = ?').bind(id).first<{ rating: string }>())?.rating;

  it('puts 👍/👎 under an answer; a press stores the vote (a second one changes it) and is acknowledged', async () => {
    const body = await (await call(post(update('When is Petro meeting Trump?', 20100)))).json<Record<string, any>>();
    const [up, down] = body.reply_markup.inline_keyboard[0];
    expect(up.text).toContain('👍');
    expect(down.text).toContain('👎');
    const id = /^fb:u:([A-Za-z0-9_-]{22})$/.exec(up.callback_data)![1]!;
    expect(down.callback_data).toBe(`fb:d:${id}`);
    expect(new TextEncoder().encode(up.callback_data).length).toBeLessThanOrEqual(64);

    const ack = await call(post(press(down.callback_data, 20101)));
    expect(await ack.json()).toEqual({ method: 'answerCallbackQuery', callback_query_id: '4382bfdwdsb323b2d920101', text: 'Thanks for your feedback!' });
    expect(await rating(id)).toBe('down');
    await call(post(press(up.callback_data, 20102)));
    expect(await rating(id)).toBe('up');
  });

  it('puts no buttons under help, and says so for a press on an unknown answerId', async () => {
    const help = await (await call(post(update('/help', 20110)))).json<Record<string, any>>();
    expect(help).not.toHaveProperty('reply_markup');
    const ack = await call(post(press('fb:d:AAAAAAAAAAAAAAAAAAAAAA', 20111)));
    expect(await ack.json()).toMatchObject({ method: 'answerCallbackQuery', text: 'This answer can no longer be rated.' });
  });

  it('refuses a press without the secret token', async () => {
    const res = await call(post(press('fb:d:AAAAAAAAAAAAAAAAAAAAAA', 20120), null));
    expect(res.status).toBe(401);
  });
});

describe('parseTelegramUpdate', () => {
  const group = { id: -42, type: 'group', title: 'G' };
  it('strips the bot mention, /cmd@bot suffix, and accepts replies to the bot', () => {
    expect(parseTelegramUpdate(update('/latest@briefbot_test_bot', 1, group, { entities: [{ type: 'bot_command', offset: 0, length: 25 }] }), BOT)?.text).toBe(
      '/latest',
    );
    expect(
      parseTelegramUpdate(update('Hey @briefbot_test_bot, who is Rubio?', 2, group, { entities: [{ type: 'mention', offset: 4, length: 18 }] }), BOT)?.text,
    ).toBe('Hey , who is Rubio?');
    expect(parseTelegramUpdate(update('and Rubio?', 3, group, { reply_to_message: { message_id: 9, from: { id: BOT.id, is_bot: true } } }), BOT)?.text).toBe(
      'and Rubio?',
    );
    expect(
      parseTelegramUpdate(update('Bot, who?', 4, group, { entities: [{ type: 'text_mention', offset: 0, length: 3, user: { id: BOT.id } }] }), BOT)?.text,
    ).toBe('who?');
  });
  it('ignores bots, channel posts, non-text and edits', () => {
    expect(parseTelegramUpdate({ update_id: 1, message: { ...update('x', 1).message, from: { id: 5, is_bot: true } } }, BOT)).toBeNull();
    expect(parseTelegramUpdate({ update_id: 1, channel_post: update('x', 1).message }, BOT)).toBeNull();
    expect(parseTelegramUpdate({ update_id: 1, edited_message: update('x', 1).message }, BOT)).toBeNull();
    expect(parseTelegramUpdate({ update_id: 1, message: { ...update('x', 1).message, text: undefined, photo: [] } }, BOT)).toBeNull();
  });
});

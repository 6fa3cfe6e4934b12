/**
 * Telegram Bot API webhook: `POST /webhooks/telegram`.
 *
 * verify (`X-Telegram-Bot-Api-Secret-Token`) → parse the Update → respond →
 * reply inside the webhook response (`{"method":"sendMessage",…}`), so no
 * outbound call is needed. Retries are recognised by `update_id`.
 * In groups the bot answers only commands, @mentions and replies to itself.
 * @module
 */
import { Hono } from 'hono';
import type { AppEnv, Env } from '../../env.js';
import { formatReply, LENGTH_LIMITS, parseJson, rawBody, requireChannel, respond, unauthorized, obj } from '../chat/index.js';
import { ApiError } from '../errors.js';
import { feedbackData, parseFeedbackData, recordFeedback, THANKS } from '../insights/feedback.js';
import { backgroundOf } from '../insights/record.js';
import { verifyTelegramSecret } from './verify.js';

export { verifyTelegramSecret };

/** What the bot knows about itself, to tell whether a group message is addressed to it. */
export interface TelegramBot {
  /** The bot's user id (the number before `:` in its token). */
  id?: number;
  /** The bot's username without `@`. */
  username?: string;
}

/** A text message the bot should answer. */
export interface TelegramMessage {
  updateId: number;
  chatId: number;
  chatType: string;
  messageId: number;
  /** The text with the bot's @mention (or /command@bot suffix) removed. */
  text: string;
}

interface Entity {
  type: string;
  offset: number;
  length: number;
  user?: { id?: number };
}

function telegramBotFromEnv(env: Env): TelegramBot {
  const id = Number(env.TELEGRAM_BOT_TOKEN?.split(':')[0]);
  const username = env.TELEGRAM_BOT_USERNAME?.trim().replace(/^@/, '');
  return { id: Number.isSafeInteger(id) && id > 0 ? id : undefined, username: username || undefined };
}

/**
 * Pick the message to answer out of an Update, or `null` when there is none:
 * not a text message, sent by a bot, a channel post, or a group message not
 * addressed to this bot.
 */
export function parseTelegramUpdate(update: unknown, bot: TelegramBot = {}): TelegramMessage | null {
  const u = obj(update);
  const msg = obj(u?.message);
  if (!u || !msg || typeof u.update_id !== 'number') return null;
  const chat = obj(msg.chat);
  if (typeof msg.text !== 'string' || !chat || typeof chat.id !== 'number' || typeof msg.message_id !== 'number') return null;
  if (obj(msg.from)?.is_bot) return null;
  const base = { updateId: u.update_id, chatId: chat.id, chatType: String(chat.type), messageId: msg.message_id };
  const text: string = msg.text;
  if (chat.type === 'private') return { ...base, text: text.replace(/^(\/\w+)@\w+/, '$1') };
  if (chat.type !== 'group' && chat.type !== 'supergroup') return null;

  // Groups: answer only what is addressed to this bot. Offsets are UTF-16 units, as JS strings.
  const name = bot.username?.toLowerCase();
  const entities: Entity[] = Array.isArray(msg.entities) ? msg.entities : [];
  const cuts: [number, number][] = [];
  let addressed = false;
  for (const e of entities) {
    const slice = text.slice(e.offset, e.offset + e.length);
    if (e.type === 'bot_command' && e.offset === 0) {
      const at = slice.indexOf('@');
      if (at === -1) addressed = true;
      else if (name && slice.slice(at + 1).toLowerCase() === name) {
        addressed = true;
        cuts.push([e.offset + at, e.offset + e.length]);
      } else return null; // a command for another bot
    } else if (e.type === 'mention' && name && slice.toLowerCase() === `@${name}`) {
      addressed = true;
      cuts.push([e.offset, e.offset + e.length]);
    } else if (e.type === 'text_mention' && bot.id !== undefined && e.user?.id === bot.id) {
      addressed = true;
      cuts.push([e.offset, e.offset + e.length]);
    }
  }
  const repliedTo = obj(obj(msg.reply_to_message)?.from);
  if (repliedTo && ((bot.id !== undefined && repliedTo.id === bot.id) || (name && String(repliedTo.username).toLowerCase() === name))) {
    addressed = true;
  }
  if (!addressed) return null;
  let stripped = text;
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0])) stripped = stripped.slice(0, start) + stripped.slice(end);
  return {
    ...base,
    text: stripped
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[,:]\s*/, ''),
  };
}

/** The webhook response that makes Telegram send the reply (HTML parse mode); an answer gets 👍/👎 buttons. */
function renderTelegramReply(msg: TelegramMessage, html: string, answerId?: string) {
  const group = msg.chatType === 'group' || msg.chatType === 'supergroup';
  return {
    method: 'sendMessage' as const,
    chat_id: msg.chatId,
    text: html,
    parse_mode: 'HTML' as const,
    link_preview_options: { is_disabled: true },
    // In a busy group, quote the question being answered.
    ...(group ? { reply_parameters: { message_id: msg.messageId, allow_sending_without_reply: true } } : {}),
    ...(answerId
      ? {
          reply_markup: {
            inline_keyboard: [
              [
                { text: '👍 Helpful', callback_data: feedbackData(answerId, 'up') },
                { text: '👎 Not helpful', callback_data: feedbackData(answerId, 'down') },
              ],
            ],
          },
        }
      : {}),
  };
}

/** A press of a feedback button (`callback_query` with our `fb:` data), or `null`. */
function parseTelegramFeedback(update: unknown): { queryId: string; answerId: string; rating: 'up' | 'down' } | null {
  const q = obj(obj(update)?.callback_query);
  const vote = parseFeedbackData(q?.data);
  return q && vote && typeof q.id === 'string' ? { queryId: q.id, ...vote } : null;
}

/** The Telegram webhook sub-app, mounted at `/webhooks/telegram`. */
export function telegram() {
  const app = new Hono<AppEnv>();
  app.use('*', requireChannel('telegram'));
  app.post('/', async (c) => {
    const ok = await verifyTelegramSecret(c.req.header('X-Telegram-Bot-Api-Secret-Token'), c.env.TELEGRAM_SECRET_TOKEN!);
    if (!ok) throw unauthorized();
    const update = parseJson(await rawBody(c));
    if (typeof obj(update)?.update_id !== 'number') {
      throw new ApiError(400, 'bad_request', 'The body must be a Telegram Update: a JSON object with an update_id.');
    }
    // A feedback button: store the vote, and answer the callback query (Telegram shows the text as a toast).
    const vote = parseTelegramFeedback(update);
    if (vote) {
      const outcome = await recordFeedback(c.env, vote.answerId, vote.rating);
      return c.json({ method: 'answerCallbackQuery' as const, callback_query_id: vote.queryId, text: THANKS[outcome] });
    }
    const msg = parseTelegramUpdate(update, telegramBotFromEnv(c.env));
    if (!msg) return c.body(null, 200);
    const reply = await respond(c.var.engine, c.env, 'telegram', `telegram:${msg.chatId}`, msg.text, String(msg.updateId), backgroundOf(c));
    if (!reply) return c.body(null, 200);
    return c.json(renderTelegramReply(msg, formatReply(reply, 'telegram', LENGTH_LIMITS.telegram), reply.answered ? reply.answerId : undefined));
  });
  return app;
}

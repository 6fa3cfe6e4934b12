/**
 * LINE Messaging API webhook: `POST /webhooks/line`.
 *
 * verify `x-line-signature` → acknowledge at once (the console's "Verify"
 * sends `events: []`) → for each new text message event (de-duplicated on
 * `webhookEventId`, which redeliveries keep), answer with the reply API from
 * `waitUntil`. In groups and rooms the bot answers only when mentioned.
 * @module
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../env.js';
import { defer, formatReply, LENGTH_LIMITS, parseJson, postJson, rawBody, requireChannel, respond, unauthorized, obj, type Payload } from '../chat/index.js';
import { ApiError } from '../errors.js';
import { backgroundOf } from '../insights/record.js';
import { verifyLineSignature } from './verify.js';

export { verifyLineSignature };

const LINE_REPLY_URL = 'https://api.line.me/v2/bot/message/reply';

export interface LineMessage {
  webhookEventId: string;
  replyToken: string;
  /** `line:<userId|groupId|roomId>`. */
  chatKey: string;
  /** Set in groups and rooms, so the reply quotes the question. */
  quoteToken?: string;
  /** The text without the bot's @mention. */
  text: string;
}

/** The text message events to answer, in order. */
export function parseLineEvents(payload: unknown): LineMessage[] {
  const events: unknown[] = Array.isArray(obj(payload)?.events) ? obj(payload)!.events : [];
  const out: LineMessage[] = [];
  for (const ev of events) {
    const e = obj(ev);
    const m = obj(e?.message);
    const source = obj(e?.source);
    if (!e || e.type !== 'message' || e.mode === 'standby' || !m || m.type !== 'text' || typeof m.text !== 'string') continue;
    if (typeof e.replyToken !== 'string' || typeof e.webhookEventId !== 'string' || !source) continue;
    let text: string = m.text;
    const group = source.type === 'group' || source.type === 'room';
    if (group) {
      const mine = (Array.isArray(obj(m.mention)?.mentionees) ? m.mention.mentionees : []).filter(
        (x: Payload) => x?.isSelf === true && Number.isInteger(x.index) && Number.isInteger(x.length),
      );
      if (mine.length === 0) continue; // not addressed to the bot
      for (const x of [...mine].sort((a: Payload, b: Payload) => b.index - a.index)) text = text.slice(0, x.index) + text.slice(x.index + x.length);
      text = text.replace(/\s+/g, ' ').trim();
    }
    const id = source.groupId ?? source.roomId ?? source.userId ?? '';
    out.push({
      webhookEventId: e.webhookEventId,
      replyToken: e.replyToken,
      chatKey: `line:${id}`,
      ...(group && typeof m.quoteToken === 'string' ? { quoteToken: m.quoteToken } : {}),
      text,
    });
  }
  return out;
}

/** The reply API body for one text reply. */
function renderLineReply(msg: LineMessage, text: string) {
  return {
    replyToken: msg.replyToken,
    messages: [{ type: 'text', text, ...(msg.quoteToken ? { quoteToken: msg.quoteToken } : {}) }],
  };
}

/** The LINE sub-app, mounted at `/webhooks/line`. */
export function line() {
  const app = new Hono<AppEnv>();
  app.use('*', requireChannel('line'));
  app.post('/', async (c) => {
    const body = await rawBody(c);
    if (!(await verifyLineSignature(c.env.LINE_CHANNEL_SECRET!, c.req.header('x-line-signature'), body))) throw unauthorized();
    const payload = parseJson(body);
    if (!obj(payload)) throw new ApiError(400, 'bad_request', 'The body must be a LINE webhook (JSON).');
    const { engine } = c.var;
    const env = c.env;
    const messages = parseLineEvents(payload);
    const background = backgroundOf(c);
    const work = (async () => {
      for (const msg of messages) {
        const reply = await respond(engine, env, 'line', msg.chatKey, msg.text, msg.webhookEventId, background);
        if (!reply) continue;
        await postJson({
          channel: 'line',
          action: 'reply',
          url: LINE_REPLY_URL,
          token: env.LINE_CHANNEL_ACCESS_TOKEN!,
          body: renderLineReply(msg, formatReply(reply, 'plain', LENGTH_LIMITS.line)),
        });
      }
    })();
    await defer(c, work);
    return c.body(null, 200);
  });
  return app;
}

/**
 * WhatsApp Cloud API webhook: `GET /webhooks/whatsapp` (subscription
 * handshake) and `POST /webhooks/whatsapp` (notifications).
 *
 * POST: verify `X-Hub-Signature-256` → acknowledge at once → for each new
 * text message (de-duplicated on its `wamid`), answer through the Graph API
 * `messages` endpoint from `waitUntil`, quoting the question. Status updates
 * and other numbers' messages are ignored.
 * @module
 */
import { Hono } from 'hono';
import type { AppEnv, Env } from '../../env.js';
import { defer, formatReply, hashedId, LENGTH_LIMITS, parseJson, postJson, rawBody, requireChannel, respond, unauthorized, obj } from '../chat/index.js';
import { ApiError } from '../errors.js';
import { backgroundOf } from '../insights/record.js';
import { verifyMetaSignature, verifyWhatsAppHandshake } from './verify.js';

export { verifyMetaSignature };

const DEFAULT_GRAPH_VERSION = 'v21.0';

/** An inbound text message. */
export interface WhatsAppMessage {
  /** `wamid.…`, the de-duplication key. */
  id: string;
  /** The sender's WhatsApp id (phone number). */
  from: string;
  /** The business number that received it. */
  phoneNumberId: string;
  text: string;
}

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * All text messages in a notification (one delivery may batch several
 * entries and changes). Only messages to `phoneNumberId`, when given.
 */
export function parseWhatsAppMessages(payload: unknown, phoneNumberId?: string): WhatsAppMessage[] {
  const p = obj(payload);
  if (!p || p.object !== 'whatsapp_business_account') return [];
  const out: WhatsAppMessage[] = [];
  for (const entry of arr(p.entry)) {
    for (const change of arr(obj(entry)?.changes)) {
      const value = obj(obj(change)?.value);
      if (obj(change)?.field !== 'messages' || !value) continue;
      const number = String(obj(value.metadata)?.phone_number_id ?? '');
      if (phoneNumberId && number !== phoneNumberId) continue;
      for (const m of arr(value.messages)) {
        const msg = obj(m);
        const body = obj(msg?.text)?.body;
        if (msg?.type !== 'text' || typeof body !== 'string' || typeof msg.id !== 'string' || typeof msg.from !== 'string') continue;
        out.push({ id: msg.id, from: msg.from, phoneNumberId: number, text: body });
      }
    }
  }
  return out;
}

/** The Graph API `messages` endpoint for a phone number id. */
function whatsAppMessagesUrl(env: Pick<Env, 'WHATSAPP_GRAPH_VERSION' | 'WHATSAPP_PHONE_NUMBER_ID'>): string {
  const version = env.WHATSAPP_GRAPH_VERSION?.trim() || DEFAULT_GRAPH_VERSION;
  return `https://graph.facebook.com/${version}/${env.WHATSAPP_PHONE_NUMBER_ID}/messages`;
}

/** The body of a text reply quoting the user's message. */
function renderWhatsAppMessage(msg: WhatsAppMessage, text: string) {
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: msg.from,
    type: 'text',
    text: { preview_url: false, body: text },
    context: { message_id: msg.id },
  };
}

/** The WhatsApp sub-app, mounted at `/webhooks/whatsapp`. */
export function whatsapp() {
  const app = new Hono<AppEnv>();
  app.use('*', requireChannel('whatsapp'));

  app.get('/', async (c) => {
    const challenge = await verifyWhatsAppHandshake(
      { mode: c.req.query('hub.mode'), token: c.req.query('hub.verify_token'), challenge: c.req.query('hub.challenge') },
      c.env.WHATSAPP_VERIFY_TOKEN!,
    );
    if (challenge === null) throw new ApiError(403, 'forbidden', 'Verification failed: hub.mode or hub.verify_token is wrong.');
    return c.text(challenge);
  });

  app.post('/', async (c) => {
    const body = await rawBody(c);
    if (!(await verifyMetaSignature(c.env.WHATSAPP_APP_SECRET!, c.req.header('X-Hub-Signature-256'), body))) throw unauthorized();
    const payload = parseJson(body);
    if (!obj(payload)) throw new ApiError(400, 'bad_request', 'The body must be a WhatsApp webhook notification (JSON).');
    const { engine } = c.var;
    const env = c.env;
    const messages = parseWhatsAppMessages(payload, env.WHATSAPP_PHONE_NUMBER_ID);
    const background = backgroundOf(c);
    const work = (async () => {
      for (const msg of messages) {
        // The memory key holds no phone number, only a keyed hash of it.
        const chatKey = `whatsapp:${await hashedId(env.WHATSAPP_APP_SECRET!, msg.from)}`;
        const reply = await respond(engine, env, 'whatsapp', chatKey, msg.text, msg.id, background);
        if (!reply) continue;
        await postJson({
          channel: 'whatsapp',
          action: 'messages',
          url: whatsAppMessagesUrl(env),
          token: env.WHATSAPP_ACCESS_TOKEN!,
          body: renderWhatsAppMessage(msg, formatReply(reply, 'plain', LENGTH_LIMITS.whatsapp)),
        });
      }
    })();
    await defer(c, work);
    return c.body(null, 200);
  });

  return app;
}

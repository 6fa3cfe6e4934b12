/**
 * Twilio Programmable Messaging (SMS and WhatsApp) webhook: `POST /webhooks/twilio`.
 *
 * verify `X-Twilio-Signature` against the public URL (`PUBLIC_BASE_URL` +
 * path + query when set, else the request URL) → answer inside the response
 * as TwiML `<Message>`, so no outbound call is needed. A repeated
 * `MessageSid` gets an empty `<Response/>`.
 * @module
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../env.js';
import { formatReply, hashedId, LENGTH_LIMITS, rawBody, requireChannel, respond, unauthorized } from '../chat/index.js';
import { ApiError } from '../errors.js';
import { backgroundOf } from '../insights/record.js';
import { verifyTwilioSignature, twilioUrlVariants } from './verify.js';

export { verifyTwilioSignature, twilioUrlVariants };

/** XML-escape text for TwiML. */
function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** TwiML that sends `text` back (or nothing, for `null`). */
function renderTwiml(text: string | null): string {
  const head = '<?xml version="1.0" encoding="UTF-8"?>';
  return text === null ? `${head}<Response/>` : `${head}<Response><Message>${escapeXml(text)}</Message></Response>`;
}

/**
 * The URL Twilio signed: the configured public origin with this request's
 * path and query, or the request URL itself.
 */
export function twilioPublicUrl(requestUrl: string, publicBaseUrl?: string): string {
  const base = publicBaseUrl?.trim().replace(/\/+$/, '');
  if (!base) return requestUrl;
  const pathAndQuery = requestUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  return base + pathAndQuery;
}

/** The Twilio sub-app, mounted at `/webhooks/twilio`. */
export function twilio() {
  const app = new Hono<AppEnv>();
  app.use('*', requireChannel('twilio'));
  app.post('/', async (c) => {
    const body = await rawBody(c);
    const params = new URLSearchParams(new TextDecoder().decode(body));
    const url = twilioPublicUrl(c.req.url, c.env.PUBLIC_BASE_URL);
    if (!(await verifyTwilioSignature(c.env.TWILIO_AUTH_TOKEN!, c.req.header('X-Twilio-Signature'), url, params))) {
      throw unauthorized();
    }
    const sid = params.get('MessageSid') ?? params.get('SmsMessageSid');
    const from = params.get('From');
    if (!sid || !from) throw new ApiError(400, 'bad_request', 'Expected an incoming-message webhook with MessageSid and From.');
    const twiml = (text: string | null) => c.body(renderTwiml(text), 200, { 'Content-Type': 'text/xml; charset=utf-8' });
    // The memory key holds no phone number, only a keyed hash of it.
    const chatKey = `twilio:${await hashedId(c.env.TWILIO_AUTH_TOKEN!, from)}`;
    const reply = await respond(c.var.engine, c.env, 'twilio', chatKey, params.get('Body') ?? '', sid, backgroundOf(c));
    return twiml(reply && formatReply(reply, 'plain', LENGTH_LIMITS.twilio));
  });
  return app;
}

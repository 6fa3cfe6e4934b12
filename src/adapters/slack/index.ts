/**
 * Slack: `POST /webhooks/slack/events` (Events API) and
 * `POST /webhooks/slack/commands` (slash commands).
 *
 * Both verify the signing secret over the raw body first. Events are
 * acknowledged at once (Slack retries after 3 s) and answered with
 * chat.postMessage from `waitUntil`, in the thread of the mention; retries are
 * recognised by `event_id`. Slash commands are answered inside the response.
 * In channels the bot answers `app_mention` events only; in DMs every message.
 * @module
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../env.js';
import { defer, formatReply, LENGTH_LIMITS, parseJson, postJson, rawBody, requireChannel, respond, sharedReply, unauthorized, obj } from '../chat/index.js';
import { ApiError } from '../errors.js';
import { recordFeedback, THANKS, type Rating } from '../insights/feedback.js';
import { backgroundOf } from '../insights/record.js';
import { verifySlackSignature } from './verify.js';

export { verifySlackSignature };

const SLACK_POST_MESSAGE_URL = 'https://slack.com/api/chat.postMessage';

/** A message event the bot should answer. */
export interface SlackMessage {
  eventId: string;
  teamId: string;
  channel: string;
  /** Who wrote it: conversation memory is kept per person. */
  user: string;
  /** The thread to answer in (`undefined`: answer in the DM itself). */
  threadTs?: string;
  text: string;
}

/** Slack text → plain text: drop mentions of the bot, unwrap links, decode the three entities. */
function slackTextToPlain(text: string, botUserId?: string): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, (m, id: string) => (botUserId === undefined || id === botUserId ? '' : m))
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Pick the message to answer from an Events API payload, or `null`:
 * only `message` events in DMs (`channel_type: "im"`) and `app_mention`
 * events elsewhere (a channel message that mentions the bot arrives as both;
 * only the mention is answered). Bot messages and edits are ignored.
 */
export function parseSlackEvent(payload: unknown): SlackMessage | null {
  const p = obj(payload);
  const e = obj(p?.event);
  if (!p || p.type !== 'event_callback' || !e || typeof p.event_id !== 'string') return null;
  if (e.bot_id || e.subtype || typeof e.text !== 'string' || typeof e.channel !== 'string') return null;
  const botUserId: string | undefined = obj(p.authorizations?.[0])?.user_id;
  if (botUserId && e.user === botUserId) return null;
  const base = { eventId: p.event_id as string, teamId: String(p.team_id ?? ''), channel: e.channel as string, user: String(e.user ?? '') };
  if (e.type === 'message' && e.channel_type === 'im') {
    return { ...base, threadTs: typeof e.thread_ts === 'string' ? e.thread_ts : undefined, text: slackTextToPlain(e.text, botUserId) };
  }
  if (e.type === 'app_mention') {
    // Without the bot's id every mention is dropped, which is what a reader expects of "@bot question".
    return { ...base, threadTs: e.thread_ts ?? e.ts, text: slackTextToPlain(e.text, botUserId) };
  }
  return null;
}

/** The chat.postMessage body Slack expects for a reply; an answer gets feedback buttons. */
function renderSlackMessage(msg: SlackMessage, mrkdwn: string, answerId?: string) {
  return {
    channel: msg.channel,
    text: mrkdwn,
    ...feedbackBlocks(mrkdwn, answerId),
    ...(msg.threadTs ? { thread_ts: msg.threadTs } : {}),
    unfurl_links: false,
    unfurl_media: false,
  };
}

/** Action ids of the feedback buttons. */
const FEEDBACK_ACTIONS: Record<string, Rating> = { feedback_up: 'up', feedback_down: 'down' };

/** Longest text of a section block: a longer reply goes without buttons (as plain `text`). */
const SECTION_MAX_CHARS = 3000;

/**
 * Block Kit for an answer: the text as a section, then 👍/👎 buttons whose
 * value is the answerId (Interactivity must be on, with the Request URL
 * `/webhooks/slack/interactions`; docs/insights.md). `text` stays the fallback.
 */
function feedbackBlocks(mrkdwn: string, answerId?: string) {
  if (!answerId || mrkdwn.length > SECTION_MAX_CHARS) return {};
  return {
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: mrkdwn } },
      {
        type: 'actions',
        block_id: 'feedback',
        elements: [
          { type: 'button', action_id: 'feedback_up', text: { type: 'plain_text', text: '👍 Helpful', emoji: true }, value: answerId },
          { type: 'button', action_id: 'feedback_down', text: { type: 'plain_text', text: '👎 Not helpful', emoji: true }, value: answerId },
        ],
      },
    ],
  };
}

/** The vote in an interactivity payload (`block_actions` on our buttons), or `null`. */
function parseSlackFeedback(payload: unknown): { answerId: string; rating: Rating } | null {
  const p = obj(payload);
  if (p?.type !== 'block_actions' || !Array.isArray(p.actions)) return null;
  for (const action of p.actions) {
    const a = obj(action);
    const rating = typeof a?.action_id === 'string' ? FEEDBACK_ACTIONS[a.action_id] : undefined;
    if (rating && typeof a?.value === 'string') return { answerId: a.value, rating };
  }
  return null;
}

type SlackEnv = { Bindings: AppEnv['Bindings']; Variables: AppEnv['Variables'] & { rawBody: Uint8Array<ArrayBuffer> } };

/** The Slack sub-app, mounted at `/webhooks/slack`. */
export function slack() {
  const app = new Hono<SlackEnv>();
  app.use('*', requireChannel('slack'));

  // Every route: verify the signature over the exact bytes before reading them.
  app.use('*', async (c, next) => {
    const body = await rawBody(c);
    const ok = await verifySlackSignature(c.env.SLACK_SIGNING_SECRET!, c.req.header('X-Slack-Request-Timestamp'), c.req.header('X-Slack-Signature'), body);
    if (!ok) throw unauthorized();
    c.set('rawBody', body);
    await next();
  });

  app.post('/events', async (c) => {
    const payload = obj(parseJson(c.var.rawBody));
    if (!payload) throw new ApiError(400, 'bad_request', 'The body must be a Slack Events API payload (JSON).');
    if (payload.type === 'url_verification' && typeof payload.challenge === 'string') {
      return c.json({ challenge: payload.challenge });
    }
    const msg = parseSlackEvent(payload);
    if (!msg) return c.body(null, 200);
    const { engine } = c.var;
    const env = c.env;
    // One memory per person: in a shared channel or thread, nobody's questions are echoed to someone else.
    const chatKey = `slack:${msg.teamId}:${msg.channel}${msg.threadTs ? `:${msg.threadTs}` : ''}:${msg.user}`;
    const background = backgroundOf(c);
    const work = (async () => {
      const reply = await respond(engine, env, 'slack', chatKey, msg.text, msg.eventId, background);
      if (!reply) return;
      await postJson({
        channel: 'slack',
        action: 'chat.postMessage',
        url: SLACK_POST_MESSAGE_URL,
        token: env.SLACK_BOT_TOKEN!,
        body: renderSlackMessage(msg, formatReply(reply, 'slack', LENGTH_LIMITS.slack), reply.answered ? reply.answerId : undefined),
      });
    })();
    await defer(c, work);
    return c.body(null, 200);
  });

  app.post('/commands', async (c) => {
    const form = new URLSearchParams(new TextDecoder().decode(c.var.rawBody));
    if (!form.has('command')) throw new ApiError(400, 'bad_request', 'The body must be a Slack slash command (form-encoded, with a command field).');
    const text = slackTextToPlain(form.get('text') ?? '');
    // Per user: a slash command's question is private to whoever typed it.
    const chatKey = `slack:${form.get('team_id') ?? ''}:${form.get('channel_id') ?? ''}:${form.get('user_id') ?? ''}`;
    const reply = await respond(c.var.engine, c.env, 'slack', chatKey, text, undefined, backgroundOf(c));
    if (!reply) return c.body(null, 200);
    const mrkdwn = formatReply(reply, 'slack', LENGTH_LIMITS.slack);
    return c.json({
      // Answers are shared with the channel; help and notices only to the asker.
      response_type: sharedReply(reply) ? 'in_channel' : 'ephemeral',
      text: mrkdwn,
      ...feedbackBlocks(mrkdwn, reply.answered ? reply.answerId : undefined),
    });
  });

  // Interactivity (the feedback buttons): a form with one `payload` field of JSON, signed like the rest.
  // The 200 acknowledges the press; the thanks goes to the reader alone (an ephemeral message).
  app.post('/interactions', async (c) => {
    const form = new URLSearchParams(new TextDecoder().decode(c.var.rawBody));
    const payload = parseJson(new TextEncoder().encode(form.get('payload') ?? ''));
    if (!obj(payload)) throw new ApiError(400, 'bad_request', 'The body must be a Slack interactivity payload (form-encoded, with a payload field of JSON).');
    const vote = parseSlackFeedback(payload);
    if (!vote) return c.body(null, 200);
    const outcome = await recordFeedback(c.env, vote.answerId, vote.rating);
    // Slack ignores this response's body: the thanks goes to the payload's response_url (Slack's own host only).
    const responseUrl = obj(payload)?.response_url;
    if (typeof responseUrl === 'string' && responseUrl.startsWith('https://hooks.slack.com/')) {
      await defer(
        c,
        postJson({
          channel: 'slack',
          action: 'response_url',
          url: responseUrl,
          token: c.env.SLACK_BOT_TOKEN ?? '',
          body: { response_type: 'ephemeral', replace_original: false, text: THANKS[outcome] },
        }),
      );
    }
    return c.body(null, 200);
  });

  return app;
}

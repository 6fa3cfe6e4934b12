/**
 * The JSON API: ask a question, list and read briefs.
 *
 *   POST /api/ask        { "question": "...", "limit"?: 3, "conversationId"?: "..." }
 *   GET  /api/ask?q=...&limit=3
 *   GET  /api/briefs     newest first
 *   GET  /api/briefs/:id the brief with its passages
 *
 * Paths and request schemas come from the route table (`./routes.ts`),
 * which `npm run build:openapi` also turns into `/api/openapi.json`;
 * requests are validated with those `zod/mini` schemas ({@link validate}).
 * @module
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { validator } from 'hono/validator';
import type * as z from 'zod/mini';
import { limitBody } from '../body-limit.js';
import { summarize, type Engine } from '../../core/engine.js';
import { converse, MISSING_STATE_BINDING } from '../chat/memory.js';
import type { AppEnv, Env } from '../../env.js';
import { ApiError } from '../errors.js';
import type { BriefDetail } from './responses.js';
import { askGet, askPost, feedbackPost, getBrief, honoPath, listBriefs, MAX_BODY_BYTES } from './routes.js';
import { recordFeedback } from '../insights/feedback.js';
import { backgroundOf, type LogContext } from '../insights/record.js';

/** The JSON API as a Hono sub-app. */
export function api() {
  const app = new Hono<AppEnv>();

  const bodyLimit = limitBody(MAX_BODY_BYTES, () => {
    throw new ApiError(413, 'payload_too_large', `The request body must be at most ${MAX_BODY_BYTES} bytes`);
  });
  const jsonOnly: MiddlewareHandler = async (c, next) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
      throw new ApiError(415, 'unsupported_media_type', 'Send the request as JSON with "Content-Type: application/json"');
    }
    await next();
  };

  app.post(honoPath(askPost), bodyLimit, jsonOnly, validate('json', askPost.request.body), async (c) => {
    const { question, limit, conversationId, client } = c.req.valid('json');
    const log: LogContext = { surface: client ?? 'api', background: backgroundOf(c) };
    return c.json(await answer(c.var.engine, c.env, question, limit, conversationId, log), 200);
  });

  app.get(honoPath(askGet), validate('query', askGet.request.query), async (c) => {
    const { q, limit, conversationId, client } = c.req.valid('query');
    const log: LogContext = { surface: client ?? 'api', background: backgroundOf(c) };
    return c.json(await answer(c.var.engine, c.env, q, limit, conversationId, log), 200);
  });

  app.post(honoPath(feedbackPost), bodyLimit, jsonOnly, validate('json', feedbackPost.request.body), async (c) => {
    const { answerId, rating, comment } = c.req.valid('json');
    const outcome = await recordFeedback(c.env, answerId, rating, comment);
    if (outcome === 'off')
      throw new ApiError(404, 'feedback_off', 'Feedback is off on this server: the question log (the INSIGHTS D1 binding) is not configured.');
    if (outcome === 'unknown') throw new ApiError(404, 'unknown_answer', 'answerId: no answer with this id (it was never issued, or it is past retention).');
    return c.json({ answerId, rating, stored: true as const }, 200);
  });

  app.get(honoPath(listBriefs), validate('query', listBriefs.request.query), (c) => {
    const { limit = 100, offset = 0 } = c.req.valid('query');
    const engine = c.var.engine;
    return c.json({ briefs: engine.list(limit, offset), total: engine.briefs.length, offset, limit }, 200);
  });

  app.get(honoPath(getBrief), validate('param', getBrief.request.params), async (c) => {
    const brief = await c.var.engine.briefAsync(c.req.valid('param').id);
    if (!brief) throw new ApiError(404, 'not_found', `No brief with id "${c.req.valid('param').id}"`);
    const body: z.infer<typeof BriefDetail> = {
      ...summarize(brief),
      source: brief.source ?? null,
      lang: brief.lang,
      links: brief.links,
      passages: brief.passages.map((p) => ({ id: p.id, n: p.n, section: p.section ?? null, text: p.text })),
    };
    return c.json(body, 200);
  });

  return app;
}

/** A new conversation id: 128 random bits, base64url (22 characters). */
function newConversationId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * One question. Without a `conversationId` it starts a conversation and the reply
 * carries the id this server issued for it; with one, it continues that
 * conversation (follow-ups, "tell me more", "source?"). An id this server did not
 * issue is refused, so nobody can read into a conversation by guessing its name.
 * See docs/conversations.md.
 */
async function answer(engine: Engine, env: Env, question: string, limit: number | undefined, conversationId: string | undefined, log: LogContext) {
  const t0 = performance.now();
  if (conversationId !== undefined && !env.CHAT_STATE) throw new ApiError(503, 'state_unavailable', MISSING_STATE_BINDING);
  const id = conversationId ?? newConversationId();
  // "api:" keeps these keys apart from the channels' chats.
  const result = await converse(
    engine,
    env,
    `api:${id}`,
    question,
    conversationId === undefined ? { limit, issue: true, log } : { limit, mustBeIssued: true, log },
  );
  if (result.status !== 'answered') {
    throw new ApiError(
      400,
      'invalid_conversation',
      'conversationId: this server did not issue this conversation id (or it expired long ago). Ask without one to start a conversation; each answer carries its conversationId.',
    );
  }
  // A new conversation that could not be stored gets no id: it would not work for the follow-up.
  const issued = conversationId ?? (result.remembered ? id : undefined);
  return {
    ...result.reply,
    ...(issued ? { conversationId: issued } : {}),
    ...(result.answerId ? { answerId: result.answerId } : {}),
    query: { tookMs: Math.round((performance.now() - t0) * 100) / 100 },
  };
}

/**
 * Validate a request part (JSON body, query string or path parameters) with
 * its schema; `c.req.valid(target)` is then the parsed value.
 */
function validate<T extends 'json' | 'query' | 'param', S extends z.ZodMiniType>(target: T, schema: S) {
  const check = validator(target, (value): z.output<S> => {
    const result = schema.safeParse(value);
    if (!result.success) rejectInvalid(result.error.issues);
    return result.data as z.output<S>;
  });
  if (target !== 'json') return check;
  // A body that is not JSON at all is its own error (hono's validator would only say "malformed").
  return (async (c, next) => {
    try {
      await c.req.json();
    } catch {
      throw new ApiError(400, 'malformed_json', 'The request body is not valid JSON');
    }
    return check(c, next);
  }) as typeof check;
}

/** Validation failures become 400 with the first problem, phrased for people. */
function rejectInvalid(issues: readonly { message: string; path: PropertyKey[] }[]): never {
  const issue = issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  const message = issue?.message.startsWith(String(issue.path[0] ?? '\0')) ? issue.message : `${where}${issue?.message ?? 'invalid request'}`;
  throw new ApiError(400, 'invalid_request', message);
}

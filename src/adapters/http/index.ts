/**
 * The JSON API: ask a question, list and read briefs.
 *
 *   POST /api/ask        { "question": "...", "limit"?: 3, "conversationId"?: "..." }
 *   GET  /api/ask?q=...&limit=3
 *   GET  /api/briefs     newest first
 *   GET  /api/briefs/:id the brief with its passages
 *
 * Routes are declared with their schemas (`createRoute`), which both validate
 * requests and generate `/api/openapi.json`.
 * @module
 */
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import { limitBody } from '../body-limit.js';
import { summarize, type Engine } from '../../core/engine.js';
import { converse, MISSING_STATE_BINDING } from '../chat/memory.js';
import type { AppEnv, Env } from '../../env.js';
import { ApiError } from './errors.js';
import { AskBody, AskQuery, AskResponse, BriefDetail, BriefList, BriefListQuery, BriefParams, ErrorBody } from './schemas.js';

/** Largest accepted request body. */
export const MAX_BODY_BYTES = 16 * 1024;

const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [s, { description: ERROR_TEXT[s] ?? 'Error', content: { 'application/json': { schema: ErrorBody } } }]),
  );
const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid request (empty or too long question, wrong types, malformed JSON)',
  404: 'No such brief',
  413: `Body larger than ${MAX_BODY_BYTES} bytes`,
  415: 'Content-Type is not application/json',
};

const askPost = createRoute({
  method: 'post',
  path: '/api/ask',
  summary: 'Ask a question',
  description: 'Answers from the briefs with 1–3 cited sentences, or `answered: false` with related briefs.',
  tags: ['Ask'],
  request: { body: { required: true, content: { 'application/json': { schema: AskBody } } } },
  responses: {
    200: { description: 'The answer', content: { 'application/json': { schema: AskResponse } } },
    ...errors(400, 413, 415),
  },
});

const askGet = createRoute({
  method: 'get',
  path: '/api/ask',
  summary: 'Ask a question (query string)',
  tags: ['Ask'],
  request: { query: AskQuery },
  responses: {
    200: { description: 'The answer', content: { 'application/json': { schema: AskResponse } } },
    ...errors(400),
  },
});

const listBriefs = createRoute({
  method: 'get',
  path: '/api/briefs',
  summary: 'List the briefs, newest first',
  tags: ['Briefs'],
  description: 'Paged with `limit` (default 100) and `offset`; `total` is the number of briefs.',
  request: { query: BriefListQuery },
  responses: {
    200: { description: 'A page of briefs', content: { 'application/json': { schema: BriefList } } },
    ...errors(400),
  },
});

const getBrief = createRoute({
  method: 'get',
  path: '/api/briefs/{id}',
  summary: 'One brief with its passages',
  tags: ['Briefs'],
  request: { params: BriefParams },
  responses: {
    200: { description: 'The brief', content: { 'application/json': { schema: BriefDetail } } },
    ...errors(404),
  },
});

/** The JSON API as a Hono sub-app. */
export function api() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: rejectInvalid });

  app.post(
    '/api/ask',
    limitBody(MAX_BODY_BYTES, () => {
      throw new ApiError(413, 'payload_too_large', `The request body must be at most ${MAX_BODY_BYTES} bytes`);
    }),
    async (c, next) => {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
        throw new ApiError(415, 'unsupported_media_type', 'Send the question as JSON with "Content-Type: application/json"');
      }
      await next();
    },
  );

  app.openapi(askPost, async (c) => {
    const { question, limit, conversationId } = c.req.valid('json');
    return c.json(await answer(c.var.engine, c.env, question, limit, conversationId), 200);
  });

  app.openapi(askGet, async (c) => {
    const { q, limit, conversationId } = c.req.valid('query');
    return c.json(await answer(c.var.engine, c.env, q, limit, conversationId), 200);
  });

  app.openapi(listBriefs, (c) => {
    const { limit = 100, offset = 0 } = c.req.valid('query');
    const engine = c.var.engine;
    return c.json({ briefs: engine.list(limit, offset), total: engine.briefs.length, offset, limit }, 200);
  });

  app.openapi(getBrief, async (c) => {
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
export function newConversationId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * One question. Without a `conversationId` it starts a conversation and the reply
 * carries the id this server issued for it; with one, it continues that
 * conversation (follow-ups, "tell me more", "source?"). An id this server did not
 * issue is refused, so nobody can read into a conversation by guessing its name.
 * See docs/conversations.md.
 */
async function answer(engine: Engine, env: Env, question: string, limit: number | undefined, conversationId: string | undefined) {
  const t0 = performance.now();
  if (conversationId !== undefined && !env.CHAT_STATE) throw new ApiError(503, 'state_unavailable', MISSING_STATE_BINDING);
  const id = conversationId ?? newConversationId();
  // "api:" keeps these keys apart from the channels' chats.
  const result = await converse(engine, env, `api:${id}`, question, conversationId === undefined ? { limit, issue: true } : { limit, mustBeIssued: true });
  if (result.status !== 'answered') {
    throw new ApiError(
      400,
      'invalid_conversation',
      'conversationId: this server did not issue this conversation id (or it expired long ago). Ask without one to start a conversation; each answer carries its conversationId.',
    );
  }
  // A new conversation that could not be stored gets no id: it would not work for the follow-up.
  const issued = conversationId ?? (result.remembered ? id : undefined);
  return { ...result.reply, ...(issued ? { conversationId: issued } : {}), query: { tookMs: Math.round((performance.now() - t0) * 100) / 100 } };
}

/** Validation failures become 400 with the first problem, phrased for people. */
function rejectInvalid(result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }): void {
  if (result.success) return;
  const issue = result.error?.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  const message = issue?.message.startsWith(String(issue.path[0] ?? '\0')) ? issue.message : `${where}${issue?.message ?? 'invalid request'}`;
  throw new ApiError(400, 'invalid_request', message);
}

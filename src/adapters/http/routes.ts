/**
 * The routes of the JSON API, as data: method, path, request schemas and
 * documented responses. The Worker registers its handlers from this table
 * (paths and request validation, `./index.ts` and `src/app.ts`) and
 * `npm run build:openapi` turns the same table into `/api/openapi.json`
 * (`./openapi.ts`), so the two cannot drift apart.
 *
 * Response bodies are named by their component (`./responses.ts`) so that
 * the Worker, which does not validate its responses, does not load them.
 * @module
 */
import type * as z from 'zod/mini';
import type * as responses from './responses.js';
import { AskBody, AskQuery, BriefListQuery, BriefParams, FeedbackBody } from './schemas.js';

export const API_INFO = {
  title: 'Briefbot API',
  version: '0.1.0',
  description: 'Ask questions about the bundled news briefs; answers are extractive, with citations.',
};

/** Largest accepted request body of `POST /api/ask`. */
export const MAX_BODY_BYTES = 16 * 1024;

/** A response schema of `./responses.ts`, by its export name. */
type ResponseSchema = keyof typeof responses;

export interface RouteDoc {
  method: 'get' | 'post';
  /** OpenAPI style (`/api/briefs/{id}`); {@link honoPath} gives Hono's. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  request?: { body?: z.ZodMiniObject; query?: z.ZodMiniObject; params?: z.ZodMiniObject };
  responses: Record<number, { description: string; schema: ResponseSchema }>;
}

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid request (empty or too long question, wrong types, malformed JSON)',
  404: 'No such brief',
  413: `Body larger than ${MAX_BODY_BYTES} bytes`,
  415: 'Content-Type is not application/json',
};
const errors = (...statuses: number[]): RouteDoc['responses'] =>
  Object.fromEntries(statuses.map((s) => [s, { description: ERROR_TEXT[s] ?? 'Error', schema: 'ErrorBody' as const }]));

export const health = {
  method: 'get',
  path: '/health',
  summary: 'Service health and index figures',
  tags: ['Service'],
  responses: { 200: { description: 'OK', schema: 'Health' } },
} satisfies RouteDoc;

export const askPost = {
  method: 'post',
  path: '/api/ask',
  summary: 'Ask a question',
  description: 'Answers from the briefs with 1–3 cited sentences, or `answered: false` with related briefs.',
  tags: ['Ask'],
  request: { body: AskBody },
  responses: { 200: { description: 'The answer', schema: 'AskResponse' }, ...errors(400, 413, 415) },
} satisfies RouteDoc;

export const askGet = {
  method: 'get',
  path: '/api/ask',
  summary: 'Ask a question (query string)',
  tags: ['Ask'],
  request: { query: AskQuery },
  responses: { 200: { description: 'The answer', schema: 'AskResponse' }, ...errors(400) },
} satisfies RouteDoc;

export const listBriefs = {
  method: 'get',
  path: '/api/briefs',
  summary: 'List the briefs, newest first',
  description: 'Paged with `limit` (default 100) and `offset`; `total` is the number of briefs.',
  tags: ['Briefs'],
  request: { query: BriefListQuery },
  responses: { 200: { description: 'A page of briefs', schema: 'BriefList' }, ...errors(400) },
} satisfies RouteDoc;

export const getBrief = {
  method: 'get',
  path: '/api/briefs/{id}',
  summary: 'One brief with its passages',
  tags: ['Briefs'],
  request: { params: BriefParams },
  responses: { 200: { description: 'The brief', schema: 'BriefDetail' }, ...errors(404) },
} satisfies RouteDoc;

export const feedbackPost = {
  method: 'post',
  path: '/api/feedback',
  summary: 'Rate an answer',
  description:
    "A reader's thumbs up or down (and an optional comment) on an answer, by the answerId it carried. Voting again changes the vote. 404 when the answerId is unknown (or past retention), or when the question log is off.",
  tags: ['Feedback'],
  request: { body: FeedbackBody },
  responses: {
    200: { description: 'The vote is stored', schema: 'FeedbackResponse' },
    ...errors(400, 413, 415),
    404: { description: 'Unknown answerId, or feedback is off', schema: 'ErrorBody' },
  },
} satisfies RouteDoc;

/** Every documented route, in the document's order. */
export const ROUTES: RouteDoc[] = [health, askPost, askGet, listBriefs, getBrief, feedbackPost];

/** `/api/briefs/{id}` → `/api/briefs/:id`. */
export function honoPath(route: Pick<RouteDoc, 'path'>): string {
  return route.path.replace(/\{(\w+)\}/g, ':$1');
}

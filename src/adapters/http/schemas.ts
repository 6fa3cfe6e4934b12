/**
 * Request schemas of the JSON API, in `zod/mini` (tree-shakeable: only what
 * is used ships in the Worker). They validate requests at the edge (see
 * `validate` in `./index.ts`) and, with the response schemas
 * (`./responses.ts`) and the route table (`./routes.ts`), are the single
 * source of the OpenAPI document, which `npm run build:openapi` generates
 * from them at build time (`./openapi.ts`).
 *
 * Documentation (descriptions, examples, component names) is attached with
 * {@link doc}, zod's global registry, which `z.toJSONSchema` reads.
 * @module
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini ships without messages; the English ones are those zod (and so the API before) always gave,
// e.g. "Invalid input: expected object, received array" for a body that is not an object.
z.config(en());

/** Documentation of a schema for the OpenAPI document: `id` makes it a named component. */
export type Doc = {
  id?: string;
  description?: string;
  examples?: unknown[];
};

/** Attach documentation to a schema (kept in zod's global registry, read by `z.toJSONSchema`). */
export function doc<S extends z.ZodMiniType>(schema: S, meta: Doc): S {
  z.globalRegistry.add(schema, meta);
  return schema;
}

const MAX_QUESTION_CHARS = 500;
const MAX_PAGE = 1000;

const question = () =>
  z
    .string({ error: 'question must be a string' })
    .check(
      z.trim(),
      z.minLength(1, 'question must not be empty'),
      z.maxLength(MAX_QUESTION_CHARS, `question must be at most ${MAX_QUESTION_CHARS} characters`),
    );

/** A whole number in [min, max]; `coerce` for the query string (where every value is text). */
const wholeNumber = (name: string, min: number, max: number, coerce = false) =>
  (coerce ? z.coerce.number({ error: `${name} must be a number` }) : z.number({ error: `${name} must be a number` })).check(
    z.int(`${name} must be a whole number`),
    z.gte(min, `${name} must be at least ${min}`),
    z.lte(max, `${name} must be at most ${max}`),
  );

const conversationId = () =>
  doc(
    z.optional(
      z
        .string({ error: 'conversationId must be a string' })
        .check(z.regex(/^[A-Za-z0-9._:-]{1,128}$/, 'conversationId must be 1-128 letters, digits or . _ : -')),
    ),
    {
      description:
        'The conversationId an earlier answer carried (issued by this server), to continue that conversation (follow-ups, "tell me more", "source?", "/new"); remembered for CONVERSATION_TTL_MINUTES of inactivity. An id this server did not issue gets 400 invalid_conversation.',
      examples: ['CD5ZnnvkEtH7ZGOdW-806g'],
    },
  );

const client = () =>
  doc(z.optional(z.enum(['widget'], { error: 'client must be "widget" when given' })), {
    description: 'Set by the Briefbot widget, so the question log (docs/insights.md) counts its questions apart from other API clients.',
  });

/** `POST /api/ask`: the JSON body. */
export const AskBody = doc(
  z.object({
    question: doc(question(), { examples: ['When is Petro meeting Trump?'] }),
    limit: doc(z.optional(wholeNumber('limit', 1, 10)), { description: 'Citations wanted (default 3, at most 10).', examples: [3] }),
    conversationId: conversationId(),
    client: client(),
  }),
  { id: 'AskRequest' },
);

/** `GET /api/ask`: the query string. */
export const AskQuery = z.object({
  q: doc(question(), { description: 'The question.', examples: ['When is Petro meeting Trump?'] }),
  limit: doc(z.optional(wholeNumber('limit', 1, 10, true)), { description: 'Citations wanted (default 3, at most 10).', examples: [3] }),
  conversationId: conversationId(),
  client: client(),
});

/** `GET /api/briefs`: paging. */
export const BriefListQuery = z.object({
  limit: doc(z.optional(wholeNumber('limit', 1, MAX_PAGE, true)), { description: `Briefs per page (default 100, at most ${MAX_PAGE}).`, examples: [20] }),
  offset: doc(z.optional(wholeNumber('offset', 0, Number.MAX_SAFE_INTEGER, true)), { description: 'Briefs to skip (default 0).', examples: [0] }),
});

/** `GET /api/briefs/{id}`: the path. */
export const BriefParams = z.object({
  id: doc(z.string().check(z.minLength(1)), { description: 'The brief id.', examples: ['petro-trump'] }),
});

const MAX_COMMENT_CHARS = 500;

/** `POST /api/feedback`: a reader's vote on an answer. */
export const FeedbackBody = doc(
  z.object({
    answerId: doc(
      z.string({ error: 'answerId must be a string' }).check(z.regex(/^[A-Za-z0-9_-]{22}$/, 'answerId must be the 22-character answerId of an answer')),
      {
        description: 'The answerId the answer carried.',
        examples: ['q1V3m0n8T2yJrj0rLw8H3A'],
      },
    ),
    rating: doc(z.enum(['up', 'down'], { error: 'rating must be "up" or "down"' }), { description: 'Was the answer helpful?', examples: ['down'] }),
    comment: doc(
      z.optional(
        z.string({ error: 'comment must be a string' }).check(z.maxLength(MAX_COMMENT_CHARS, `comment must be at most ${MAX_COMMENT_CHARS} characters`)),
      ),
      { description: `What was wrong or missing (at most ${MAX_COMMENT_CHARS} characters; personal data is removed before it is stored).` },
    ),
  }),
  { id: 'FeedbackRequest' },
);

/**
 * Zod schemas of the JSON API. They validate requests at the edge and are
 * the single source of the OpenAPI document at `/api/openapi.json`.
 * @module
 */
import { z } from '@hono/zod-openapi';

export const MAX_QUESTION_CHARS = 500;

const question = z
  .string({ error: 'question must be a string' })
  .trim()
  .min(1, 'question must not be empty')
  .max(MAX_QUESTION_CHARS, `question must be at most ${MAX_QUESTION_CHARS} characters`);

const limit = z
  .number({ error: 'limit must be a number' })
  .int('limit must be a whole number')
  .min(1, 'limit must be at least 1')
  .max(10, 'limit must be at most 10');

const conversationId = z
  .string({ error: 'conversationId must be a string' })
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'conversationId must be 1-128 letters, digits or . _ : -')
  .openapi({ description: 'The id returned with an earlier answer (issued by this server), to continue that conversation' })
  .openapi({
    description:
      'Any id the client chooses for a conversation: questions sent with the same id are answered as one conversation (follow-ups, "tell me more", "source?", "/new"), remembered for CONVERSATION_TTL_MINUTES of inactivity.',
    example: 'my-session-42',
  });

export const AskBody = z
  .object({
    question: question.openapi({ example: 'When is Petro meeting Trump?' }),
    limit: limit.optional().openapi({ description: 'Citations wanted (default 3, at most 10).', example: 3 }),
    conversationId: conversationId.optional(),
  })
  .openapi('AskRequest');

export const AskQuery = z.object({
  q: question.openapi({ param: { name: 'q', in: 'query' }, example: 'When is Petro meeting Trump?' }),
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .pipe(limit)
    .optional()
    .openapi({ param: { name: 'limit', in: 'query' }, example: 3 }),
  conversationId: conversationId.optional().openapi({ param: { name: 'conversationId', in: 'query' } }),
});

export const Citation = z
  .object({
    briefId: z.string(),
    title: z.string(),
    byline: z.string().nullable(),
    date: z.string().nullable().openapi({ description: 'ISO 8601 date of the brief.' }),
    url: z.string().nullable(),
    passageId: z.string().openapi({ example: 'petro-trump#p1' }),
    snippet: z.string().openapi({ description: 'At most 300 characters: whole sentences, or cut at a word with "…".' }),
    highlights: z
      .array(z.tuple([z.number().int(), z.number().int()]))
      .openapi({ description: '[start, end) character ranges of matched question words in the snippet.' }),
    score: z.number(),
  })
  .openapi('Citation');

export const RelatedBrief = z.object({ briefId: z.string(), title: z.string(), date: z.string().nullable(), url: z.string().nullable() }).openapi('RelatedBrief');

export const AskResponse = z
  .object({
    answered: z.boolean().openapi({ description: 'false when the briefs do not hold an answer.' }),
    answer: z.string().openapi({ description: 'One to three sentences from the briefs, each followed by its marker [n] (citations[n-1]).' }),
    citations: z.array(Citation).openapi({ description: "The answer's sources first, then further supporting passages, best first." }),
    related: z.array(RelatedBrief).optional().openapi({ description: 'Up to 3 briefs near the question, when not answered.' }),
    kind: z
      .enum(['answer', 'no_answer', 'greeting', 'thanks', 'help', 'latest', 'more', 'source', 'reset', 'notice'])
      .optional()
      .openapi({ description: 'What kind of reply this is: an answer, none, or a chat intent such as "latest" or "source".' }),
    followUp: z
      .enum(['no-history', 'announced-shift', 'follow-up', 'new-topic'])
      .optional()
      .openapi({ description: 'With a conversationId: how the question was read against the conversation so far.' }),
    conversationId: z.string().optional(),
    query: z.object({ tookMs: z.number() }),
  })
  .openapi('AskResponse');

export const BriefSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    date: z.string().nullable(),
    byline: z.string().nullable(),
    url: z.string().nullable(),
    tags: z.array(z.string()),
    passageCount: z.number().int(),
  })
  .openapi('BriefSummary');

export const BriefList = z
  .object({
    briefs: z.array(BriefSummary),
    total: z.number().int().openapi({ description: 'Number of briefs in the index.' }),
    offset: z.number().int(),
    limit: z.number().int(),
  })
  .openapi('BriefList');

const pageNumber = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);

export const MAX_PAGE = 1000;

export const BriefListQuery = z.object({
  limit: pageNumber('limit', 1, MAX_PAGE)
    .optional()
    .openapi({ param: { name: 'limit', in: 'query' }, description: `Briefs per page (default 100, at most ${MAX_PAGE}).`, example: 20 }),
  offset: pageNumber('offset', 0, Number.MAX_SAFE_INTEGER)
    .optional()
    .openapi({ param: { name: 'offset', in: 'query' }, description: 'Briefs to skip (default 0).', example: 0 }),
});

export const Passage = z
  .object({ id: z.string(), n: z.number().int(), section: z.string().nullable(), text: z.string() })
  .openapi('Passage');

export const BriefDetail = BriefSummary.extend({
  source: z.string().nullable(),
  lang: z.string(),
  links: z.array(z.object({ text: z.string(), url: z.string() })),
  passages: z.array(Passage),
}).openapi('Brief');

export const BriefParams = z.object({
  id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' }, example: 'petro-trump' }),
});

export const Health = z
  .object({
    status: z.literal('ok'),
    index: z.object({ builtAt: z.string(), briefs: z.number().int(), passages: z.number().int(), contentHash: z.string() }),
    storage: z
      .object({
        mode: z.enum(['bundled', 'r2']),
        build: z.string().optional(),
        objectsFetched: z.number().int().optional(),
        bytesFetched: z.number().int().optional().openapi({ description: 'Shard bytes loaded by this isolate (uncompressed)' }),
        shardsCached: z.number().int().optional(),
        bytesCached: z.number().int().optional(),
        r2Gets: z.number().int().optional(),
        r2Bytes: z.number().int().optional().openapi({ description: 'Bytes read from R2 by this isolate (as stored, gzipped)' }),
        cacheHits: z.number().int().optional(),
        cacheBytes: z.number().int().optional(),
      })
      .optional(),
    state: z
      .object({
        conversations: z.enum(['durable-objects', 'off']).openapi({ description: 'Where conversation memory and webhook de-duplication live ("off": CHAT_STATE binding missing)' }),
        apiRateLimit: z.boolean().openapi({ description: 'API_RATE_LIMIT binding present (per client IP on /api and /v1)' }),
        chatRateLimit: z.boolean().openapi({ description: 'CHAT_RATE_LIMIT binding present (per chat on the webhooks)' }),
      })
      .optional(),
    /** Messaging channels: enabled once their secrets are set (docs/channels.md). */
    channels: z
      .record(z.enum(['telegram', 'slack', 'whatsapp', 'discord', 'twilio', 'line']), z.enum(['enabled', 'disabled']))
      .openapi({ example: { telegram: 'enabled', slack: 'disabled', whatsapp: 'disabled', discord: 'enabled', twilio: 'disabled', line: 'disabled' } }),
  })
  .openapi('Health');

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_request' }),
      message: z.string().openapi({ example: 'question must not be empty' }),
    }),
  })
  .openapi('Error');

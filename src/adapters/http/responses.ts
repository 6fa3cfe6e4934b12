/**
 * Response schemas of the JSON API (`zod/mini`). The Worker does not
 * validate its own responses, so it imports these only as types; they exist
 * for the OpenAPI document (`./openapi.ts`, run at build time), where each
 * `id` is a component of `#/components/schemas`.
 * @module
 */
import * as z from 'zod/mini';
import { doc } from './schemas.js';

const nullableString = () => z.nullable(z.string());

export const Citation = doc(
  z.object({
    briefId: z.string(),
    title: z.string(),
    byline: nullableString(),
    date: doc(nullableString(), { description: 'ISO 8601 date of the brief.' }),
    updated: doc(z.optional(z.string()), { description: "ISO 8601 date of the brief's latest revision, when revised after `date`." }),
    url: nullableString(),
    passageId: doc(z.string(), { examples: ['petro-trump#p1'] }),
    snippet: doc(z.string(), { description: 'At most 300 characters: whole sentences, or cut at a word with "…".' }),
    highlights: doc(z.array(z.tuple([z.int(), z.int()])), { description: '[start, end) character ranges of matched question words in the snippet.' }),
    score: z.number(),
  }),
  { id: 'Citation' },
);

export const RelatedBrief = doc(z.object({ briefId: z.string(), title: z.string(), date: nullableString(), url: nullableString() }), { id: 'RelatedBrief' });

export const AskResponse = doc(
  z.object({
    answered: doc(z.boolean(), { description: 'false when the briefs do not hold an answer.' }),
    answer: doc(z.string(), { description: 'One to three sentences from the briefs, each followed by its marker [n] (citations[n-1]).' }),
    citations: doc(z.array(Citation), { description: "The answer's sources first, then further supporting passages, best first." }),
    related: doc(z.optional(z.array(RelatedBrief)), { description: 'Up to 3 briefs near the question, when not answered.' }),
    kind: doc(z.optional(z.enum(['answer', 'no_answer', 'greeting', 'thanks', 'help', 'latest', 'more', 'source', 'reset', 'notice'])), {
      description: 'What kind of reply this is: an answer, none, or a chat intent such as "latest" or "source".',
    }),
    lang: doc(z.optional(z.string()), {
      description: 'The language of the question (a base tag such as "en", "es", "zh"), which the reply\'s own words are in.',
      examples: ['es'],
    }),
    followUp: doc(z.optional(z.enum(['no-history', 'announced-shift', 'follow-up', 'new-topic'])), {
      description: 'How the question was read against the conversation so far.',
    }),
    asOf: doc(z.optional(z.string()), {
      description: 'When answered from a dated brief: the date (its `updated`, else its `date`) of the brief the first sentence quotes ("As of Feb. 1, 2026").',
    }),
    earlier: doc(z.optional(z.array(z.int())), {
      description:
        'Markers of sentences quoted as earlier context: an older brief of the same story, which a newer brief has overtaken (shown "Earlier, on <date>: …").',
    }),
    times: doc(
      z.optional(
        z.array(
          z.object({
            marker: z.int(),
            phrase: doc(z.string(), { examples: ['Friday', 'next week'] }),
            date: doc(z.string(), { description: 'The day meant (YYYY-MM-DD), or the first day of the week, month or year.' }),
            end: z.optional(z.string()),
            label: doc(z.string(), { examples: ['Jan. 30, 2026', 'the week of Feb. 2, 2026'] }),
          }),
        ),
      ),
      { description: "Relative time words in the quoted sentences, placed on the calendar from their brief's date (the quotes are unchanged)." },
    ),
    expired: doc(z.optional(z.array(z.object({ marker: z.int(), expires: z.string() }))), {
      description: 'Quoted briefs past their `expires` date: they answer only when no other brief does, and may be out of date.',
    }),
    conversationId: doc(z.optional(z.string()), {
      description:
        'The id of this conversation, issued by the server (128 random bits): send it with the next question to continue it. Absent only when the conversation could not be stored.',
    }),
    answerId: doc(z.optional(z.string()), {
      description:
        'The id of this logged question (128 random bits): send it to POST /api/feedback to rate the answer. Only on questions (answered or not), and only while the question log is on (docs/insights.md).',
    }),
    query: z.object({ tookMs: z.number() }),
  }),
  { id: 'AskResponse' },
);

export const FeedbackResponse = doc(z.object({ answerId: z.string(), rating: z.enum(['up', 'down']), stored: z.literal(true) }), { id: 'FeedbackResponse' });

export const BriefSummary = doc(
  z.object({
    id: z.string(),
    title: z.string(),
    date: nullableString(),
    updated: doc(nullableString(), { description: 'Latest revision (front matter `updated`).' }),
    expires: doc(nullableString(), { description: 'After this date the brief answers only when no other brief does.' }),
    story: doc(nullableString(), { description: 'Id of the first brief of the story this brief belongs to; null when it stands alone.' }),
    byline: nullableString(),
    url: nullableString(),
    tags: z.array(z.string()),
    passageCount: z.int(),
  }),
  { id: 'BriefSummary' },
);

export const BriefList = doc(
  z.object({
    briefs: z.array(BriefSummary),
    total: doc(z.int(), { description: 'Number of briefs in the index.' }),
    offset: z.int(),
    limit: z.int(),
  }),
  { id: 'BriefList' },
);

export const Passage = doc(z.object({ id: z.string(), n: z.int(), section: nullableString(), text: z.string() }), { id: 'Passage' });

export const BriefDetail = doc(
  z.extend(BriefSummary, {
    source: nullableString(),
    lang: z.string(),
    links: z.array(z.object({ text: z.string(), url: z.string() })),
    passages: z.array(Passage),
  }),
  { id: 'Brief' },
);

const optionalInt = (description?: string) => (description ? doc(z.optional(z.int()), { description }) : z.optional(z.int()));

export const Health = doc(
  z.object({
    status: z.literal('ok'),
    index: z.object({ builtAt: z.string(), briefs: z.int(), passages: z.int(), contentHash: z.string() }),
    storage: z.optional(
      z.object({
        mode: z.enum(['bundled', 'r2']),
        build: z.optional(z.string()),
        objectsFetched: optionalInt(),
        bytesFetched: optionalInt('Shard bytes loaded by this isolate (uncompressed)'),
        shardsCached: optionalInt(),
        bytesCached: optionalInt(),
        r2Gets: optionalInt(),
        r2Bytes: optionalInt('Bytes read from R2 by this isolate (as stored, gzipped)'),
        cacheHits: optionalInt(),
        cacheBytes: optionalInt(),
      }),
    ),
    state: z.optional(
      z.object({
        conversations: doc(z.enum(['durable-objects', 'off']), {
          description: 'Where conversation memory and webhook de-duplication live ("off": the CHAT_STATE binding is missing)',
        }),
        apiRateLimit: doc(z.boolean(), { description: 'API_RATE_LIMIT binding present (per client IP on /api and /v1)' }),
        chatRateLimit: doc(z.boolean(), { description: 'CHAT_RATE_LIMIT binding present (per chat on the webhooks)' }),
      }),
    ),
    /** Messaging channels: enabled once their secrets are set (docs/channels.md). */
    channels: doc(z.record(z.enum(['telegram', 'slack', 'whatsapp', 'discord', 'twilio', 'line']), z.enum(['enabled', 'disabled'])), {
      examples: [{ telegram: 'enabled', slack: 'disabled', whatsapp: 'disabled', discord: 'enabled', twilio: 'disabled', line: 'disabled' }],
    }),
  }),
  { id: 'Health' },
);

export const ErrorBody = doc(
  z.object({
    error: z.object({
      code: doc(z.string(), { examples: ['invalid_request'] }),
      message: doc(z.string(), { examples: ['question must not be empty'] }),
    }),
  }),
  { id: 'Error' },
);

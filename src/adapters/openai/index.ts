/**
 * OpenAI-compatible API, so any chat UI or SDK that speaks the Chat
 * Completions protocol can talk to Briefbot:
 *
 * - `POST /v1/chat/completions`: `messages` (the history), `stream`, `model`;
 *   sampling options (`temperature`, `top_p`, `max_tokens`…) are accepted and
 *   ignored. The reply is the same cited answer as `POST /api/ask`, with `[n]`
 *   markers and a "Sources:" list in `content`, and the structured citations in
 *   the extra `briefbot` field. `stream: true` sends Server-Sent Events
 *   `chat.completion.chunk`s ending in `data: [DONE]`.
 * - `GET /v1/models` (and `/v1/models/briefbot`) lists the bot.
 * - Bearer auth with the `BRIEFBOT_API_KEY` secret, off when it is unset.
 *
 * Errors use OpenAI's shape, `{ "error": { "message", "type", "param", "code" } }`.
 * See docs/conversations.md.
 * @module
 */
import { Hono, type Context } from 'hono';
import { chat, type ChatReply } from '../../core/chat.js';
import { MAX_TURNS } from '../../core/conversation.js';
import type { Engine } from '../../core/engine.js';
import type { Turn } from '../../core/types.js';
import type { AppEnv } from '../../env.js';
import { requireApiKey } from '../api-key.js';
import { limitBody } from '../body-limit.js';
import { ApiError } from '../errors.js';
import { backgroundOf, logReply } from '../insights/record.js';
import { formatReply } from '../chat/format.js';

/** The one model this server offers. Requests may name any model; replies always say this one. */
const MODEL_ID = 'briefbot';
/** Largest request body accepted. */
const MAX_BODY_BYTES = 256 * 1024;
/** Longest message accepted (the question, or any earlier message). */
const MAX_MESSAGE_CHARS = 4000;
/** Most messages accepted in one request. */
const MAX_MESSAGES = 200;

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);
/** A stable creation time for the model listing (the project's first release). */
const MODEL_CREATED = 1767225600;

/** OpenAI's error `type` for a status (an error may name its own, e.g. "requests" for rate limits). */
function errorType(status: number): string {
  if (status === 401) return 'invalid_request_error';
  if (status === 429) return 'requests';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

/** An {@link ApiError} in OpenAI's shape: `{ error: { message, type, param, code } }`. */
export function openaiError(c: Context, err: ApiError): Response {
  const { param = null, type = errorType(err.status), headers } = err.options;
  return c.json({ error: { message: err.message, type, param, code: err.code } }, err.status, headers);
}

/** A request the Chat Completions protocol does not accept: 400 naming the field. */
const invalid = (message: string, code: string, param: string | null) => new ApiError(400, code, message, { param });

interface ParsedRequest {
  /** The last user message: what to answer. */
  question: string;
  /** The earlier user messages, oldest first (replayed to rebuild the conversation). */
  earlier: string[];
  stream: boolean;
  includeUsage: boolean;
  promptChars: number;
}

/** Text of a message's `content`: a string, `null` (assistant tool calls), or text parts. */
function contentText(content: unknown, i: number): string {
  if (typeof content === 'string') return content;
  if (content === null || content === undefined) return '';
  if (Array.isArray(content)) {
    return content
      .map((part, j) => {
        if (part && typeof part === 'object' && (part as { type?: unknown }).type === 'text' && typeof (part as { text?: unknown }).text === 'string') {
          return (part as { text: string }).text;
        }
        if (part && typeof part === 'object' && (part as { type?: unknown }).type === 'refusal') return '';
        throw invalid(`Only text content is supported; messages[${i}].content[${j}] is not a text part.`, 'invalid_value', `messages[${i}].content[${j}]`);
      })
      .join('\n');
  }
  throw invalid(`messages[${i}].content must be a string or an array of text parts.`, 'invalid_type', `messages[${i}].content`);
}

/** Validate a Chat Completions request body. */
function parseChatRequest(body: unknown): ParsedRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid('The request body must be a JSON object.', 'invalid_type', null);
  const b = body as Record<string, unknown>;
  if (b.model !== undefined && typeof b.model !== 'string') throw invalid('model must be a string.', 'invalid_type', 'model');
  if (b.stream !== undefined && b.stream !== null && typeof b.stream !== 'boolean') throw invalid('stream must be a boolean.', 'invalid_type', 'stream');
  if (b.n !== undefined && b.n !== null && b.n !== 1) throw invalid('Only n=1 is supported.', 'invalid_value', 'n');
  if (b.messages === undefined) throw invalid("Missing required parameter: 'messages'.", 'missing_required_parameter', 'messages');
  if (!Array.isArray(b.messages)) throw invalid('messages must be an array.', 'invalid_type', 'messages');
  if (b.messages.length === 0) throw invalid('messages must contain at least one message.', 'empty_array', 'messages');
  if (b.messages.length > MAX_MESSAGES) throw invalid(`At most ${MAX_MESSAGES} messages are accepted.`, 'array_above_max_length', 'messages');

  const users: string[] = [];
  let promptChars = 0;
  let lastRole = '';
  b.messages.forEach((m, i) => {
    if (!m || typeof m !== 'object' || Array.isArray(m)) throw invalid(`messages[${i}] must be an object.`, 'invalid_type', `messages[${i}]`);
    const role = (m as { role?: unknown }).role;
    if (typeof role !== 'string' || !ROLES.has(role)) {
      throw invalid(
        `Invalid value for messages[${i}].role: ${JSON.stringify(role ?? null)}. Supported values are: 'system', 'developer', 'user', 'assistant', 'tool' and 'function'.`,
        'invalid_value',
        `messages[${i}].role`,
      );
    }
    const text = contentText((m as { content?: unknown }).content, i);
    if (text.length > MAX_MESSAGE_CHARS) {
      throw invalid(
        `messages[${i}].content is too long: ${text.length} characters, at most ${MAX_MESSAGE_CHARS} are accepted.`,
        'context_length_exceeded',
        `messages[${i}].content`,
      );
    }
    promptChars += text.length;
    lastRole = role;
    if (role === 'user') users.push(text);
  });
  if (lastRole !== 'user') throw invalid('The last message must have the role "user": it is the question to answer.', 'invalid_value', 'messages');
  const question = users.pop()!;
  if (question.trim() === '') throw invalid('The last user message is empty.', 'invalid_value', `messages[${b.messages.length - 1}].content`);
  const options = b.stream_options as { include_usage?: unknown } | undefined | null;
  return { question, earlier: users, stream: b.stream === true, includeUsage: options?.include_usage === true, promptChars };
}

/**
 * The conversation so far, rebuilt by replaying the earlier user messages
 * through the same chat logic (deterministic, so the history is exactly what
 * this server would have remembered; assistant messages need not be echoed
 * back verbatim). Only the last few matter.
 */
export function replayHistory(engine: Engine, earlier: string[]): Turn[] {
  let history: Turn[] = [];
  for (const text of earlier.slice(-MAX_TURNS)) {
    if (text.trim() === '') continue;
    history = chat(engine, text, history).history;
  }
  return history;
}

/** The assistant message: the reply in Markdown (its text, then its sources or related briefs), as every channel renders it. */
export function renderContent(reply: ChatReply): string {
  return formatReply(reply, 'markdown', Number.POSITIVE_INFINITY);
}

/** A rough token count (about 4 characters a token): there is no tokenizer here. */
function tokens(chars: number): number {
  return Math.ceil(chars / 4);
}

/** Pieces of the content for streaming: a few words each, so clients render progressively. */
function pieces(text: string): string[] {
  return (
    text.match(/\S+\s*|\s+/g)?.reduce<string[]>((out, w, i) => {
      if (i % 4 === 0) out.push(w);
      else out[out.length - 1] += w;
      return out;
    }, []) ?? [text]
  );
}

export function openaiApp() {
  const app = new Hono<AppEnv>();

  // With BRIEFBOT_API_KEY set, only its bearer gets through (api-key.ts); hono's bearerAuth adds WWW-Authenticate.
  app.use(
    '*',
    requireApiKey((c) => openaiError(c, new ApiError(401, 'invalid_api_key', 'Invalid or missing API key: send "Authorization: Bearer <key>".'))),
  );

  const model = { id: MODEL_ID, object: 'model', created: MODEL_CREATED, owned_by: 'briefbot' };
  app.get('/models', (c) => c.json({ object: 'list', data: [model] }));
  app.get('/models/:id', (c) =>
    c.req.param('id') === MODEL_ID
      ? c.json(model)
      : openaiError(c, new ApiError(404, 'model_not_found', `The model '${c.req.param('id')}' does not exist.`, { param: 'model' })),
  );

  // The body is counted as it streams in (a chunked body has no Content-Length to trust).
  const limit = limitBody(MAX_BODY_BYTES, (c) =>
    openaiError(c, new ApiError(413, 'request_too_large', `The request body is larger than ${MAX_BODY_BYTES} bytes.`)),
  );
  app.post('/chat/completions', limit, async (c) => {
    const raw = await c.req.text();
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw invalid('The request body is not valid JSON.', 'invalid_json', null);
    }
    const req = parseChatRequest(body);

    const engine = c.var.engine;
    const started = performance.now();
    // Shards for the question and every replayed one are fetched together (R2 storage).
    const replayed = req.earlier.slice(-MAX_TURNS);
    const reply = (await engine.run([...replayed, req.question], () => chat(engine, req.question, replayHistory(engine, replayed)))).reply;
    // The question log (docs/insights.md), written after the reply; the answerId is for POST /api/feedback.
    const answerId = logReply(c.env, { surface: 'openai', background: backgroundOf(c) }, req.question, reply, performance.now() - started);
    const content = renderContent(reply);
    const id = `chatcmpl-${crypto.randomUUID().replace(/-/g, '')}`;
    const created = Math.floor(Date.now() / 1000);
    const extra = {
      kind: reply.kind,
      answered: reply.answered,
      citations: reply.citations,
      ...(reply.related ? { related: reply.related } : {}),
      ...(reply.followUp ? { followUp: reply.followUp } : {}),
      ...(answerId ? { answerId } : {}),
    };
    const usage = {
      prompt_tokens: tokens(req.promptChars),
      completion_tokens: tokens(content.length),
      total_tokens: tokens(req.promptChars) + tokens(content.length),
    };

    if (!req.stream) {
      return c.json({
        id,
        object: 'chat.completion',
        created,
        model: MODEL_ID,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage,
        system_fingerprint: null,
        briefbot: extra,
      });
    }

    const chunk = (delta: Record<string, unknown>, finish: string | null, more: Record<string, unknown> = {}) => ({
      id,
      object: 'chat.completion.chunk',
      created,
      model: MODEL_ID,
      system_fingerprint: null,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      ...more,
    });
    const events: unknown[] = [chunk({ role: 'assistant', content: '' }, null)];
    for (const piece of pieces(content)) events.push(chunk({ content: piece }, null));
    events.push(chunk({}, 'stop', { briefbot: extra }));
    if (req.includeUsage) events.push({ id, object: 'chat.completion.chunk', created, model: MODEL_ID, system_fingerprint: null, choices: [], usage });
    const sse = events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join('') + 'data: [DONE]\n\n';
    return new Response(sse, {
      headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' },
    });
  });

  app.all('*', (c) => openaiError(c, new ApiError(404, 'unknown_url', `Unknown endpoint ${c.req.method} ${new URL(c.req.url).pathname}.`)));
  return app;
}

/**
 * The MCP server's surface: four read-only tools and the briefs as resources,
 * on the official TypeScript SDK's {@link McpServer}. Each tool is a thin
 * wrapper of the core: `ask` is one chat turn ({@link chat}, the reply every
 * surface shows, rendered by `chat/format.ts`), `search_briefs` the ranked
 * passages ({@link searchPassages}), `get_brief` and `latest_briefs` the
 * briefs themselves. Every result has its text for the model and the same
 * data as `structuredContent`, described by an `outputSchema`.
 *
 * Bad arguments (a missing question, a limit out of range) come back as a
 * tool error result naming the field, as the MCP specification asks for
 * input validation errors (the model can read it and correct the call); an
 * unknown tool, an unknown brief resource or malformed JSON-RPC are JSON-RPC
 * errors.
 * @module
 */
import { McpServer, ResourceNotFoundError, ResourceTemplate } from '@modelcontextprotocol/server';
import type { CallToolResult } from '@modelcontextprotocol/server';
// Classic zod: its schemas carry the JSON Schema the SDK advertises (`~standard.jsonSchema`), and the SDK bundles it anyway.
import * as z from 'zod';
import { chat } from '../../core/chat.js';
import { summarize, type BriefSummary, type Engine } from '../../core/engine.js';
import { SEARCH_MAX, searchPassages } from '../../core/search.js';
import type { Brief, Citation } from '../../core/types.js';
import { formatReply } from '../chat/format.js';

/** The implementation version the server reports (package.json's). */
const SERVER_VERSION = '0.1.0';
/** Longest question or query accepted (as on `POST /api/ask`). */
const MAX_QUESTION_CHARS = 500;
/** Most briefs `latest_briefs` and the resource list return. */
const LATEST_MAX = 50;
/** Briefs the resource list names (newest first); every other one is still readable by its URI. */
const RESOURCE_LIST_MAX = 100;

const question = z.string().trim().min(1, 'must not be empty').max(MAX_QUESTION_CHARS, `must be at most ${MAX_QUESTION_CHARS} characters`);
const limit = (max: number, what: string) => z.int().min(1).max(max).describe(`${what} (1–${max})`).optional();

const CitationOut = z.object({
  briefId: z.string(),
  passageId: z.string(),
  title: z.string(),
  byline: z.string().nullable(),
  date: z.string().nullable(),
  updated: z.string().nullable(),
  url: z.string().nullable(),
  snippet: z.string(),
  score: z.number(),
});
const BriefOut = z.object({
  id: z.string(),
  uri: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  byline: z.string().nullable(),
  url: z.string().nullable(),
  tags: z.array(z.string()),
  passageCount: z.number(),
});

/** What a client sees of a citation (the fields the API documents; `highlights` are for the widget). */
function citationOut(c: Citation): z.infer<typeof CitationOut> {
  return {
    briefId: c.briefId,
    passageId: c.passageId,
    title: c.title,
    byline: c.byline,
    date: c.date,
    updated: c.updated ?? null,
    url: c.url,
    snippet: c.snippet,
    score: c.score,
  };
}

function briefOut(b: BriefSummary): z.infer<typeof BriefOut> {
  return { id: b.id, uri: briefUri(b.id), title: b.title, date: b.date, byline: b.byline, url: b.url, tags: b.tags, passageCount: b.passageCount };
}

const briefUri = (id: string) => `brief://${encodeURIComponent(id)}`;

/** A brief as text: title, a line of what is known about it, then each paragraph under its id. */
function briefText(brief: Brief): string {
  const about = [brief.date?.slice(0, 10), brief.byline, brief.source, brief.url].filter(Boolean).join(' · ');
  const lines = [`# ${brief.title}`, ''];
  if (about) lines.push(about, '');
  let section: string | undefined;
  for (const p of brief.passages) {
    if (p.section && p.section !== section) lines.push(`## ${p.section}`, '');
    section = p.section;
    lines.push(`[${p.id}] ${p.text}`, '');
  }
  return lines.join('\n').trimEnd() + '\n';
}

/** A tool's failure the model can act on (not a protocol error). */
function toolError(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

const readOnly = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

/** A fresh server for one request, over `engine` (stateless: nothing is kept between requests). */
export function buildServer(engine: Engine): McpServer {
  const server = new McpServer(
    { name: 'briefbot', title: 'Briefbot', version: SERVER_VERSION },
    {
      capabilities: { tools: {}, resources: {} },
      instructions:
        'Briefbot answers questions from a newsroom’s briefs with sentences quoted word for word, each with its source. ' +
        'Use `ask` for a direct cited answer, `search_briefs` to read the best passages yourself, `get_brief` for a whole brief ' +
        '(paragraph ids like `<briefId>#p2` are citable), `latest_briefs` for what is new. Quote and cite the briefs; do not add facts they do not state.',
    },
  );

  server.registerTool(
    'ask',
    {
      title: 'Ask the briefs',
      description:
        'Answer a question from the briefs: 1–3 sentences quoted from them, each followed by its [n] marker, then the sources. ' +
        'Says so when the briefs do not hold the answer (answered: false) and names related briefs. The citations are also in structuredContent.',
      inputSchema: z.object({ question: question.describe('The question, in plain words'), limit: limit(10, 'Citations wanted, default 3') }),
      outputSchema: z.object({
        kind: z.string(),
        answered: z.boolean(),
        answer: z.string(),
        asOf: z.string().nullable().describe('The date of the brief the answer first quotes'),
        citations: z.array(CitationOut),
        related: z.array(z.object({ briefId: z.string(), title: z.string(), date: z.string().nullable(), url: z.string().nullable() })),
      }),
      annotations: readOnly,
    },
    async ({ question, limit }) => {
      const { reply } = await engine.run(question, () => chat(engine, question, [], { limit }));
      const structured = {
        kind: reply.kind,
        answered: reply.answered,
        answer: reply.answer,
        asOf: reply.asOf ?? null,
        citations: reply.citations.map(citationOut),
        related: (reply.related ?? []).map((r) => ({ briefId: r.briefId, title: r.title, date: r.date, url: r.url })),
      };
      return { content: [{ type: 'text', text: formatReply(reply, 'markdown', Number.POSITIVE_INFINITY) }], structuredContent: structured };
    },
  );

  server.registerTool(
    'search_briefs',
    {
      title: 'Search the briefs',
      description:
        'Find the passages of the briefs that best match a query, best first, each with its passage id, a snippet of at most 300 characters, ' +
        'and its brief’s title, date and URL. Read whole briefs with get_brief.',
      inputSchema: z.object({ query: question.describe('Words to search for'), limit: limit(SEARCH_MAX, 'Passages wanted, default 5') }),
      outputSchema: z.object({ passages: z.array(CitationOut) }),
      annotations: readOnly,
    },
    async ({ query, limit }) => {
      const passages = (await engine.run(query, () => searchPassages(engine, query, limit ?? 5))).map(citationOut);
      const text = passages.length
        ? passages.map((p, i) => `${i + 1}. [${p.passageId}] ${p.title}${p.date ? ` (${p.date.slice(0, 10)})` : ''}\n   ${p.snippet}`).join('\n')
        : `No passage of the briefs matches "${query}".`;
      return { content: [{ type: 'text', text }], structuredContent: { passages } };
    },
  );

  server.registerTool(
    'get_brief',
    {
      title: 'Read a brief',
      description: 'One brief in full: its title, date, byline and URL, then every paragraph under its passage id (`<briefId>#p<n>`).',
      inputSchema: z.object({ id: z.string().min(1).max(200).describe('The brief id, e.g. from search_briefs or latest_briefs') }),
      outputSchema: z.object({
        ...BriefOut.shape,
        passages: z.array(z.object({ id: z.string(), n: z.number(), section: z.string().nullable(), text: z.string() })),
      }),
      annotations: readOnly,
    },
    async ({ id }) => {
      const brief = await engine.briefAsync(id);
      if (!brief) return toolError(`No brief with id "${id}". Find ids with search_briefs or latest_briefs.`);
      const structured = {
        ...briefOut(summarize(brief)),
        passages: brief.passages.map((p) => ({ id: p.id, n: p.n, section: p.section ?? null, text: p.text })),
      };
      return {
        content: [{ type: 'text', text: briefText(brief) }],
        structuredContent: structured,
      };
    },
  );

  server.registerTool(
    'latest_briefs',
    {
      title: 'Latest briefs',
      description: 'The newest briefs, newest first: id, title, date, byline, URL and tags.',
      inputSchema: z.object({ limit: limit(LATEST_MAX, 'Briefs wanted, default 5') }),
      outputSchema: z.object({ briefs: z.array(BriefOut), total: z.number() }),
      annotations: readOnly,
    },
    async ({ limit }) => {
      const briefs = engine.list(limit ?? 5).map(briefOut);
      const text = briefs.length
        ? briefs.map((b, i) => `${i + 1}. ${b.title}${b.date ? ` (${b.date.slice(0, 10)})` : ''} — id ${b.id}${b.url ? ` — ${b.url}` : ''}`).join('\n')
        : 'There are no briefs yet.';
      return { content: [{ type: 'text', text }], structuredContent: { briefs, total: engine.briefs.length } };
    },
  );

  server.registerResource(
    'brief',
    new ResourceTemplate('brief://{id}', {
      list: () => ({
        resources: engine.list(RESOURCE_LIST_MAX).map((b) => ({
          uri: briefUri(b.id),
          name: b.id,
          title: b.title,
          mimeType: 'text/markdown',
          ...(b.date ? { annotations: { lastModified: toTimestamp(b.date) } } : {}),
        })),
      }),
    }),
    { title: 'Brief', description: 'One brief: its title and paragraphs, each under its passage id.', mimeType: 'text/markdown' },
    async (uri, { id }) => {
      const key = decodeURIComponent(String(id));
      const brief = await engine.briefAsync(key);
      if (!brief) throw new ResourceNotFoundError(uri.href, `No brief with id "${key}"`);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: briefText(brief) }] };
    },
  );

  return server;
}

/** A brief's date as the ISO 8601 timestamp MCP annotations carry. */
function toTimestamp(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date;
}

/**
 * `/mcp` in workerd, through the official MCP client SDKs: the widely deployed
 * 1.x client (`@modelcontextprotocol/sdk`, protocol 2025-11-25, what mcp-remote and
 * most assistants run) and the 2.x client (`@modelcontextprotocol/client`), which
 * negotiates the 2026-07-28 revision when the server offers it. Both call the
 * Worker through `SELF.fetch`.
 */
import { Client as ClientV2, StreamableHTTPClientTransport as TransportV2 } from '@modelcontextprotocol/client';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as TransportV1 } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/cfworker';
import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, inOneRateLimitWindow, WAITS_FOR_WINDOW } from './channels/helpers.js';

const URL_MCP = new URL('https://briefbot.test/mcp');
const KEY = 'test-briefbot-key'; // vitest.config.mts
const SEED = '000-3f25df5bcd3f84e8';
const workerFetch = SELF.fetch.bind(SELF) as unknown as typeof fetch;
const headers = (key: string | null): Record<string, string> => (key ? { Authorization: `Bearer ${key}` } : {});

/** What the tests use of a connected client (both SDKs have these methods). */
interface McpClient {
  listTools(): Promise<{ tools: { name: string; inputSchema: unknown; outputSchema?: unknown; annotations?: { readOnlyHint?: boolean } }[] }>;
  callTool(params: { name: string; arguments?: Record<string, unknown> }): Promise<unknown>;
  listResources(): Promise<{ resources: { uri: string; name: string; title?: string; mimeType?: string }[] }>;
  listResourceTemplates(): Promise<{ resourceTemplates: { uriTemplate: string }[] }>;
  readResource(params: { uri: string }): Promise<{ contents: { uri: string; mimeType?: string; text?: string }[] }>;
  close(): Promise<void>;
}

interface ToolResult {
  content: { type: string; text: string }[];
  structuredContent?: any;
  isError?: boolean;
}

const clients: [string, (key: string | null) => Promise<McpClient>][] = [
  [
    '@modelcontextprotocol/sdk 1.x client',
    async (key) => {
      // The 1.x client's default validator (Ajv) compiles code at run time, which workerd forbids.
      const client = new ClientV1({ name: 'briefbot-test', version: '1.0.0' }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
      await client.connect(new TransportV1(URL_MCP, { fetch: workerFetch, requestInit: { headers: headers(key) } }));
      return client as unknown as McpClient;
    },
  ],
  [
    '@modelcontextprotocol/client 2.x client (version negotiation: auto)',
    async (key) => {
      const client = new ClientV2({ name: 'briefbot-test', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } });
      await client.connect(new TransportV2(URL_MCP, { fetch: workerFetch, requestInit: { headers: headers(key) } }));
      return client as unknown as McpClient;
    },
  ],
];

describe.each(clients)('MCP over Streamable HTTP with the %s', (_name, connect) => {
  it('lists the four read-only tools with their input and output schemas', async () => {
    const client = await connect(KEY);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['ask', 'get_brief', 'latest_briefs', 'search_briefs']);
    for (const t of tools) {
      expect(t.inputSchema).toMatchObject({ type: 'object' });
      expect(t.outputSchema).toMatchObject({ type: 'object' });
      expect(t.annotations?.readOnlyHint).toBe(true);
    }
    const ask = tools.find((t) => t.name === 'ask')!;
    expect(ask.inputSchema).toMatchObject({ required: ['question'], properties: { question: { type: 'string', maxLength: 500 } } });
    await client.close();
  });

  it('ask: "When is Petro meeting Trump?" → Feb. 3, cited from the seed brief, citations as structured content', async () => {
    const client = await connect(KEY);
    const result = (await client.callTool({ name: 'ask', arguments: { question: 'When is Petro meeting Trump?' } })) as ToolResult;
    expect(result.isError).toBeFalsy();
    const text = result.content[0]!.text;
    expect(text).toMatch(/Feb\. 3\. \[1\]/);
    expect(text).toContain('**Sources**\n[1] Colombian President optimistic about high-stakes White House meeting with Trump');
    const s = result.structuredContent;
    expect(s.kind).toBe('answer');
    expect(s.answered).toBe(true);
    expect(s.answer).toContain('Feb. 3');
    expect(s.asOf).toBe('2026-01-30'); // the seed brief's date
    expect(s.citations[0]).toMatchObject({ briefId: SEED, passageId: `${SEED}#p1`, title: expect.stringContaining('Colombian President') });
    expect(s.citations[0].snippet).toContain('Feb. 3');
    await client.close();
  });

  it('ask: a question the briefs do not answer says so (answered: false), not an error', async () => {
    const client = await connect(KEY);
    const result = (await client.callTool({ name: 'ask', arguments: { question: 'What is the boiling point of tungsten?' } })) as ToolResult;
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent.answered).toBe(false);
    expect(result.structuredContent.citations).toEqual([]);
    await client.close();
  });

  it('search_briefs: passages with ids, snippets and their brief', async () => {
    const client = await connect(KEY);
    const result = (await client.callTool({ name: 'search_briefs', arguments: { query: 'Rubio call foreign minister', limit: 2 } })) as ToolResult;
    const passages = result.structuredContent.passages as { passageId: string; briefId: string; snippet: string; title: string }[];
    expect(passages.length).toBe(2);
    expect(passages[0]!.passageId).toMatch(new RegExp(`^${SEED}#p\\d+$`));
    expect(passages[0]!.snippet).toMatch(/Rubio/);
    expect(passages[0]!.snippet.length).toBeLessThanOrEqual(300);
    expect(result.content[0]!.text).toContain(`[${passages[0]!.passageId}]`);
    await client.close();
  });

  it('get_brief and latest_briefs: the brief with paragraph ids; the newest briefs', async () => {
    const client = await connect(KEY);
    const latest = (await client.callTool({ name: 'latest_briefs', arguments: {} })) as ToolResult;
    expect(latest.structuredContent.total).toBe(1);
    expect(latest.structuredContent.briefs[0]).toMatchObject({ id: SEED, uri: `brief://${SEED}` });
    const brief = (await client.callTool({ name: 'get_brief', arguments: { id: SEED } })) as ToolResult;
    expect(brief.content[0]!.text).toMatch(/^# Colombian President optimistic/);
    expect(brief.content[0]!.text).toContain(`[${SEED}#p1] Colombian President Gustavo Petro said`);
    expect(brief.structuredContent.passages[0]).toMatchObject({ id: `${SEED}#p1`, n: 1 });
    const missing = (await client.callTool({ name: 'get_brief', arguments: { id: 'no-such-brief' } })) as ToolResult;
    expect(missing.isError).toBe(true);
    expect(missing.content[0]!.text).toContain('No brief with id "no-such-brief"');
    await client.close();
  });

  it('briefs are resources: brief://{id} listed and read', async () => {
    const client = await connect(KEY);
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['brief://{id}']);
    const { resources } = await client.listResources();
    expect(resources).toEqual([expect.objectContaining({ uri: `brief://${SEED}`, name: SEED, mimeType: 'text/markdown' })]);
    const read = await client.readResource({ uri: `brief://${SEED}` });
    expect(read.contents[0]!.uri).toBe(`brief://${SEED}`);
    expect(read.contents[0]!.text).toContain(`[${SEED}#p4] In a significant diplomatic shift`);
    await expect(client.readResource({ uri: 'brief://no-such-brief' })).rejects.toThrow(/No brief with id "no-such-brief"/);
    await client.close();
  });

  it('bad arguments: a tool error naming the field; an unknown tool: a JSON-RPC error', async () => {
    const client = await connect(KEY);
    const empty = (await client.callTool({ name: 'ask', arguments: { question: '   ' } })) as ToolResult;
    expect(empty.isError).toBe(true);
    expect(empty.content[0]!.text).toMatch(/question/);
    const wrongType = (await client.callTool({ name: 'search_briefs', arguments: { query: 'Petro', limit: 500 } })) as ToolResult;
    expect(wrongType.isError).toBe(true);
    expect(wrongType.content[0]!.text).toMatch(/limit/);
    await expect(client.callTool({ name: 'delete_briefs', arguments: {} })).rejects.toThrow(/delete_briefs/);
    await client.close();
  });

  it('refuses a client without the API key (BRIEFBOT_API_KEY is set), and one with a wrong key', async () => {
    await expect(connect(null)).rejects.toThrow();
    await expect(connect('not-the-key')).rejects.toThrow();
  });
});

/** Raw JSON-RPC over HTTP, as a client without the SDK would send it. */
function rpc(body: string, init: { key?: string | null; headers?: Record<string, string> } = {}) {
  return SELF.fetch(URL_MCP, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
      ...headers(init.key === undefined ? KEY : init.key),
      ...init.headers,
    },
    body,
  });
}

const INIT = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'curl', version: '1' } },
});

describe('MCP over HTTP, on the wire', () => {
  it('a refusal is JSON-RPC shaped: 401 with WWW-Authenticate, never HTML', async () => {
    const res = await rpc(INIT, { key: null });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as any;
    expect(body).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32001, message: expect.stringContaining('API key'), data: { code: 'invalid_api_key' } } });
  });

  it('lets browser clients in: a CORS preflight is answered without the key', async () => {
    const res = await SELF.fetch(URL_MCP, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://inspector.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type, mcp-protocol-version',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/mcp-protocol-version/);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
  });

  it('malformed JSON is a JSON-RPC parse error (-32700)', async () => {
    const res = await rpc('{"jsonrpc": "2.0", "id": 1, "method": ');
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.jsonrpc).toBe('2.0');
    expect(body.error.code).toBe(-32700);
  });

  it('answers an initialize with the server info and its capabilities (stateless: no session id)', async () => {
    const res = await rpc(INIT);
    expect(res.status).toBe(200);
    expect(res.headers.get('mcp-session-id')).toBeNull();
    const text = await res.text();
    const json = JSON.parse(res.headers.get('content-type')?.includes('text/event-stream') ? /^data: (.*)$/m.exec(text)![1]! : text);
    expect(json.result.serverInfo.name).toBe('briefbot');
    expect(json.result.capabilities).toMatchObject({ tools: {}, resources: {} });
  });

  it('is rate-limited per client like /v1: the 4th request in a minute gets a JSON-RPC 429 with Retry-After', WAITS_FOR_WINDOW, async () => {
    // The real limiter at 3 a minute (TIGHT_RATE_LIMIT in vitest.config.mts), as tests/worker/rate-limit.spec.ts does.
    const request = () =>
      call(
        new Request(URL_MCP, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers(KEY), 'CF-Connecting-IP': '192.0.2.61' },
          body: INIT,
        }),
        { API_RATE_LIMIT: env.TIGHT_RATE_LIMIT },
      );
    await inOneRateLimitWindow();
    for (let i = 0; i < 3; i++) expect((await request()).status).toBe(200);
    const refused = await request();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('60');
    const body = (await refused.json()) as any;
    expect(body).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32029, data: { code: 'rate_limited' } } });
  });
});

/**
 * `/mcp`: a Model Context Protocol server over Streamable HTTP, so AI
 * assistants (Claude, Cursor, VS Code, ChatGPT connectors…) can ask the briefs
 * and quote them with their sources. Built on the official TypeScript SDK's
 * web-standard entry (`createMcpHandler`): stateless, a fresh server per
 * request, no session to keep — it serves 2025-era clients (`initialize`, the
 * 2025-11-25 revision and older) and the per-request 2026-07-28 revision alike.
 * Tools and resources: `./server.ts`. Client set-up: docs/mcp.md.
 *
 * Around it, the same protection as `/v1`: bearer auth with the
 * `BRIEFBOT_API_KEY` secret when it is set (constant-time comparison), and the
 * per-IP `API_RATE_LIMIT` (mounted in app.ts). Every refusal is JSON-RPC
 * shaped, `{ jsonrpc: "2.0", id: null, error: { code, message, data: { code } } }`,
 * with the HTTP status that says it (401 with `WWW-Authenticate`, 429 with
 * `Retry-After`, 503 when the index cannot be read).
 * @module
 */
import { createMcpHandler } from '@modelcontextprotocol/server';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env.js';
import { requireApiKey } from '../api-key.js';
import { ApiError } from '../errors.js';
import { buildServer } from './server.js';

/** Largest request body read (a tool call is a few hundred bytes). */
const MAX_BODY_BYTES = 64 * 1024;

/** JSON-RPC codes for refusals made before the MCP server runs (the -32000…-32099 range is the server's own). */
const RPC_CODES: Record<number, number> = { 401: -32001, 429: -32029 };

/** An {@link ApiError} as a JSON-RPC error response (`id: null`: the request was not read). */
export function mcpError(c: Context, err: ApiError): Response {
  const code = RPC_CODES[err.status] ?? (err.status >= 500 ? -32603 : -32600);
  return c.json({ jsonrpc: '2.0', id: null, error: { code, message: err.message, data: { code: err.code } } }, err.status, err.options.headers);
}

/** The `/mcp` endpoint as a Hono sub-app (mount it at `/mcp`). */
export function mcpApp() {
  const app = new Hono<AppEnv>();

  app.use(
    '*',
    requireApiKey((c) =>
      mcpError(
        c,
        new ApiError(401, 'invalid_api_key', 'Invalid or missing API key: send "Authorization: Bearer <key>".', {
          headers: { 'WWW-Authenticate': 'Bearer realm="briefbot"' },
        }),
      ),
    ),
  );

  app.all('/', (c) => {
    const engine = c.var.engine;
    // One handler per request: nothing outlives the request (Workers may not share I/O between requests).
    const handler = createMcpHandler(() => buildServer(engine), {
      legacy: 'stateless',
      maxRequestBodySize: MAX_BODY_BYTES,
      onerror: (err) => console.warn(`briefbot: mcp: ${err.message}`),
    });
    return handler.fetch(c.req.raw);
  });
  return app;
}

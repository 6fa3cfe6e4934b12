/**
 * The Hono application: shared middleware, the JSON API and every adapter.
 * `createApp` takes the engine loader, so the Worker passes the bundled index
 * and tests can pass one built from fixture briefs.
 * @module
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { secureHeaders } from 'hono/secure-headers';
import { admin } from './adapters/admin/index.js';
import { channelStatus } from './adapters/chat/index.js';
import { discord } from './adapters/discord/index.js';
import { ApiError, asApiError, jsonError, onJsonError } from './adapters/errors.js';
import { api } from './adapters/http/index.js';
import { health } from './adapters/http/routes.js';
import { line } from './adapters/line/index.js';
import { mcpApp, mcpError } from './adapters/mcp/index.js';
import { openaiApp, openaiError } from './adapters/openai/index.js';
import { limitClients, RETRY_AFTER_SECONDS } from './adapters/rate-limit.js';
import { slack } from './adapters/slack/index.js';
import { telegram } from './adapters/telegram/index.js';
import { twilio } from './adapters/twilio/index.js';
import { whatsapp } from './adapters/whatsapp/index.js';
import { widget } from './adapters/widget/index.js';
import type { Engine } from './core/engine.js';
import type { AppEnv, Env } from './env.js';
import { OPENAPI_JSON } from './generated/openapi.js';
import { transfer } from './storage/r2-shards.js';

export function createApp(getEngine: (env: Env) => Engine | Promise<Engine>) {
  const app = new Hono<AppEnv>();

  // One mapping of failures (adapters/errors.ts), rendered in each surface's shape: OpenAI's on /v1, ours elsewhere.
  app.onError((err, c) => {
    // A middleware that already rendered its refusal (hono's bearerAuth on /v1) carries its response.
    if (err instanceof HTTPException && err.res) return err.getResponse();
    if (c.req.path === '/v1' || c.req.path.startsWith('/v1/')) return openaiError(c, asApiError(err));
    // The MCP endpoint answers in JSON-RPC's shape, whatever failed (adapters/mcp).
    if (c.req.path === '/mcp' || c.req.path.startsWith('/mcp/')) return mcpError(c, asApiError(err));
    return onJsonError(err, c);
  });
  // Security headers on every response, errors included (nosniff, HSTS, frame and referrer policy…). The
  // widget script and both APIs are fetched from other origins by design, so resources are cross-origin.
  app.use(
    '*',
    secureHeaders({
      crossOriginResourcePolicy: 'cross-origin',
      referrerPolicy: 'strict-origin-when-cross-origin',
      xFrameOptions: 'DENY',
    }),
  );
  app.notFound((c) => jsonError(c, new ApiError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}`)));
  app.use(
    '*',
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        jsonError(
          c,
          new ApiError(405, 'method_not_allowed', `${c.req.method} is not allowed here; use ${methods.join(', ')}`, { headers: { Allow: methods.join(', ') } }),
        ),
    }),
  );
  // Browsers may call the JSON API and the OpenAI-compatible API from the allowed origins.
  for (const path of ['/api/*', '/v1/*']) {
    app.use(path, (c, next) =>
      cors({ origin: allowedOrigins(c.env.CORS_ORIGINS), allowMethods: ['GET', 'POST', 'OPTIONS'], exposeHeaders: ['Retry-After'], maxAge: 86400 })(c, next),
    );
  }
  // And the MCP endpoint (browser-based clients such as MCP Inspector), with the headers MCP uses.
  app.use('/mcp', (c, next) =>
    cors({
      origin: allowedOrigins(c.env.CORS_ORIGINS),
      allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
      exposeHeaders: ['Retry-After', 'WWW-Authenticate', 'Mcp-Session-Id', 'Mcp-Protocol-Version'],
      maxAge: 86400,
    })(c, next),
  );
  // Per client IP (API_RATE_LIMIT in wrangler.toml), before any work; preflights are not counted.
  app.use(
    '/api/*',
    limitClients((c) => jsonError(c, new ApiError(429, 'rate_limited', `Too many requests: please wait ${RETRY_AFTER_SECONDS} seconds and try again.`))),
  );
  // The dashboard too (its login form would otherwise invite guessing).
  for (const path of ['/admin', '/admin/*']) {
    app.use(
      path,
      limitClients((c) => jsonError(c, new ApiError(429, 'rate_limited', `Too many requests: please wait ${RETRY_AFTER_SECONDS} seconds and try again.`))),
    );
  }
  app.use(
    '/mcp',
    limitClients((c) => mcpError(c, new ApiError(429, 'rate_limited', `Too many requests: please wait ${RETRY_AFTER_SECONDS} seconds and try again.`))),
  );
  app.use(
    '/v1/*',
    limitClients((c) =>
      openaiError(c, new ApiError(429, 'rate_limit_exceeded', `Rate limit reached: please wait ${RETRY_AFTER_SECONDS} seconds and try again.`)),
    ),
  );
  app.use('*', async (c, next) => {
    c.set('engine', await getEngine(c.env));
    await next();
  });

  app.get(health.path, (c) => {
    const shards = c.var.engine.shardStats;
    const storage = shards ? { mode: 'r2' as const, ...shards, ...transfer } : { mode: 'bundled' as const };
    const env = c.env;
    const protection = {
      conversations: env.CHAT_STATE ? ('durable-objects' as const) : ('off' as const),
      apiRateLimit: Boolean(env.API_RATE_LIMIT),
      chatRateLimit: Boolean(env.CHAT_RATE_LIMIT),
    };
    return c.json({ status: 'ok' as const, index: c.var.engine.stats, storage, state: protection, channels: channelStatus(env) }, 200);
  });
  app.route('/', api());
  app.route('/', widget());
  // Messaging channels (docs/channels.md); each answers 404 until its secrets are set.
  app.route('/webhooks/telegram', telegram());
  app.route('/webhooks/slack', slack());
  app.route('/webhooks/whatsapp', whatsapp());
  app.route('/webhooks/discord', discord());
  app.route('/webhooks/twilio', twilio());
  app.route('/webhooks/line', line());
  app.route('/v1', openaiApp());
  // The editorial insights dashboard (docs/insights.md); 404 until ADMIN_TOKEN or Cloudflare Access is configured.
  app.route('/admin', admin());
  // Model Context Protocol for AI assistants (docs/mcp.md).
  app.route('/mcp', mcpApp());

  // The OpenAPI 3.1 document, generated at build time from the route table and its schemas
  // (`npm run build:openapi`, src/adapters/http/openapi.ts): no schema library runs for it here.
  app.get('/api/openapi.json', (c) => c.body(OPENAPI_JSON, 200, { 'Content-Type': 'application/json' }));
  return app;
}

/** `CORS_ORIGINS` ("*", or a comma-separated allowlist) → what hono/cors expects. */
export function allowedOrigins(setting: string | undefined): string | string[] {
  const list = (setting ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/$/, ''))
    .filter(Boolean);
  if (list.length === 0) return [];
  return list.includes('*') ? '*' : list;
}

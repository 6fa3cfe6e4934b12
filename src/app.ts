/**
 * The Hono application: shared middleware, the JSON API and every adapter.
 * `createApp` takes the engine loader, so the Worker passes the bundled index
 * and tests can pass one built from fixture briefs.
 * @module
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Engine } from './core/engine.js';
import type { AppEnv } from './env.js';
import { openaiApp } from './adapters/openai/index.js';

export function createApp(getEngine: () => Engine) {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('engine', getEngine());
    await next();
  });
  app.get('/health', (c) => c.json({ status: 'ok', index: c.var.engine.stats }));
  app.route('/v1', openaiApp());
  return app;
}

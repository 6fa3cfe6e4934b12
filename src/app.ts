/**
 * The Hono application: shared middleware, the JSON API and every adapter.
 * `createApp` takes the engine loader, so the Worker passes the bundled index
 * and tests can pass one built from fixture briefs.
 * @module
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Engine } from './core/engine.js';
import type { AppEnv } from './env.js';
import { channelStatus } from './adapters/chat/index.js';
import { discord } from './adapters/discord/index.js';
import { line } from './adapters/line/index.js';
import { slack } from './adapters/slack/index.js';
import { telegram } from './adapters/telegram/index.js';
import { twilio } from './adapters/twilio/index.js';
import { whatsapp } from './adapters/whatsapp/index.js';

export function createApp(getEngine: () => Engine) {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('engine', getEngine());
    await next();
  });
  app.get('/health', (c) => c.json({ status: 'ok', index: c.var.engine.stats, channels: channelStatus(c.env) }));
  // Messaging channels (docs/channels.md); each answers 404 until its secrets are set.
  app.route('/webhooks/telegram', telegram());
  app.route('/webhooks/slack', slack());
  app.route('/webhooks/whatsapp', whatsapp());
  app.route('/webhooks/discord', discord());
  app.route('/webhooks/twilio', twilio());
  app.route('/webhooks/line', line());
  return app;
}

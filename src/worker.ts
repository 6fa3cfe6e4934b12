/**
 * Worker entry: the index — bundled (default) or R2 shards when
 * `STORAGE_MODE = "r2"` — loaded once per isolate on first use, served by
 * the Hono app. The packed index and the lexicon are Data modules (bytes, see
 * `[[rules]]` in wrangler.toml): nothing is parsed until the first request.
 * @module
 */
import { createApp } from './app.js';
import { Engine } from './core/engine.js';
import { Lexicon } from './core/lexicon.js';
import type { Env } from './env.js';
import { INDEX_DATA } from './generated/index-data.js';
import LEXICON_DATA from './generated/lexicon.bin';
import { insightsDb, purgeOld, retentionDays } from './storage/insights.js';
import { shardedEngine } from './storage/r2-shards.js';

let engine: Engine | undefined;
let lexicon: Lexicon | undefined;

/** The lexicon (`npm run build:lexicon`), decoded and parsed at its first lookup. */
export function bundledLexicon(): Lexicon {
  lexicon ??= new Lexicon(LEXICON_DATA);
  return lexicon;
}

/** Open the bundled index on first request (keeps script start-up cheap). */
export function bundledEngine(): Engine {
  engine ??= Engine.load(INDEX_DATA, bundledLexicon());
  return engine;
}

/** The engine for this deployment's storage mode. */
export function engineFor(env: Env): Engine | Promise<Engine> {
  return env.STORAGE_MODE === 'r2' ? shardedEngine(env, bundledLexicon()) : bundledEngine();
}

const app = createApp(engineFor);

/**
 * The daily cron (`[triggers]` in wrangler.toml): delete logged questions and
 * their feedback older than `INSIGHTS_RETENTION_DAYS` (default 90; docs/insights.md).
 */
async function purgeInsights(controller: Pick<ScheduledController, 'scheduledTime'>, env: Env): Promise<void> {
  const db = insightsDb(env);
  if (!db) return;
  const deleted = await purgeOld(db, retentionDays(env), controller.scheduledTime);
  if (deleted > 0) console.log(`briefbot: deleted ${deleted} logged questions past retention`);
}

export default {
  fetch: app.fetch,
  scheduled: (controller, env, ctx) => ctx.waitUntil(purgeInsights(controller, env)),
} satisfies ExportedHandler<Env>;

export { ChatState } from './storage/chat-state.js';

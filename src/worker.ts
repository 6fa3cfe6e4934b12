/**
 * Worker entry: the index — bundled (default) or R2 shards when
 * `STORAGE_MODE = "r2"` — loaded once per isolate on first use, served by
 * the Hono app.
 * @module
 */
import { createApp } from './app.js';
import { Engine } from './core/engine.js';
import type { Env } from './env.js';
import { INDEX_DATA } from './generated/index-data.js';
import { shardedEngine } from './storage/r2-shards.js';

let engine: Engine | undefined;

/** Open the bundled index on first request (keeps script start-up cheap). */
export function bundledEngine(): Engine {
  engine ??= Engine.load(INDEX_DATA);
  return engine;
}

/** The engine for this deployment's storage mode. */
export function engineFor(env: Env): Engine | Promise<Engine> {
  return env.STORAGE_MODE === 'r2' ? shardedEngine(env) : bundledEngine();
}

export default createApp(engineFor);

export { ChatState } from './storage/chat-state.js';

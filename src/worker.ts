/**
 * Worker entry: the bundled index, loaded once per isolate on first use,
 * served by the Hono app.
 * @module
 */
import { createApp } from './app.js';
import { Engine } from './core/engine.js';
import { INDEX_DATA } from './generated/index-data.js';

let engine: Engine | undefined;

/** Open the bundled index on first request (keeps script start-up cheap). */
export function bundledEngine(): Engine {
  engine ??= Engine.load(INDEX_DATA);
  return engine;
}

export default createApp(bundledEngine);

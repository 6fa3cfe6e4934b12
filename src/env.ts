/**
 * The Worker's bindings: `[vars]` from wrangler.toml, secrets from
 * `wrangler secret put` / `.dev.vars`, and storage bindings.
 * @module
 */
export interface Env {
  /** Comma-separated origins allowed to call the API from browsers; "*" for any. */
  CORS_ORIGINS?: string;
  /**
   * Short-lived state with TTLs. Key prefixes keep users apart:
   * `dedupe:<channel>:<delivery id>` (webhook retries), `conv:<conversation id>` (chat memory).
   */
  STATE: KVNamespace;
  /** Where the index lives: "bundled" (default, in the Worker) or "r2" (shards in SHARDS, see docs/benchmarks.md). */
  STORAGE_MODE?: string;
  /** The shards `npm run ingest -- DIR` uploads (used when STORAGE_MODE is "r2"). */
  SHARDS?: R2Bucket;
  /** Key prefix of the shards inside the bucket (default none). */
  SHARDS_PREFIX?: string;
  /** Seconds between checks for a newly ingested build (default 60). */
  SHARDS_REFRESH_SECONDS?: string;
}

/** Hono generics for every sub-app: bindings plus per-request variables. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    engine: import('./core/engine.js').Engine;
  };
}

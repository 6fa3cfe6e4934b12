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
  /** Minutes of inactivity after which a conversation's memory is forgotten (default 30). */
  CONVERSATION_TTL_MINUTES?: string;
  /** When set, `/v1/*` (the OpenAI-compatible API) requires `Authorization: Bearer <this>`. A secret. */
  BRIEFBOT_API_KEY?: string;
}

/** Hono generics for every sub-app: bindings plus per-request variables. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    engine: import('./core/engine.js').Engine;
  };
}

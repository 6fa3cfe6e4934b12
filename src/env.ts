/**
 * The Worker's bindings, as `wrangler types` generates them from wrangler.toml
 * (vars, Durable Objects, rate limits, R2) and `.dev.vars.example` (the
 * secrets) into `src/generated/wrangler-env.d.ts` (`npm run build:types`, part
 * of `npm run build`): nothing here is written by hand twice. What each one
 * does is documented where it is set: wrangler.toml, `.dev.vars.example` and
 * README.md's configuration table.
 *
 * Every binding is optional here: a secret may be unset (its channel is then
 * off) and a binding may be missing (the Worker degrades or answers 503 naming
 * the fix), so code must say what happens without it.
 * @module
 */
export interface Env extends Partial<Cloudflare.Env> {
  /** Key prefix of the R2 shards (default none); not in wrangler.toml by default. */
  SHARDS_PREFIX?: string;
  /** Seconds between checks for a newly ingested build (default 60); not in wrangler.toml by default. */
  SHARDS_REFRESH_SECONDS?: string;
}

/** Hono generics for every sub-app: bindings plus per-request variables. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    engine: import('./core/engine.js').Engine;
  };
}

// `env` from "cloudflare:test" has the Worker's bindings (src/env.ts).
import type { Env as BriefbotEnv } from '../../src/env.js';

declare global {
  namespace Cloudflare {
    interface Env extends BriefbotEnv {
      /** A real limiter at 3 requests a minute (vitest.config.mts), for the rate-limit tests. */
      TIGHT_RATE_LIMIT: RateLimit;
    }
  }
}
export {};

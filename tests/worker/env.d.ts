// `env` from "cloudflare:test" has the Worker's bindings (src/env.ts).
import type { Env as BriefbotEnv } from '../../src/env.js';

declare global {
  namespace Cloudflare {
    interface Env extends BriefbotEnv {}
  }
}
export {};

/**
 * The API key guard of the machine-facing surfaces (`/v1`, `/mcp`): with
 * `BRIEFBOT_API_KEY` set, hono's bearerAuth (constant-time comparison) lets
 * through only `Authorization: Bearer <key>`; unset, everything passes.
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import type { AppEnv } from '../env.js';

/** `refused` renders the 401 in the surface's own shape (OpenAI's error, a JSON-RPC error). */
export function requireApiKey(refused: (c: Context) => Response): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    const key = c.env.BRIEFBOT_API_KEY;
    if (!key) return next();
    return bearerAuth<AppEnv>({
      token: key,
      noAuthenticationHeader: { message: refused },
      invalidAuthenticationHeader: { message: refused },
      invalidToken: { message: refused },
    })(c, next);
  };
}

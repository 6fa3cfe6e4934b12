/**
 * Who may see `/admin` (docs/insights.md). Two ways in, either or both configured:
 *
 * - `ADMIN_TOKEN` (a secret): `Authorization: Bearer <token>`, or the login
 *   form, which sets a session cookie (HttpOnly, Secure, SameSite=Strict,
 *   8 hours) holding an expiry and its HMAC under the token — never the token
 *   itself. Compared in constant time.
 * - Cloudflare Access in front of `/admin`: the `Cf-Access-Jwt-Assertion`
 *   JWT, verified with Web Crypto (RS256) against the team's published keys
 *   (`https://<ACCESS_TEAM_DOMAIN>/cdn-cgi/access/certs`), its audience
 *   (`ACCESS_AUD`), issuer and expiry checked.
 *
 * With neither configured, `/admin` does not exist (404).
 * @module
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv, Env } from '../../env.js';
import { safeEqual, utf8, verifyHmac } from '../chat/crypto.js';

export const SESSION_COOKIE = 'briefbot_admin';
export const SESSION_SECONDS = 8 * 3600;

/** Which ways in are configured (none: the dashboard is off). */
export function adminModes(env: Env): { token: boolean; access: boolean } {
  return { token: Boolean(env.ADMIN_TOKEN), access: Boolean(env.ACCESS_TEAM_DOMAIN && env.ACCESS_AUD) };
}

function b64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function fromB64url(s: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
    return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

const sessionData = (expires: number) => utf8(`briefbot-admin-session:${expires}`);

/** A session cookie value for the token: `<expiry seconds>.<HMAC-SHA-256(token, expiry)>`. */
export async function sessionValue(token: string, nowMs: number): Promise<string> {
  const expires = Math.floor(nowMs / 1000) + SESSION_SECONDS;
  const key = await crypto.subtle.importKey('raw', utf8(token), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return `${expires}.${b64url(new Uint8Array(await crypto.subtle.sign('HMAC', key, sessionData(expires))))}`;
}

async function validSession(token: string, value: string | undefined, nowMs: number): Promise<boolean> {
  const m = value ? /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value) : null;
  if (!m || Number(m[1]) * 1000 <= nowMs) return false;
  return verifyHmac('SHA-256', token, fromB64url(m[2]!), sessionData(Number(m[1])));
}

/** Whether the request may see `/admin`. */
export async function isAdmin(c: Context<AppEnv>, nowMs = Date.now()): Promise<boolean> {
  const env = c.env;
  const token = env.ADMIN_TOKEN;
  if (token) {
    const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1]?.trim();
    if (bearer !== undefined && (await safeEqual(bearer, token))) return true;
    if (await validSession(token, getCookie(c, SESSION_COOKIE), nowMs)) return true;
  }
  const jwt = c.req.header('Cf-Access-Jwt-Assertion');
  if (jwt && env.ACCESS_TEAM_DOMAIN && env.ACCESS_AUD) return verifyAccessJwt(jwt, env.ACCESS_TEAM_DOMAIN, env.ACCESS_AUD, nowMs);
  return false;
}

interface Jwk extends JsonWebKey {
  kid?: string;
}

/** The team's signing keys, per isolate, for 10 minutes (Access rotates them rarely, with overlap). */
const jwksCache = new Map<string, { keys: Jwk[]; until: number }>();
const JWKS_TTL_MS = 10 * 60_000;

/** `newsroom.cloudflareaccess.com`, however it was written (with scheme or trailing slash). */
function teamHost(domain: string): string {
  return domain
    .trim()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '');
}

async function teamKeys(host: string, nowMs: number): Promise<Jwk[]> {
  const cached = jwksCache.get(host);
  if (cached && cached.until > nowMs) return cached.keys;
  const res = await fetch(`https://${host}/cdn-cgi/access/certs`, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`Access keys: HTTP ${res.status}`);
  const body = (await res.json()) as { keys?: Jwk[] };
  const keys = Array.isArray(body.keys) ? body.keys : [];
  jwksCache.set(host, { keys, until: nowMs + JWKS_TTL_MS });
  return keys;
}

function jsonPart(part: string): Record<string, unknown> | null {
  const bytes = fromB64url(part);
  if (!bytes) return null;
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Verify a Cloudflare Access JWT: RS256 signature by one of the team's keys
 * (by `kid`), `aud` holding `audience`, `iss` the team, not expired and not
 * before its `nbf`. Anything malformed, or keys that cannot be fetched, is `false`.
 */
async function verifyAccessJwt(jwt: string, teamDomain: string, audience: string, nowMs = Date.now()): Promise<boolean> {
  const parts = jwt.split('.');
  if (parts.length !== 3) return false;
  const header = jsonPart(parts[0]!);
  const claims = jsonPart(parts[1]!);
  const signature = fromB64url(parts[2]!);
  if (!header || !claims || !signature || header.alg !== 'RS256' || typeof header.kid !== 'string') return false;
  const host = teamHost(teamDomain);
  const now = nowMs / 1000;
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.includes(audience) || claims.iss !== `https://${host}`) return false;
  if (typeof claims.exp !== 'number' || claims.exp <= now || (typeof claims.nbf === 'number' && claims.nbf > now + 60)) return false;
  try {
    const jwk = (await teamKeys(host, nowMs)).find((k) => k.kid === header.kid);
    if (!jwk) return false;
    const key = await crypto.subtle.importKey('jwk', jwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
    return await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, signature, utf8(`${parts[0]}.${parts[1]}`));
  } catch (err) {
    console.warn(`briefbot: could not verify the Access JWT (${(err as Error).message})`);
    return false;
  }
}

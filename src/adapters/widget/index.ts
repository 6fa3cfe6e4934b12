/**
 * The web chat widget adapter: serves `/widget.js` (built from `src/widget/`
 * at build time, strong ETag, 304 on `If-None-Match`), the demo page at `/`
 * and server-rendered brief pages at `/briefs` and `/briefs/:id`.
 * @module
 */
import { etag } from 'hono/etag';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env.js';
import { WIDGET_HASH, WIDGET_JS } from '../../generated/widget-bundle.js';
import { TABLE } from '../../widget/i18n-table.js';
import { ApiError, jsonError } from '../errors.js';
import { briefListPage, briefPage, demoPage, notFoundPage } from './pages.js';

export const WIDGET_ETAG = `"${WIDGET_HASH}"`;

/** Pages run no inline script; the demo page loads only our own `/widget.js`. */
const PAGE_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const PAGE_HEADERS = {
  'Content-Security-Policy': PAGE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cache-Control': 'public, max-age=300',
};

function page(c: Context<AppEnv>, markup: ReturnType<typeof briefPage>, status: 200 | 404 = 200) {
  return c.html(markup, status, PAGE_HEADERS);
}

/**
 * `from` if it is an http(s) URL on an origin allowed to embed the widget (`CORS_ORIGINS`:
 * `*` or a comma-separated list), else null: the page never links to an arbitrary site.
 */
function backLink(from: string | undefined, origins: string | undefined): string | null {
  if (!from || from.length > 1000) return null;
  let url: URL;
  try {
    url = new URL(from);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const allowed = (origins ?? '').split(',').map((s) => s.trim().replace(/\/$/, ''));
  return allowed.includes('*') || allowed.includes(url.origin) ? url.href : null;
}

export function widget() {
  const app = new Hono<AppEnv>();

  // hono's etag answers If-None-Match with 304; the widget's ETag is its build hash, a page's a digest of it.
  // Per route: a '*' middleware here would run for every route of the app this is mounted in.
  const cached = etag();

  app.get('/widget.js', cached, (c) => {
    // `?v=<hash>` URLs never change content, so they may be cached for a year.
    const versioned = c.req.query('v') === WIDGET_HASH;
    const headers: Record<string, string> = {
      ETag: WIDGET_ETAG,
      'Cache-Control': versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300, stale-while-revalidate=86400',
      'Access-Control-Allow-Origin': '*',
      // Lets host pages measure the script's load time (Resource Timing) across origins.
      'Timing-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'X-Content-Type-Options': 'nosniff',
    };
    return c.body(WIDGET_JS, 200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
  });

  // The widget's UI strings in one language (src/widget/i18n-table.ts), fetched by the widget for its
  // language before it mounts: `/widget.js` carries English only.
  app.get('/widget/i18n/:lang', cached, (c) => {
    const lang = c.req.param('lang');
    const row = Object.hasOwn(TABLE, lang) ? TABLE[lang] : undefined;
    if (!row) return jsonError(c, new ApiError(404, 'not_found', `No widget strings for language "${lang.slice(0, 20)}"`));
    return c.body(row, 200, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'public, max-age=86400',
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  app.get('/', cached, (c) => page(c, demoPage(new URL(c.req.url).origin, c.var.engine.list(5))));
  app.get('/briefs', cached, (c) => page(c, briefListPage(c.var.engine.list())));
  app.get('/briefs/:id', cached, async (c) => {
    const id = c.req.param('id');
    const brief = await c.var.engine.briefAsync(id);
    // `?q=` carries the reader's question from a citation link (the `#p<n>` fragment never reaches us),
    // `?from=` the page the widget was on, linked as "Back to the conversation" if its origin may embed the widget.
    return brief ? page(c, briefPage(brief, c.req.query('q'), backLink(c.req.query('from'), c.env.CORS_ORIGINS))) : page(c, notFoundPage(id), 404);
  });

  return app;
}

/**
 * `/admin`: the editorial insights dashboard and its JSON API (docs/insights.md).
 *
 *   GET  /admin                      the dashboard (?from=YYYY-MM-DD&to=YYYY-MM-DD; default the last 30 days)
 *   GET  /admin/api/insights         the same report as JSON
 *   GET  /admin/export.csv|json      the period's question log (with votes)
 *   POST /admin/login | /admin/logout  the ADMIN_TOKEN session cookie
 *
 * Guarded by `ADMIN_TOKEN` or Cloudflare Access (`./auth.ts`): 401 otherwise,
 * 404 when neither is configured. The report is built by the pure
 * `buildReport` (src/core/insights.ts), as `npm run insights` builds it.
 * @module
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { buildReport, dayOf, questionsCsv, reportPeriod } from '../../core/insights.js';
import type { AppEnv } from '../../env.js';
import { insightsDb, readPeriod } from '../../storage/insights.js';
import { safeEqual } from '../chat/crypto.js';
import { ApiError } from '../errors.js';
import { adminModes, isAdmin, SESSION_COOKIE, SESSION_SECONDS, sessionValue } from './auth.js';
import { ADMIN_CSP, ADMIN_CSS, dashboardPage, loginPage } from './page.js';

const COOKIE_OPTIONS = { httpOnly: true, secure: true, sameSite: 'Strict', path: '/admin' } as const;

function noStore(c: Context) {
  c.header('Cache-Control', 'no-store');
  c.header('Content-Security-Policy', ADMIN_CSP);
}

/** The period of a request, or a 400. */
function period(c: Context<AppEnv>) {
  const p = reportPeriod(c.req.query('from') || undefined, c.req.query('to') || undefined, Date.now());
  if ('error' in p) throw new ApiError(400, 'invalid_request', p.error);
  return p;
}

function database(c: Context<AppEnv>) {
  const db = insightsDb(c.env);
  if (!db) throw new ApiError(503, 'insights_off', 'The question log is off: add the INSIGHTS D1 binding to wrangler.toml (docs/insights.md).');
  return db;
}

export function admin() {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const modes = adminModes(c.env);
    if (!modes.token && !modes.access) throw new ApiError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}`);
    // The stylesheet needs no sign-in (the login page uses it too); it holds nothing.
    if (c.req.path === '/admin/admin.css') return next();
    noStore(c);
    if (c.req.method === 'POST' && c.req.path === '/admin/login') return next();
    if (await isAdmin(c)) return next();
    if (c.req.path.startsWith('/admin/api/') || c.req.path.startsWith('/admin/export') || c.req.method !== 'GET') {
      throw new ApiError(401, 'unauthorized', 'Send "Authorization: Bearer <ADMIN_TOKEN>" (or sign in at /admin).', {
        headers: { 'WWW-Authenticate': 'Bearer realm="briefbot-admin"' },
      });
    }
    c.status(401);
    return c.html(loginPage(modes));
  });

  app.get('/admin.css', (c) => c.body(ADMIN_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }));

  app.post('/login', async (c) => {
    const token = c.env.ADMIN_TOKEN;
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const given = typeof form.token === 'string' ? form.token : '';
    if (!token || !(await safeEqual(given, token))) {
      c.status(401);
      return c.html(loginPage(adminModes(c.env), 'That token is not right.'));
    }
    setCookie(c, SESSION_COOKIE, await sessionValue(token, Date.now()), { ...COOKIE_OPTIONS, maxAge: SESSION_SECONDS });
    return c.redirect('/admin', 303);
  });

  app.post('/logout', (c) => {
    deleteCookie(c, SESSION_COOKIE, COOKIE_OPTIONS);
    return c.redirect('/admin', 303);
  });

  app.get('/', async (c) => {
    const p = period(c);
    const rows = await readPeriod(database(c), p.from, p.to);
    const engine = c.var.engine;
    const report = buildReport(rows.questions, rows.feedback, p.from, p.to, engine.index.known);
    const title = (id: string) => engine.brief(id)?.title ?? id;
    return c.html(dashboardPage(report, { from: dayOf(p.from), to: dayOf(p.to - 1) }, title));
  });

  app.get('/api/insights', async (c) => {
    const p = period(c);
    const rows = await readPeriod(database(c), p.from, p.to);
    return c.json(buildReport(rows.questions, rows.feedback, p.from, p.to, c.var.engine.index.known));
  });

  app.get('/export.csv', async (c) => {
    const p = period(c);
    const rows = await readPeriod(database(c), p.from, p.to);
    return c.body(questionsCsv(rows.questions, rows.feedback), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="briefbot-questions-${dayOf(p.from)}-${dayOf(p.to - 1)}.csv"`,
    });
  });

  app.get('/export.json', async (c) => {
    const p = period(c);
    const rows = await readPeriod(database(c), p.from, p.to);
    c.header('Content-Disposition', `attachment; filename="briefbot-questions-${dayOf(p.from)}-${dayOf(p.to - 1)}.json"`);
    return c.json({ from: new Date(p.from).toISOString(), to: new Date(p.to).toISOString(), ...rows });
  });

  return app;
}

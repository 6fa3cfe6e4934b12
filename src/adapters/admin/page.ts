/**
 * The `/admin` pages, rendered on the server with hono/html (every value
 * escaped): the login form and the insights dashboard. No script at all; the
 * charts are inline SVG and the styles one stylesheet (`/admin/admin.css`), so
 * the Content-Security-Policy allows nothing inline.
 * @module
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { DayCount, InsightsReport } from '../../core/insights.js';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The dashboard's policy: its own stylesheet, forms to itself, nothing else. */
export const ADMIN_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export const ADMIN_CSS = `
:root { color-scheme: light dark; --fg: #1b1f24; --muted: #57606a; --bg: #fff; --card: #f6f8fa; --line: #d0d7de; --ok: #1a7f37; --no: #cf222e; --accent: #0969da; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --card: #161b22; --line: #30363d; --ok: #3fb950; --no: #f85149; --accent: #4493f8; } }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
header, main { max-width: 1100px; margin: 0 auto; padding: 16px 24px; }
header { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: center; justify-content: space-between; border-bottom: 1px solid var(--line); }
h1 { font-size: 20px; margin: 0; } h2 { font-size: 17px; margin: 28px 0 8px; }
form.period { display: flex; gap: 8px; align-items: end; flex-wrap: wrap; }
label { display: grid; font-size: 13px; color: var(--muted); }
input, button { font: inherit; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
button { cursor: pointer; background: var(--accent); color: #fff; border-color: var(--accent); }
a { color: var(--accent); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin-top: 16px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.card b { display: block; font-size: 24px; }
.card span { color: var(--muted); font-size: 13px; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 13px; color: var(--muted); font-weight: 600; }
td.n { text-align: right; font-variant-numeric: tabular-nums; width: 6em; }
ul.examples { margin: 0; padding-left: 18px; }
.chart { width: 100%; height: auto; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
.chart .answered { fill: var(--ok); } .chart .unanswered { fill: var(--no); opacity: .75; }
.chart .rate { fill: none; stroke: var(--accent); stroke-width: 2; }
.chart text { fill: var(--muted); font-size: 11px; }
.chart .grid { stroke: var(--line); }
.legend { display: flex; gap: 16px; font-size: 13px; color: var(--muted); margin: 6px 0; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 4px; vertical-align: middle; }
.swatch.answered { background: var(--ok); } .swatch.unanswered { background: var(--no); opacity: .75; } .swatch.rate { background: var(--accent); height: 3px; }
.vote { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; margin: 8px 0; }
.vote p { margin: 4px 0; } .muted { color: var(--muted); font-size: 13px; }
.login { max-width: 380px; margin: 12vh auto; background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 24px; display: grid; gap: 12px; }
.error { color: var(--no); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

function page(title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${title}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/admin/admin.css" />
  </head>
  <body>
    ${body}
  </body>
</html>`;
}

/** The login form (ADMIN_TOKEN), or the note that Cloudflare Access guards this page. */
export function loginPage(modes: { token: boolean; access: boolean }, error?: string): Html {
  return page(
    'Briefbot admin: sign in',
    html`<main>
      <form class="login" method="post" action="/admin/login">
        <h1>Briefbot insights</h1>
        ${
          modes.token
            ? html`<label>Admin token <input type="password" name="token" autocomplete="current-password" required autofocus /></label>
              ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
              <button type="submit">Sign in</button>`
            : html`<p>Sign in through Cloudflare Access to see this page.</p>`
        }
      </form>
    </main>`,
  );
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Questions per day (stacked: answered, unanswered) and the answer rate (line), as inline SVG. */
function dayChart(days: DayCount[]): Html {
  const W = 1000;
  const H = 240;
  const pad = { l: 40, r: 40, t: 12, b: 28 };
  const max = Math.max(1, ...days.map((d) => d.questions));
  const step = (W - pad.l - pad.r) / Math.max(1, days.length);
  const bar = Math.max(1, step * 0.7);
  const y = (n: number) => pad.t + (H - pad.t - pad.b) * (1 - n / max);
  const x = (i: number) => pad.l + i * step + (step - bar) / 2;
  const rateY = (r: number) => pad.t + (H - pad.t - pad.b) * (1 - r);
  const rated = days.map((d, i) => ({ d, i })).filter(({ d }) => d.questions > 0);
  const line = rated.map(({ d, i }) => `${(x(i) + bar / 2).toFixed(1)},${rateY(d.answered / d.questions).toFixed(1)}`).join(' ');
  const labelEvery = Math.max(1, Math.ceil(days.length / 10));
  const total = days.reduce((s, d) => s + d.questions, 0);
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-title">
    <title id="chart-title">Questions per day (${total} in all), answered and unanswered, with the answer rate</title>
    <line class="grid" x1="${pad.l}" x2="${W - pad.r}" y1="${y(0)}" y2="${y(0)}" />
    <line class="grid" x1="${pad.l}" x2="${W - pad.r}" y1="${y(max)}" y2="${y(max)}" />
    <text x="${pad.l - 6}" y="${y(max) + 4}" text-anchor="end">${max}</text>
    <text x="${pad.l - 6}" y="${y(0) + 4}" text-anchor="end">0</text>
    <text x="${W - pad.r + 6}" y="${rateY(1) + 4}">100%</text>
    <text x="${W - pad.r + 6}" y="${rateY(0) + 4}">0%</text>
    ${days.map(
      (d, i) => html`<g>
        <title>${d.day}: ${d.questions} questions, ${d.answered} answered</title>
        <rect class="answered" x="${x(i).toFixed(1)}" y="${y(d.answered).toFixed(1)}" width="${bar.toFixed(1)}" height="${(y(0) - y(d.answered)).toFixed(1)}" />
        <rect
          class="unanswered"
          x="${x(i).toFixed(1)}"
          y="${y(d.questions).toFixed(1)}"
          width="${bar.toFixed(1)}"
          height="${(y(d.answered) - y(d.questions)).toFixed(1)}"
        />
        ${i % labelEvery === 0 ? html`<text x="${(x(i) + bar / 2).toFixed(1)}" y="${H - 8}" text-anchor="middle">${d.day.slice(5)}</text>` : ''}
      </g>`,
    )}
    ${rated.length > 1 ? html`<polyline class="rate" points="${line}" />` : ''}
  </svg>`;
}

/** The dashboard. `title(briefId)` names a brief (its id when unknown). */
export function dashboardPage(report: InsightsReport, period: { from: string; to: string }, title: (briefId: string) => string): Html {
  const t = report.totals;
  const query = `from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}`;
  return page(
    'Briefbot insights',
    html`<header>
        <h1>Briefbot insights</h1>
        <form class="period" method="get" action="/admin">
          <label>From <input type="date" name="from" value="${period.from}" /></label>
          <label>To <input type="date" name="to" value="${period.to}" /></label>
          <button type="submit">Show</button>
        </form>
        <nav aria-label="Export">
          <a href="/admin/export.csv?${query}" download>CSV</a> ·
          <a href="/admin/export.json?${query}" download>JSON</a> ·
          <a href="/admin/api/insights?${query}">Report API</a>
        </nav>
        <form method="post" action="/admin/logout"><button type="submit">Sign out</button></form>
      </header>
      <main>
        <section class="cards" aria-label="Totals">
          <div class="card"><b>${t.questions}</b><span>questions</span></div>
          <div class="card"><b>${pct(t.answerRate)}</b><span>answered (${t.answered})</span></div>
          <div class="card"><b>${t.unanswered}</b><span>not answered</span></div>
          <div class="card"><b>${t.feedback.up} / ${t.feedback.down}</b><span>helpful / not helpful votes</span></div>
          <div class="card"><b>${t.medianLatencyMs === null ? '–' : `${t.medianLatencyMs} ms`}</b><span>median time to answer</span></div>
        </section>

        <h2>Questions per day</h2>
        <div class="legend" aria-hidden="true">
          <span><i class="swatch answered"></i>answered</span><span><i class="swatch unanswered"></i>not answered</span
          ><span><i class="swatch rate"></i>answer rate</span>
        </div>
        ${dayChart(report.perDay)}

        <h2>What readers asked that the briefs do not answer</h2>
        ${
          report.topUnanswered.length
            ? html`<p class="muted">
                  Where the briefs do answer it in other words, a line in <code>synonyms.txt</code> beside the briefs
                  (<code>calm down, ease</code>) lets the next build find it; otherwise it is a story to write.
                </p>
                <table>
              <thead>
                <tr>
                  <th scope="col">Shared words (analysed)</th>
                  <th scope="col" class="n">Asked</th>
                  <th scope="col">Examples</th>
                  <th scope="col">Words no brief holds</th>
                </tr>
              </thead>
              <tbody>
                ${report.topUnanswered.map(
                  (g) =>
                    html`<tr>
                      <td>${g.terms.join(' ') || '(no topic words)'}</td>
                      <td class="n">${g.count}</td>
                      <td>
                        <ul class="examples">
                          ${g.examples.map((e) => html`<li>${e}</li>`)}
                        </ul>
                      </td>
                      <td>${g.unknownWords?.join(', ') ?? ''}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
            : html`<p class="muted">No unanswered questions in this period.</p>`
        }

        <h2>Most cited briefs</h2>
        ${
          report.topBriefs.length
            ? html`<table>
              <thead>
                <tr>
                  <th scope="col">Brief</th>
                  <th scope="col" class="n">Answers</th>
                </tr>
              </thead>
              <tbody>
                ${report.topBriefs.map(
                  (b) =>
                    html`<tr>
                      <td>${title(b.briefId)} <span class="muted">${b.briefId}</span></td>
                      <td class="n">${b.citations}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
            : html`<p class="muted">No answers in this period.</p>`
        }

        <h2>Down-voted answers</h2>
        ${
          report.downVoted.length
            ? report.downVoted.map(
                (v) =>
                  html`<article class="vote">
                  <p><strong>Q:</strong> ${v.question}</p>
                  <p><strong>A:</strong> ${v.answer ?? '(no answer)'}</p>
                  ${v.comment ? html`<p><strong>Reader:</strong> ${v.comment}</p>` : ''}
                  <p class="muted">${v.at.slice(0, 16).replace('T', ' ')} UTC</p>
                </article>`,
              )
            : html`<p class="muted">No down-votes in this period.</p>`
        }

        <h2>Channels</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col" class="n">Questions</th>
              <th scope="col" class="n">Answered</th>
            </tr>
          </thead>
          <tbody>
            ${report.channels.map(
              (ch) =>
                html`<tr>
                  <td>${ch.channel}</td>
                  <td class="n">${ch.questions}</td>
                  <td class="n">${ch.answered}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </main>`,
  );
}

/**
 * Server-rendered HTML: the demo page (`/`), the brief list (`/briefs`) and
 * one readable brief (`/briefs/:id`, passages anchored `#p1`, `#p2`…).
 * Every value goes through hono's `html` template, which escapes it.
 * @module
 */
import { html, raw } from 'hono/html';
import { highlight } from '../../core/answer.js';
import type { BriefSummary } from '../../core/engine.js';
import { analyze } from '../../core/text.js';
import type { Brief, Range } from '../../core/types.js';
import { isRtl } from '../../widget/i18n.js';

type Markup = ReturnType<typeof html>;

const STYLE = `
:root{color-scheme:light dark;--bg:#fbfbfa;--fg:#1b1f24;--muted:#57606a;--line:#dde1e6;--card:#fff;--accent:#0a66c2;--link:#0a58a8;--hl:#fff4c2;--code:#f1f3f5;--mark:#d4e7fc;--mark-fg:#0c1a2b;--mark-line:#8dbaf0}
@media (prefers-color-scheme:dark){:root{--bg:#111316;--fg:#e8eaed;--muted:#a0a8b2;--line:#2d333b;--card:#181b1f;--accent:#4c9be8;--link:#7db7f0;--hl:#2e2708;--code:#1f2328;--mark:#1c4a78;--mark-fg:#f4f8fc;--mark-line:#4c86c4}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:17px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;overflow-wrap:anywhere}
a{color:var(--link)}
a:focus-visible{outline:3px solid var(--accent);outline-offset:2px;border-radius:2px}
.site{border-bottom:1px solid var(--line);background:var(--card)}
.site nav{max-width:46rem;margin:0 auto;padding:.8rem 1.25rem;display:flex;gap:1.25rem;align-items:center;font-size:.95rem}
.site .brand{font-weight:750;color:var(--fg);text-decoration:none;margin-inline-end:auto}
.site .brand span{color:var(--accent)}
main{max-width:46rem;margin:0 auto;padding:2rem 1.25rem 6rem}
h1{font-size:clamp(1.6rem,4.5vw,2.3rem);line-height:1.2;margin:.2rem 0 .6rem;letter-spacing:-.01em}
h2{font-size:1.2rem;margin:2rem 0 .6rem}
.kicker{margin:0;color:var(--accent);font-weight:700;font-size:.8rem;text-transform:uppercase;letter-spacing:.08em}
.meta{color:var(--muted);font-size:.95rem;margin:0 0 1.5rem}
.tags{display:flex;flex-wrap:wrap;gap:.4rem;padding:0;margin:0 0 1.5rem;list-style:none}
.tags li{font-size:.8rem;padding:.1rem .6rem;border:1px solid var(--line);border-radius:999px;color:var(--muted)}
.passage{position:relative;margin:0 0 1.1rem;padding:.35rem .8rem;border-inline-start:3px solid transparent;border-start-end-radius:6px;border-end-end-radius:6px;scroll-margin-top:30vh}
#p1{scroll-margin-top:calc(100vh - 10rem)}
.passage .pn{position:absolute;inset-inline-start:-2.4rem;top:.45rem;width:2rem;text-align:end;font-size:.75rem;color:var(--muted);text-decoration:none}
.passage:target{background:var(--hl);border-inline-start-color:var(--accent)}
.passage mark,.query-note mark{background:var(--mark);color:var(--mark-fg);box-shadow:inset 0 -2px var(--mark-line);border-radius:2px;padding:0 .08em}
.query-note{font-size:.92rem;color:var(--muted);margin:-.6rem 0 1.5rem}
@media (forced-colors:active){.passage mark,.query-note mark{forced-color-adjust:none;background:Mark;color:MarkText;box-shadow:none}}
.passage:target::before{content:"Cited passage";display:block;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.06em;color:var(--accent);margin-bottom:.15rem}
@media (max-width:52rem){.passage .pn{position:static;display:inline;margin-inline-end:.35rem}}
.back{display:inline-block;margin:0 0 1rem;font-weight:600}
.list{list-style:none;padding:0;margin:0}
.list li{padding:.9rem 0;border-bottom:1px solid var(--line)}
.list a{font-weight:650;text-decoration:none}
.list a:hover{text-decoration:underline}
.list .meta{margin:.1rem 0 0;font-size:.9rem}
pre{background:var(--code);border:1px solid var(--line);border-radius:8px;padding:1rem;overflow-x:auto;font-size:.85rem;line-height:1.5;overflow-wrap:normal}
pre:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{text-align:start;padding:.45rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:650}
.lead{font-size:1.15rem;color:var(--muted);margin-top:0}
.callout{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1rem 1.2rem}
.source{margin-top:2.5rem;padding-top:1rem;border-top:1px solid var(--line);font-size:.95rem;color:var(--muted)}
`;

/**
 * The page shell. `scripts` holds trusted `<script>` markup (the demo's widget tag).
 * `lang` is the content's language (a brief's); the direction follows it, and the
 * site's own English navigation keeps `lang="en"` and left-to-right.
 */
function layout(title: string, body: Markup, scripts: Markup | string = '', lang = 'en'): Markup {
  const code = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(lang) ? lang : 'en';
  const chrome = code === 'en' ? '' : raw(' lang="en" dir="ltr"');
  return html`<!doctype html>
<html lang="${code}" dir="${isRtl(code) ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${raw(STYLE)}</style>
</head>
<body>
<header class="site"${chrome}><nav aria-label="Site"><a class="brand" href="/">Brief<span>bot</span></a><a href="/briefs">All briefs</a></nav></header>
<main id="main">${body}</main>
${scripts}
</body>
</html>`;
}

/** "3 February 2026" (date-only values as UTC, so they never shift a day). */
function longDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? '' : new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

function isHttp(url: string | null | undefined): url is string {
  return !!url && /^https?:\/\//i.test(url);
}

const briefPath = (id: string) => `/briefs/${encodeURIComponent(id)}`;

/** Longest question (in characters) whose words are highlighted; a longer `q` is ignored. */
const MAX_HIGHLIGHT_QUESTION = 500;

/**
 * The index terms of the reader's question (same analysis as the answerer:
 * stop words dropped, stems, abbreviation variants), or none when the
 * question is missing, blank or longer than {@link MAX_HIGHLIGHT_QUESTION}.
 */
function questionTerms(question: string | null | undefined): Set<string> {
  if (!question || question.length > MAX_HIGHLIGHT_QUESTION) return new Set();
  return new Set(analyze(question));
}

/** `text` with the `ranges` wrapped in `<mark>`; every piece is escaped by the `html` template. */
function marked(text: string, ranges: Range[]): (string | Markup)[] {
  const out: (string | Markup)[] = [];
  let at = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (e <= at) continue;
    const start = Math.max(s, at);
    if (start > at) out.push(text.slice(at, start));
    out.push(html`<mark>${text.slice(start, e)}</mark>`);
    at = e;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/**
 * One brief, readable, every passage anchored `#p<n>`; the `:target` passage is
 * highlighted. With `question` (the `?q=` of a citation link), the words of
 * every paragraph that match the question's terms are wrapped in `<mark>`.
 * With `back` (the page the widget was on, already checked by the caller), a
 * "Back to the conversation" link leads there. The page's `lang` and `dir`
 * are the brief's.
 */
export function briefPage(brief: Brief, question?: string | null, back?: string | null): Markup {
  const terms = questionTerms(question);
  const meta = [brief.byline ? `By ${brief.byline}` : '', longDate(brief.date)].filter(Boolean).join(' · ');
  let section: string | undefined;
  let matches = 0;
  const paragraphs = brief.passages.map((p) => {
    const ranges = terms.size ? highlight(p.text, terms) : [];
    matches += ranges.length;
    const heading = p.section && p.section !== section ? html`<h2>${p.section}</h2>` : '';
    section = p.section;
    return html`${heading}<p class="passage" id="p${p.n}"><a class="pn" href="#p${p.n}" aria-label="Paragraph ${p.n}">¶${p.n}</a> ${ranges.length ? marked(p.text, ranges) : p.text}</p>
`;
  });
  return layout(
    `${brief.title} · Briefbot`,
    html`${back ? html`<a class="back" href="${back}" lang="en" dir="ltr">← Back to the conversation</a>` : ''}<article>
<p class="kicker" lang="en">Brief</p>
<h1>${brief.title}</h1>
${meta ? html`<p class="meta">${meta}</p>` : ''}
${brief.tags.length ? html`<ul class="tags" aria-label="Tags">${brief.tags.map((t) => html`<li>${t}</li>`)}</ul>` : ''}
${matches ? html`<p class="query-note">Words from your question “${question}” are <mark>highlighted</mark>.</p>` : ''}
${paragraphs}
${
  isHttp(brief.url) || brief.source
    ? html`<p class="source"><span lang="en">Source:</span> ${isHttp(brief.url) ? html`<a href="${brief.url}" rel="noopener nofollow">${brief.source || brief.url}</a>` : brief.source}</p>`
    : ''
}
</article>`,
    '',
    brief.lang,
  );
}

/** All briefs, newest first. */
export function briefListPage(briefs: BriefSummary[]): Markup {
  return layout(
    'All briefs · Briefbot',
    html`<h1>All briefs</h1>
<p class="lead">${briefs.length} brief${briefs.length === 1 ? '' : 's'}, newest first.</p>
<ul class="list">${briefs.map(
      (b) =>
        html`<li><a href="${briefPath(b.id)}">${b.title}</a><p class="meta">${[longDate(b.date), b.byline].filter(Boolean).join(' · ') || 'Undated'}</p></li>`,
    )}</ul>`,
  );
}

export function notFoundPage(id: string): Markup {
  return layout(
    'Brief not found · Briefbot',
    html`<h1>Brief not found</h1><p class="lead">There is no brief with the id “${id}”.</p><p><a href="/briefs">See all briefs</a></p>`,
  );
}

/** The demo page: the widget embedded, and the snippet to copy. */
export function demoPage(origin: string, latest: BriefSummary[]): Markup {
  const tag = `<script src="${origin}/widget.js"\n        data-title="Ask our briefs"\n        data-accent="#0a66c2"\n        async></script>`;
  const options: [string, string, string][] = [
    ['data-title', 'Ask the briefs', 'Panel heading and launcher label.'],
    ['data-accent', '#0a66c2', 'Accent colour, #rgb or #rrggbb. Text, link and focus colours are derived from it to meet WCAG AA in light and dark.'],
    [
      'data-lang',
      '(page language)',
      'Language of the widget’s own text: en, es, fr, de, pt, ar or zh. Without it, the page’s lang; Arabic is laid out right to left.',
    ],
    ['data-offset', '20', 'Launcher distance from the corner in px: one number, or two for across and up (e.g. 24 96).'],
    ['data-greeting', 'Hi! Ask me about…', 'First message of an empty conversation.'],
    ['data-placeholder', 'Ask a question…', 'Placeholder of the question box.'],
    ['data-position', 'right', 'right or left: the corner for the launcher and panel.'],
    ['data-open', 'false', 'true opens the panel on page load (focus is not moved).'],
    ['data-theme', 'auto', 'auto follows the reader’s light/dark setting; light or dark forces one.'],
    ['data-suggestions', '(latest briefs)', 'Suggested questions separated by |. Without it, the latest briefs are offered.'],
    ['data-api', '(script origin)', 'Origin of the Briefbot Worker, if the script is served from elsewhere.'],
  ];
  return layout(
    'Briefbot: ask the news briefs',
    html`<p class="kicker">Web chat widget</p>
<h1>Ask the news briefs</h1>
<p class="lead">Briefbot answers questions with short quotes from the briefs and cites every source. Try it: press the chat button at the bottom right and ask <q>What will the meeting focus on?</q></p>

<h2>Add it to your site</h2>
<p>Paste this tag into any page. Your site’s origin must be listed in the Worker’s <code>CORS_ORIGINS</code> variable.</p>
<pre tabindex="0" aria-label="The script tag to copy"><code>${tag}</code></pre>

<h2>Options</h2>
<div style="overflow-x:auto"><table>
<thead><tr><th scope="col">Attribute</th><th scope="col">Default</th><th scope="col">What it does</th></tr></thead>
<tbody>${options.map(([name, def, what]) => html`<tr><td><code>${name}</code></td><td>${def}</td><td>${what}</td></tr>`)}</tbody>
</table></div>

<h2>JavaScript API</h2>
<pre tabindex="0" aria-label="JavaScript API example"><code>Briefbot.open();                  // open the panel, focus the question box
Briefbot.close();
Briefbot.toggle();
Briefbot.ask('When is Petro meeting Trump?');
Briefbot.clear();                 // forget the conversation
window.addEventListener('briefbot:ready', () =&gt; { /* Briefbot is defined */ });</code></pre>

<h2>Latest briefs</h2>
<ul class="list">${latest.map(
      (b) =>
        html`<li><a href="${briefPath(b.id)}">${b.title}</a><p class="meta">${[longDate(b.date), b.byline].filter(Boolean).join(' · ') || 'Undated'}</p></li>`,
    )}</ul>`,
    html`<script src="/widget.js" data-title="Ask our briefs" data-suggestions="What will the meeting focus on?|When is Petro meeting Trump?" async></script>`,
  );
}

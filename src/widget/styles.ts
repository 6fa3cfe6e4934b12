/**
 * The widget's stylesheet, scoped to its shadow root so the host page's CSS
 * cannot reach in and ours cannot leak out. Layout uses logical properties
 * (`inline-start`, `end`…), so it mirrors when the widget's own language is
 * right to left (`dir` on `.root`), whatever the host page's direction.
 * Accent-derived colours (`--fill-l`, `--link-d`…) are set per widget from
 * colors.ts so they meet WCAG AA in each theme.
 * @module
 */
const LIGHT =
  '--bg:#ffffff;--fg:#1b1f24;--muted:#57606a;--line:#d8dee4;--soft:#f3f5f7;--bot:#f3f5f7;--mark:#fff0a8;--mark-fg:#1b1f24;--err-bg:#fff1f0;--err-fg:#8a1c12;--shadow:0 12px 40px rgba(16,24,40,.2);--fill:var(--fill-l);--fill-fg:var(--fill-fg-l);--link:var(--link-l);--ring:var(--ring-l);--surface:var(--accent);--surface-fg:var(--accent-fg)';
const DARK =
  '--bg:#16191d;--fg:#e8eaed;--muted:#a0a8b2;--line:#3d444d;--soft:#22272e;--bot:#22272e;--mark:#6b5800;--mark-fg:#fff7d1;--err-bg:#3a1714;--err-fg:#ffc9c2;--shadow:0 12px 40px rgba(0,0,0,.55);--fill:var(--fill-d);--fill-fg:var(--fill-fg-d);--link:var(--link-d);--ring:var(--ring-d);--surface:var(--fill-d);--surface-fg:var(--fill-fg-d)';

export const CSS = `
:host{all:initial;position:fixed;z-index:2147483000;bottom:0;right:0;font-size:16px}
:host([data-position=left]){right:auto;left:0}
*,*::before,*::after{box-sizing:border-box}
.root{${LIGHT};
  font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);text-align:start;letter-spacing:normal;word-spacing:normal}
.root[data-theme=dark]{${DARK}}
@media (prefers-color-scheme:dark){.root[data-theme=auto]{${DARK}}}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
button,input{font:inherit;color:inherit}
button{cursor:pointer}
button:disabled{cursor:not-allowed}
:focus-visible{outline:3px solid var(--ring);outline-offset:2px}
.launcher{position:fixed;bottom:var(--oy);right:var(--ox);width:60px;height:60px;border-radius:50%;border:2px solid var(--fill);
  background:var(--surface);color:var(--surface-fg);box-shadow:var(--shadow);display:grid;place-items:center}
.root[data-position=left] .launcher{right:auto;left:var(--ox)}
.launcher:focus-visible{outline-color:var(--fg);outline-offset:3px}
.launcher svg{width:28px;height:28px}
.launcher .i-close{display:none}
.root.is-open .launcher .i-chat{display:none}
.root.is-open .launcher .i-close{display:block}
.panel{position:fixed;bottom:calc(var(--oy) + 72px);right:var(--ox);width:min(400px,calc(100vw - 40px));height:min(620px,calc(100vh - var(--oy) - 100px));
  display:flex;flex-direction:column;background:var(--bg);border:1px solid var(--line);border-radius:16px;box-shadow:var(--shadow);overflow:hidden;transform-origin:bottom right}
.root[data-position=left] .panel{right:auto;left:var(--ox);transform-origin:bottom left}
.panel[hidden]{display:none}
@media (prefers-reduced-motion:no-preference){
  .panel{animation:pop .16s ease-out}
  .launcher{transition:transform .15s ease}
  .launcher:hover{transform:scale(1.06)}
  .log{scroll-behavior:smooth}
  .typing i{animation:blink 1.2s infinite ease-in-out}
}
@keyframes pop{from{opacity:0;transform:translateY(8px) scale(.98)}to{opacity:1;transform:none}}
.head{display:flex;align-items:center;gap:6px;padding-block:10px;padding-inline:16px 10px;background:var(--surface);color:var(--surface-fg)}
.head h2{flex:1;margin:0;font-size:16px;font-weight:650;line-height:1.3;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.head button{display:inline-flex;align-items:center;gap:3px;background:transparent;border:0;color:inherit;border-radius:8px;padding:6px 8px;font-size:13px;font-weight:600;min-height:32px}
.head button:hover{background:rgba(127,127,127,.22)}
.head button:focus-visible{outline-color:currentColor;outline-offset:0}
.head svg{width:16px;height:16px}
.log{position:relative;flex:1;min-height:0;overflow-y:auto;padding:16px;display:flex;flex-direction:column;gap:12px;overscroll-behavior:contain}
.msg{max-width:92%;padding:10px 13px;border-radius:14px;overflow-wrap:anywhere;white-space:pre-wrap}
.msg p{margin:0}
.msg.user{align-self:flex-end;background:var(--surface);color:var(--surface-fg);border-end-end-radius:4px}
.msg.bot,.msg.greeting{align-self:flex-start;background:var(--bot);border-end-start-radius:4px}
.msg.error{align-self:flex-start;background:var(--err-bg);color:var(--err-fg);border-end-start-radius:4px;display:flex;flex-direction:column;gap:8px;align-items:flex-start}
.retry{border:1px solid currentColor;background:transparent;border-radius:999px;padding:4px 14px;font-size:14px;font-weight:600;font-variant-numeric:tabular-nums}
.retry:disabled{opacity:.8;border-style:dashed}
.quote{margin:0}
blockquote.answer{margin:0;padding-inline-start:10px;border-inline-start:3px solid var(--fill)}
.attrib{margin-top:6px;color:var(--muted);font-size:12.5px;white-space:normal}
.attrib cite{font-style:normal;font-weight:600}
.times,.note{margin:4px 0 0;color:var(--muted);font-size:12.5px}
.lead{font-weight:650}
.marker{display:inline-grid;place-items:center;min-width:20px;height:20px;margin:0 2px;padding:0 5px;position:relative;top:-.4em;font-size:11px;font-weight:700;line-height:1;
  border-radius:999px;border:0;background:var(--fill);color:var(--fill-fg)}
.group-label{margin:12px 0 4px!important;color:var(--muted);font-size:12px;font-weight:650;text-transform:uppercase;letter-spacing:.04em;white-space:normal}
.sources{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px;white-space:normal}
.news{margin-top:8px}
.card{display:flex;flex-direction:column;gap:2px;padding:9px 10px;border-radius:10px;background:var(--bg);border:1px solid var(--line);font-size:13.5px}
.extra .card{border-style:dashed;background:transparent}
.source-title{color:var(--link);font-weight:650;text-decoration:none}
.source-name{font-weight:650}
.source-title:hover,.pn:hover{text-decoration:underline}
.source-meta{color:var(--muted);font-size:12.5px}
.paras{list-style:none;margin:4px 0 0;padding:0;display:flex;flex-direction:column;gap:6px}
.para{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 6px;border-radius:6px;scroll-margin:12px}
.para:focus{outline:2px solid var(--ring);outline-offset:2px}
.para.flash{box-shadow:0 0 0 2px var(--ring)}
.num{flex:none;display:inline-grid;place-items:center;min-width:20px;height:20px;border-radius:50%;background:var(--soft);color:var(--fg);font-size:11px;font-weight:700;border:1px solid var(--line)}
.pn{color:var(--link);font-weight:650;font-size:12.5px;text-decoration:none;padding:2px 4px;border-radius:6px;border:1px solid var(--line)}
.snippet{display:block;flex-basis:100%;padding-inline-start:9px;border-inline-start:3px solid var(--line);color:var(--fg)}
mark{background:var(--mark);color:var(--mark-fg);border-radius:3px;padding:0 1px}
.chips{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.msg .chips{margin-top:10px;white-space:normal}
.chips-label{width:100%;color:var(--muted);font-size:12.5px;font-weight:600;text-transform:uppercase;letter-spacing:.04em}
.chip{display:inline-block;max-width:100%;padding:7px 12px;border-radius:999px;border:1px solid var(--line);background:var(--bg);color:var(--link);
  font-size:13.5px;font-weight:550;text-decoration:none;text-align:start;line-height:1.3}
.chip:hover{border-color:var(--link)}
.chip-date{color:var(--muted);font-weight:400}
.trimmed,.hint{margin:0;color:var(--muted);font-size:12.5px;text-align:center}
.hint{padding:6px 12px 0;background:var(--bg)}
.hint[hidden]{display:none}
.typing{align-self:flex-start;display:flex;gap:5px;padding:14px 16px;background:var(--bot);border-radius:14px;border-end-start-radius:4px}
.typing i{width:7px;height:7px;border-radius:50%;background:var(--muted)}
.typing i:nth-child(2){animation-delay:.2s}.typing i:nth-child(3){animation-delay:.4s}
@keyframes blink{0%,80%,100%{opacity:.25;transform:translateY(0)}40%{opacity:1;transform:translateY(-3px)}}
.compose{display:flex;gap:8px;padding:12px;border-top:1px solid var(--line);background:var(--bg)}
.compose input{flex:1;min-width:0;padding:10px 14px;border-radius:999px;border:1px solid var(--muted);background:var(--soft);font-size:16px}
.compose input::placeholder{color:var(--muted);opacity:1}
.compose input:focus-visible{outline-offset:0;border-color:var(--ring)}
.send{flex:none;width:44px;height:44px;border-radius:50%;border:0;background:var(--fill);color:var(--fill-fg);display:grid;place-items:center}
.send[aria-disabled=true]{opacity:.7;cursor:progress}
.send svg{width:20px;height:20px}
.root[dir=rtl] .i-send{transform:scaleX(-1)}
@media (max-width:560px),(max-height:560px){
  .panel,.root[data-position=left] .panel{inset:0;width:auto;height:auto;border-radius:0;border:0}
  .root.is-open .launcher{display:none}
  .msg{max-width:96%}
  .log{padding:12px}
}
`;

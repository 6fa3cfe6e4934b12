/**
 * The widget's stylesheet, scoped to its shadow root so the host page's CSS
 * cannot reach in and ours cannot leak out.
 * @module
 */
export const CSS = `
:host{all:initial;position:fixed;z-index:2147483000;bottom:0;right:0;font-size:16px}
:host([data-position=left]){right:auto;left:0}
*,*::before,*::after{box-sizing:border-box}
.root{
  --bg:#ffffff;--fg:#1b1f24;--muted:#57606a;--line:#d8dee4;--soft:#f3f5f7;--bot:#f3f5f7;--mark:#fff0a8;--mark-fg:#1b1f24;
  --err-bg:#fff1f0;--err-fg:#8a1c12;--shadow:0 12px 40px rgba(16,24,40,.18),0 2px 8px rgba(16,24,40,.08);
  --link:var(--accent);
  font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);
  -webkit-font-smoothing:antialiased;text-align:left;letter-spacing:normal;
}
.root[data-theme=dark]{
  --bg:#16191d;--fg:#e8eaed;--muted:#a0a8b2;--line:#30363d;--soft:#22272e;--bot:#22272e;--mark:#6b5800;--mark-fg:#fff7d1;
  --err-bg:#3a1714;--err-fg:#ffc9c2;--shadow:0 12px 40px rgba(0,0,0,.55);--link:color-mix(in srgb,var(--accent) 45%,#ffffff);
}
@media (prefers-color-scheme:dark){.root[data-theme=auto]{
  --bg:#16191d;--fg:#e8eaed;--muted:#a0a8b2;--line:#30363d;--soft:#22272e;--bot:#22272e;--mark:#6b5800;--mark-fg:#fff7d1;
  --err-bg:#3a1714;--err-fg:#ffc9c2;--shadow:0 12px 40px rgba(0,0,0,.55);--link:color-mix(in srgb,var(--accent) 45%,#ffffff);
}}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
button,input{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.launcher{position:fixed;bottom:20px;right:20px;width:60px;height:60px;border-radius:50%;border:0;
  background:var(--accent);color:var(--accent-fg);box-shadow:var(--shadow);display:grid;place-items:center;transition:transform .15s ease}
.root[data-position=left] .launcher{right:auto;left:20px}
.launcher:hover{transform:scale(1.06)}
.launcher:focus-visible{outline-color:var(--fg);outline-offset:3px}
.launcher svg{width:28px;height:28px}
.launcher .i-close{display:none}
.root.is-open .launcher .i-chat{display:none}
.root.is-open .launcher .i-close{display:block}
.panel{position:fixed;bottom:92px;right:20px;width:min(400px,calc(100vw - 40px));height:min(620px,calc(100vh - 120px));
  display:flex;flex-direction:column;background:var(--bg);border:1px solid var(--line);border-radius:16px;box-shadow:var(--shadow);overflow:hidden;
  transform-origin:bottom right;animation:pop .16s ease-out}
.root[data-position=left] .panel{right:auto;left:20px;transform-origin:bottom left}
.panel[hidden]{display:none}
@keyframes pop{from{opacity:0;transform:translateY(8px) scale(.98)}to{opacity:1;transform:none}}
@media (prefers-reduced-motion:reduce){.panel{animation:none}.launcher{transition:none}.typing i{animation:none!important}}
.head{display:flex;align-items:center;gap:8px;padding:12px 12px 12px 16px;background:var(--accent);color:var(--accent-fg)}
.head h2{flex:1;margin:0;font-size:16px;font-weight:650;line-height:1.3;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.head button{background:transparent;border:0;color:inherit;border-radius:8px;padding:6px 8px;font-size:13px;font-weight:600;opacity:.95}
.head button:hover{background:rgba(127,127,127,.22)}
.head button:focus-visible{outline-color:currentColor;outline-offset:0}
.head .close{font-size:22px;line-height:1;padding:2px 9px 5px}
.log{position:relative;flex:1;overflow-y:auto;padding:16px;display:flex;flex-direction:column;gap:12px;overscroll-behavior:contain;scroll-behavior:smooth}
.msg{max-width:92%;padding:10px 13px;border-radius:14px;overflow-wrap:anywhere;white-space:pre-wrap}
.msg p{margin:0}
.msg.user{align-self:flex-end;background:var(--accent);color:var(--accent-fg);border-bottom-right-radius:4px}
.msg.bot,.msg.greeting{align-self:flex-start;background:var(--bot);border-bottom-left-radius:4px}
.msg.not-found .answer{color:var(--fg)}
.msg.error{align-self:flex-start;background:var(--err-bg);color:var(--err-fg);border-bottom-left-radius:4px;display:flex;flex-direction:column;gap:8px;align-items:flex-start}
.retry{border:1px solid currentColor;background:transparent;border-radius:999px;padding:4px 14px;font-size:14px;font-weight:600}
.marker{display:inline-grid;place-items:center;min-width:20px;height:20px;margin:0 2px;padding:0 5px;position:relative;top:-.4em;font-size:11px;font-weight:700;line-height:1;
  border-radius:999px;border:0;background:var(--accent);color:var(--accent-fg)}
.sources{list-style:none;margin:10px 0 0;padding:0;display:flex;flex-direction:column;gap:8px;white-space:normal}
.source{display:flex;gap:8px;padding:9px 10px;border-radius:10px;background:var(--bg);border:1px solid var(--line);font-size:13.5px;scroll-margin:12px}
.source.extra{opacity:.9}
.source.flash{border-color:var(--accent);box-shadow:0 0 0 2px var(--accent)}
.source:focus{outline:none}
.num{flex:none;display:grid;place-items:center;width:20px;height:20px;border-radius:50%;background:var(--soft);color:var(--fg);font-size:11px;font-weight:700;border:1px solid var(--line)}
.source-body{display:flex;flex-direction:column;gap:2px;min-width:0}
.source-title{color:var(--link);font-weight:650;text-decoration:none}
.source-title:hover{text-decoration:underline}
.source-meta{color:var(--muted);font-size:12.5px}
.snippet{display:block;margin-top:4px;padding-left:9px;border-left:3px solid var(--line);color:var(--fg)}
mark{background:var(--mark);color:var(--mark-fg);border-radius:3px;padding:0 1px}
.chips{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.msg .chips{margin-top:10px;white-space:normal}
.chips-label{width:100%;color:var(--muted);font-size:12.5px;font-weight:600;text-transform:uppercase;letter-spacing:.04em}
.chip{display:inline-block;max-width:100%;padding:7px 12px;border-radius:999px;border:1px solid var(--line);background:var(--bg);color:var(--link);
  font-size:13.5px;font-weight:550;text-decoration:none;text-align:left;line-height:1.3}
.chip:hover{border-color:var(--link)}
.chip-date{color:var(--muted);font-weight:400}
.typing{align-self:flex-start;display:flex;gap:5px;padding:14px 16px;background:var(--bot);border-radius:14px;border-bottom-left-radius:4px}
.typing i{width:7px;height:7px;border-radius:50%;background:var(--muted);animation:blink 1.2s infinite ease-in-out}
.typing i:nth-child(2){animation-delay:.2s}.typing i:nth-child(3){animation-delay:.4s}
@keyframes blink{0%,80%,100%{opacity:.25;transform:translateY(0)}40%{opacity:1;transform:translateY(-3px)}}
.compose{display:flex;gap:8px;padding:12px;border-top:1px solid var(--line);background:var(--bg)}
.compose input{flex:1;min-width:0;padding:10px 14px;border-radius:999px;border:1px solid var(--line);background:var(--soft);font-size:16px}
.compose input::placeholder{color:var(--muted);opacity:1}
.compose input:focus-visible{outline-offset:0;border-color:var(--link)}
.send{flex:none;width:44px;height:44px;border-radius:50%;border:0;background:var(--accent);color:var(--accent-fg);display:grid;place-items:center}
.send[aria-disabled=true]{opacity:.55;cursor:progress}
.send svg{width:20px;height:20px}
.foot{margin:0;padding:0 12px 8px;color:var(--muted);font-size:11.5px;text-align:center;background:var(--bg)}
@media (max-width:480px){
  .panel{inset:0;width:100%;height:100%;max-height:none;border-radius:0;border:0;bottom:0;right:0;left:0}
  .root.is-open .launcher{display:none}
  .msg{max-width:96%}
}
`;

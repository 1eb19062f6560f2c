// The public page's stylesheet: served from memory on the fast path and written by the export.
// Light and dark follow prefers-color-scheme; no JavaScript anywhere.

export const STATUS_CSS = `
:root{color-scheme:light dark;--bg:#f7f8fa;--card:#fff;--text:#1f2933;--muted:#5f6b7a;--line:#e3e7ec;
--ok:#1f9d55;--minor:#d69e0b;--major:#e0661b;--critical:#d63b3b;--maint:#2f80d1;--nodata:#d7dce2;
--link:#1b64c4;--focus:#2f80d1;--shadow:0 1px 2px rgba(16,24,40,.06),0 1px 3px rgba(16,24,40,.08)}
@media (prefers-color-scheme:dark){:root{--bg:#0e1116;--card:#161b22;--text:#e6edf3;--muted:#9aa6b2;
--line:#2a313a;--ok:#3fb970;--minor:#e3b341;--major:#f0883e;--critical:#f85149;--maint:#58a6ff;
--nodata:#30363d;--link:#58a6ff;--shadow:none}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
a{color:var(--link)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--card);padding:.5rem 1rem;z-index:2}
.wrap{max-width:860px;margin:0 auto;padding:0 20px}
.top{background:var(--card);border-bottom:1px solid var(--line)}
.top .wrap{display:flex;align-items:center;justify-content:space-between;gap:1rem;height:72px}
.brand{font-size:1.35rem;font-weight:700;letter-spacing:-.01em;color:var(--text);text-decoration:none}
.brand small{font-weight:500;color:var(--muted);margin-left:.35rem}
.btn{display:inline-block;border:1px solid var(--line);background:var(--card);color:var(--text);border-radius:8px;padding:.5rem .9rem;font:inherit;font-size:.9rem;font-weight:600;text-decoration:none;cursor:pointer}
.btn:hover{border-color:var(--muted)}
.btn-primary{background:var(--link);border-color:var(--link);color:#fff}
main{padding:32px 0 48px}
.notice{border:1px solid var(--minor);background:color-mix(in srgb,var(--minor) 12%,var(--card));border-radius:10px;padding:.8rem 1rem;margin-bottom:20px}
.banner{display:flex;align-items:center;gap:.8rem;color:#fff;border-radius:10px;padding:1.05rem 1.3rem;box-shadow:var(--shadow);margin-bottom:28px}
.banner h1{font-size:1.3rem;margin:0;font-weight:650}
.banner .glyph{display:inline-grid;place-items:center;width:1.8rem;height:1.8rem;border-radius:50%;background:rgba(255,255,255,.22);font-weight:800}
.ind-none{background:var(--ok)}.ind-minor{background:var(--minor)}.ind-major{background:var(--major)}.ind-critical{background:var(--critical)}.ind-maintenance{background:var(--maint)}
@media (prefers-color-scheme:dark){.banner{color:#0e1116}.banner .glyph{background:rgba(0,0,0,.15)}}
h2.section{font-size:1.05rem;margin:34px 0 12px;letter-spacing:.01em}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;box-shadow:var(--shadow)}
.incident{border-left:5px solid var(--muted);padding:1rem 1.25rem;margin-bottom:16px}
.incident.imp-minor{border-left-color:var(--minor)}.incident.imp-major{border-left-color:var(--major)}.incident.imp-critical{border-left-color:var(--critical)}.incident.imp-maintenance{border-left-color:var(--maint)}.incident.imp-none{border-left-color:var(--muted)}
.incident h3{margin:0 0 .25rem;font-size:1.1rem}
.incident .meta{color:var(--muted);font-size:.85rem;margin:0 0 .6rem}
.next{display:inline-block;font-size:.85rem;font-weight:600;border-radius:999px;padding:.15rem .6rem;background:color-mix(in srgb,var(--link) 12%,transparent);color:var(--text);margin:.1rem 0 .6rem}
.updates{list-style:none;margin:0;padding:0}
.updates li{padding:.55rem 0;border-top:1px solid var(--line)}
.updates li:first-child{border-top:0}
.updates .st{font-weight:700;margin-right:.35rem}
.updates p{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.updates .when{display:block;color:var(--muted);font-size:.8rem;margin-top:.15rem}
.affects{color:var(--muted);font-size:.85rem;margin:.4rem 0 0}
.components{padding:.25rem 1.25rem}
.group{margin:0;padding:.8rem 0 .2rem;font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
.comp{padding:.9rem 0;border-top:1px solid var(--line)}
.group+.comp{border-top:0}
.comp-head{display:flex;justify-content:space-between;align-items:baseline;gap:1rem}
.comp-name{font-weight:600}
.comp-desc{display:block;color:var(--muted);font-size:.82rem;font-weight:400}
.state{font-size:.88rem;font-weight:600;white-space:nowrap}
.state::before{content:"";display:inline-block;width:.6rem;height:.6rem;border-radius:50%;margin-right:.4rem;background:currentColor;vertical-align:.05rem}
.s-operational{color:var(--ok)}.s-degraded_performance{color:var(--minor)}.s-partial_outage{color:var(--major)}.s-major_outage{color:var(--critical)}.s-under_maintenance{color:var(--maint)}
.bars{display:flex;gap:2px;height:34px;margin-top:.6rem}
.bar{flex:1;border-radius:2px;background:var(--ok);min-width:2px}
.bar:hover{opacity:.7}
.b-none{background:var(--nodata)}.b-degraded_performance{background:var(--minor)}.b-partial_outage{background:var(--major)}.b-major_outage{background:var(--critical)}.b-under_maintenance{background:var(--maint)}
.bar-legend{display:flex;align-items:center;gap:.6rem;color:var(--muted);font-size:.78rem;margin-top:.35rem}
.bar-legend .rule{flex:1;height:1px;background:var(--line)}
.history .day{padding:.9rem 1.25rem;border-top:1px solid var(--line)}
.history .day:first-child{border-top:0}
.history h3{margin:0 0 .35rem;font-size:.95rem}
.history .none{color:var(--muted);margin:0;font-size:.9rem}
.history .past{margin:.4rem 0 .2rem}
.history .past a{font-weight:650}
.subscribe{padding:1rem 1.25rem}
.subscribe form{display:grid;gap:.6rem;margin:.6rem 0 1rem}
.subscribe label{font-size:.88rem;font-weight:600}
.subscribe input,.subscribe select{font:inherit;padding:.5rem .65rem;border:1px solid var(--line);border-radius:8px;background:var(--bg);color:var(--text);width:100%}
.subscribe .row{display:flex;gap:.6rem;align-items:end;flex-wrap:wrap}.subscribe .row>div{flex:1;min-width:14rem}
.hint{color:var(--muted);font-size:.82rem;margin:0}
.secret{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:.5rem .7rem;overflow-wrap:anywhere}
footer{border-top:1px solid var(--line);color:var(--muted);font-size:.85rem;padding:22px 0 40px}
footer .wrap{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;justify-content:space-between}
footer nav{display:flex;gap:1rem}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:560px){.bars{height:28px}.bars .bar:nth-child(-n+30){display:none}.top .wrap{height:60px}}
`.trim();

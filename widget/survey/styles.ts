// The panel's styles, inside its shadow root (the page's CSS cannot reach in, ours cannot leak out). Themable
// from the page with CSS custom properties, which do cross the shadow boundary: --loupe-primary,
// --loupe-on-primary, --loupe-font, --loupe-radius, --loupe-bg, --loupe-fg, --loupe-muted, --loupe-border,
// --loupe-z. Light or dark follows the visitor's system unless the script tag says data-theme="light|dark".

export const PANEL_CSS = `
:host{all:initial}
.p{--p:var(--loupe-primary,#2457d6);--op:var(--loupe-on-primary,#fff);--r:var(--loupe-radius,14px);
--bg:var(--loupe-bg,#fff);--fg:var(--loupe-fg,#1c2330);--mu:var(--loupe-muted,#5d6675);--bd:var(--loupe-border,#d9dee7);--sf:color-mix(in srgb,var(--fg) 5%,var(--bg));
position:fixed;z-index:var(--loupe-z,2147483000);bottom:20px;right:20px;width:380px;max-width:calc(100vw - 24px);
max-height:calc(100vh - 40px);overflow:auto;box-sizing:border-box;padding:18px 20px 16px;
background:var(--bg);color:var(--fg);border:1px solid var(--bd);border-radius:var(--r);
box-shadow:0 12px 40px rgba(16,24,40,.18),0 2px 6px rgba(16,24,40,.08);
font:15px/1.45 var(--loupe-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);
animation:in .25s ease-out}
.dark{--bg:var(--loupe-bg,#1b1f27);--fg:var(--loupe-fg,#eef1f6);--mu:var(--loupe-muted,#a6afbe);--bd:var(--loupe-border,#343b48);--p:var(--loupe-primary,#6e9bff);--op:var(--loupe-on-primary,#0b1220)}
@media (prefers-color-scheme:dark){.auto{--bg:var(--loupe-bg,#1b1f27);--fg:var(--loupe-fg,#eef1f6);--mu:var(--loupe-muted,#a6afbe);--bd:var(--loupe-border,#343b48);--p:var(--loupe-primary,#6e9bff);--op:var(--loupe-on-primary,#0b1220)}}
.p:focus{outline:none}
.p[data-position=bottom-left]{right:auto;left:20px}
.p[data-position=center]{bottom:auto;top:50%;left:50%;right:auto;transform:translate(-50%,-50%);animation:none}
@keyframes in{from{opacity:0;transform:translateY(12px)}}
@media (prefers-reduced-motion:reduce){.p{animation:none}}
*{box-sizing:border-box}
.hd{display:flex;align-items:flex-start;gap:12px;margin-bottom:10px}
h2{flex:1;margin:0;font-size:14px;font-weight:600;color:var(--mu)}
.x{flex:none;width:32px;height:32px;margin:-6px -8px 0 0;border:0;border-radius:8px;background:none;color:var(--mu);font-family:inherit;font-size:22px;line-height:1;cursor:pointer}
.x:hover{background:var(--sf);color:var(--fg)}
.bar{height:4px;border-radius:2px;background:var(--sf);overflow:hidden;margin-bottom:4px}
.bar i{display:block;height:100%;background:var(--p);transition:width .3s}
.pos{font-size:12px;color:var(--mu);margin-bottom:12px}
.intro{margin:0 0 12px;color:var(--mu)}
fieldset{border:0;margin:0;padding:0;min-width:0}
legend,.q{display:block;padding:0;margin:0 0 12px;font-size:17px;font-weight:600;line-height:1.35}
.req{color:var(--mu);font-weight:400}
.help{margin:-6px 0 12px;font-size:13px;color:var(--mu)}
.sc{display:flex;gap:4px}
.sc label{flex:1 1 0;min-width:0;position:relative}
.sc span{display:flex;align-items:center;justify-content:center;height:40px;border:1px solid var(--bd);border-radius:8px;font-weight:600;font-variant-numeric:tabular-nums;cursor:pointer;background:var(--bg)}
.sc label:hover span{border-color:var(--p)}
input{position:absolute;opacity:0;width:1px;height:1px;margin:0}
.sc input:checked+span{background:var(--p);border-color:var(--p);color:var(--op)}
input:focus-visible+span,textarea:focus-visible,button:focus-visible{outline:2px solid var(--p);outline-offset:2px}
.ends{display:flex;justify-content:space-between;gap:12px;margin-top:6px;font-size:12px;color:var(--mu)}
.row{margin-bottom:12px}.row legend{font-size:14px;font-weight:500;margin-bottom:6px}
.ch{display:grid;gap:6px}
.ch label{position:relative;display:block}
.ch span{display:flex;gap:10px;align-items:center;padding:9px 12px;border:1px solid var(--bd);border-radius:10px;cursor:pointer}
.ch span:before{content:"";flex:none;width:16px;height:16px;border:2px solid var(--bd);border-radius:50%}
.ch [type=checkbox]+span:before{border-radius:4px}
.ch input:checked+span{border-color:var(--p);background:color-mix(in srgb,var(--p) 10%,var(--bg))}
.ch input:checked+span:before{border-color:var(--p);background:var(--p);box-shadow:inset 0 0 0 3px var(--bg)}
.ch [type=checkbox]:checked+span:before{box-shadow:none;background:var(--p) url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M3 8l3 3 7-7' fill='none' stroke='white' stroke-width='2.5'/%3E%3C/svg%3E")}
.ch input:disabled+span{opacity:.5;cursor:default}
textarea{display:block;width:100%;min-height:96px;resize:vertical;padding:10px 12px;border:1px solid var(--bd);border-radius:10px;background:var(--bg);color:var(--fg);font:inherit}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.err{min-height:0;margin:8px 0 0;font-size:13px;color:#c62f2f}
.dark .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.err{color:#ff8a8a}
.ft{display:flex;gap:8px;justify-content:flex-end;margin-top:14px}
.b{min-height:40px;padding:0 18px;border-radius:10px;border:1px solid var(--bd);background:var(--bg);color:var(--fg);font-family:inherit;font-size:14px;font-weight:600;cursor:pointer}
.b.pr{background:var(--p);border-color:var(--p);color:var(--op)}
.b:disabled{opacity:.6;cursor:default}
.ty{display:flex;gap:12px;align-items:center;padding:6px 0 2px;font-size:17px;font-weight:600}
.ty:before{content:"";flex:none;width:36px;height:36px;border-radius:50%;background:var(--p) url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='-4 -4 24 24'%3E%3Cpath d='M3 8l3 3 7-7' fill='none' stroke='white' stroke-width='2.5'/%3E%3C/svg%3E")}
@media (max-width:480px){.p,.p[data-position]{left:8px;right:8px;bottom:8px;top:auto;width:auto;max-width:none;transform:none;max-height:85vh;padding:16px}
.sc{gap:3px}.sc span{height:44px;font-size:14px}}
`;

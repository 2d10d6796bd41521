// The public survey page's stylesheet: mobile first, large tap targets, visible focus, no external assets.
export const PAGE_CSS = `
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f4f5f7;line-height:1.5}
body{margin:0;padding:0}
main{max-width:40rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh}
@media(min-width:42rem){main{margin:2rem auto;min-height:0;border-radius:12px;box-shadow:0 1px 4px rgba(0,0,0,.08);padding:2rem}}
h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0 1rem}
p.intro{margin:0 0 1.25rem;color:#3d4550}
fieldset{border:0;margin:0 0 1.75rem;padding:0}
legend{font-weight:600;font-size:1.0625rem;margin-bottom:.5rem;padding:0}
.help{margin:-.25rem 0 .5rem;color:#5b6470;font-size:.9375rem}
.req{color:#b42318;margin-left:.25rem}
.scale{display:flex;flex-wrap:wrap;gap:.375rem}
.scale label{flex:1 0 2.75rem;min-width:2.75rem;position:relative}
.scale input,.choice input{position:absolute;opacity:0;width:1px;height:1px}
.scale span{display:flex;align-items:center;justify-content:center;min-height:2.875rem;border:1.5px solid #c4c9d0;border-radius:8px;font-weight:600;cursor:pointer;background:#fff}
.scale input:checked+span{background:#1d4ed8;border-color:#1d4ed8;color:#fff}
.ends{display:flex;justify-content:space-between;font-size:.8125rem;color:#5b6470;margin-top:.25rem;gap:1rem}
.choice{display:flex;flex-direction:column;gap:.375rem}
.choice label{display:flex;align-items:center;gap:.625rem;min-height:2.875rem;padding:.5rem .75rem;border:1.5px solid #c4c9d0;border-radius:8px;cursor:pointer;position:relative}
.choice span::before{content:"";display:inline-block;width:1.125rem;height:1.125rem;margin-right:.625rem;vertical-align:-.2rem;border:2px solid #6b7480;border-radius:50%}
.choice.multi span::before{border-radius:4px}
.choice input:checked+span::before{background:#1d4ed8;border-color:#1d4ed8;box-shadow:inset 0 0 0 2px #fff}
.choice label:has(input:checked){border-color:#1d4ed8;background:#eff4ff}
input:focus-visible+span,textarea:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
textarea{width:100%;min-height:7rem;font:inherit;padding:.625rem .75rem;border:1.5px solid #c4c9d0;border-radius:8px}
.matrix-row{margin-bottom:.75rem}
.matrix-row legend{font-weight:400;font-size:.9375rem;margin-bottom:.25rem}
.matrix-row>div:first-child{font-size:.9375rem;margin-bottom:.25rem}
button{font:inherit;font-weight:600;font-size:1.0625rem;width:100%;min-height:3rem;border:0;border-radius:8px;background:#1d4ed8;color:#fff;cursor:pointer}
button:hover{background:#1e40af}
.error{color:#b42318;font-size:.9375rem;margin:.25rem 0 0}
.summary{border:2px solid #b42318;border-radius:8px;padding:.75rem 1rem;margin-bottom:1.25rem;color:#7a1a12;background:#fef3f2}
fieldset.invalid legend{color:#b42318}
.lang{text-align:right;font-size:.9375rem;margin:0}
.lang a{color:#1d4ed8}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.done{text-align:center;padding:3rem 0}
.done p{font-size:1.25rem}
[hidden]{display:none!important}
`;

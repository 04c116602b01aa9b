/** The explorer page's stylesheet, served as /embed/explorer.css (the page has no inline style). */
export const EXPLORER_CSS = `
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f6f8fa}
.top{display:flex;justify-content:space-between;align-items:center;padding:10px 20px;background:#1b1f24;color:#fff}
.brand{color:#fff;font-weight:700;text-decoration:none}
.langs button{font:inherit;background:none;color:#fff;border:1px solid #8c959f;border-radius:6px;padding:2px 10px;margin-left:6px;cursor:pointer}
.langs button[aria-pressed=true]{background:#fff;color:#1b1f24}
main{max-width:1200px;margin:0 auto;padding:16px 20px}
h1{font-size:1.4rem;margin:8px 0 12px}h2{font-size:1.05rem;margin:18px 0 8px}
.columns{display:grid;grid-template-columns:minmax(280px,420px) 1fr;gap:20px;margin-top:16px}
@media (max-width:800px){.columns{grid-template-columns:1fr}}
#picture .svg{background:#fff;border:1px solid #d0d7de;border-radius:10px;overflow:auto;max-height:70vh}
.columns>*{min-width:0}
#picture svg{display:block;max-width:100%;height:auto}
#picture g.node a{cursor:pointer}
.kind{display:inline-block;font-size:.8rem;color:#57606a;border:1px solid #d0d7de;border-radius:999px;padding:0 8px}
.roles a{color:#0a58ca}
#embed pre{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:10px;overflow:auto;white-space:pre-wrap;word-break:break-all}
#embed button{font:inherit;padding:2px 10px;cursor:pointer}
a{color:#0a58ca}
`;

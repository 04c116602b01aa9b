import type { Lang } from '../http/language.js';
import type { RoleCard } from '../schemas/card.js';
import type { CARD_THEMES } from '../schemas/embed.js';
import { CARD_LABELS } from './card-labels.js';
import { explorerPath } from './explorer-url.js';
import { escapeHtml as e } from './html.js';

export type CardTheme = (typeof CARD_THEMES)[number];

/** Server-rendered so it works with JavaScript off; the one script only reports the height to the host page. */
export function roleCardHtml(card: RoleCard, options: { origin: string; theme: CardTheme; lang: Lang; oembedUrl: string; frameScript: string }): string {
  const labels = CARD_LABELS[options.lang];
  const link = (path: string) => e(`${options.origin}${path}`);
  const responsibilities = card.responsibilities
    .map(
      (r) => `<li class="responsibility"><span class="name">${e(r.name)}</span>${
        r.technologies.length
          ? `<ul class="technologies" aria-label="${e(labels.technologies)}">${r.technologies
              .map((t) => `<li><a href="${link(explorerPath(t.id, options.lang))}" target="_blank" rel="noopener">${e(t.name)}</a></li>`)
              .join('')}</ul>`
          : ''
      }</li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${options.lang}" data-theme="${options.theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(card.name)}</title>
<link rel="alternate" type="application/json+oembed" href="${e(options.oembedUrl)}" title="${e(card.name)}">
<style>${CARD_CSS}</style>
<script src="${e(options.frameScript)}" defer></script>
</head>
<body>
<main>
<article class="card" aria-labelledby="title">
<h1 id="title"><a href="${link(explorerPath(card.id, options.lang))}" target="_blank" rel="noopener">${e(card.name)}</a></h1>
${card.definition ? `<p class="definition">${e(card.definition)}</p>` : ''}
<h2>${e(labels.responsibilities)}</h2>
<ol class="responsibilities">${responsibilities}</ol>
<p class="counts">${e(labels.counts(card.counts))}</p>
</article>
</main>
</body>
</html>
`;
}

const CARD_CSS = `
:root{color-scheme:light;--bg:#fff;--fg:#1b1f24;--muted:#57606a;--accent:#0a58ca;--chip:#eef2f7;--border:#d0d7de}
[data-theme=dark]{color-scheme:dark;--bg:#0d1117;--fg:#e6edf3;--muted:#9da7b3;--accent:#79b8ff;--chip:#1f2937;--border:#30363d}
html,body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.card{border:1px solid var(--border);border-radius:10px;padding:16px 18px;margin:0}
h1{font-size:1.3rem;margin:0 0 6px}h1 a{color:inherit;text-decoration:none}h1 a:hover,h1 a:focus{text-decoration:underline}
h2{font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:14px 0 6px}
.definition{margin:0;color:var(--fg)}
.responsibilities{margin:0;padding-left:1.3em}.responsibility{margin:6px 0}.name{font-weight:600}
.technologies{list-style:none;display:flex;flex-wrap:wrap;gap:4px;margin:4px 0 0;padding:0}
.technologies a{display:inline-block;background:var(--chip);color:var(--accent);border-radius:999px;padding:1px 9px;font-size:.82rem;text-decoration:none}
.technologies a:hover,.technologies a:focus{text-decoration:underline}
.counts{color:var(--muted);font-size:.82rem;margin:12px 0 0}
`;

import type { Lang } from '../lib/language.js';
import { escapeHtml as e } from './html.js';
import type { ScriptRef } from './snippets.js';

const TEXT = {
  pl: {
    title: 'rolegraph — eksplorator ról i umiejętności',
    description: 'Role, obowiązki, technologie i umiejętności z dokumentów źródłowych, jako graf: szukaj, przeglądaj i osadzaj.',
    noscript: 'Eksplorator potrzebuje JavaScriptu. Dane są też dostępne jako JSON, np. /roles.',
    languages: 'Język',
  },
  en: {
    title: 'rolegraph — roles & skills explorer',
    description: 'Roles, responsibilities, technologies and skills from the source documents, as a graph: search, browse and embed.',
    noscript: 'The explorer needs JavaScript. The data is also served as JSON, e.g. /roles.',
    languages: 'Language',
  },
};

/** The entity a shared explorer URL opens, so its title, description and oEmbed link name it (for link previews). */
export interface ExplorerEntity {
  name: string;
  description: string;
  /** Only roles have an oEmbed answer. */
  oembedUrl: string | null;
}

export interface ExplorerAssets {
  script: string;
  stylesheet: string;
  /** What the "Embed this" snippets load: pinned, with integrity. */
  component: ScriptRef;
  resize: ScriptRef;
}

/** The explorer's shell: everything else is drawn by its script (served from here, like its styles). */
export function explorerHtml(lang: Lang, assets: ExplorerAssets, entity: ExplorerEntity | null): string {
  const title = entity ? `${entity.name} — rolegraph` : TEXT[lang].title;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${e(title)}</title>
<meta name="description" content="${e(entity?.description ?? TEXT[lang].description)}">
${entity?.oembedUrl ? `<link rel="alternate" type="application/json+oembed" href="${e(entity.oembedUrl)}" title="${e(entity.name)}">\n` : ''}<link rel="stylesheet" href="${e(assets.stylesheet)}">
<meta name="rolegraph-component" content="${e(assets.component.url)}" data-integrity="${e(assets.component.integrity ?? '')}">
<meta name="rolegraph-resize" content="${e(assets.resize.url)}" data-integrity="${e(assets.resize.integrity ?? '')}">
<script type="module" src="${e(assets.script)}"></script>
</head>
<body>
<header class="top">
<a class="brand" href="/">rolegraph</a>
<nav aria-label="${e(TEXT[lang].languages)}" class="langs"><button type="button" data-lang="pl" lang="pl">PL</button><button type="button" data-lang="en" lang="en">EN</button></nav>
</header>
<main id="main">
<h1 id="heading">${e(TEXT[lang].title)}</h1>
<noscript><p>${e(TEXT[lang].noscript)}</p></noscript>
<div id="search-slot"></div>
<div class="columns">
<section id="entity" aria-labelledby="entity-heading"></section>
<section id="picture" aria-labelledby="picture-heading"></section>
</div>
<section id="embed" aria-labelledby="embed-heading" hidden></section>
</main>
</body>
</html>
`;
}

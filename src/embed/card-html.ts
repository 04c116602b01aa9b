import type { Lang } from '../lib/language.js';
import type { RoleCard } from '../schemas/card.js';
import type { CARD_THEMES } from '../schemas/embed.js';
import { CARD_LABELS } from './card-labels.js';
import { cardMarkup, errorMarkup } from './card-markup.js';
import { explorerPath } from '../graph/node-url.js';
import { escapeHtml as e } from './html.js';

export type CardTheme = (typeof CARD_THEMES)[number];

interface PageOptions {
  origin: string;
  theme: CardTheme;
  lang: Lang;
  /** Versioned URLs of /embed/card.css and /embed/frame.js: the page has no inline style or script. */
  stylesheet: string;
  frameScript: string;
}

function page(options: PageOptions, title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="${options.lang}" data-theme="${options.theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
${head}<link rel="stylesheet" href="${e(options.stylesheet)}">
<script src="${e(options.frameScript)}" defer></script>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** Server-rendered so it works with JavaScript off; the one script only reports the height to the host page. */
export function roleCardHtml(card: RoleCard, options: PageOptions & { oembedUrl: string }): string {
  const oembed = `<link rel="alternate" type="application/json+oembed" href="${e(options.oembedUrl)}" title="${e(card.name)}">\n`;
  return page(options, card.name, oembed, cardMarkup(card, { lang: options.lang, href: (id) => `${options.origin}${explorerPath(id, options.lang)}`, level: 1 }));
}

/** What a frame shows instead of a card: an HTML page in the card's style and language, never a JSON problem. */
export function cardErrorHtml(status: number, slug: string, options: PageOptions): string {
  const labels = CARD_LABELS[options.lang];
  const message = status === 404 ? labels.notFound(slug) : status === 400 ? labels.invalid : labels.failed;
  return page(options, labels.errorTitle, '', errorMarkup(message, options.lang, false));
}

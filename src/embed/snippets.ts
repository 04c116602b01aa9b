import { LOADING_HEIGHT } from './card-style.js';
import { escapeHtml as e } from './html.js';

/** A script as a snippet loads it: an absolute URL, pinned (`?v=`) with its Subresource Integrity hash, or bare. */
export interface ScriptRef {
  url: string;
  integrity?: string;
}

export const IFRAME_WIDTH = 560;
export const IFRAME_HEIGHT = 640;

const attributes = (script: ScriptRef) => `src="${e(script.url)}"${script.integrity ? ` integrity="${e(script.integrity)}" crossorigin="anonymous"` : ''}`;

/**
 * The snippets a page pastes, from one place: the explorer's "Embed this" panel, oEmbed's `html` and the
 * docs all come from here. No inline script and no style attribute, so they work under `script-src`
 * and `style-src` without 'unsafe-inline'.
 */
export function componentSnippet(script: ScriptRef, slug: string, lang: string): string {
  return `<script type="module" ${attributes(script)}></script>\n<rolegraph-role slug="${e(slug)}" lang="${e(lang)}"></rolegraph-role>`;
}

/** The iframe card's URL: the one place it is built (snippets, oEmbed, the card's own oEmbed link). */
export function embedCardUrl(api: string, slug: string, lang: string, theme = 'light'): string {
  return `${api}/embed/roles/${encodeURIComponent(slug)}?lang=${lang}&theme=${theme}`;
}

/** The iframe card and the external script that sizes it to the card (and drops the frame's border). */
export function iframeSnippet(options: { src: string; title: string; resize: ScriptRef; width?: number; height?: number }): string {
  return (
    `<iframe src="${e(options.src)}" title="${e(options.title)}" width="${options.width ?? IFRAME_WIDTH}" height="${options.height ?? IFRAME_HEIGHT}" loading="lazy"></iframe>\n` +
    `<script async ${attributes(options.resize)}></script>`
  );
}

/**
 * For the host page's own stylesheet (docs/embedding.md): holds the card's place before the script has
 * defined the element, the one shift the element's own skeleton cannot prevent.
 */
export const HOST_RESERVE_CSS = `rolegraph-role:not(:defined){display:block;min-height:${LOADING_HEIGHT}}`;

/**
 * The smallest Content-Security-Policy a host page needs for everything rolegraph offers (the element's
 * script and its data requests, the iframe card): no 'unsafe-inline', no style-src for us at all.
 */
export function hostCsp(api: string): string {
  return `script-src 'self' ${api}; connect-src 'self' ${api}; frame-src ${api}; style-src 'self'`;
}

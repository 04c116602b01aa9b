import { InvalidInputError } from '../model/domain-errors.js';
import { type Lang, supported } from '../lib/language.js';
import type { OEmbed } from '../schemas/embed.js';
import { CARD_THEMES } from '../schemas/embed.js';
import type { CardTheme } from './card-html.js';
import { embedCardUrl, IFRAME_HEIGHT, IFRAME_WIDTH, iframeSnippet, type ScriptRef } from './snippets.js';

export const PROVIDER_NAME = 'rolegraph';
const MIN_WIDTH = 280;

export interface EmbeddedRole {
  slug: string;
  lang: Lang | null;
  theme: CardTheme;
}

/**
 * The role a URL of this API shows: `/roles/{role}`, `/roles/{role}/card`, `/embed/roles/{role}` or
 * the explorer's `/?node=role:{role}`, on this API's origin. Null for anything else (oEmbed's 404).
 */
export function roleOfUrl(url: string, origin: string): EmbeddedRole | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== origin) return null;
  const lang = parsed.searchParams.get('lang');
  const theme = CARD_THEMES.find((t) => t === parsed.searchParams.get('theme')) ?? 'light';
  const options = { lang: lang ? (supported(lang) ?? null) : null, theme } as const;
  const path = /^\/(?:embed\/)?roles\/([^/]+)(?:\/card)?\/?$/.exec(parsed.pathname);
  if (path) return { slug: decodedSegment(path[1]), ...options };
  const node = parsed.pathname === '/' ? /^role:(.+)$/.exec(parsed.searchParams.get('node') ?? '') : null;
  return node ? { slug: node[1], ...options } : null;
}

/** The oEmbed "rich" answer: an iframe of the card, as large as the consumer allows, sized by the external resize script. */
export function oembedFor(
  role: { slug: string; name: string },
  embed: EmbeddedRole & { lang: Lang },
  origin: string,
  max: { maxwidth?: number; maxheight?: number },
  resize: ScriptRef,
): OEmbed {
  const width = Math.max(Math.min(IFRAME_WIDTH, max.maxwidth ?? IFRAME_WIDTH), Math.min(MIN_WIDTH, max.maxwidth ?? MIN_WIDTH));
  const height = Math.min(IFRAME_HEIGHT, max.maxheight ?? IFRAME_HEIGHT);
  return {
    type: 'rich',
    version: '1.0',
    title: role.name,
    provider_name: PROVIDER_NAME,
    provider_url: `${origin}/`,
    cache_age: 3600,
    html: iframeSnippet({ src: embedCardUrl(origin, role.slug, embed.lang, embed.theme), title: role.name, resize, width, height }),
    width,
    height,
  };
}

/** A path segment of the `url` parameter, percent-decoded; bad percent-encoding (`%E0%A4%A`) is the client's error, a 400, not a 500. */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new InvalidInputError(
      { pl: 'Parametr „url” zawiera błędne kodowanie procentowe.', en: 'The url parameter has malformed percent-encoding.' },
      [{ name: 'url', in: 'query', reason: 'malformed percent-encoding in its path' }],
    );
  }
}

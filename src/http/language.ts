import { qualityOf } from './accept.js';

export const LANGUAGES = ['pl', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
/** The documents are written in Polish: it is what every text exists in. */
export const SOURCE_LANGUAGE: Lang = 'pl';

/** RFC 9110 Accept-Language negotiation over the languages we have; ?lang= wins when valid. */
export function negotiateLanguage(queryLang: unknown, acceptLanguage: string | undefined): Lang {
  if (typeof queryLang === 'string' && (LANGUAGES as readonly string[]).includes(queryLang)) return queryLang as Lang;
  if (!acceptLanguage) return SOURCE_LANGUAGE;
  const ranges = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      return { tag: tag.trim(), q: qualityOf(params) ?? 1, index };
    })
    .filter((r) => r.tag.length > 0 && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ranges) {
    if (range.tag === '*') return SOURCE_LANGUAGE;
    const primary = range.tag.split('-')[0];
    const match = LANGUAGES.find((l) => l === primary);
    if (match) return match;
  }
  return SOURCE_LANGUAGE;
}

import { qualityOf } from './accept.js';

export const LANGUAGES = ['pl', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
/** The documents are written in Polish: it is what every text exists in. */
export const SOURCE_LANGUAGE: Lang = 'pl';

/** A text in both response languages; a plain string is English only. */
export type Localizable = string | Record<Lang, string>;

/** A text in one language: an English-only text is English in every language. */
export function localized(text: Localizable, lang: Lang): string {
  return typeof text === 'string' ? text : text[lang];
}

/** A BCP 47 language tag as `?lang=` takes it (RFC 5646 syntax, any case): `en`, `EN`, `en-US`, `pl-PL`, `zh-Hant-TW`. */
export const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

/** The supported language a tag's primary subtag names (`en-US` → en, `PL` → pl), or undefined. */
export function supported(tag: string): Lang | undefined {
  const primary = tag.split('-')[0].toLowerCase();
  return LANGUAGES.find((l) => l === primary);
}

/**
 * RFC 9110 §12.5.4 language negotiation over the languages we have. `?lang=` wins when it names one
 * of them. Accept-Language ranges are tried by weight (ties in order); `q=0` excludes a language,
 * also from `*`; `*` stands for any language not excluded, the default first. When the client names
 * no language we have, it gets `defaultLanguage` (unless it excluded that one, then the other).
 */
export function negotiateLanguage(queryLang: unknown, acceptLanguage: string | undefined, defaultLanguage: Lang = SOURCE_LANGUAGE): Lang {
  if (typeof queryLang === 'string') {
    const fromQuery = supported(queryLang);
    if (fromQuery) return fromQuery;
  }
  if (!acceptLanguage) return defaultLanguage;
  const ranges = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      return { tag: tag.trim().toLowerCase(), q: qualityOf(params) ?? 1, index };
    })
    .filter((r) => r.tag.length > 0);
  const excluded = new Set(ranges.filter((r) => r.q === 0).flatMap((r) => (r.tag === '*' ? [] : [supported(r.tag)].filter((l) => l !== undefined))));
  const byDefaultFirst = [defaultLanguage, ...LANGUAGES.filter((l) => l !== defaultLanguage)];
  const allowed = byDefaultFirst.filter((l) => !excluded.has(l));
  const ordered = ranges.filter((r) => r.q > 0).sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ordered) {
    if (range.tag === '*') {
      if (allowed[0]) return allowed[0];
      continue;
    }
    const match = supported(range.tag);
    if (match && !excluded.has(match)) return match;
  }
  return allowed[0] ?? defaultLanguage;
}

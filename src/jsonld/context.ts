import { SOURCE_LANGUAGE, type Lang } from '../lib/language.js';
import type { JsonLdContext, JsonLdText } from '../schemas/jsonld.js';

/**
 * The array form keeps the well-known schema.org context URL (what consumers recognise) and adds the
 * response language; aliases and slugs are exempted because they are codes or forms in no one
 * language ("k8s", "Kubernetesie"). `schema:` is a prefix the schema.org context defines.
 */
export function jsonLdContext(lang: Lang): JsonLdContext {
  return [
    'https://schema.org',
    { '@language': lang, alternateName: { '@id': 'schema:alternateName', '@language': null }, termCode: { '@id': 'schema:termCode', '@language': null }, codeValue: { '@id': 'schema:codeValue', '@language': null } },
  ];
}

/** A text in the response language, or tagged as Polish when it had no translation and fell back. */
export function jsonLdText(text: string, fellBack: boolean): JsonLdText {
  return fellBack ? { '@value': text, '@language': SOURCE_LANGUAGE } : text;
}

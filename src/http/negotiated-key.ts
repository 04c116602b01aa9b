import { GRAPH_MEDIA_TYPES } from '../graph/graph-format.js';
import { JSON_LD_MEDIA_TYPE } from '../jsonld/media-type.js';
import { mediaTypeQuality, parseMediaRanges } from '../lib/accept.js';
import { type Lang, negotiateLanguage } from '../lib/language.js';

/**
 * Every media type a route chooses between (graph formats, JSON-LD, the explorer's HTML). Each route's
 * negotiation depends only on the weights the Accept header gives the types it offers (ties go to the
 * route's own order), so these weights decide every answer a header can get.
 */
const OFFERED_MEDIA_TYPES = [...new Set([...Object.values(GRAPH_MEDIA_TYPES), JSON_LD_MEDIA_TYPE, 'text/html'])];

/**
 * The part of a cache key the Accept and Accept-Language headers decide: the weight of each offered
 * media type and the negotiated language, never the raw text. Any header (a 15 KB Accept, 450 spellings
 * of Accept-Language) maps onto one of few keys, so every client shares the entries and none can evict
 * others' by varying its headers (issue 22 L3). `?lang=` is in the URL, which is keyed too.
 */
export function negotiatedKey(accept: string | undefined, acceptLanguage: string | undefined, defaultLanguage: Lang): string {
  const media = accept === undefined || accept.trim() === '' ? '' : weights(accept);
  return `${media}\n${negotiateLanguage(undefined, acceptLanguage, defaultLanguage)}`;
}

function weights(accept: string): string {
  const ranges = parseMediaRanges(accept);
  return OFFERED_MEDIA_TYPES.map((type) => mediaTypeQuality(type, ranges)).join(',');
}

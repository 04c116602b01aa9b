import { mediaTypeQuality, parseMediaRanges } from '../lib/accept.js';

export const JSON_LD_MEDIA_TYPE = 'application/ld+json';
const JSON_MEDIA_TYPE = 'application/json';

/**
 * Plain JSON is the default representation: JSON-LD only when the client weights it strictly
 * higher than application/json (a tie, `*\/*` or no Accept at all keep JSON).
 */
export function prefersJsonLd(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = parseMediaRanges(accept);
  const jsonLd = mediaTypeQuality(JSON_LD_MEDIA_TYPE, ranges);
  return jsonLd > 0 && jsonLd > mediaTypeQuality(JSON_MEDIA_TYPE, ranges);
}

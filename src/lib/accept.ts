/** RFC 9110 §12.4.2 / §12.5.1: the weighted lists of Accept, Accept-Language and Accept-Encoding. */

const QUALITY = /^q\s*=\s*([01](?:\.\d{0,3})?)$/;

/** The weight among one element's parameters: 1 when absent, null when present but unreadable. */
export function qualityOf(parameters: string[]): number | null {
  const q = parameters.map((p) => p.trim()).find((p) => /^q\s*=/.test(p));
  if (q === undefined) return 1;
  const match = QUALITY.exec(q);
  return match && Number(match[1]) <= 1 ? Number(match[1]) : null;
}

export interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

/** The media ranges of an Accept header; a range that is not type/subtype or whose weight cannot be read says nothing reliable and is dropped. */
export function parseMediaRanges(accept: string): MediaRange[] {
  return accept.split(',').flatMap((part) => {
    const [range, ...parameters] = part.split(';').map((p) => p.trim().toLowerCase());
    const match = /^([a-z0-9!#$%&'*+.^_`|~-]+)\/([a-z0-9!#$%&'*+.^_`|~-]+)$/.exec(range);
    const q = qualityOf(parameters);
    return match && q !== null ? [{ type: match[1], subtype: match[2], q }] : [];
  });
}

/** The weight of a media type: that of the most specific range matching it (the higher one on a tie); 0 when none does. */
export function mediaTypeQuality(mediaType: string, ranges: MediaRange[]): number {
  const [type, subtype] = mediaType.split('/');
  let best = { specificity: -1, q: 0 };
  for (const r of ranges) {
    const specificity = r.type === type && r.subtype === subtype ? 2 : r.type === type && r.subtype === '*' ? 1 : r.type === '*' && r.subtype === '*' ? 0 : -1;
    if (specificity > best.specificity || (specificity === best.specificity && r.q > best.q)) best = { specificity, q: r.q };
  }
  return best.specificity < 0 ? 0 : best.q;
}

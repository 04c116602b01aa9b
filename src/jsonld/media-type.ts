export const JSON_LD_MEDIA_TYPE = 'application/ld+json';
const JSON_MEDIA_TYPE = 'application/json';

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(accept: string): MediaRange[] {
  return accept.split(',').flatMap((part) => {
    const [range, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const [type, subtype] = range.split('/');
    if (!type || !subtype) return [];
    const qParam = params.find((p) => /^q\s*=/.test(p));
    if (qParam === undefined) return [{ type, subtype, q: 1 }];
    const q = /^q\s*=\s*([01](?:\.\d{0,3})?)$/.exec(qParam);
    // A range whose weight cannot be read says nothing reliable: ignore it.
    return q && Number(q[1]) <= 1 ? [{ type, subtype, q: Number(q[1]) }] : [];
  });
}

/** RFC 9110 §12.5.1: the weight of a media type is that of the most specific range matching it. */
function quality(mediaType: string, ranges: MediaRange[]): number {
  const [type, subtype] = mediaType.split('/');
  let best = { specificity: -1, q: 0 };
  for (const r of ranges) {
    const specificity = r.type === type && r.subtype === subtype ? 2 : r.type === type && r.subtype === '*' ? 1 : r.type === '*' && r.subtype === '*' ? 0 : -1;
    if (specificity > best.specificity || (specificity === best.specificity && r.q > best.q)) best = { specificity, q: r.q };
  }
  return best.specificity < 0 ? 0 : best.q;
}

/**
 * Plain JSON is the default representation: JSON-LD only when the client weights it strictly
 * higher than application/json (a tie, `*\/*` or no Accept at all keep JSON).
 */
export function prefersJsonLd(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = parseAccept(accept);
  const jsonLd = quality(JSON_LD_MEDIA_TYPE, ranges);
  return jsonLd > 0 && jsonLd > quality(JSON_MEDIA_TYPE, ranges);
}

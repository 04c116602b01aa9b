export const GRAPH_FORMATS = ['json', 'dot', 'cytoscape'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export const GRAPH_MEDIA_TYPES: Record<GraphFormat, string> = {
  json: 'application/json',
  cytoscape: 'application/vnd.cytoscape+json',
  dot: 'text/vnd.graphviz',
};

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

/**
 * RFC 9110 proactive negotiation over the graph's media types: the most specific range that matches
 * a type decides its weight; the highest weight wins, ties go to JSON, then Cytoscape, then DOT. Null when the
 * client accepts none of them. No Accept header means anything.
 */
export function negotiateGraphFormat(accept: string | undefined): GraphFormat | null {
  if (accept === undefined || accept.trim() === '') return 'json';
  const ranges = accept.split(',').map(parseRange).filter((r): r is MediaRange => r !== null);
  let best: { format: GraphFormat; q: number } | null = null;
  for (const format of GRAPH_FORMATS_BY_PREFERENCE) {
    const [type, subtype] = GRAPH_MEDIA_TYPES[format].split('/');
    const q = weight(ranges, type, subtype);
    if (q > 0 && (!best || q > best.q)) best = { format, q };
  }
  return best?.format ?? null;
}

/** Ties between equally acceptable types go to the first. */
const GRAPH_FORMATS_BY_PREFERENCE: GraphFormat[] = ['json', 'cytoscape', 'dot'];

function parseRange(part: string): MediaRange | null {
  const [mediaType, ...parameters] = part.split(';').map((p) => p.trim().toLowerCase());
  const match = /^([a-z0-9!#$%&'*+.^_`|~-]+)\/([a-z0-9!#$%&'*+.^_`|~-]+)$/.exec(mediaType);
  if (!match) return null;
  const qParameter = parameters.map((p) => /^q\s*=\s*([01](?:\.\d{0,3})?)$/.exec(p)).find(Boolean);
  return { type: match[1], subtype: match[2], q: qParameter ? Number(qParameter[1]) : 1 };
}

function weight(ranges: MediaRange[], type: string, subtype: string): number {
  const specificity = (r: MediaRange) =>
    r.type === type && r.subtype === subtype ? 3 : r.type === type && r.subtype === '*' ? 2 : r.type === '*' && r.subtype === '*' ? 1 : 0;
  let best: MediaRange | null = null;
  for (const range of ranges) {
    const s = specificity(range);
    if (s > 0 && (!best || s > specificity(best))) best = range;
  }
  return best?.q ?? 0;
}

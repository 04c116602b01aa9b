import { mediaTypeQuality, parseMediaRanges } from '../lib/accept.js';

export const GRAPH_FORMATS = ['json', 'dot', 'cytoscape', 'svg'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export const GRAPH_MEDIA_TYPES: Record<GraphFormat, string> = {
  json: 'application/json',
  cytoscape: 'application/vnd.cytoscape+json',
  dot: 'text/vnd.graphviz',
  svg: 'image/svg+xml',
};

/**
 * RFC 9110 proactive negotiation over the graph's media types: the most specific range that matches
 * a type decides its weight; the highest weight wins, ties go to JSON, then Cytoscape, then DOT, then SVG. Null when the
 * client accepts none of them. No Accept header means anything.
 */
export function negotiateGraphFormat(accept: string | undefined): GraphFormat | null {
  if (accept === undefined || accept.trim() === '') return 'json';
  const ranges = parseMediaRanges(accept);
  let best: { format: GraphFormat; q: number } | null = null;
  for (const format of GRAPH_FORMATS_BY_PREFERENCE) {
    const q = mediaTypeQuality(GRAPH_MEDIA_TYPES[format], ranges);
    if (q > 0 && (!best || q > best.q)) best = { format, q };
  }
  return best?.format ?? null;
}

/** Ties between equally acceptable types go to the first. */
const GRAPH_FORMATS_BY_PREFERENCE: GraphFormat[] = ['json', 'cytoscape', 'dot', 'svg'];

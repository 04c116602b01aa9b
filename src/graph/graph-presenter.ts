import type { Lang } from '../lib/language.js';
import type { IndexedEdge, IndexedNode } from './graph-index.js';
import type { Hop } from './graph-traversal.js';

/** The API shapes of index entries; a node's name is in the negotiated language, Polish when untranslated. */

export function presentNode(node: IndexedNode, lang: Lang) {
  return { id: node.id, kind: node.kind, key: node.key, name: nameOf(node, lang), url: node.url, source: node.source };
}

export function nameOf(node: IndexedNode, lang: Lang): string {
  return lang === 'en' && node.nameEn != null ? node.nameEn : node.namePl;
}

export function presentEdge(edge: IndexedEdge) {
  return { id: edge.id, from: edge.from, to: edge.to, type: edge.type, source: edge.source };
}

export function presentHop(hop: Hop) {
  return { from: hop.from, to: hop.to, type: hop.edge.type, direction: hop.direction, edge: hop.edge.id, source: hop.edge.source };
}

export type PresentedNode = ReturnType<typeof presentNode>;
export type PresentedEdge = ReturnType<typeof presentEdge>;

export interface PresentedGraph {
  nodes: PresentedNode[];
  edges: PresentedEdge[];
}

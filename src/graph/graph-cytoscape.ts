import type { PresentedGraph } from './graph-presenter.js';

/**
 * Cytoscape.js elements. `source` and `target` are Cytoscape's edge ends, so provenance goes in
 * `document` and `line`.
 */
export function toCytoscape(graph: PresentedGraph) {
  return {
    elements: {
      nodes: graph.nodes.map((n) => ({
        data: { id: n.id, label: n.name, kind: n.kind, key: n.key, url: n.url, document: n.source.document, line: n.source.line },
      })),
      edges: graph.edges.map((e) => ({
        data: { id: e.id, source: e.from, target: e.to, label: e.type, document: e.source.document, line: e.source.line },
      })),
    },
  };
}

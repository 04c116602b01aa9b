import type { PresentedGraph } from './graph-presenter.js';

/**
 * Graphviz DOT of a graph: one statement per line, every id and label a quoted string, so any name
 * is safe. `class` carries the node kind (Graphviz puts it on the SVG element).
 */
export function toDot(graph: PresentedGraph): string {
  const lines = ['digraph rolegraph {', '  graph [rankdir="LR"];', '  node [shape="box", style="rounded"];'];
  for (const node of graph.nodes) {
    const attributes = [`label=${quote(node.name)}`, `class=${quote(node.kind)}`, `tooltip=${quote(`${node.id} (${node.source.document}:${node.source.line})`)}`];
    if (node.url) attributes.push(`URL=${quote(node.url)}`);
    lines.push(`  ${quote(node.id)} [${attributes.join(', ')}];`);
  }
  for (const edge of graph.edges) {
    lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)} [label=${quote(edge.type)}, id=${quote(edge.id)}, tooltip=${quote(`${edge.source.document}:${edge.source.line}`)}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** A DOT double-quoted string: backslashes and quotes escaped, line breaks as DOT's `\n` escape. */
export function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n|\r/g, '\\n')}"`;
}

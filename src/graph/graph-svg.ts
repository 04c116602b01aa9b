import { createHash } from 'node:crypto';
import type { Viz } from '@viz-js/viz';
import { InvalidInputError } from '../model/domain-errors.js';
import type { Lang } from '../lib/language.js';
import { explorerPath } from './node-url.js';
import { quote } from './graph-dot.js';
import type { PresentedGraph } from './graph-presenter.js';
import { NODE_KINDS, type NodeKind } from '../model/graph-vocabulary.js';

/** One colour per node kind, readable with black text (fill) and told apart by the legend. */
export const KIND_COLOURS: Record<NodeKind, string> = {
  role: '#f9c784',
  responsibility: '#a8d5ba',
  task: '#d9ead3',
  technology: '#9fc5e8',
  skill: '#d5a6bd',
  category: '#e6d3f2',
  concept: '#fff2a8',
  comparison: '#f4b6b6',
};

const KIND_NAMES: Record<Lang, Record<NodeKind, string>> = {
  pl: { role: 'rola', responsibility: 'obowiązek', task: 'zadanie', technology: 'technologia', skill: 'umiejętność', category: 'kategoria', concept: 'pojęcie', comparison: 'porównanie' },
  en: { role: 'role', responsibility: 'responsibility', task: 'task', technology: 'technology', skill: 'skill', category: 'category', concept: 'concept', comparison: 'comparison' },
};
const LEGEND_TITLE: Record<Lang, string> = { pl: 'Legenda', en: 'Legend' };

/**
 * DOT for a picture: the graph's own DOT statements plus fill colours by kind, a legend of the
 * kinds present, and links to each node's explorer page (`<title>` keeps the node id).
 */
export function pictureDot(graph: PresentedGraph, lang: Lang): string {
  const lines = [
    'digraph rolegraph {',
    '  graph [rankdir="LR", fontname="Helvetica", fontsize="11", bgcolor="white"];',
    '  node [shape="box", style="rounded,filled", fontname="Helvetica", fontsize="11", color="#555555"];',
    '  edge [fontname="Helvetica", fontsize="9", color="#888888", fontcolor="#555555"];',
  ];
  for (const node of graph.nodes) {
    lines.push(
      `  ${quote(node.id)} [label=${quote(node.name)}, class=${quote(node.kind)}, fillcolor=${quote(KIND_COLOURS[node.kind as NodeKind])}, ` +
        `tooltip=${quote(`${KIND_NAMES[lang][node.kind as NodeKind]}: ${node.name}`)}, URL=${quote(explorerPath(node.id, lang))}];`,
    );
  }
  for (const edge of graph.edges) lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)} [label=${quote(edge.type)}, id=${quote(edge.id)}];`);
  const kinds = NODE_KINDS.filter((kind) => graph.nodes.some((n) => n.kind === kind));
  if (kinds.length > 0) {
    lines.push(`  subgraph cluster_legend { label=${quote(LEGEND_TITLE[lang])}; class="legend"; style="rounded"; color="#bbbbbb";`);
    for (const kind of kinds) lines.push(`    ${quote(`legend:${kind}`)} [label=${quote(KIND_NAMES[lang][kind])}, class="legend", fillcolor=${quote(KIND_COLOURS[kind])}];`);
    lines.push('  }');
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/**
 * Graphviz lays out on the event loop (synchronous WebAssembly) in time that grows faster than the
 * graph: a picture is for people, so a larger selection is refused rather than stalling the server.
 */
export const MAX_PICTURE_ELEMENTS = 1500;

let viz: Promise<Viz> | undefined;
/** Pictures by data version and DOT digest: a layout is computed once per data version. */
const pictures = new Map<string, string>();
let picturesVersion = '';
const MAX_PICTURES = 500;

/**
 * The SVG of a graph, laid out by Graphviz (compiled to WebAssembly: no native binary). `narrowWith`
 * names the query parameter that selected too much (`kinds`, `role`, `depth`) when a picture is refused.
 */
export async function graphSvg(graph: PresentedGraph, lang: Lang, dataVersion: string, narrowWith: string): Promise<string> {
  const size = graph.nodes.length + graph.edges.length;
  if (size > MAX_PICTURE_ELEMENTS) {
    throw new InvalidInputError(
      {
        pl: `Wybór obejmuje ${graph.nodes.length} węzłów i ${graph.edges.length} krawędzi; obraz rysujemy najwyżej z ${MAX_PICTURE_ELEMENTS}. Zawęź go (kinds=, role=, depth=) albo poproś o JSON, DOT lub Cytoscape.`,
        en: `The selection holds ${graph.nodes.length} nodes and ${graph.edges.length} edges; a picture is drawn of at most ${MAX_PICTURE_ELEMENTS}. Narrow it (kinds=, role=, depth=) or ask for JSON, DOT or Cytoscape.`,
      },
      [{ name: narrowWith, in: 'query', reason: `selects ${size} nodes and edges for a picture, more than ${MAX_PICTURE_ELEMENTS}` }],
    );
  }
  const dot = pictureDot(graph, lang);
  if (picturesVersion !== dataVersion) {
    pictures.clear();
    picturesVersion = dataVersion;
  }
  const key = createHash('sha256').update(dot).digest('base64url');
  const cached = pictures.get(key);
  if (cached !== undefined) return cached;
  // Graphviz (WebAssembly) is loaded on the first picture, not at every start.
  viz ??= import('@viz-js/viz').then(({ instance }) => instance());
  const svg = (await viz).renderString(dot, { format: 'svg' });
  if (pictures.size >= MAX_PICTURES) pictures.delete(pictures.keys().next().value!);
  pictures.set(key, svg);
  return svg;
}

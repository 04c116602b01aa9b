import type { FastifyInstance } from 'fastify';
import { nameOf } from '../graph/graph-presenter.js';
import { resolveNode } from '../graph/resolve-node.js';
import type { Lang } from '../lib/language.js';
import type { ExplorerEntity } from './explorer-html.js';
import { explorerPath } from '../graph/node-url.js';
import { roleCard } from './role-card.js';
import { SEARCH_LABELS } from './search-labels.js';

const DESCRIBED = {
  pl: (kind: string, name: string) => `${name}: ${kind} w grafie ról i umiejętności rolegraph, z powiązaniami i źródłem w dokumencie.`,
  en: (kind: string, name: string) => `${name}: a ${kind} in the rolegraph roles & skills graph, with its connections and its source in the document.`,
};

/**
 * What a shared explorer URL (`/?node=role:ai-engineer`) is about, for its `<title>`, description and,
 * for roles, the oEmbed discovery link. Null when the node does not exist (the page then stays generic).
 */
export function explorerEntity(app: FastifyInstance, node: string, lang: Lang, origin: string): ExplorerEntity | null {
  const graph = app.data.current.graph;
  const id = resolveNode(graph, app.repositories, node);
  const found = id === null ? undefined : graph.nodes.get(id);
  if (!found) return null;
  const name = nameOf(found, lang);
  if (found.kind !== 'role') return { name, description: DESCRIBED[lang](SEARCH_LABELS[lang].kind(found.kind), name), oembedUrl: null };
  const card = roleCard(app.repositories.roles, found.key, lang);
  const page = `${origin}${explorerPath(found.id, lang)}`;
  return {
    name,
    description: card.definition ?? DESCRIBED[lang](SEARCH_LABELS[lang].kind('role'), name),
    oembedUrl: `${origin}/oembed?${new URLSearchParams({ url: page, format: 'json' })}`,
  };
}

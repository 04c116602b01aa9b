import type Database from 'better-sqlite3';
import { EDGE_TYPES, NODE_KINDS, nodeId, type EdgeType, type NodeKind } from './graph-vocabulary.js';

/** A node as the graph views give it, numbered in their order. */
export interface NumberedNode {
  kind: NodeKind;
  key: string;
  namePl: string;
  nameEn: string | null;
  documentId: number;
  line: number;
}

/** An edge with its ends as node numbers. */
export interface NumberedEdge {
  from: number;
  to: number;
  type: EdgeType;
  documentId: number;
  line: number;
}

const kindByName = new Map<string, NodeKind>(NODE_KINDS.map((k) => [k, k]));
const typeByName = new Map<string, EdgeType>(EDGE_TYPES.map((t) => [t, t]));

/** An unknown kind or edge type means the views and this code disagree. */
export function knownKind(value: string): NodeKind {
  const kind = kindByName.get(value);
  if (!kind) throw new Error(`the graph views produced an unknown node kind "${value}"`);
  return kind;
}

export function knownType(value: string): EdgeType {
  const type = typeByName.get(value);
  if (!type) throw new Error(`the graph views produced an unknown edge type "${value}"`);
  return type;
}

/**
 * Reads the graph views (migrations/0001_graph_views.sql) and numbers their nodes in view order;
 * edges get their ends' numbers. The seed stores the result (graph-index-store.ts); the views stay the
 * one definition of what the graph is.
 */
export function readGraphViews(sqlite: Database.Database): { nodes: NumberedNode[]; edges: Iterable<NumberedEdge> } {
  const numberOf = new Map<string, number>();
  const nodes: NumberedNode[] = [];
  const nodeRows = sqlite.prepare('select kind, key, name_pl, name_en, document_id, line from graph_nodes').raw().iterate() as Iterable<[string, string, string, string | null, number, number]>;
  for (const [kind, key, namePl, nameEn, documentId, line] of nodeRows) {
    const id = nodeId(kind, key);
    if (numberOf.has(id)) throw new Error(`graph node ${id} appears twice`);
    numberOf.set(id, nodes.length);
    nodes.push({ kind: knownKind(kind), key, namePl, nameEn, documentId, line });
  }
  function* edges(): Iterable<NumberedEdge> {
    const rows = sqlite.prepare('select from_kind, from_key, type, to_kind, to_key, document_id, line from graph_edges').raw().iterate() as Iterable<[string, string, string, string, string, number, number]>;
    for (const [fromKind, fromKey, type, toKind, toKey, documentId, line] of rows) {
      const from = numberOf.get(nodeId(fromKind, fromKey));
      const to = numberOf.get(nodeId(toKind, toKey));
      if (from === undefined || to === undefined) throw new Error(`graph edge ${nodeId(fromKind, fromKey)} -${type}-> ${nodeId(toKind, toKey)} has an end that is not a node`);
      yield { from, to, type: knownType(type), documentId, line };
    }
  }
  return { nodes, edges: edges() };
}

import type Database from 'better-sqlite3';
import { endianness } from 'node:os';
import { readGraphViews, type NumberedEdge } from './graph-views.js';
import { EDGE_TYPES, NODE_KINDS } from './graph-vocabulary.js';

/** The parts of the stored graph (migrations/0004_graph_index.sql) and how each is encoded. */
export interface StoredGraph {
  endianness: string;
  nodeKindNames: string[];
  nodeKind: Uint8Array;
  nodeKey: string[];
  nodeNamePl: string[];
  nodeNameEn: (string | null)[];
  nodeDocument: Int32Array;
  nodeLine: Int32Array;
  edgeTypeNames: string[];
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  edgeType: Uint8Array;
  edgeDocument: Int32Array;
  edgeLine: Int32Array;
  /** Each edge's `#n`: how many edges up to and including it state the same (from, type, to). */
  edgeRepeat: Uint16Array;
}

/**
 * Stores the graph views, numbered, as columns in graph_index. The seed runs it inside its
 * transaction, after the graph is written: the views' string keys are built once here instead of at
 * every server start.
 */
export function writeGraphIndex(sqlite: Database.Database): void {
  const insert = sqlite.prepare('insert into graph_index (part, data) values (?, ?)');
  for (const [part, value] of Object.entries(graphFromViews(sqlite))) {
    const data = ArrayBuffer.isView(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : Buffer.from(JSON.stringify(value));
    insert.run(part, data);
  }
}

/** The graph views, numbered, as the columns graph_index stores. */
export function graphFromViews(sqlite: Database.Database): StoredGraph {
  const { nodes, edges } = readGraphViews(sqlite);
  const edgeList = [...edges];
  return {
    endianness: endianness(),
    nodeKindNames: [...NODE_KINDS],
    nodeKind: Uint8Array.from(nodes, (n) => NODE_KINDS.indexOf(n.kind)),
    nodeKey: nodes.map((n) => n.key),
    nodeNamePl: nodes.map((n) => n.namePl),
    nodeNameEn: nodes.map((n) => n.nameEn),
    nodeDocument: Int32Array.from(nodes, (n) => n.documentId),
    nodeLine: Int32Array.from(nodes, (n) => n.line),
    edgeTypeNames: [...EDGE_TYPES],
    edgeFrom: Int32Array.from(edgeList, (e) => e.from),
    edgeTo: Int32Array.from(edgeList, (e) => e.to),
    edgeType: Uint8Array.from(edgeList, (e) => EDGE_TYPES.indexOf(e.type)),
    edgeDocument: Int32Array.from(edgeList, (e) => e.documentId),
    edgeLine: Int32Array.from(edgeList, (e) => e.line),
    edgeRepeat: repeats(nodes.length, edgeList),
  };
}

function repeats(nodeCount: number, edges: NumberedEdge[]): Uint16Array {
  const repeat = new Uint16Array(edges.length);
  const seen = new Map<number, number>();
  edges.forEach((edge, e) => {
    const key = (edge.from * nodeCount + edge.to) * EDGE_TYPES.length + EDGE_TYPES.indexOf(edge.type);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    repeat[e] = n;
  });
  return repeat;
}

const TYPED: Partial<Record<keyof StoredGraph, Int32ArrayConstructor | Uint8ArrayConstructor | Uint16ArrayConstructor>> = {
  edgeRepeat: Uint16Array,
  nodeKind: Uint8Array,
  nodeDocument: Int32Array,
  nodeLine: Int32Array,
  edgeFrom: Int32Array,
  edgeTo: Int32Array,
  edgeType: Uint8Array,
  edgeDocument: Int32Array,
  edgeLine: Int32Array,
};

/**
 * The stored graph, or null when the database has none (seeded before graph_index existed) or it was
 * written on a machine of the other byte order.
 */
export function readStoredGraph(sqlite: Database.Database): StoredGraph | null {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'graph_index'").get();
  if (!table) return null;
  const rows = sqlite.prepare('select part, data from graph_index').raw().all() as [string, Buffer][];
  if (rows.length === 0) return null;
  const parts: Record<string, unknown> = {};
  for (const [part, data] of rows) {
    const Typed = TYPED[part as keyof StoredGraph];
    if (Typed) {
      // A copy: a typed array needs its own aligned buffer, and the driver's may be shared.
      const bytes = new Uint8Array(data.byteLength);
      bytes.set(data);
      parts[part] = new Typed(bytes.buffer, 0, data.byteLength / Typed.BYTES_PER_ELEMENT);
    } else parts[part] = JSON.parse(data.toString('utf8'));
  }
  const graph = parts as unknown as StoredGraph;
  return graph.endianness === endianness() ? graph : null;
}

import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { EDGE_TYPES, NODE_KINDS, nodeId, type EdgeType, type NodeKind } from './graph-vocabulary.js';
import { nodeUrl } from './node-url.js';

export interface Provenance {
  document: string;
  line: number;
}

export interface IndexedNode {
  id: string;
  kind: NodeKind;
  key: string;
  namePl: string;
  nameEn: string | null;
  url: string | null;
  source: Provenance;
}

export interface IndexedEdge {
  /** `from|type|to`, with `#n` appended when the same triple is stated again elsewhere. */
  id: string;
  from: string;
  to: string;
  type: EdgeType;
  source: Provenance;
}

/**
 * The whole graph in memory, built once per database handle so traversals never go back to SQL.
 * Nodes and edges are numbered; each node's outgoing and incoming edges sit in one compact
 * (CSR) array each, so a breadth-first search over an ESCO-sized graph touches only integers.
 */
export class GraphIndex {
  readonly nodes = new Map<string, IndexedNode>();
  readonly edges: IndexedEdge[] = [];
  /** Node number → node, and back. */
  readonly nodeList: IndexedNode[] = [];
  readonly numberOf = new Map<string, number>();
  /** Per edge number: its ends' node numbers and its type's number in EDGE_TYPES. */
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeType: Uint8Array;
  /** Edges leaving node n: outEdges[outStart[n] .. outStart[n + 1]); likewise for incoming edges. */
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
  readonly inStart: Int32Array;
  readonly inEdges: Int32Array;

  constructor(nodes: Iterable<IndexedNode>, edges: Iterable<Omit<IndexedEdge, 'id'>>) {
    for (const node of nodes) {
      if (this.numberOf.has(node.id)) throw new Error(`graph node ${node.id} appears twice`);
      this.numberOf.set(node.id, this.nodeList.length);
      this.nodeList.push(node);
      this.nodes.set(node.id, node);
    }
    const seen = new Map<string, number>();
    const from: number[] = [];
    const to: number[] = [];
    const types: number[] = [];
    for (const edge of edges) {
      const a = this.numberOf.get(edge.from);
      const b = this.numberOf.get(edge.to);
      if (a === undefined || b === undefined) throw new Error(`graph edge ${edge.from} -${edge.type}-> ${edge.to} has an end that is not a node`);
      const triple = `${edge.from}|${edge.type}|${edge.to}`;
      const repeat = (seen.get(triple) ?? 0) + 1;
      seen.set(triple, repeat);
      this.edges.push({ id: repeat === 1 ? triple : `${triple}#${repeat}`, from: edge.from, to: edge.to, type: edge.type, source: edge.source });
      from.push(a);
      to.push(b);
      types.push(EDGE_TYPES.indexOf(edge.type));
    }
    this.edgeFrom = Int32Array.from(from);
    this.edgeTo = Int32Array.from(to);
    this.edgeType = Uint8Array.from(types);
    [this.outStart, this.outEdges] = compressedAdjacency(this.nodeList.length, this.edgeFrom);
    [this.inStart, this.inEdges] = compressedAdjacency(this.nodeList.length, this.edgeTo);
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  out(id: string): IndexedEdge[] {
    return this.edgesAt(id, this.outStart, this.outEdges);
  }

  in(id: string): IndexedEdge[] {
    return this.edgesAt(id, this.inStart, this.inEdges);
  }

  private edgesAt(id: string, start: Int32Array, list: Int32Array): IndexedEdge[] {
    const n = this.numberOf.get(id);
    if (n === undefined) return [];
    return Array.from(list.subarray(start[n], start[n + 1]), (e) => this.edges[e]);
  }
}

/** Groups edge numbers by one end, keeping their order: a counting sort into one flat array. */
function compressedAdjacency(nodeCount: number, end: Int32Array): [Int32Array, Int32Array] {
  const start = new Int32Array(nodeCount + 1);
  for (const n of end) start[n + 1]++;
  for (let n = 0; n < nodeCount; n++) start[n + 1] += start[n];
  const next = start.slice(0, nodeCount);
  const list = new Int32Array(end.length);
  for (let e = 0; e < end.length; e++) list[next[end[e]]++] = e;
  return [start, list];
}

interface NodeRow {
  kind: string;
  key: string;
  name_pl: string;
  name_en: string | null;
  document_id: number;
  line: number;
}

interface EdgeRow {
  from_kind: string;
  from_key: string;
  type: string;
  to_kind: string;
  to_key: string;
  document_id: number;
  line: number;
}

/** Reads the graph views once; an unknown kind or edge type means the views and this code disagree. */
export function loadGraphIndex(db: Db): GraphIndex {
  const documents = new Map(db.all<{ id: number; file: string }>(sql`select id, file from documents`).map((d) => [d.id, d.file]));
  const comparisonRoles = new Map(
    db.all<{ comparison: string; role: string }>(sql`select c.slug as comparison, r.slug as role from comparisons c join roles r on r.id = c.role_id`).map((c) => [c.comparison, c.role]),
  );
  const source = (row: { document_id: number; line: number }): Provenance => ({ document: documents.get(row.document_id) ?? String(row.document_id), line: row.line });
  const nodes = db.all<NodeRow>(sql`select kind, key, name_pl, name_en, document_id, line from graph_nodes`).map((row): IndexedNode => {
    const kind = known(NODE_KINDS, row.kind, 'node kind');
    return { id: nodeId(kind, row.key), kind, key: row.key, namePl: row.name_pl, nameEn: row.name_en, url: nodeUrl(kind, row.key, (c) => comparisonRoles.get(c)), source: source(row) };
  });
  const edges = db.all<EdgeRow>(sql`select from_kind, from_key, type, to_kind, to_key, document_id, line from graph_edges`).map((row) => ({
    from: nodeId(row.from_kind, row.from_key),
    to: nodeId(row.to_kind, row.to_key),
    type: known(EDGE_TYPES, row.type, 'edge type'),
    source: source(row),
  }));
  return new GraphIndex(nodes, edges);
}

function known<T extends string>(values: readonly T[], value: string, what: string): T {
  if (!(values as readonly string[]).includes(value)) throw new Error(`the graph views produced an unknown ${what} "${value}"`);
  return value as T;
}

const indexes = new WeakMap<Db, GraphIndex>();

/** The index of a database handle, built on first use: the served file never changes under a handle. */
export function graphIndexFor(db: Db): GraphIndex {
  let index = indexes.get(db);
  if (!index) {
    index = loadGraphIndex(db);
    indexes.set(db, index);
  }
  return index;
}

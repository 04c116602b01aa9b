import type Database from 'better-sqlite3';
import type { Db } from '../db/open-database.js';
import { knownKind, knownType } from '../model/graph-views.js';
import { EDGE_TYPES, NODE_KINDS, nodeId, type EdgeType, type NodeKind } from '../model/graph-vocabulary.js';
import { nodeUrl } from './node-url.js';
import { graphFromViews, readStoredGraph } from '../model/graph-index-store.js';

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

/** The graph as columns: what the index keeps; node and edge objects are made only when asked for. */
interface GraphColumns {
  ids: string[];
  kinds: Uint8Array;
  namesPl: string[];
  namesEn: (string | null)[];
  urls: (n: number) => string | null;
  /** Provenance: an index into `documents`, and a line. */
  nodeDocument: Int32Array;
  nodeLine: Int32Array;
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  edgeType: Uint8Array;
  edgeDocument: Int32Array;
  edgeLine: Int32Array;
  /** Each edge's `#n` (computed when absent). */
  edgeRepeat?: Uint16Array;
  documents: string[];
}

/**
 * The whole graph in memory, built once per database handle so traversals never go back to SQL.
 * Nodes and edges are numbered and kept as columns (typed arrays and string arrays, no object per
 * node or edge: an ESCO-sized graph has 300k edges); each node's outgoing and incoming edges sit in
 * one compact (CSR) array each, so a breadth-first search touches only integers. `nodes`, `nodeList`
 * and `edges` read like a Map and arrays but build each entry when it is read.
 */
export class GraphIndex {
  /** Node number → id, and back. */
  readonly ids: readonly string[];
  readonly numberOf = new Map<string, number>();
  readonly nodes: ReadonlyMap<string, IndexedNode>;
  readonly nodeList: readonly IndexedNode[];
  readonly edges: readonly IndexedEdge[];
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Per node number: its kind's number in NODE_KINDS. */
  readonly nodeKind: Uint8Array;
  /** Per edge number: its ends' node numbers and its type's number in EDGE_TYPES. */
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeType: Uint8Array;
  /** Edges leaving node n: outEdges[outStart[n] .. outStart[n + 1]); likewise for incoming edges. */
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
  readonly inStart: Int32Array;
  readonly inEdges: Int32Array;
  private readonly columns: GraphColumns;
  /** How many times the edge's triple was stated before it, plus one (its `#n`). */
  private readonly repeat: Uint16Array;

  constructor(nodes: Iterable<IndexedNode> | GraphColumns, edges: Iterable<Omit<IndexedEdge, 'id'>> = []) {
    const columns = isColumns(nodes) ? nodes : columnsOf(nodes, edges);
    this.columns = columns;
    this.ids = columns.ids;
    columns.ids.forEach((id, n) => {
      if (this.numberOf.has(id)) throw new Error(`graph node ${id} appears twice`);
      this.numberOf.set(id, n);
    });
    this.nodeCount = columns.ids.length;
    this.edgeCount = columns.edgeFrom.length;
    this.nodeKind = columns.kinds;
    this.edgeFrom = columns.edgeFrom;
    this.edgeTo = columns.edgeTo;
    this.edgeType = columns.edgeType;
    this.repeat = columns.edgeRepeat ?? repeats(this.nodeCount, this.edgeFrom, this.edgeTo, this.edgeType);
    [this.outStart, this.outEdges] = compressedAdjacency(this.nodeCount, this.edgeFrom);
    [this.inStart, this.inEdges] = compressedAdjacency(this.nodeCount, this.edgeTo);
    this.nodes = new NodeMap(this);
    this.nodeList = lazyList(this.nodeCount, (n) => this.node(n));
    this.edges = lazyList(this.edgeCount, (e) => this.edge(e));
  }

  has(id: string): boolean {
    return this.numberOf.has(id);
  }

  /** Node number n. */
  node(n: number): IndexedNode {
    const c = this.columns;
    return {
      id: c.ids[n],
      kind: NODE_KINDS[c.kinds[n]],
      key: keyOf(c, n),
      namePl: c.namesPl[n],
      nameEn: c.namesEn[n],
      url: c.urls(n),
      source: { document: c.documents[c.nodeDocument[n]], line: c.nodeLine[n] },
    };
  }

  /** Edge number e. */
  edge(e: number): IndexedEdge {
    const c = this.columns;
    const from = c.ids[c.edgeFrom[e]];
    const to = c.ids[c.edgeTo[e]];
    const type = EDGE_TYPES[c.edgeType[e]];
    const triple = `${from}|${type}|${to}`;
    return { id: this.repeat[e] > 1 ? `${triple}#${this.repeat[e]}` : triple, from, to, type, source: { document: c.documents[c.edgeDocument[e]], line: c.edgeLine[e] } };
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
    return Array.from(list.subarray(start[n], start[n + 1]), (e) => this.edge(e));
  }
}

/** A read-only Map view of the nodes by id. */
class NodeMap implements ReadonlyMap<string, IndexedNode> {
  constructor(private readonly index: GraphIndex) {}

  get size(): number {
    return this.index.nodeCount;
  }

  get(id: string): IndexedNode | undefined {
    const n = this.index.numberOf.get(id);
    return n === undefined ? undefined : this.index.node(n);
  }

  has(id: string): boolean {
    return this.index.numberOf.has(id);
  }

  *entries(): MapIterator<[string, IndexedNode]> {
    for (let n = 0; n < this.index.nodeCount; n++) yield [this.index.ids[n], this.index.node(n)];
  }

  *keys(): MapIterator<string> {
    yield* this.index.ids;
  }

  *values(): MapIterator<IndexedNode> {
    for (let n = 0; n < this.index.nodeCount; n++) yield this.index.node(n);
  }

  forEach(callback: (value: IndexedNode, key: string, map: ReadonlyMap<string, IndexedNode>) => void, thisArg?: unknown): void {
    for (const [id, node] of this.entries()) callback.call(thisArg, node, id, this);
  }

  [Symbol.iterator](): MapIterator<[string, IndexedNode]> {
    return this.entries();
  }
}

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;

/** An array whose entries are built when read: indexing, length, iteration and every Array method work. */
function lazyList<T>(length: number, at: (i: number) => T): readonly T[] {
  const index = (prop: string | symbol) => (typeof prop === 'string' && ARRAY_INDEX.test(prop) ? Number(prop) : -1);
  return new Proxy([] as T[], {
    get(target, prop, receiver) {
      if (prop === 'length') return length;
      const i = index(prop);
      if (i !== -1) return i < length ? at(i) : undefined;
      if (prop === Symbol.iterator) {
        return function* () {
          for (let k = 0; k < length; k++) yield at(k);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
    has(target, prop) {
      const i = index(prop);
      return i !== -1 ? i < length : Reflect.has(target, prop);
    },
  });
}

/** Node URLs, made when asked for. A function of its own so that the closure holds only what it reads, not the loader's rows. */
function urlsOf(ids: string[], kinds: Uint8Array, comparisonRoles: Map<string, string>): (n: number) => string | null {
  return (n) => nodeUrl(NODE_KINDS[kinds[n]], ids[n].slice(NODE_KINDS[kinds[n]].length + 1), (c) => comparisonRoles.get(c));
}

/** A node's key is its id after `kind:`; not stored twice. */
function keyOf(c: GraphColumns, n: number): string {
  return c.ids[n].slice(NODE_KINDS[c.kinds[n]].length + 1);
}

function isColumns(value: unknown): value is GraphColumns {
  return typeof value === 'object' && value !== null && 'edgeFrom' in value && (value as GraphColumns).edgeFrom instanceof Int32Array;
}

/** Columns from node and edge objects (tests build small graphs this way). */
function columnsOf(nodes: Iterable<IndexedNode>, edges: Iterable<Omit<IndexedEdge, 'id'>>): GraphColumns {
  const list = [...nodes];
  const numberOf = new Map<string, number>();
  list.forEach((node, n) => {
    if (numberOf.has(node.id)) throw new Error(`graph node ${node.id} appears twice`);
    numberOf.set(node.id, n);
  });
  const documents: string[] = [];
  const documentNumber = new Map<string, number>();
  const documentOf = (document: string) => {
    const known = documentNumber.get(document);
    if (known !== undefined) return known;
    documentNumber.set(document, documents.push(document) - 1);
    return documents.length - 1;
  };
  const edgeList = [...edges];
  const columns: GraphColumns = {
    ids: list.map((n) => n.id),
    kinds: Uint8Array.from(list, (n) => NODE_KINDS.indexOf(n.kind)),
    namesPl: list.map((n) => n.namePl),
    namesEn: list.map((n) => n.nameEn),
    urls: (n) => list[n].url,
    nodeDocument: Int32Array.from(list, (n) => documentOf(n.source.document)),
    nodeLine: Int32Array.from(list, (n) => n.source.line),
    edgeFrom: new Int32Array(edgeList.length),
    edgeTo: new Int32Array(edgeList.length),
    edgeType: new Uint8Array(edgeList.length),
    edgeDocument: new Int32Array(edgeList.length),
    edgeLine: new Int32Array(edgeList.length),
    documents,
  };
  edgeList.forEach((edge, e) => {
    const a = numberOf.get(edge.from);
    const b = numberOf.get(edge.to);
    if (a === undefined || b === undefined) throw new Error(`graph edge ${edge.from} -${edge.type}-> ${edge.to} has an end that is not a node`);
    columns.edgeFrom[e] = a;
    columns.edgeTo[e] = b;
    columns.edgeType[e] = EDGE_TYPES.indexOf(edge.type);
    columns.edgeDocument[e] = documentOf(edge.source.document);
    columns.edgeLine[e] = edge.source.line;
  });
  return columns;
}

/** Each edge's `#n`: how many edges up to and including it state the same (from, type, to). */
function repeats(nodeCount: number, from: Int32Array, to: Int32Array, type: Uint8Array): Uint16Array {
  const repeat = new Uint16Array(from.length);
  const seen = new Map<number, number>();
  for (let e = 0; e < from.length; e++) {
    const key = (from[e] * nodeCount + to[e]) * EDGE_TYPES.length + type[e];
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    repeat[e] = n;
  }
  return repeat;
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

/**
 * Reads the graph the seed stored (src/seed/graph-index-store.ts); a database seeded before that table
 * existed is read from the graph views instead, which is slower but the same graph.
 */
export function loadGraphIndex(db: Db): GraphIndex {
  const sqlite = (db as Db & { $client: Database.Database }).$client;
  const documents: string[] = [];
  const documentIndex = new Map<number, number>();
  for (const [id, file] of sqlite.prepare('select id, file from documents').raw().all() as [number, string][]) documentIndex.set(id, documents.push(file) - 1);
  const documentOf = (id: number) => documentIndex.get(id) ?? documentIndex.set(id, documents.push(String(id)) - 1).get(id)!;
  const documentNumbers = (ids: Int32Array) => ids.map(documentOf);
  const comparisonRoles = new Map(sqlite.prepare('select c.slug, r.slug from comparisons c join roles r on r.id = c.role_id').raw().all() as [string, string][]);

  const graph = readStoredGraph(sqlite) ?? graphFromViews(sqlite);
  // Stored kind and type numbers follow the lists of the code that seeded; renumber into this code's.
  const kinds = graph.nodeKind.map((k) => NODE_KINDS.indexOf(knownKind(graph.nodeKindNames[k])));
  const typeNumbers = graph.edgeTypeNames.map((t) => EDGE_TYPES.indexOf(knownType(t)));
  const edgeType = graph.edgeType.map((t) => typeNumbers[t]);
  const nodeCount = graph.nodeKey.length;
  for (const ends of [graph.edgeFrom, graph.edgeTo]) {
    for (const n of ends) if (n < 0 || n >= nodeCount) throw new Error(`the stored graph has an edge end ${n} that is not a node`);
  }
  const ids = flatStrings(graph.nodeKey.map((key, n) => nodeId(NODE_KINDS[kinds[n]], key)));
  return new GraphIndex({
    ids,
    kinds,
    namesPl: graph.nodeNamePl,
    namesEn: graph.nodeNameEn,
    urls: urlsOf(ids, kinds, comparisonRoles),
    nodeDocument: documentNumbers(graph.nodeDocument),
    nodeLine: graph.nodeLine,
    edgeFrom: graph.edgeFrom,
    edgeTo: graph.edgeTo,
    edgeType,
    edgeDocument: documentNumbers(graph.edgeDocument),
    edgeLine: graph.edgeLine,
    edgeRepeat: graph.edgeRepeat?.length === graph.edgeFrom.length ? graph.edgeRepeat : undefined,
    documents,
  });
}

/**
 * The same strings, each one flat. A concatenated id is a rope: a pair pointing at a fresh copy of `kind:`
 * and at the key, which live as long as the index (its heap on the ESCO-sized graph: 16.6 MB with ropes,
 * 13.6 MB flat). One JSON round trip copies them all flat at once.
 */
function flatStrings(strings: string[]): string[] {
  return JSON.parse(JSON.stringify(strings)) as string[];
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

import type { ExportData } from './export-data.js';
import { urls } from '../model/ids.js';

/**
 * The graph as SKOS concepts, built once and written by both the Turtle and the JSON-LD export, so
 * the two say the same thing. Parent–child edges (a role's responsibilities, a responsibility's
 * tasks, a skill's category) are broader/narrower both ways; every other edge is skos:related.
 */
export interface SkosConcept {
  iri: string;
  id: string;
  prefLabel: { pl: string; en: string | null };
  altLabels: string[];
  definition: { pl: string | null; en: string | null };
  /** Provenance as dct:source: the document and line the node was read from. */
  source: string;
  seeAlso: string | null;
  broader: string[];
  narrower: string[];
  related: string[];
  matches: { property: MatchProperty; uri: string | null; code: string | null; label: string }[];
}

export interface SkosScheme {
  iri: string;
  version: string;
  madeAt: string;
  sources: string[];
  concepts: SkosConcept[];
}

export const MATCH_PROPERTIES = { exact: 'exactMatch', close: 'closeMatch', broad: 'broadMatch', narrow: 'narrowMatch', related: 'relatedMatch' } as const;
type MatchProperty = (typeof MATCH_PROPERTIES)[keyof typeof MATCH_PROPERTIES];

/** Edge types whose source is the parent: role → responsibility → task. */
const NARROWER_EDGES = new Set(['has_responsibility', 'has_task']);
/** Edge types whose target is the parent: skill → category. */
const BROADER_EDGES = new Set(['in_category']);

export const SKOS = 'http://www.w3.org/2004/02/skos/core#';
export const DCT = 'http://purl.org/dc/terms/';
export const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
export const XSD = 'http://www.w3.org/2001/XMLSchema#';

export function skosScheme(data: ExportData, origin: string): SkosScheme {
  const iri = (id: string) => `${origin}${urls.node(id)}`;
  const concepts = new Map<string, SkosConcept>(
    data.nodes.map((n) => [
      n.id,
      {
        iri: iri(n.id),
        id: n.id,
        prefLabel: { pl: n.namePl, en: n.nameEn },
        altLabels: n.altLabels,
        definition: { pl: n.textPl, en: n.textEn },
        source: `${n.document}#L${n.line}`,
        seeAlso: n.url ? `${origin}${n.url}` : null,
        broader: [],
        narrower: [],
        related: [],
        matches: [],
      },
    ]),
  );
  for (const r of data.relations) {
    const source = concepts.get(r.source);
    const target = concepts.get(r.target);
    if (!source || !target) continue;
    if (NARROWER_EDGES.has(r.type)) {
      source.narrower.push(target.iri);
      target.broader.push(source.iri);
    } else if (BROADER_EDGES.has(r.type)) {
      source.broader.push(target.iri);
      target.narrower.push(source.iri);
    } else {
      source.related.push(target.iri);
    }
  }
  for (const c of data.crosswalks) {
    concepts.get(c.role)?.matches.push({ property: MATCH_PROPERTIES[c.match], uri: c.uri, code: c.code, label: c.label });
  }
  for (const c of concepts.values()) for (const list of [c.broader, c.narrower, c.related]) dedupe(list);
  return { iri: `${origin}/graph`, version: data.version, madeAt: data.madeAt, sources: data.documents.map((d) => d.file), concepts: [...concepts.values()] };
}

/** Sorted, without repeats: two edges of different types may relate the same pair. */
function dedupe(list: string[]): void {
  const unique = [...new Set(list)].sort();
  list.splice(0, list.length, ...unique);
}

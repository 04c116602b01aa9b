import { DCT, RDFS, SKOS, XSD, type SkosScheme } from './skos-model.js';

const ref = { '@type': '@id' } as const;

/** The context: SKOS and Dublin Core terms under short names, labels and definitions as language maps. */
const CONTEXT = {
  skos: SKOS,
  dct: DCT,
  rdfs: RDFS,
  xsd: XSD,
  Concept: 'skos:Concept',
  ConceptScheme: 'skos:ConceptScheme',
  inScheme: { '@id': 'skos:inScheme', ...ref },
  prefLabel: { '@id': 'skos:prefLabel', '@container': '@language' },
  altLabel: { '@id': 'skos:altLabel' },
  definition: { '@id': 'skos:definition', '@container': '@language' },
  notation: { '@id': 'skos:notation' },
  broader: { '@id': 'skos:broader', ...ref },
  narrower: { '@id': 'skos:narrower', ...ref },
  related: { '@id': 'skos:related', ...ref },
  exactMatch: { '@id': 'skos:exactMatch', ...ref },
  closeMatch: { '@id': 'skos:closeMatch', ...ref },
  broadMatch: { '@id': 'skos:broadMatch', ...ref },
  narrowMatch: { '@id': 'skos:narrowMatch', ...ref },
  relatedMatch: { '@id': 'skos:relatedMatch', ...ref },
  identifier: 'dct:identifier',
  source: 'dct:source',
  title: 'dct:title',
  hasVersion: 'dct:hasVersion',
  modified: { '@id': 'dct:modified', '@type': 'xsd:dateTime' },
  seeAlso: { '@id': 'rdfs:seeAlso', ...ref },
};

/** The whole graph as one JSON-LD document: the same SKOS statements as the Turtle export. */
export function graphJsonLd(scheme: SkosScheme): object {
  const concepts = scheme.concepts.map((c) => {
    const matches: Record<string, unknown[]> = {};
    for (const m of c.matches) {
      (matches[m.property] ??= []).push(m.uri ?? { notation: m.code, prefLabel: { en: m.label } });
    }
    return {
      '@id': c.iri,
      '@type': 'Concept',
      inScheme: scheme.iri,
      identifier: c.id,
      prefLabel: c.prefLabel.en ? { pl: c.prefLabel.pl, en: c.prefLabel.en } : { pl: c.prefLabel.pl },
      ...(c.altLabels.length > 0 ? { altLabel: c.altLabels } : {}),
      ...(c.definition.pl || c.definition.en ? { definition: Object.fromEntries(Object.entries(c.definition).filter(([, v]) => v)) } : {}),
      source: c.source,
      ...(c.seeAlso ? { seeAlso: c.seeAlso } : {}),
      ...(c.broader.length > 0 ? { broader: c.broader } : {}),
      ...(c.narrower.length > 0 ? { narrower: c.narrower } : {}),
      ...(c.related.length > 0 ? { related: c.related } : {}),
      ...matches,
    };
  });
  return {
    '@context': CONTEXT,
    '@graph': [
      { '@id': scheme.iri, '@type': 'ConceptScheme', title: { '@value': 'rolegraph', '@language': 'en' }, hasVersion: scheme.version, modified: scheme.madeAt, source: scheme.sources },
      ...concepts,
    ],
  };
}

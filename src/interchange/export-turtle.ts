import { DataFactory, Writer } from 'n3';
import { DCT, RDFS, SKOS, XSD, type SkosScheme } from './skos-model.js';

const { namedNode, literal, blankNode, quad } = DataFactory;
const skos = (term: string) => namedNode(`${SKOS}${term}`);
const dct = (term: string) => namedNode(`${DCT}${term}`);
const RDF_TYPE = namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');

/** The SKOS concept scheme as Turtle, written by n3's Writer (escaping, prefixes and literals are its job). */
export function writeTurtle(scheme: SkosScheme): Promise<string> {
  const writer = new Writer({ format: 'text/turtle', prefixes: { skos: SKOS, dct: DCT, rdfs: RDFS, xsd: XSD } });
  const schemeNode = namedNode(scheme.iri);
  writer.addQuad(quad(schemeNode, RDF_TYPE, skos('ConceptScheme')));
  writer.addQuad(quad(schemeNode, dct('title'), literal('rolegraph', 'en')));
  writer.addQuad(quad(schemeNode, dct('hasVersion'), literal(scheme.version)));
  writer.addQuad(quad(schemeNode, dct('modified'), literal(scheme.madeAt, namedNode(`${XSD}dateTime`))));
  for (const source of scheme.sources) writer.addQuad(quad(schemeNode, dct('source'), literal(source)));
  let blanks = 0;
  for (const c of scheme.concepts) {
    const node = namedNode(c.iri);
    writer.addQuad(quad(node, RDF_TYPE, skos('Concept')));
    writer.addQuad(quad(node, skos('inScheme'), schemeNode));
    writer.addQuad(quad(node, dct('identifier'), literal(c.id)));
    writer.addQuad(quad(node, skos('prefLabel'), literal(c.prefLabel.pl, 'pl')));
    if (c.prefLabel.en) writer.addQuad(quad(node, skos('prefLabel'), literal(c.prefLabel.en, 'en')));
    for (const alt of c.altLabels) writer.addQuad(quad(node, skos('altLabel'), literal(alt)));
    if (c.definition.pl) writer.addQuad(quad(node, skos('definition'), literal(c.definition.pl, 'pl')));
    if (c.definition.en) writer.addQuad(quad(node, skos('definition'), literal(c.definition.en, 'en')));
    writer.addQuad(quad(node, dct('source'), literal(c.source)));
    if (c.seeAlso) writer.addQuad(quad(node, namedNode(`${RDFS}seeAlso`), namedNode(c.seeAlso)));
    for (const target of c.broader) writer.addQuad(quad(node, skos('broader'), namedNode(target)));
    for (const target of c.narrower) writer.addQuad(quad(node, skos('narrower'), namedNode(target)));
    for (const target of c.related) writer.addQuad(quad(node, skos('related'), namedNode(target)));
    for (const m of c.matches) {
      if (m.uri) {
        writer.addQuad(quad(node, skos(m.property), namedNode(m.uri)));
        continue;
      }
      // A code with no published URI (O*NET-SOC): a blank concept that carries the code as its notation.
      const code = blankNode(`m${++blanks}`);
      writer.addQuad(quad(node, skos(m.property), code));
      writer.addQuad(quad(code, skos('notation'), literal(m.code as string)));
      writer.addQuad(quad(code, skos('prefLabel'), literal(m.label, 'en')));
    }
  }
  return new Promise((resolve, reject) => writer.end((error, result: string) => (error ? reject(error) : resolve(result))));
}

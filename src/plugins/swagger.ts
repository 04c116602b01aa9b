import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { SWAGGER_UI_BRAND } from '../openapi/brand.js';
import { documentResponses } from '../openapi/document-responses.js';
import { withCommittedExamples } from '../openapi/examples.js';
import { OPENAPI_FILE } from '../paths.js';
import { pruneUnusedComponents } from '../openapi/prune-unused-components.js';

export const API_TAGS = [
  { name: 'roles', description: 'Roles with their definition, responsibilities, skills, technologies and comparisons.' },
  { name: 'technologies', description: 'Technologies: one node each, shared by every role that names them.' },
  { name: 'skills', description: 'Skills, grouped by category per role, with the technologies they name.' },
  { name: 'search', description: 'Full-text search and name completion over every node, accent-insensitive, in Polish and English.' },
  { name: 'graph', description: 'The knowledge graph: typed nodes and edges with provenance, neighbourhoods and shortest paths; JSON, Cytoscape.js, Graphviz DOT or an SVG picture.' },
  { name: 'analysis', description: 'Role comparison, skill-gap analysis, and extraction of technologies, skills and roles from free text.' },
  { name: 'embed', description: 'For pages that embed role data: the web components, the iframe card and oEmbed.' },
  { name: 'exports', description: 'Bulk downloads of the whole graph (CSV zip, SKOS Turtle, JSON-LD), made once per data version.' },
  { name: 'changes', description: 'Data versions and the change feed: what changed in which version, for clients that keep a copy in sync.' },
  { name: 'meta', description: 'Health, readiness, the API description, the problem types and the explorer.' },
];

const INDEX_HTML = /^\/docs\/static\/index\.html\/?(?:\?|$)/;

async function redirectIndexOnce(request: FastifyRequest, reply: FastifyReply) {
  if (!INDEX_HTML.test(request.url)) return;
  const query = request.url.indexOf('?');
  return reply.redirect(query === -1 ? '/docs/' : `/docs/${request.url.slice(query)}`);
}

/** The OpenAPI document is generated from the routes' zod schemas; Swagger UI serves it from the npm package's own assets. */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'rolegraph',
          version: '0.1.0',
          contact: { name: 'rolegraph' },
          description:
            'A role & skills knowledge graph, seeded from course documents. Every fact carries its source document and line. ' +
            'Texts are served in Polish (the source) or English: send `Accept-Language` or `?lang=`; `Content-Language` says which you got, ' +
            'and `untranslated` lists fields that fell back to Polish. Errors are RFC 9457 `application/problem+json`.',
        },
        // Relative: "Try it out" in /docs calls whichever host and port served the page.
        servers: [{ url: '/', description: 'This server' }],
        tags: API_TAGS,
        // A public, read-only API: no operation needs credentials.
        security: [],
      },
      transform: jsonSchemaTransform,
      transformObject: (documentObject) => documentResponses(pruneUnusedComponents(jsonSchemaTransformObject(documentObject))),
    });
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      // The UI's own /static/index.html route redirects to /docs/ only when its URL ends there: with a query
      // (`?x=1`) or a trailing slash it redirected to itself. Any spelling of that path goes to /docs/ once.
      uiHooks: { onRequest: redirectIndexOnce },
      uiConfig: { deepLinking: true, displayRequestDuration: true },
      ...SWAGGER_UI_BRAND,
      // The examples `npm run openapi` wrote from the real data (a cloned document: safe to change).
      transformSpecification: (document) => withCommittedExamples(document, OPENAPI_FILE),
    });
  },
  // standard-responses adds the statuses every route can answer, in an onRoute hook that must see the routes first.
  { name: 'swagger', dependencies: ['standard-responses'] },
);

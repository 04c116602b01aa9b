import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roleCardHtml } from '../embed/card-html.js';
import { CLIENT_ENTRIES, clientBundles, type ClientAsset } from '../embed/client-bundles.js';
import { explorerHtml } from '../embed/explorer-html.js';
import { oembedFor, roleOfUrl } from '../embed/oembed.js';
import { roleCard } from '../embed/role-card.js';
import { mediaTypeQuality, parseMediaRanges } from '../http/accept.js';
import { ifNoneMatchHits } from '../http/etag.js';
import { variantEtag } from '../http/representation.js';
import { NotFoundError } from '../http/errors.js';
import { appendVary } from '../http/vary.js';
import { originFor } from '../jsonld/base-url.js';
import { sendProblem } from '../plugins/errors.js';
import { cardQuerySchema, roleCardSchema } from '../schemas/card.js';
import { detailQuerySchema, problemResponses, problemSchema, slugSchema } from '../schemas/common.js';
import { apiIndexSchema, embedCardQuerySchema, oembedQuerySchema, oembedSchema } from '../schemas/embed.js';

const roleParams = z.object({ role: slugSchema.describe('Role slug, or any of its names or aliases (e.g. `ai-engineer`, `Inżynier AI`).') });
const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });
/** A versioned asset URL never changes; the bare one is revalidated with its ETag after an hour. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=3600, stale-while-revalidate=86400';

/** The embedding kit: the role card, the iframe card, oEmbed, the web component's script and the explorer page. */
const embedRoutes: FastifyPluginAsyncZod = async (app) => {
  const assets = await clientBundles();
  const assetUrl = (name: ClientAsset) => `/embed/${name}?v=${assets.get(name)!.version}`;

  app.get(
    '/roles/:role/card',
    {
      schema: {
        operationId: 'getRoleCard',
        tags: ['roles'],
        summary: 'Get what a role card shows',
        description: "Name, the definition's first sentence, the responsibilities in order with their technologies, counts and links: one small response for a card.",
        params: roleParams,
        querystring: cardQuerySchema,
        response: { 200: roleCardSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => roleCard(app.repositories.roles, request.params.role, request.lang),
  );

  app.get(
    '/embed/roles/:role',
    {
      schema: {
        operationId: 'getRoleEmbed',
        tags: ['embed'],
        summary: 'A role card as an HTML page for an iframe',
        description: 'Server-rendered (works without JavaScript), may be framed by any site, posts its height to the host page and links its oEmbed.',
        params: roleParams,
        querystring: embedCardQuerySchema,
        response: { 200: html('The card page.'), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const card = roleCard(app.repositories.roles, request.params.role, request.lang);
      const origin = originFor(request);
      const self = `${origin}/embed/roles/${encodeURIComponent(card.slug)}?lang=${request.lang}&theme=${request.query.theme}`;
      const oembedUrl = `${origin}/oembed?${new URLSearchParams({ url: self, format: 'json' })}`;
      return reply
        .type('text/html; charset=utf-8')
        .send(roleCardHtml(card, { origin, theme: request.query.theme, lang: request.lang, oembedUrl, frameScript: assetUrl('frame.js') }));
    },
  );

  app.get(
    '/oembed',
    {
      schema: {
        operationId: 'getOEmbed',
        tags: ['embed'],
        summary: 'oEmbed 1.0 for role URLs',
        description: 'A "rich" answer whose `html` is an iframe of the role card. Only JSON: `format=xml` gets 501; a URL that is not a role of this API gets 404.',
        querystring: oembedQuerySchema,
        response: {
          200: oembedSchema,
          ...problemResponses(400, 404),
          501: { description: 'The format is not implemented.', content: { 'application/problem+json': { schema: problemSchema } } },
        },
      },
    },
    async (request, reply) => {
      const { url, format, maxwidth, maxheight } = request.query;
      if (format === 'xml') {
        return sendProblem(request, reply, { type: 'not-implemented', detail: { pl: 'Obsługiwany jest tylko format=json.', en: 'Only format=json is implemented.' } });
      }
      const origin = originFor(request);
      const embedded = roleOfUrl(url, origin);
      if (!embedded) throw new NotFoundError('roleUrl', url);
      const card = roleCard(app.repositories.roles, embedded.slug, embedded.lang ?? request.lang);
      return oembedFor(card, { ...embedded, slug: card.slug, lang: embedded.lang ?? request.lang }, origin, { maxwidth, maxheight });
    },
  );

  app.get(
    '/embed/:asset',
    {
      config: { cache: false },
      schema: {
        operationId: 'getEmbedScript',
        tags: ['embed'],
        summary: 'The browser code: the web component, the explorer and the iframe card',
        description:
          '`rolegraph.js` is an ES module defining `<rolegraph-role slug lang api>` and `<rolegraph-search lang api>`. ' +
          'With `?v=` (the version the explorer shows) the URL is cached for a year; without it, revalidated with its ETag.',
        params: z.object({ asset: z.enum(Object.keys(CLIENT_ENTRIES) as [ClientAsset, ...ClientAsset[]]) }),
        querystring: z.object({ v: z.string().max(64).optional().describe('The asset version; any other value is served the current one with a short cache.') }).strict(),
        response: { 200: { description: 'JavaScript.', content: { 'text/javascript': { schema: z.string() } } }, ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const asset = assets.get(request.params.asset)!;
      return sendAsset(request, reply, asset.body, asset.version, request.query.v === asset.version);
    },
  );

  app.get(
    '/',
    {
      schema: {
        operationId: 'getIndex',
        tags: ['meta'],
        summary: 'Where to start',
        description: 'JSON clients get the entry points; browsers (`Accept: text/html`) get the explorer page. `?node=kind:key` opens an entity there.',
        querystring: detailQuerySchema.extend({ node: z.string().max(300).optional().describe('The explorer opens this graph node, e.g. `role:ai-engineer`.') }).strict(),
        response: { 200: { description: 'The index, or the explorer.', content: { 'application/json': { schema: apiIndexSchema }, 'text/html': { schema: z.string() } } } },
      },
    },
    async (request, reply) => {
      appendVary(reply, 'Accept');
      if (prefersHtml(request.headers.accept)) return reply.type('text/html; charset=utf-8').send(explorerHtml(request.lang, assetUrl('explorer.js'), assetUrl('rolegraph.js')));
      return reply.type('application/json; charset=utf-8').send({
        name: 'rolegraph',
        description: 'A role & skills knowledge graph, seeded from source documents, in Polish and English.',
        links: {
          roles: '/roles',
          technologies: '/technologies',
          skills: '/skills',
          search: '/search?q=',
          suggest: '/search/suggest?q=',
          graph: '/graph',
          oembed: '/oembed?url=',
          webComponent: assetUrl('rolegraph.js'),
          openapi: '/openapi.json',
          docs: '/docs',
        },
      });
    },
  );
};

function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = parseMediaRanges(accept);
  return mediaTypeQuality('text/html', ranges) > mediaTypeQuality('application/json', ranges);
}

function sendAsset(request: FastifyRequest, reply: FastifyReply, body: Buffer, version: string, versioned: boolean) {
  const etag = `"${version}"`;
  // Scripts are loaded by pages on any origin (module scripts are fetched with CORS), whatever CORS_ORIGINS says for the data.
  reply.header('access-control-allow-origin', '*').header('etag', etag).header('cache-control', versioned ? IMMUTABLE : REVALIDATE);
  // The compression plugin tags an encoded copy with its own validator: a client may revalidate with either.
  const matched = [etag, variantEtag(etag, 'gzip'), variantEtag(etag, 'br')].find((candidate) => ifNoneMatchHits(request.headers['if-none-match'], candidate));
  if (matched) return reply.code(304).header('etag', matched).send();
  return reply.type('text/javascript; charset=utf-8').send(body);
}

export default embedRoutes;

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cardErrorHtml, roleCardHtml } from '../embed/card-html.js';
import { type BuiltAsset, clientBundles, EMBED_ASSETS, type EmbedAsset } from '../embed/client-bundles.js';
import { explorerHtml } from '../embed/explorer-html.js';
import { explorerEntity } from '../embed/explorer-entity.js';
import { oembedFor, roleOfUrl } from '../embed/oembed.js';
import { roleCard } from '../embed/role-card.js';
import { embedCardUrl, type ScriptRef } from '../embed/snippets.js';
import { mediaTypeQuality, parseMediaRanges } from '../lib/accept.js';
import { ifNoneMatchHits } from '../http/etag.js';
import { variantEtag } from '../http/representation.js';
import { PROBLEM_TYPES, problemKeyOf } from '../http/problems.js';
import { DomainError, NotFoundError } from '../model/domain-errors.js';
import { appendVary } from '../http/vary.js';
import { originFor } from '../jsonld/base-url.js';
import { sendProblem } from '../plugins/errors.js';
import { cardQuerySchema, roleCardSchema } from '../schemas/card.js';
import { detailQuerySchema, problemResponses, problemSchema, slugSchema } from '../schemas/common.js';
import { apiIndexSchema, CARD_THEMES, embedCardQuerySchema, oembedQuerySchema, oembedSchema } from '../schemas/embed.js';

const roleParams = z.object({ role: slugSchema.describe('Role slug, or any of its names or aliases (e.g. `ai-engineer`, `Inżynier AI`).') });
const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });
/** The iframe card's errors: an HTML page for the frame, a problem for clients that prefer JSON. */
const errorPage = (description: string) => ({ description, content: { 'text/html': { schema: z.string() }, 'application/problem+json': { schema: problemSchema } } });
/** A versioned asset URL never changes; the bare one is revalidated with its ETag on every use. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** The embedding kit: the role card, the iframe card, oEmbed, the web component's script and the explorer page. */
const embedRoutes: FastifyPluginAsyncZod = async (app) => {
  // esbuild bundles the browser code when an embed route is first asked (the warm-up asks before /ready), not
  // while the app is built: that took about 0.35 s of every start. Before validation, so error pages have it too.
  let assets: Map<EmbedAsset, BuiltAsset> = new Map();
  app.addHook('preValidation', async function buildClientBundles() {
    if (assets.size === 0) assets = await clientBundles();
  });
  const assetUrl = (name: EmbedAsset) => `/embed/${name}?v=${assets.get(name)!.version}`;
  /** A script as a snippet on another origin loads it: absolute, pinned, with its integrity. */
  const pinned = (origin: string, name: EmbedAsset): ScriptRef => ({ url: `${origin}${assetUrl(name)}`, integrity: assets.get(name)!.integrity });
  const pageAssets = (origin: string) => ({ origin, stylesheet: assetUrl('card.css'), frameScript: assetUrl('frame.js') });

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
        description:
          'Server-rendered (works without JavaScript), may be framed by any site, posts its height to the host page and links its oEmbed. ' +
          'Errors (unknown role, bad parameter) are an HTML page in the card\'s style and language, unless the client prefers JSON (then a problem).',
        params: roleParams,
        querystring: embedCardQuerySchema,
        response: { 200: html('The card page.'), 400: errorPage('Invalid parameter.'), 404: errorPage('No such role.') },
      },
      // A frame shows what it gets: a JSON problem there would be raw text in the host's page.
      errorHandler: (error: FastifyError, request, reply) => {
        if (prefersJson(request.headers.accept)) throw error;
        const status = error.validation ? 400 : error instanceof DomainError ? PROBLEM_TYPES[problemKeyOf(error)].status : (error.statusCode ?? 500);
        if (status >= 500) request.log.error(error);
        const raw = request.query as Record<string, unknown>;
        const theme = CARD_THEMES.find((t) => t === raw.theme) ?? 'light';
        const slug = (request.params as { role?: string }).role ?? '';
        return (reply as FastifyReply).code(status).type('text/html; charset=utf-8').send(cardErrorHtml(status, slug, { ...pageAssets(originFor(request)), theme, lang: request.lang }));
      },
    },
    async (request, reply) => {
      const card = roleCard(app.repositories.roles, request.params.role, request.lang);
      const origin = originFor(request);
      const oembedUrl = `${origin}/oembed?${new URLSearchParams({ url: embedCardUrl(origin, card.slug, request.lang, request.query.theme), format: 'json' })}`;
      return reply.type('text/html; charset=utf-8').send(roleCardHtml(card, { ...pageAssets(origin), theme: request.query.theme, lang: request.lang, oembedUrl }));
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
      return oembedFor(card, { ...embedded, slug: card.slug, lang: embedded.lang ?? request.lang }, origin, { maxwidth, maxheight }, pinned(origin, 'resize.js'));
    },
  );

  app.get(
    '/embed/:asset',
    {
      config: { cache: false },
      schema: {
        operationId: 'getEmbedScript',
        tags: ['embed'],
        summary: 'The browser code and styles: the web components, the iframe card, its resize script and the explorer',
        description:
          '`rolegraph.js` is an ES module defining `<rolegraph-role>` and `<rolegraph-search>`; `resize.js` is the host page\'s script that sizes iframe cards. ' +
          'With `?v=` (the version the snippets pin, with their `integrity`) the URL is immutable and cached for a year, and only that version is served: any other `v` is a 404. ' +
          'Without it, the URL always serves the current version and is revalidated with its ETag (`Cache-Control: no-cache`).',
        params: z.object({ asset: z.enum(EMBED_ASSETS) }),
        querystring: z.object({ v: z.string().max(64).optional().describe('The version to pin (a digest of the bytes); any other value is a 404.') }).strict(),
        response: {
          200: { description: 'JavaScript or CSS.', content: { 'text/javascript': { schema: z.string() }, 'text/css': { schema: z.string() } } },
          ...problemResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      const asset = assets.get(request.params.asset)!;
      const { v } = request.query;
      // A pin names exact bytes (and the snippet's integrity hash): serving other bytes under it would break the pin.
      if (v !== undefined && v !== asset.version) throw new NotFoundError('assetVersion', `${request.params.asset}?v=${v}`);
      return sendAsset(request, reply, asset, v !== undefined);
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
      if (prefersHtml(request.headers.accept)) {
        const origin = originFor(request);
        const entity = request.query.node ? explorerEntity(app, request.query.node, request.lang, origin) : null;
        const assets = { script: assetUrl('explorer.js'), stylesheet: assetUrl('explorer.css'), component: pinned(origin, 'rolegraph.js'), resize: pinned(origin, 'resize.js') };
        return reply.type('text/html; charset=utf-8').send(explorerHtml(request.lang, assets, entity));
      }
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

function prefersJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = parseMediaRanges(accept);
  return Math.max(mediaTypeQuality('application/json', ranges), mediaTypeQuality('application/problem+json', ranges)) > mediaTypeQuality('text/html', ranges);
}

function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: BuiltAsset, versioned: boolean) {
  const etag = `"${asset.version}"`;
  // Scripts are loaded by pages on any origin (module scripts are fetched with CORS), whatever CORS_ORIGINS says for the data.
  reply.header('access-control-allow-origin', '*').header('etag', etag).header('cache-control', versioned ? IMMUTABLE : REVALIDATE);
  // The compression plugin tags an encoded copy with its own validator: a client may revalidate with either.
  const matched = [etag, variantEtag(etag, 'gzip'), variantEtag(etag, 'br')].find((candidate) => ifNoneMatchHits(request.headers['if-none-match'], candidate));
  if (matched) return reply.code(304).header('etag', matched).send();
  return reply.type(asset.contentType).send(asset.body);
}

export default embedRoutes;

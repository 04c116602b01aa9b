import type { FastifyReply, FastifyRequest } from 'fastify';
import { originFor } from '../jsonld/base-url.js';
import type { JsonLdTarget } from '../jsonld/documents.js';
import { JSON_LD_MEDIA_TYPE, prefersJsonLd } from '../jsonld/media-type.js';
import { sendSerialized } from './send-serialized.js';
import { appendVary } from './vary.js';

/**
 * For a route that offers JSON and JSON-LD: says the response varies with Accept and, when the
 * client asked for JSON-LD (`?format=jsonld` or Accept), sets the Content-Type that selects the
 * JSON-LD response schema and returns where the document is served; null means plain JSON.
 */
export function negotiateJsonLd(request: FastifyRequest, reply: FastifyReply): JsonLdTarget | null {
  appendVary(reply, 'Accept');
  const format = (request.query as { format?: string } | undefined)?.format;
  if (!(format ? format === 'jsonld' : prefersJsonLd(request.headers.accept))) return null;
  return jsonLdTarget(request);
}

/** Where a JSON-LD document is served from, and in which language. */
export function jsonLdTarget(request: FastifyRequest): JsonLdTarget {
  return { origin: originFor(request), lang: request.lang };
}

/** A JSON-LD document, serialized here: on the main path the operation's schema describes the plain JSON representation only. */
export function sendJsonLd(reply: FastifyReply, document: unknown) {
  return sendSerialized(reply, JSON_LD_MEDIA_TYPE, JSON.stringify(document));
}

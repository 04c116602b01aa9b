import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { STATUS_CODES } from 'node:http';
import { PROBLEM_TYPES, type ProblemKey, problemKeyOf, problemTypeForStatus, problemTypeOf, problemTypeUri } from '../http/problems.js';
import { type Lang, type Localizable, negotiateLanguage } from '../lib/language.js';
import { DomainError, type InvalidParameter } from '../model/domain-errors.js';
import { unknownParameterReason, validationReason } from '../http/validation-reasons.js';

const LOCATION: Record<string, InvalidParameter['in']> = { querystring: 'query', params: 'path', headers: 'header', body: 'body' };
const LOCATION_NAMES: Record<InvalidParameter['in'], { pl: string; en: string }> = {
  query: { pl: 'Parametr zapytania', en: 'query parameter' },
  path: { pl: 'Parametr ścieżki', en: 'path parameter' },
  header: { pl: 'Nagłówek', en: 'header' },
  body: { pl: 'Pole treści', en: 'body field' },
};
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;

/** What sendProblem takes: a catalogue key (or its `/problems/…` URI), and what this occurrence adds. */
export interface ProblemInput {
  type: ProblemKey | string;
  status?: number;
  /** Ignored for catalogue types: their title comes from the catalogue, in the response language. */
  title?: string;
  /** This occurrence's detail; a plain string is English only. Absent: the type's own description. */
  detail?: Localizable;
  invalidParams?: InvalidParameter[];
}

/**
 * Every error leaves as RFC 9457 problem+json from the one catalogue (src/http/problems.ts): a domain error
 * as the type its kind maps to there, a framework error by its status; a 500 says nothing of the internals.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const lang = problemLanguage(request);
      if (hasZodFastifySchemaValidationErrors(error)) {
        const where = LOCATION[error.validationContext ?? 'querystring'] ?? 'query';
        const reasons = (l: Lang) =>
          error.validation.flatMap((v): InvalidParameter[] => {
            const keys = (v.params as { keys?: unknown }).keys;
            if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) return keys.map((key) => ({ name: String(key), in: where, reason: unknownParameterReason(l) }));
            return [{ name: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(root)', in: where, reason: validationReason(v as Parameters<typeof validationReason>[0], l) }];
          });
        const describe = (l: Lang) =>
          reasons(l)
            .map((p) => (l === 'pl' ? `${LOCATION_NAMES[p.in].pl} „${p.name}” ${p.reason}` : `${LOCATION_NAMES[p.in].en} "${p.name}" ${p.reason}`))
            .join('; ');
        return sendProblem(request, reply, { type: 'invalid-parameter', detail: { pl: describe('pl'), en: describe('en') }, invalidParams: reasons(lang) });
      }
      if (error instanceof DomainError) return sendProblem(request, reply, { type: problemKeyOf(error), detail: error.detail, invalidParams: error.invalidParams });
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) {
        request.log.error({ err: error }, 'unhandled error');
        return sendProblem(request, reply, { type: 'internal' });
      }
      return sendProblem(request, reply, { type: problemTypeForStatus(status), status, detail: frameworkDetail(status, error.message) });
    });

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0];
      const allowed = allowedMethods(app, path);
      // A route for this very method that found nothing (a static file that is not there) is a 404, not a 405.
      const routed = allowed.includes(request.method);
      if (allowed.length > 0 && !routed) {
        reply.header('Allow', allowed.join(', '));
        return sendProblem(request, reply, {
          type: 'method-not-allowed',
          detail: { pl: `${path} nie obsługuje metody ${request.method}; obsługuje: ${allowed.join(', ')}.`, en: `${path} does not take ${request.method}; it takes ${allowed.join(', ')}.` },
        });
      }
      return sendProblem(request, reply, {
        type: 'not-found',
        detail: { pl: `Nie ma ścieżki ${request.method} ${path}. Zobacz /docs.`, en: `No route ${request.method} ${path} exists. See /docs.` },
      });
    });
  },
  { name: 'errors' },
);

/**
 * The detail of an error fastify raised (body parsing, content type, size, bad URL): its own English
 * message, and in Polish what the catalogue says of its status.
 */
export function frameworkDetail(status: number, message: string): { pl: string; en: string } {
  const key = problemTypeForStatus(status);
  return { pl: key === 'about:blank' ? `Serwer odpowiada statusem HTTP ${status} (${STATUS_CODES[status] ?? 'błąd'}).` : PROBLEM_TYPES[key].description.pl, en: message };
}

/** The methods the router has for a concrete path; OPTIONS (CORS preflight, answered for every path) only beside one of them. */
function allowedMethods(app: FastifyInstance, path: string): string[] {
  const methods: string[] = METHODS.filter((method) => app.findRoute({ method, url: path }) !== null);
  if (methods.length > 0 && app.findRoute({ method: 'OPTIONS', url: path }) !== null) methods.push('OPTIONS');
  return methods;
}

/** The response language for a problem: the request's, or negotiated here when the error came before the language hook ran. */
function problemLanguage(request: FastifyRequest): Lang {
  const defaultLanguage = request.server.defaultLanguage ?? 'pl';
  const query = (request.query as Record<string, unknown> | undefined) ?? {};
  return negotiateLanguage(query.lang, request.headers['accept-language'], defaultLanguage);
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, input: ProblemInput) {
  const key = problemTypeOf(input.type);
  const entry = key ? PROBLEM_TYPES[key] : undefined;
  // An English-only detail makes the whole problem English, so Content-Language stays true.
  const lang: Lang = typeof input.detail === 'string' ? 'en' : problemLanguage(request);
  const detail = input.detail === undefined ? entry?.description[lang] ?? '' : typeof input.detail === 'string' ? input.detail : input.detail[lang];
  return reply
    .code(input.status ?? entry?.status ?? 500)
    .header('Content-Language', lang)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: key ? problemTypeUri(key) : input.type,
      // A type outside the catalogue (`about:blank`) is titled by its status (RFC 9457 §4.2.1).
      title: entry ? entry.title[lang] : (input.title ?? STATUS_CODES[input.status ?? 500] ?? 'Error'),
      status: input.status ?? entry?.status ?? 500,
      detail,
      instance: request.url,
      ...(input.invalidParams && input.invalidParams.length > 0 ? { invalidParams: input.invalidParams } : {}),
    });
}

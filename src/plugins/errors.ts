import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { BadRequestError, InvalidParameter, NotFoundError } from '../http/errors.js';
import type { Problem } from '../schemas/common.js';

/** Readable names for the errors fastify itself raises (body parsing, content type, size). */
export const CLIENT_ERRORS: Record<number, { type: string; title: string }> = {
  400: { type: '/problems/bad-request', title: 'Bad request' },
  413: { type: '/problems/payload-too-large', title: 'Payload too large' },
  415: { type: '/problems/unsupported-media-type', title: 'Unsupported media type' },
  406: { type: '/problems/not-acceptable', title: 'Not acceptable' },
  414: { type: '/problems/uri-too-long', title: 'URI too long' },
};

const LOCATION: Record<string, InvalidParameter['in']> = { querystring: 'query', params: 'path', headers: 'header', body: 'body' };

/** Every error leaves as RFC 9457 problem+json; a 500 says nothing of the internals. */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (hasZodFastifySchemaValidationErrors(error)) {
        const where = LOCATION[error.validationContext ?? 'querystring'] ?? 'query';
        const invalidParams = error.validation.flatMap((v): InvalidParameter[] => {
          const keys = (v.params as { keys?: unknown }).keys;
          if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
            return keys.map((key) => ({ name: String(key), in: where, reason: 'is not a known parameter of this operation' }));
          }
          return [{ name: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(root)', in: where, reason: v.message ?? 'is invalid' }];
        });
        const names = invalidParams.map((p) => `${p.in} parameter "${p.name}" ${p.reason}`).join('; ');
        return sendProblem(request, reply, { type: '/problems/invalid-parameter', title: 'Invalid parameter', status: 400, detail: names, invalidParams });
      }
      if (error instanceof NotFoundError) {
        return sendProblem(request, reply, { type: '/problems/not-found', title: 'Not found', status: 404, detail: error.message });
      }
      if (error instanceof BadRequestError) {
        return sendProblem(request, reply, { type: '/problems/bad-request', title: 'Bad request', status: 400, detail: error.message, invalidParams: error.invalidParams });
      }
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) {
        request.log.error({ err: error }, 'unhandled error');
        return sendProblem(request, reply, { type: '/problems/internal', title: 'Internal Server Error', status, detail: 'The server could not answer this request. It has been logged.' });
      }
      const known = CLIENT_ERRORS[status];
      return sendProblem(request, reply, { type: known?.type ?? `/problems/http-${status}`, title: known?.title ?? 'Client error', status, detail: error.message });
    });

    app.setNotFoundHandler((request, reply) =>
      sendProblem(request, reply, { type: '/problems/not-found', title: 'Not found', status: 404, detail: `No route ${request.method} ${request.url.split('?')[0]} exists. See /docs.` }),
    );
  },
  { name: 'errors' },
);

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem) {
  return reply
    .code(problem.status)
    .type('application/problem+json; charset=utf-8')
    .send({ ...problem, instance: request.url });
}

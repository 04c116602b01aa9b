import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The generated OpenAPI document, at the conventional address. */
const openapiRoute: FastifyPluginAsyncZod = async (app) => {
  app.get('/openapi.json', { schema: { operationId: 'getOpenApi', tags: ['meta'], summary: 'This API described in OpenAPI 3.1' } }, async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(JSON.stringify(app.swagger())),
  );
};

export default openapiRoute;

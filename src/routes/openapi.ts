import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withCommittedExamples } from '../openapi/examples.js';
import { OPENAPI_FILE } from '../paths.js';

/** The generated OpenAPI document, at the conventional address. */
const openapiRoute: FastifyPluginAsyncZod = async (app) => {
  app.get('/openapi.json', {
      schema: {
        operationId: 'getOpenApi',
        tags: ['meta'],
        summary: 'This API described in OpenAPI 3.1',
        description: 'The document a client generator reads; each data operation carries an example answered by the real data.',
        response: { 200: { description: 'The OpenAPI 3.1 document.', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } } },
      },
    },
    // Serialized once per data version: the response cache keeps the bytes.
    async () => withCommittedExamples(structuredClone(app.swagger()), OPENAPI_FILE) as Record<string, unknown>,
  );
};

export default openapiRoute;

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

const graphRoutes: FastifyPluginAsyncZod = async () => {};

export default graphRoutes;

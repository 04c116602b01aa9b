import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

const analysisRoutes: FastifyPluginAsyncZod = async () => {};

export default analysisRoutes;

import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from './db/open-database.js';
import databasePlugin from './plugins/database.js';
import errorsPlugin, { sendProblem } from './plugins/errors.js';
import languagePlugin from './plugins/language.js';
import swaggerPlugin from './plugins/swagger.js';
import catalogRoutes from './routes/catalog.js';
import analysisRoutes from './routes/analysis.js';
import graphRoutes from './routes/graph.js';
import openapiRoute from './routes/openapi.js';
import rolesRoutes from './routes/roles.js';
import searchRoutes from './routes/search.js';

export interface AppOptions {
  db: Db;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the app around an open database; never listens (the server and the tests do that). */
export async function buildApp({ db, logger = false }: AppOptions) {
  const app = Fastify({
    logger,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Errors the router raises before any handler (bad percent-encoding, over-long parameters) are problems too.
    frameworkErrors: (error, request, reply) =>
      sendProblem(request, reply, { type: '/problems/bad-request', title: 'Bad request', status: error.statusCode ?? 400, detail: error.message }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorsPlugin);
  await app.register(languagePlugin);
  await app.register(databasePlugin, { db });
  await app.register(swaggerPlugin);

  await app.register(rolesRoutes);
  await app.register(catalogRoutes);
  await app.register(searchRoutes, { db });
  await app.register(graphRoutes, { db });
  await app.register(analysisRoutes);
  await app.register(openapiRoute);
  await app.ready();
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;

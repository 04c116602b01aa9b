import fp from 'fastify-plugin';
import { Lang, negotiateLanguage } from '../http/language.js';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
  }
}

/** Negotiates the response language once per request and says which one the response is in. */
export default fp(
  async (app) => {
    app.decorateRequest('lang', 'pl');
    app.addHook('onRequest', async (request, reply) => {
      request.lang = negotiateLanguage((request.query as Record<string, unknown> | undefined)?.lang, request.headers['accept-language']);
      reply.header('Content-Language', request.lang);
      reply.header('Vary', 'Accept-Language');
    });
  },
  { name: 'language' },
);

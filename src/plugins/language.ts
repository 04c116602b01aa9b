import fp from 'fastify-plugin';
import { Lang, negotiateLanguage } from '../http/language.js';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
  }
}

const VARY = 'Accept, Accept-Language, Accept-Encoding';

/** Negotiates the response language once per request and says which one the response is in. */
export default fp(
  async (app) => {
    app.decorateRequest('lang', 'pl');
    app.addHook('onRequest', (request, reply, done) => {
      request.lang = negotiateLanguage((request.query as Record<string, unknown> | undefined)?.lang, request.headers['accept-language']);
      reply.header('Content-Language', request.lang);
      // Every representation may differ by media type, language and content coding.
      // Appended, not set: CORS may already have said Vary: Origin.
      const vary = reply.getHeader('vary');
      reply.header('Vary', vary ? `${String(vary)}, ${VARY}` : VARY);
      done();
    });
  },
  { name: 'language' },
);

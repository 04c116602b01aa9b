import fp from 'fastify-plugin';
import { type Lang, negotiateLanguage, SOURCE_LANGUAGE } from '../lib/language.js';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
  }
  interface FastifyInstance {
    /** What a client gets when it asks for no language we have (DEFAULT_LANGUAGE). */
    defaultLanguage: Lang;
  }
}

const VARY = 'Accept, Accept-Language, Accept-Encoding';

/** Negotiates the response language once per request and says which one the response is in. */
export default fp<{ defaultLanguage?: Lang }>(
  async (app, { defaultLanguage = SOURCE_LANGUAGE }) => {
    app.decorate('defaultLanguage', defaultLanguage);
    app.decorateRequest('lang', defaultLanguage);
    app.addHook('onRequest', (request, reply, done) => {
      request.lang = negotiateLanguage((request.query as Record<string, unknown> | undefined)?.lang, request.headers['accept-language'], defaultLanguage);
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

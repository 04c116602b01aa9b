import fp from 'fastify-plugin';
import { sendProblem } from './errors.js';

export const MAX_URL_LENGTH = 4096;
export const MAX_QUERY_PARAMETERS = 20;

/** Bounds on what a request may ask for, checked before any parsing work. */
export default fp(
  async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      const url = request.url;
      if (url.length > MAX_URL_LENGTH) {
        return sendProblem(request, reply, {
          type: 'uri-too-long',
          detail: { pl: `URL ma ${url.length} znaków; serwer przyjmuje najwyżej ${MAX_URL_LENGTH}.`, en: `The URL is ${url.length} characters; at most ${MAX_URL_LENGTH} are accepted.` },
        });
      }
      const query = url.indexOf('?');
      if (query !== -1) {
        let count = 1;
        for (let i = query; i < url.length; i++) if (url.charCodeAt(i) === 38 /* & */) count++;
        if (count > MAX_QUERY_PARAMETERS) {
          return sendProblem(request, reply, {
            type: 'too-many-parameters',
            detail: {
              pl: `Zapytanie ma ${count} parametrów; serwer przyjmuje najwyżej ${MAX_QUERY_PARAMETERS}.`,
              en: `The query string has ${count} parameters; at most ${MAX_QUERY_PARAMETERS} are accepted.`,
            },
            invalidParams: [{ name: '(query)', in: 'query', reason: `more than ${MAX_QUERY_PARAMETERS} parameters` }],
          });
        }
      }
    });
  },
  { name: 'request-limits', dependencies: ['errors'] },
);

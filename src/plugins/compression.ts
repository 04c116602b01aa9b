import fp from 'fastify-plugin';
import { compress, negotiateEncoding } from '../http/content-encoding.js';
import { variantEtag, worthCompressing } from '../http/representation.js';

/** br or gzip for textual responses above the threshold that the response cache did not encode. */
export default fp<{ threshold: number }>(
  async (app, { threshold }) => {
    app.addHook('onSend', async (request, reply, payload) => {
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      if (reply.getHeader('content-encoding') || reply.statusCode === 204 || reply.statusCode === 304) return payload;
      if (!worthCompressing(Buffer.byteLength(payload), String(reply.getHeader('content-type') ?? ''), threshold)) return payload;
      const encoding = negotiateEncoding(request.headers['accept-encoding']);
      if (encoding === 'identity') return payload;
      const etag = reply.getHeader('etag');
      if (typeof etag === 'string') reply.header('etag', variantEtag(etag, encoding));
      reply.header('content-encoding', encoding);
      // Responses the cache stores arrive here already encoded; this is for the rest, made per request.
      return compress(Buffer.isBuffer(payload) ? payload : Buffer.from(payload), encoding, 'per-request');
    });
  },
  { name: 'compression', dependencies: ['response-cache'] },
);

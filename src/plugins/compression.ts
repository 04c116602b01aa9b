import fp from 'fastify-plugin';
import { compress, negotiateEncoding } from '../http/content-encoding.js';
import { isCompressible, variantEtag } from '../http/representation.js';

/** br or gzip for textual responses above the threshold; cached responses carry their own encoded copies. */
export default fp<{ threshold: number }>(
  async (app, { threshold }) => {
    app.addHook('onSend', async (request, reply, payload) => {
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      if (reply.getHeader('content-encoding') || reply.statusCode === 204 || reply.statusCode === 304) return payload;
      const length = Buffer.byteLength(payload);
      if (length < threshold || !isCompressible(String(reply.getHeader('content-type') ?? ''))) return payload;
      const encoding = negotiateEncoding(request.headers['accept-encoding']);
      if (encoding === 'identity') return payload;
      const etag = reply.getHeader('etag');
      if (typeof etag === 'string') reply.header('etag', variantEtag(etag, encoding));
      reply.header('content-encoding', encoding);
      return compress(Buffer.isBuffer(payload) ? payload : Buffer.from(payload), encoding);
    });
  },
  { name: 'compression' },
);

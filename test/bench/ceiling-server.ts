/**
 * The ceiling for `npm run bench`: bare Fastify (logger off) that answers each URL with the exact bytes
 * rolegraph sent for it, already serialized, with the same content type. Whatever rolegraph spends on
 * routing, validation, the database and serialization shows up as the gap to this server.
 * With CEILING_SAME_HEADERS=1 it also sends rolegraph's other header fields (security, caching, CORS,
 * language, ETag, request id), so the gap to it is what rolegraph spends beyond writing those bytes.
 * Usage: node --import tsx test/bench/ceiling-server.ts routes.json   (env PORT, HOST, CEILING_SAME_HEADERS)
 */
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import type { CeilingRoute } from './spawn-server.js';

const routes = JSON.parse(readFileSync(process.argv[2], 'utf8')) as CeilingRoute[];
const byUrl = new Map(
  routes.map((r) => {
    const bytes = Buffer.from(r.body, 'base64');
    // A string for identity bodies, as a hand-written server would hold it; compressed bodies stay Buffers.
    return [r.url, { ...r, payload: r.contentEncoding ? bytes : bytes.toString('utf8') }] as const;
  }),
);

const sameHeaders = process.env.CEILING_SAME_HEADERS === '1';
const app = Fastify({ logger: false });
app.get('/*', (request, reply) => {
  const route = byUrl.get(request.url);
  if (!route) return reply.code(404).type('text/plain').send('not in the ceiling\n');
  if (sameHeaders) reply.headers(route.headers);
  reply.type(route.contentType);
  if (route.contentEncoding) reply.header('content-encoding', route.contentEncoding);
  return reply.send(route.payload);
});

const close = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', close);
process.on('SIGINT', close);
await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' });

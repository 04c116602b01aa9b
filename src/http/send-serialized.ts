import type { FastifyReply } from 'fastify';

/**
 * Sends a representation the operation's response schema does not describe (DOT or JSON-LD
 * negotiated on a path whose spec documents JSON only): already serialized, with its own type.
 */
export function sendSerialized(reply: FastifyReply, mediaType: string, body: string) {
  return reply.type(`${mediaType}; charset=utf-8`).send(body);
}

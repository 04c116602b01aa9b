import type { FastifyReply } from 'fastify';

/** The Vary value with `field` added once (header field names compare case-insensitively; `*` already covers it). */
export function withVary(existing: string | undefined, field: string): string {
  const fields = (existing ?? '').split(',').map((f) => f.trim()).filter(Boolean);
  if (fields.some((f) => f === '*' || f.toLowerCase() === field.toLowerCase())) return fields.join(', ');
  return [...fields, field].join(', ');
}

/** reply.header() replaces a header, and the language plugin has already set Vary: Accept-Language. */
export function appendVary(reply: FastifyReply, field: string): void {
  const current = reply.getHeader('vary');
  reply.header('Vary', withVary(Array.isArray(current) ? current.join(', ') : current?.toString(), field));
}

import { createHash } from 'node:crypto';

/** A strong validator: the data version plus a digest of the exact representation bytes. */
export function strongEtag(dataVersion: string, body: Buffer | string): string {
  return `"${dataVersion}-${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/** RFC 9110 If-None-Match: weak comparison, a list, or "*". */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === opaque);
}

import type { Encoding } from './content-encoding.js';

const COMPRESSIBLE = /^(?:application\/(?:[\w.+-]*\+)?json|application\/javascript|text\/|image\/svg\+xml)/i;

export function isCompressible(contentType: string): boolean {
  return COMPRESSIBLE.test(contentType);
}

/** Textual and at least `threshold` bytes: smaller bodies gain less than the encoding costs. */
export function worthCompressing(length: number, contentType: string, threshold: number): boolean {
  return length >= threshold && isCompressible(contentType);
}

/** A strong ETag names one representation: each content coding of it gets its own. */
export function variantEtag(etag: string, encoding: Encoding): string {
  return encoding === 'identity' ? etag : `${etag.slice(0, -1)}-${encoding}"`;
}

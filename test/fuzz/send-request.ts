import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { App } from '../../src/app.js';
import type { FuzzRequest } from './request-arbitraries.js';
import type { CheckedResponse } from './spec-contract.js';

/** What went over the wire and what came back, decoded, for checks and failure reports. */
export interface Exchange {
  request: FuzzRequest;
  response: CheckedResponse;
  /** The bytes as sent (still compressed when Content-Encoding says so). */
  raw: Buffer;
}

/** Header values as a client puts them on the wire (UTF-8 bytes), which Node reads back as latin1. */
const asWireHeaders = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Buffer.from(value, 'utf8').toString('latin1')]));

function decode(raw: Buffer, encoding: unknown): Buffer {
  // HEAD and 304 carry the headers of the full response, Content-Encoding included, and no body.
  if (raw.length === 0) return raw;
  switch (String(encoding ?? 'identity').toLowerCase()) {
    case 'gzip':
      return gunzipSync(raw);
    case 'br':
      return brotliDecompressSync(raw);
    case 'deflate':
      return inflateSync(raw);
    default:
      return raw;
  }
}

export async function sendRequest(app: App, request: FuzzRequest): Promise<Exchange> {
  const response = await app.inject({ method: request.method, url: request.url, headers: asWireHeaders(request.headers), payload: request.payload });
  const raw = response.rawPayload;
  return {
    request,
    raw,
    response: { method: request.method, statusCode: response.statusCode, headers: response.headers, body: decode(raw, response.headers['content-encoding']) },
  };
}

/** A failure report with everything needed to replay the request. */
export function describeExchange({ request, response }: Exchange): string {
  const payload = request.payload === undefined ? '' : `\n  body (${request.payload.length} chars): ${request.payload.slice(0, 300)}`;
  return (
    `${request.method} ${request.url.slice(0, 500)}${request.url.length > 500 ? `… (${request.url.length} chars)` : ''}\n` +
    `  headers: ${JSON.stringify(request.headers, (_k, v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}… (${v.length} chars)` : v))}${payload}\n` +
    `→ ${response.statusCode} ${String(response.headers['content-type'] ?? '')}\n  ${response.body.toString('utf8').slice(0, 600)}`
  );
}

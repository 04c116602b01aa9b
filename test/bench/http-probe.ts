import http from 'node:http';
import { createServer } from 'node:net';

export const HOST = '127.0.0.1';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Exactly the bytes on the wire (no decompression). */
  body: Buffer;
  ms: number;
  /** The status line and header fields as received, with their CRLFs and the blank line. */
  headBytes: number;
}

/** One GET on a fresh connection, the body as sent (fetch would decompress it). */
export function getRaw(port: number, path: string, headers: Record<string, string> = {}, timeoutMs = 120_000): Promise<RawResponse> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get({ host: HOST, port, path, headers, agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      let headBytes = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2;
      for (let i = 0; i < res.rawHeaders.length; i += 2) headBytes += Buffer.byteLength(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - started, headBytes }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}

export async function getJson<T>(port: number, path: string): Promise<T> {
  const res = await getRaw(port, path);
  if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}: ${res.body.toString('utf8').slice(0, 300)}`);
  return JSON.parse(res.body.toString('utf8')) as T;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `path` every `intervalMs` until it answers 200; resolves with ms since `since` (performance.now()).
 * Gives up when `isDead()` says the process exited or after `timeoutMs`.
 */
export async function pollUntilOk(port: number, path: string, since: number, opts: { intervalMs: number; timeoutMs: number; isDead: () => boolean }): Promise<number> {
  let last = 'no answer';
  for (;;) {
    try {
      const res = await getRaw(port, path, {}, 1000);
      if (res.status === 200) return performance.now() - since;
      last = `${res.status} ${res.body.toString('utf8').slice(0, 200)}`;
    } catch (error) {
      last = (error as Error).message; // not listening yet
    }
    if (opts.isDead()) throw new Error(`the process exited before ${path} answered`);
    if (performance.now() - since > opts.timeoutMs) throw new Error(`${path} did not answer 200 within ${opts.timeoutMs} ms (last: ${last})`);
    await sleep(opts.intervalMs);
  }
}

/** A port nothing listens on right now (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The data version a server reports: /meta or /ready (current server), else /health (older ones). */
export async function dataVersionOf(port: number): Promise<{ dataVersion: string; seededAt: string }> {
  for (const path of ['/meta', '/ready', '/health']) {
    const res = await getRaw(port, path).catch(() => null);
    if (res?.status !== 200) continue;
    const body = JSON.parse(res.body.toString('utf8')) as { dataVersion?: string; seededAt?: string };
    if (body.dataVersion) return { dataVersion: body.dataVersion, seededAt: body.seededAt ?? '?' };
  }
  return { dataVersion: '?', seededAt: '?' };
}

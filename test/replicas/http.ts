import { request } from 'node:http';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  ms: number;
}

let nextAddress = 0;
/**
 * A loopback source address of its own (127.64.0.0/10, all of which Linux routes to lo): the balancer
 * and the replicas see each as a different client, so a load of many requests is not one client's budget.
 */
export function freshClientAddress(): string {
  const n = ++nextAddress;
  return `127.${64 + ((n >> 16) & 63)}.${(n >> 8) & 255}.${n & 255}`;
}

/** One GET on a new connection (no keep-alive), from `clientAddress` when given. */
export function get(port: number, path: string, opts: { clientAddress?: string; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'GET', agent: false, localAddress: opts.clientAddress, headers: { host: 'rolegraph.test', ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - started }));
        res.on('error', reject);
      },
    );
    req.setTimeout(opts.timeoutMs ?? 5000, () => req.destroy(new Error(`timeout after ${opts.timeoutMs ?? 5000} ms`)));
    req.on('error', reject);
    req.end();
  });
}

import { connect } from 'node:net';

/** What came back on one raw connection, and when the exchange ended (ms after connecting). */
export interface RawExchange {
  received: string;
  closedAfterMs: number;
}

/**
 * Sends `chunks` on a fresh connection (a string is written, a number is a pause of that many ms) and
 * reads until the server closes the connection or `until(received)` holds. Socket errors are not
 * failures: a reset is one way a server refuses, and what arrived before it is returned. Rejects when
 * neither happens within `stopAfterMs`.
 */
export function rawExchange(port: number, chunks: (string | number)[], opts: { until?: (received: string) => boolean; stopAfterMs?: number } = {}): Promise<RawExchange> {
  const stopAfterMs = opts.stopAfterMs ?? 10_000;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const started = performance.now();
    let received = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(guard);
      socket.destroy();
      resolve({ received, closedAfterMs: performance.now() - started });
    };
    const guard = setTimeout(() => {
      done = true;
      socket.destroy();
      reject(new Error(`the server kept the connection open for ${stopAfterMs} ms; got: ${received.slice(0, 200)}`));
    }, stopAfterMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (opts.until?.(received)) finish();
    });
    socket.on('error', () => undefined);
    socket.on('close', finish);
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return;
        if (typeof chunk === 'number') await new Promise((r) => setTimeout(r, chunk));
        else socket.write(chunk);
      }
    });
  });
}

/** The status, lower-cased headers and body of one raw HTTP/1.1 response (status 0 when nothing came). */
export function parseRawResponse(raw: string): { status: number; headers: Record<string, string>; body: string } {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const [statusLine, ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { status: Number(statusLine?.split(' ')[1] ?? 0), headers, body: rest.join('\r\n\r\n') };
}

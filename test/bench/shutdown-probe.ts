import http from 'node:http';
import { HOST } from './http-probe.js';

export interface ShutdownCounts {
  /** 2xx with the whole body */
  completed: number;
  /** answered with a status other than 2xx (e.g. 503 while closing) */
  rejected: number;
  /** the server had the request (written on an open socket) but the response never came or was cut short */
  inFlightFailed: number;
  /** how the in-flight failures ended: truncated body, aborted response, reset of a fresh (not reused) socket */
  inFlightHow: Record<string, number>;
  /** a reused keep-alive socket the server had closed as idle: it never saw the request (RFC 9112 §9.3.1, safe to retry) */
  idleSocketClosed: number;
  /** the connection was refused: the server no longer accepted connections (not an in-flight request) */
  refused: number;
  /** failures before SIGTERM was sent (should be zero) */
  failedBeforeSignal: number;
  other: Record<string, number>;
}

type Outcome = 'completed' | 'rejected' | 'idleSocketClosed' | 'refused' | { inFlight: string } | { other: string };

/** One GET on the shared keep-alive agent, classified by how it ended. */
function request(agent: http.Agent, port: number, path: string): Promise<Outcome> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (o: Outcome) => {
      if (!settled) {
        settled = true;
        resolve(o);
      }
    };
    const req = http.get({ host: HOST, port, path, agent }, (res) => {
      const expected = Number(res.headers['content-length'] ?? NaN);
      let received = 0;
      res.on('data', (c: Buffer) => (received += c.length));
      res.on('end', () => {
        const whole = Number.isNaN(expected) || received === expected;
        if (!whole) return done({ inFlight: 'truncated body' });
        done(res.statusCode! >= 200 && res.statusCode! < 300 ? 'completed' : 'rejected');
      });
      res.on('aborted', () => done({ inFlight: 'response aborted' }));
      res.on('error', () => done({ inFlight: 'response error' }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') return done('refused');
      if (req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) return done('idleSocketClosed');
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE' || error.message === 'socket hang up') return done({ inFlight: `${error.code ?? error.message} on a fresh socket` });
      done({ other: error.code ?? error.message });
    });
  });
}

/**
 * `clients` keep-alive clients request `paths` in a loop; after `signalAfterMs` the server gets SIGTERM
 * (via `sendSignal`). As behind a load balancer, a readiness probe asks /ready every 100 ms on a fresh
 * connection, and once it fails no client starts a new request (requests already sent finish).
 */
export async function probeShutdown(opts: { port: number; paths: string[]; clients: number; signalAfterMs: number; sendSignal: () => void; maxMs: number }): Promise<ShutdownCounts> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.clients });
  const counts: ShutdownCounts = { completed: 0, rejected: 0, inFlightFailed: 0, inFlightHow: {}, idleSocketClosed: 0, refused: 0, failedBeforeSignal: 0, other: {} };
  let signalled = false;
  const started = performance.now();
  const timer = setTimeout(() => {
    signalled = true;
    opts.sendSignal();
  }, opts.signalAfterMs);

  let balancerSends = true;
  const probe = (async () => {
    while (balancerSends && performance.now() - started < opts.maxMs) {
      const ready = await new Promise<number>((resolve) => {
        const req = http.get({ host: HOST, port: opts.port, path: '/ready', agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', () => resolve(0));
      });
      if (ready !== 200 && signalled) balancerSends = false;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const client = async (offset: number) => {
    for (let i = offset; balancerSends && performance.now() - started < opts.maxMs; i++) {
      const outcome = await request(agent, opts.port, opts.paths[i % opts.paths.length]);
      if (typeof outcome === 'string') counts[outcome]++;
      else if ('inFlight' in outcome) {
        counts.inFlightFailed++;
        counts.inFlightHow[outcome.inFlight] = (counts.inFlightHow[outcome.inFlight] ?? 0) + 1;
      } else counts.other[outcome.other] = (counts.other[outcome.other] ?? 0) + 1;
      if (!signalled && outcome !== 'completed') counts.failedBeforeSignal++;
      if (outcome === 'refused') return; // the server is gone for this client
    }
  };
  await Promise.all([probe, ...Array.from({ length: opts.clients }, (_, i) => client(i))]);
  clearTimeout(timer);
  agent.destroy();
  return counts;
}

// Needs its own databases: the server process seeds at start and swaps the file it serves.
import { existsSync, rmSync, symlinkSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_ENGINEER_FIXTURE, documentsDirWith, REAL_DOCUMENT_PATH } from './helpers/documents.js';
import { makeTempDir, seedFromDocuments } from './helpers/seeded-app.js';
import { dataVersion, fetchOnce, killServers, startServer, waitFor, type Server } from './helpers/server-process.js';

/**
 * The real server process (src/server.ts) on a real socket: seeding at start, hot data swap by file
 * watch and by SIGHUP, graceful shutdown on SIGTERM. Generous timeouts: the machine may be loaded.
 */

/** Requests in a loop until `stop` resolves; every result kept. */
async function requestLoop(server: Server, stop: Promise<unknown>) {
  const urls = ['/roles', '/roles/ai-engineer', '/roles/ai-engineer/responsibilities', '/search?q=python', '/graph/nodes/technology:dvc/neighbors?depth=2', '/meta'];
  const results: { url: string; status?: number; error?: string }[] = [];
  let done = false;
  void stop.then(() => (done = true));
  const worker = async (offset: number) => {
    for (let i = offset; !done; i++) {
      const url = urls[i % urls.length];
      const response = await fetchOnce(`${server.url}${url}`);
      results.push('error' in response ? { url, error: response.error } : { url, status: response.status });
    }
  };
  await Promise.all([0, 1, 2, 3].map(worker));
  return results;
}

/** Waits for the served data version to move off `before`, stops the loop 300 ms later, expects all it sent answered 200; returns the new version. */
async function expectSwapWithoutErrors(server: Server, before: string, stop: () => void, loop: ReturnType<typeof requestLoop>): Promise<string> {
  const after = await waitFor(() => dataVersion(server), (v) => v !== before, 10_000);
  await new Promise((resolve) => setTimeout(resolve, 300));
  stop();
  const results = await loop;
  expect(after).not.toBe(before);
  const errors = JSON.stringify(server.logs.filter((l) => Number(l.level) >= 50)).slice(0, 2000);
  expect(results.filter((r) => r.status !== 200), errors).toEqual([]);
  expect(results.length).toBeGreaterThan(10);
  return after;
}

let dir: string;
const uploadsRest: (() => void)[] = [];

beforeAll(() => {
  dir = makeTempDir('rolegraph-server-');
});

afterAll(() => {
  killServers();
  rmSync(dir, { recursive: true, force: true });
});

describe('the server process', () => {
  let server: Server;
  let dbPath: string;
  let otherDocuments: string;

  beforeAll(async () => {
    dbPath = join(dir, 'watched', 'rolegraph.db');
    otherDocuments = documentsDirWith(join(dir, 'documents-2'), [REAL_DOCUMENT_PATH, DATA_ENGINEER_FIXTURE]);
    server = await startServer(dbPath);
  }, 120_000);

  afterAll(async () => {
    if (server?.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  });

  it('seeds a missing database at start and serves it over HTTP', async () => {
    expect(existsSync(dbPath)).toBe(true);
    expect(server.logs.some((l) => l.msg === 'seeded the database')).toBe(true);
    // The Node that runs it is the one the tests run on: the project's pinned Node 24, not the machine's.
    expect(server.logs.find((l) => l.msg === 'serving')?.node).toBe(process.version);
    expect(process.versions.node.split('.')[0]).toBe('24');

    const agent = supertest(server.url);
    const roles = await agent.get('/roles').expect(200);
    expect(roles.body.items.map((r: { slug: string }) => r.slug)).toContain('ai-engineer');
    const etag = roles.headers.etag as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    await agent.get('/roles').set('If-None-Match', etag).expect(304);
    await agent.head('/roles').expect(200);
    expect((await agent.get('/ready').expect(200)).body.status).toBe('ready');

    // Compression over the wire, decoded by hand.
    const gzip = await fetchOnce(`${server.url}/roles/ai-engineer/technologies`, { 'accept-encoding': 'gzip' });
    const identity = await fetchOnce(`${server.url}/roles/ai-engineer/technologies`);
    if ('error' in gzip || 'error' in identity) throw new Error('request failed');
    expect(gunzipSync(gzip.body).equals(identity.body)).toBe(true);

    // One log line per request, with the id the client sent.
    await agent.get('/skills/python').set('X-Request-Id', 'server-test-1').expect(200);
    const lines = await waitFor(
      async () => server.logs.filter((l) => l.reqId === 'server-test-1'),
      (found) => found.length > 0,
      5_000,
    );
    expect(lines).toEqual([expect.objectContaining({ msg: 'request', route: '/skills/:skill', status: 200 })]);
  });

  it('picks up a re-seed of the file by itself (file watch), failing no request meanwhile', async () => {
    const before = await dataVersion(server);
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const loop = requestLoop(server, stopped);
    await new Promise((resolve) => setTimeout(resolve, 300));
    seedFromDocuments(dbPath, otherDocuments);
    const after = await expectSwapWithoutErrors(server, before, stop, loop);
    expect((await supertest(server.url).get('/roles/data-engineer').expect(200)).body.slug).toBe('data-engineer');
    expect(server.logs.some((l) => l.msg === 'switched to new data' && l.to === after)).toBe(true);
  });

  it('exits 0 on SIGTERM, letting the requests in flight finish', async () => {
    // Requests truly in flight: their headers are in (the server counts them), their bodies are still coming.
    const text = 'Szukamy osoby znającej Python, Docker, Kubernetes i Apache Spark. '.repeat(50);
    const body = Buffer.from(JSON.stringify({ text }));
    const half = Math.floor(body.length / 2);
    const uploads = Array.from({ length: 6 }, () => {
      const results: Promise<{ status: number; body: Buffer } | { error: string }> = new Promise((resolve) => {
        const req = httpRequest(`${server.url}/extract`, {
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
        }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks) }));
          res.on('aborted', () => resolve({ error: 'aborted mid-response' }));
        });
        req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
        req.write(body.subarray(0, half));
        uploadsRest.push(() => req.end(body.subarray(half)));
      });
      return results;
    });
    const inFlight = await waitFor(
      async () => {
        const metrics = await fetchOnce(`${server.url}/metrics`);
        const line = 'body' in metrics ? /^http_requests_in_flight (\d+)$/m.exec(metrics.body.toString()) : null;
        return line ? Number(line[1]) : 0;
      },
      (n) => n >= uploads.length + 1,
      20_000,
    );
    expect(inFlight).toBe(uploads.length + 1); // the uploads and the scrape itself

    server.child.kill('SIGTERM');
    await waitFor(async () => server.logs.some((l) => l.msg === 'shutting down'), (seen) => seen, 10_000);
    // While it drains (SHUTDOWN_DRAIN_MS) the server still answers but reports not ready; after that
    // new connections are refused (or, raced with the close, answered 503).
    const ready = await fetchOnce(`${server.url}/ready`);
    if ('error' in ready) expect(['ECONNREFUSED', 'ECONNRESET']).toContain(ready.error);
    else expect(ready.status).toBe(503);
    const late = await fetchOnce(`${server.url}/roles`);
    if ('error' in late) expect(['ECONNREFUSED', 'ECONNRESET']).toContain(late.error);
    else expect([200, 503]).toContain(late.status);

    for (const finish of uploadsRest) finish();
    const results = await Promise.all(uploads);
    for (const result of results) {
      expect(result).toMatchObject({ status: 200 });
      const extraction = JSON.parse((result as { body: Buffer }).body.toString()) as { technologies: { slug: string }[] };
      expect(extraction.technologies.map((t) => t.slug)).toEqual(expect.arrayContaining(['python', 'docker', 'kubernetes']));
    }

    const exit = await Promise.race([server.exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000))]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(await fetchOnce(`${server.url}/health`)).toEqual({ error: 'ECONNREFUSED' });
  });
});

describe('SIGHUP', () => {
  it('switches to a re-seeded file the watch cannot see, failing no request meanwhile', async () => {
    // DATABASE_PATH is a symlink: the seed renames the target's directory entry, which the watch (on the link's name) ignores.
    const target = join(dir, 'linked', 'a.db');
    seedFromDocuments(target);
    const link = join(dir, 'linked', 'served.db');
    symlinkSync(target, link);
    const server = await startServer(link);
    try {
      expect(server.logs.some((l) => l.msg === 'seeded the database')).toBe(false);
      const before = await dataVersion(server);

      let stop!: () => void;
      const stopped = new Promise<void>((resolve) => (stop = resolve));
      const loop = requestLoop(server, stopped);
      await new Promise((resolve) => setTimeout(resolve, 300));
      seedFromDocuments(target, documentsDirWith(join(dir, 'documents-3'), [REAL_DOCUMENT_PATH, DATA_ENGINEER_FIXTURE]));
      await new Promise((resolve) => setTimeout(resolve, 800));
      // Without the signal nothing changed.
      expect(await dataVersion(server)).toBe(before);

      server.child.kill('SIGHUP');
      const after = await expectSwapWithoutErrors(server, before, stop, loop);
      // A second SIGHUP with nothing new changes nothing and keeps the process up.
      server.child.kill('SIGHUP');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await dataVersion(server)).toBe(after);
      expect(server.child.exitCode).toBeNull();
    } finally {
      server.child.kill('SIGTERM');
      const exit = await Promise.race([server.exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000))]);
      expect(exit).toEqual({ code: 0, signal: null });
    }
  });
});

describe('the release history across restarts', () => {
  it('serves the same /versions, /changes and updatedIn after a restart on another database path', async () => {
    const documentsDir = documentsDirWith(join(dir, 'history-documents'), [REAL_DOCUMENT_PATH]);
    const urls = ['/versions', '/roles/ai-engineer', '/export/csv'];
    const answers = async (server: Server) => {
      // Just after a start that seeded, a loaded machine may still answer 503 (overload guard): wait it out.
      const versions = await waitFor(() => fetchOnce(`${server.url}/versions`), (r) => !('error' in r) && r.status === 200, 20_000);
      if ('error' in versions) throw new Error(versions.error);
      expect(versions.status, versions.body.toString()).toBe(200);
      const first = JSON.parse(versions.body.toString()).items.at(-1).version as string;
      const bodies: string[] = [];
      for (const url of [...urls, `/changes?since=${first}`]) {
        const response = await fetchOnce(`${server.url}${url}`, { host: 'api.example' });
        if ('error' in response) throw new Error(`${url}: ${response.error}`);
        expect(response.status, url).toBe(200);
        bodies.push(response.body.toString('base64'));
      }
      return bodies;
    };
    const stop = async (server: Server) => {
      server.child.kill('SIGTERM');
      await server.exited;
    };
    const env = { DOCUMENTS_DIR: documentsDir };
    const first = await startServer(join(dir, 'history-a', 'rolegraph.db'), env);
    const before = await answers(first);
    await stop(first);
    // Another database path: the server seeds it afresh from the same documents and the same release log.
    const second = await startServer(join(dir, 'history-b', 'rolegraph.db'), env);
    try {
      expect(await answers(second)).toEqual(before);
    } finally {
      await stop(second);
    }
  }, 240_000);
});

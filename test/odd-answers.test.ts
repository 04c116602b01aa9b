import Fastify, { type InjectOptions } from 'fastify';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_BY_STATUS, PROBLEM_KEYS, PROBLEM_TYPES, problemTypeForStatus, problemTypeOf } from '../src/http/problems.js';
import errorsPlugin from '../src/plugins/errors.js';
import { createSeededApp, type SeededApp } from './helpers/seeded-app.js';

/** Issue 22 L6: /docs static paths that looped or answered 405, and problem types that did not match their status. */

/** One request written as it is (no client normalizes the path), the raw answer read until the server closes. */
function rawExchange(port: number, request: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString();
      const split = text.indexOf('\r\n\r\n');
      resolve({ status: Number(text.slice(9, 12)), headers: text.slice(0, split), body: text.slice(split + 4) });
    });
  });
}

/** A problem+json answer whose status, body status and type all agree with the catalogue. */
function expectTypeMatchesStatus(label: string, status: number, contentType: string | undefined, body: { type: string; status: number; title: string }) {
  expect(contentType, label).toContain('application/problem+json');
  expect(body.status, label).toBe(status);
  const key = problemTypeOf(body.type);
  if (key === undefined) {
    // Outside the catalogue only `about:blank`, which means nothing beyond the status.
    expect(body.type, label).toBe('about:blank');
  } else {
    expect(PROBLEM_TYPES[key].status, `${label}: ${body.type}`).toBe(status);
  }
}

describe('odd answers (issue 22 L6)', () => {
  let seeded: SeededApp;
  let port: number;
  beforeAll(async () => {
    seeded = await createSeededApp({ http: { rateLimitMax: 0 } });
    await seeded.app.listen({ port: 0, host: '127.0.0.1' });
    port = (seeded.app.server.address() as AddressInfo).port;
  }, 60_000);
  afterAll(async () => seeded?.close());

  describe('/docs static paths', () => {
    it('/docs/static/index.html with a query or a trailing slash redirects once to /docs/, which serves the UI', async () => {
      for (const [url, target] of [
        ['/docs/static/index.html?x=1', '/docs/?x=1'],
        ['/docs/static/index.html/', '/docs/'],
        ['/docs/static/index.html/?x=1', '/docs/?x=1'],
        ['/docs/static/index.html', '/docs/'],
      ]) {
        const first = await seeded.app.inject({ url });
        expect(first.statusCode, url).toBe(302);
        expect(first.headers.location, url).toBe(target);
        const second = await seeded.app.inject({ url: String(first.headers.location) });
        expect(second.statusCode, target).toBe(200);
        expect(second.headers['content-type'], target).toContain('text/html');
        expect(second.body).toContain('swagger-initializer.js');
      }
    });

    it('a file that is not there is a 404 problem, not a 405 "supports GET"', async () => {
      for (const method of ['GET', 'HEAD'] as const) {
        const response = await seeded.app.inject({ method, url: '/docs/static/nonexist.js' });
        expect(response.statusCode, method).toBe(404);
        expect(response.headers.allow, method).toBeUndefined();
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
      expect((await seeded.app.inject({ url: '/docs/static/nonexist.js' })).json().type).toBe('/problems/not-found');
      // A method the path does not take is still a 405 naming those it does.
      const post = await seeded.app.inject({ method: 'POST', url: '/docs/static/swagger-ui.css' });
      expect(post.statusCode).toBe(405);
      expect(post.headers.allow).toContain('GET');
    });

    it('a path leading out of the static files is a 403 whose type is /problems/forbidden, over a real socket', async () => {
      for (const path of ['/docs/static/../../package.json', '/docs/static/%2e%2e/%2e%2e/package.json', '/docs/static/..%2f..%2fpackage.json', '/docs/static/%00']) {
        const answer = await rawExchange(port, `GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
        expect(answer.body, path).not.toContain('"name": "rolegraph"');
        expect([403, 404], path).toContain(answer.status);
        const body = JSON.parse(answer.body);
        expectTypeMatchesStatus(path, answer.status, /content-type: ([^\r]+)/i.exec(answer.headers)?.[1], body);
        if (answer.status === 403) expect(body.type).toBe('/problems/forbidden');
      }
      const nul = await rawExchange(port, 'GET /docs/static/%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
      expect(nul.status).toBe(403);
    });
  });

  describe('problem type matches status', () => {
    it('every status the catalogue maps names a type sent with that very status, and its page says so', async () => {
      for (const [status, key] of Object.entries(PROBLEM_BY_STATUS)) expect(PROBLEM_TYPES[key].status, key).toBe(Number(status));
      for (const key of PROBLEM_KEYS) {
        const page = (await seeded.app.inject({ url: `/problems/${key}?lang=en` })).json();
        expect(page.status, key).toBe(PROBLEM_TYPES[key].status);
        // Every type's status maps back to a type of the same status (the generic one for it).
        expect(PROBLEM_TYPES[problemTypeForStatus(page.status) as keyof typeof PROBLEM_TYPES]?.status, key).toBe(page.status);
      }
      for (const status of [403, 412, 416]) expect(problemTypeForStatus(status)).not.toBe('about:blank');
      expect(problemTypeForStatus(409)).toBe('about:blank');
    });

    it('across requests that fail in every way the probe tried, each answer’s type is one of its status', async () => {
      const cases: [string, InjectOptions, number][] = [
        ['bad parameter', { url: '/roles?limit=500' }, 400],
        ['bad percent-encoding', { url: '/roles/%E0%A4%A' }, 400],
        ['unknown role', { url: '/roles/astronaut' }, 404],
        ['no such static file', { url: '/docs/static/nonexist.js' }, 404],
        ['method not taken', { method: 'DELETE', url: '/roles' }, 405],
        ['unacceptable media type', { url: '/graph/nodes/technology:kubernetes/neighbors', headers: { accept: 'application/xml' } }, 406],
        ['range past the file', { url: '/docs/static/swagger-ui.css', headers: { range: 'bytes=99999999-' } }, 416],
        ['failed If-Match', { url: '/docs/static/swagger-ui.css', headers: { 'if-match': '"nope"' } }, 412],
        ['NUL in a static path', { url: '/docs/static/%00' }, 403],
        ['body of the wrong type', { method: 'POST', url: '/extract', headers: { 'content-type': 'text/plain' }, payload: 'x' }, 415],
        ['oEmbed as XML', { url: '/oembed?url=http%3A%2F%2Flocalhost%3A3000%2Froles%2Fai-engineer&format=xml' }, 501],
      ];
      for (const [label, request, status] of cases) {
        const response = await seeded.app.inject(request);
        expect(response.statusCode, label).toBe(status);
        expectTypeMatchesStatus(label, status, response.headers['content-type'], response.json());
      }
      const over = await rawExchange(port, `GET /search?q=${'a'.repeat(5000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(over.status).toBe(414);
      expectTypeMatchesStatus('URL too long', 414, /content-type: ([^\r]+)/i.exec(over.headers)?.[1], JSON.parse(over.body));
    });

    it('a status outside the catalogue is about:blank, titled by the status, never another status’s type', async () => {
      const bare = Fastify();
      await bare.register(errorsPlugin);
      bare.get('/conflict', async () => {
        throw Object.assign(new Error('already there'), { statusCode: 409 });
      });
      try {
        const response = await bare.inject({ url: '/conflict' });
        expect(response.statusCode).toBe(409);
        expect(response.json()).toMatchObject({ type: 'about:blank', title: 'Conflict', status: 409 });
        expectTypeMatchesStatus('409', 409, response.headers['content-type'], response.json());
      } finally {
        await bare.close();
      }
    });
  });
});

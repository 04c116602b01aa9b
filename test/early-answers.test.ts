import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededApp, type SeededApp } from './helpers/seeded-app.js';

/** Issue 22 L4 and L5, over a listening server: early answers carry the security headers, malformed input is a 400. */
let seeded: SeededApp;
let base: string;

beforeAll(async () => {
  seeded = await createSeededApp({ http: { rateLimitMax: 3 } });
  await seeded.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(seeded.app.server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await seeded?.close();
});

describe('early answers', () => {
  it('a 429 carries the security headers of a data answer, and no X-Frame-Options', async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 6 && !limited; i++) {
      const res = await fetch(`${base}/roles`);
      if (res.status === 429) limited = res;
    }
    expect(limited?.status).toBe(429);
    expect(limited!.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(limited!.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(limited!.headers.get('x-content-type-options')).toBe('nosniff');
    // Plain HTTP: no HSTS (RFC 6797 §7.2; over TLS see test/http.test.ts).
    expect(limited!.headers.get('strict-transport-security')).toBeNull();
    expect(limited!.headers.get('x-frame-options')).toBeNull();
  });
});

describe('/oembed', () => {
  it('a url with malformed percent-encoding is a 400 naming the url parameter, not a 500', async () => {
    const fresh = await createSeededApp();
    try {
      const res = await fresh.app.inject({ url: '/oembed?url=http%3A%2F%2Flocalhost%3A80%2Froles%2F%25E0%25A4%25A', headers: { host: 'localhost' } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ status: 400, type: expect.stringMatching(/^\/problems\//), invalidParams: [{ name: 'url', in: 'query' }] });
    } finally {
      await fresh.close();
    }
  });
});

describe('the in-memory rate limit counts a pipelined burst like separate requests (L2)', () => {
  it('six pipelined GETs from a fresh address with a limit of 5: five 200s, then one 429', async () => {
    const limited = await createSeededApp({ http: { rateLimitMax: 5 } });
    try {
      await limited.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = limited.app.server.address() as { port: number };
      const { connect } = await import('node:net');
      const socket = connect(port, '127.0.0.1');
      let data = '';
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => (data += chunk));
      socket.write(`${'GET /roles HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'.repeat(5)}GET /roles HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      await new Promise((resolve) => socket.on('close', resolve));
      const statuses = [...data.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));
      const remaining = [...data.matchAll(/ratelimit-remaining: (\d+)/gi)].map((m) => Number(m[1]));
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expect(remaining).toEqual([4, 3, 2, 1, 0, 0]);
    } finally {
      await limited.close();
    }
  });
});

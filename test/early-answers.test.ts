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
  it('a 429 carries the CSP, nosniff and the other security headers, and no X-Frame-Options', async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 6 && !limited; i++) {
      const res = await fetch(`${base}/roles`);
      if (res.status === 429) limited = res;
    }
    expect(limited?.status).toBe(429);
    expect(limited!.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(limited!.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(limited!.headers.get('content-security-policy')).toContain("script-src 'self';");
    expect(limited!.headers.get('x-content-type-options')).toBe('nosniff');
    expect(limited!.headers.get('referrer-policy')).toBe('no-referrer');
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

import { describe, expect, it } from 'vitest';
import { injectGet } from './helpers/inject.js';
import { useSeededApp } from './helpers/seeded-app.js';

/** Issue 22 L3 and the 406 of L5: cache keys come from negotiated values, not from header text. */
const seeded = useSeededApp();

const get = injectGet(() => seeded.app);

describe('the response cache keys on negotiated language and media type', () => {
  it('450 distinct Accept-Language values store at most one entry per language and evict nothing', async () => {
    seeded.app.responseCache.clear();
    expect((await get('/openapi.json')).statusCode).toBe(200);
    expect((await get('/roles')).statusCode).toBe(200);
    const before = seeded.app.responseCache.entries;
    const languages = new Set<string>();
    for (let i = 0; i < 450; i++) {
      const res = await get('/technologies', { 'accept-language': `x-${i.toString(36)}, ${i % 2 ? 'en' : 'pl'};q=0.${(i % 9) + 1}` });
      expect(res.statusCode).toBe(200);
      languages.add(String(res.headers['content-language']));
    }
    expect([...languages].sort()).toEqual(['en', 'pl']);
    expect(seeded.app.responseCache.entries).toBe(before + 2);
  });

  it('an Accept-Language over 256 characters is answered from the cache like a short one', async () => {
    seeded.app.responseCache.clear();
    const long = `${Array.from({ length: 60 }, (_, i) => `x${i}`).join(', ')}, en;q=0.5`;
    expect(long.length).toBeGreaterThan(256);
    const short = await get('/skills', { 'accept-language': 'en' });
    const entries = seeded.app.responseCache.entries;
    const again = await get('/skills', { 'accept-language': long });
    expect(again.headers.etag).toBe(short.headers.etag);
    expect(again.headers['content-language']).toBe('en');
    expect(seeded.app.responseCache.entries).toBe(entries);
  });

  it('caps the entries one URL may have: 40 Accept weightings of /graph store at most 16', async () => {
    seeded.app.responseCache.clear();
    for (let i = 1; i <= 40; i++) {
      const res = await get('/graph', { accept: `application/json;q=0.${String(i).padStart(2, '0')}, image/svg+xml;q=0.001` });
      expect(res.statusCode).toBe(200);
    }
    expect(seeded.app.responseCache.entries).toBeLessThanOrEqual(16);
    expect(seeded.app.responseCache.entries).toBeGreaterThan(0);
  });
});

describe('406', () => {
  it('names the offered types and does not echo a 15 KB Accept header', async () => {
    const accept = `${'application/x-nothing-here;q=0.5, '.repeat(450)}text/plain`;
    expect(accept.length).toBeGreaterThan(15_000);
    const res = await get('/graph', { accept });
    expect(res.statusCode).toBe(406);
    expect(res.body.length).toBeLessThan(1_024);
    expect(res.body).not.toContain('x-nothing-here');
    expect(res.json()).toMatchObject({ status: 406, type: '/problems/not-acceptable', detail: expect.stringContaining('image/svg+xml') });
  });
});

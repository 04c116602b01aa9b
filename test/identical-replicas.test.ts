// Needs one database of its own: the second replica must come from a seed made apart from the shared one.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDataVersion } from '../src/seed/data-version.js';
import { documentsDirWith, REAL_DOCUMENT_PATH } from './helpers/documents.js';
import { CACHE_HEADERS, comparableMeta, SAMPLE_URLS } from './replicas/sample-urls.js';
import { createSeededApp, makeTempDir, seedInputsWithDocuments, type SeededApp } from './helpers/seeded-app.js';

/** Two replicas from two databases seeded separately from the same documents: the run's shared one and one of its own. */
describe('identical replicas', () => {
  let a: SeededApp;
  let b: SeededApp;

  beforeAll(async () => {
    a = await createSeededApp();
    b = await createSeededApp({ ownDatabase: true });
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const variants: [string, Record<string, string>][] = [
    ['identity', { host: 'api.example' }],
    ['compressed', { host: 'api.example', 'accept-encoding': 'br, gzip' }],
  ];

  it.each(SAMPLE_URLS.flatMap((url) => variants.map(([name, headers]) => [url, name, headers] as const)))(
    'GET %s (%s): same bytes and cache headers from either replica',
    async (url, _name, headers) => {
      // Twice each: the first computes, the second comes from the response cache; all four must agree.
      const responses = [];
      for (const seeded of [a, b, a, b]) responses.push(await seeded.app.inject({ url, headers }));
      const [first, ...others] = responses;
      expect(first.statusCode).toBeLessThan(500);
      for (const other of others) {
        expect(other.statusCode).toBe(first.statusCode);
        expect(other.rawPayload.equals(first.rawPayload), url).toBe(true);
        for (const name of CACHE_HEADERS) expect(other.headers[name], `${url} ${name}`).toEqual(first.headers[name]);
      }
      if (first.statusCode === 200) expect(first.headers.etag).toBeDefined();
    },
  );

  it('/meta names the same data version; only the build time of each file differs', async () => {
    const [ma, mb] = await Promise.all([a.app.inject({ url: '/meta' }), b.app.inject({ url: '/meta' })]);
    expect(ma.json().dataVersion).toBe(a.report.dataVersion);
    expect(comparableMeta(ma.body)).toEqual(comparableMeta(mb.body));
    expect(a.report.dataVersion).toBe(b.report.dataVersion);
  });

  it('names the same documents in any folder by the same data version (and so the same ETags)', () => {
    const dir = makeTempDir();
    try {
      const elsewhere = documentsDirWith(join(dir, 'docs'), [REAL_DOCUMENT_PATH]);
      expect(computeDataVersion(seedInputsWithDocuments(elsewhere))).toBe(a.report.dataVersion);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { IdentifierOrigins } from '../src/jsonld/base-url.js';
import { createSeededApp, type SeededApp } from './helpers/seeded-app.js';

/**
 * Issue 22, Host: without PUBLIC_BASE_URL only an allowed Host shapes identifiers and links; any other
 * gets those of the default origin (http://localhost:<PORT>) and shares its cache entries.
 */
const DEFAULT_ORIGIN = 'http://localhost:3000';
const FOREIGN = ['evil.example', 'evil.example:8443', 'EVIL.example', 'attacker.test:1', 'localhost.evil.example', 'localhost:99999', 'evil.example/path', 'a b'];

/** One GET over a real socket, with the Host header as given (Node's client would otherwise set its own). */
function getOverSocket(port: number, path: string, host: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET', headers: { ...headers, host }, setHost: false, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Every absolute identifier or link an answer can carry, by the route that carries it. */
const SHAPED = [
  { name: 'JSON-LD', url: '/roles/ai-engineer?format=jsonld', needle: (origin: string) => `"${origin}/roles/ai-engineer"` },
  { name: 'card links', url: '/embed/roles/ai-engineer', needle: (origin: string) => `${origin}/oembed?` },
  { name: 'oEmbed', url: `/oembed?url=${encodeURIComponent(`${DEFAULT_ORIGIN}/roles/ai-engineer`)}`, needle: (origin: string) => `${origin}/embed/resize.js` },
  { name: 'Turtle export', url: '/export/skos.ttl', needle: (origin: string) => `<${origin}/graph>` },
  { name: 'JSON-LD export', url: '/export/graph.jsonld', needle: (origin: string) => `"${origin}/graph"` },
];

describe('Host allow-list (ALLOWED_HOSTS), without PUBLIC_BASE_URL', () => {
  let seeded: SeededApp;
  let port: number;
  beforeAll(async () => {
    seeded = await createSeededApp();
    await seeded.app.listen({ port: 0, host: '127.0.0.1' });
    port = (seeded.app.server.address() as AddressInfo).port;
  }, 60_000);
  afterAll(async () => seeded?.close());

  it.each(SHAPED)('a foreign Host gets the default origin in $name, over a real socket', async ({ url, needle }) => {
    for (const host of FOREIGN) {
      const answer = await getOverSocket(port, url, host);
      expect(answer.status, `${host} ${url}`).toBe(200);
      expect(answer.body, host).toContain(needle(DEFAULT_ORIGIN));
      expect(answer.body.toLowerCase(), host).not.toMatch(/evil|attacker/);
    }
  });

  it.each(SHAPED)('an allowed Host (any port of a listed name) shapes $name', async ({ url, needle }) => {
    for (const [host, origin] of [
      ['127.0.0.1:4301', 'http://127.0.0.1:4301'],
      ['LocalHost:8080', 'http://localhost:8080'],
      ['[::1]:3000', 'http://[::1]:3000'],
      ['localhost:80', 'http://localhost'],
    ]) {
      const answer = await getOverSocket(port, url.replace(encodeURIComponent(DEFAULT_ORIGIN), encodeURIComponent(origin)), host);
      expect(answer.status, `${host} ${url}`).toBe(200);
      expect(answer.body, host).toContain(needle(origin));
    }
  });

  it('an oEmbed URL on a foreign origin is not a role of this API (404), whatever the Host says', async () => {
    const answer = await getOverSocket(port, `/oembed?url=${encodeURIComponent('http://evil.example/roles/ai-engineer')}`, 'evil.example');
    expect(answer.status).toBe(404);
  });

  it('many foreign Hosts add no cache entry: they share the default origin’s, on the lane and the routed path', async () => {
    const cache = seeded.app.responseCache;
    const url = '/roles/ai-engineer?format=jsonld';
    const reference = await getOverSocket(port, url, 'localhost:3000');
    await getOverSocket(port, url, 'localhost:3000');
    const entries = cache.entries;
    const bytes = cache.bytes;
    const laneBefore = seeded.app.fastLane.answered;
    for (let i = 0; i < 200; i++) {
      const answer = await getOverSocket(port, url, `host-${i}.evil.example:${1000 + i}`);
      expect(answer.body).toBe(reference.body);
    }
    // Over the socket the lane answers them from the default origin's entry; inject goes through the routed hook.
    expect(seeded.app.fastLane.answered - laneBefore).toBe(200);
    for (let i = 0; i < 50; i++) {
      const answer = await seeded.app.inject({ url, headers: { host: `routed-${i}.evil.example` } });
      expect(answer.body).toBe(reference.body);
    }
    expect(cache.entries).toBe(entries);
    expect(cache.bytes).toBe(bytes);
  });
});

describe('with ALLOWED_HOSTS set', () => {
  it('a listed name shapes ids at any port, a listed name:port only at that port; others get the default origin', async () => {
    const app = await createSeededApp({ http: { allowedHosts: ['api.example', 'pinned.example:8443'], defaultOrigin: 'http://localhost:4000' } });
    try {
      const id = async (host: string) => (await app.app.inject({ url: '/roles/ai-engineer?format=jsonld', headers: { host } })).json()['@id'];
      expect(await id('api.example')).toBe('http://api.example/roles/ai-engineer');
      expect(await id('api.example:9000')).toBe('http://api.example:9000/roles/ai-engineer');
      expect(await id('pinned.example:8443')).toBe('http://pinned.example:8443/roles/ai-engineer');
      expect(await id('pinned.example:8444')).toBe('http://localhost:4000/roles/ai-engineer');
      expect(await id('pinned.example')).toBe('http://localhost:4000/roles/ai-engineer');
      // The defaults are replaced, not extended.
      expect(await id('localhost:3000')).toBe('http://localhost:4000/roles/ai-engineer');
    } finally {
      await app.close();
    }
  });

  it('PUBLIC_BASE_URL still wins over an allowed Host', async () => {
    const app = await createSeededApp({ http: { publicBaseUrl: 'https://api.example.org', allowedHosts: ['api.example'] } });
    try {
      for (const host of ['api.example', 'localhost:3000', 'evil.example']) {
        const answer = await app.app.inject({ url: '/roles/ai-engineer?format=jsonld', headers: { host } });
        expect(answer.json()['@id'], host).toBe('https://api.example.org/roles/ai-engineer');
      }
    } finally {
      await app.close();
    }
  });
});

describe('IdentifierOrigins', () => {
  const origins = new IdentifierOrigins({ publicOrigin: null, allowedHosts: ['localhost', '127.0.0.1', '[::1]', 'api.example:443'], defaultOrigin: DEFAULT_ORIGIN });

  it('normalizes an allowed Host as URL.origin would: lower case, no default port, no leading zeros', () => {
    expect(origins.of('http', 'LocalHost:80')).toBe('http://localhost');
    expect(origins.of('http', 'localhost:03000')).toBe('http://localhost:3000');
    expect(origins.of('https', 'api.example')).toBe('https://api.example');
    expect(origins.of('https', 'api.example:443')).toBe('https://api.example');
    expect(origins.of('http', '[::1]:3000')).toBe('http://[::1]:3000');
    for (const host of ['localhost', 'LOCALHOST:3000', '127.0.0.1:3000']) expect(origins.of('http', host)).toBe(new URL(`http://${host}`).origin);
  });

  it('gives the default origin for any Host not on the list or not host[:port], and for another scheme', () => {
    for (const host of [undefined, '', 'evil.example', 'api.example', 'localhost.', 'localhost:', 'localhost:99999', 'user@localhost', 'localhost/x', '[::2]', ' localhost']) {
      expect(origins.of('http', host), String(host)).toBe(DEFAULT_ORIGIN);
    }
    expect(origins.of('ftp', 'localhost')).toBe(DEFAULT_ORIGIN);
  });
});

describe('ALLOWED_HOSTS configuration', () => {
  it('defaults to localhost, 127.0.0.1 and [::1]; the default origin is http://localhost:<PORT>', () => {
    const config = loadConfig({});
    expect(config.http.allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(config.http.defaultOrigin).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '8080' }).http.defaultOrigin).toBe('http://localhost:8080');
    expect(loadConfig({ PORT: '0' }).http.defaultOrigin).toBe('http://localhost');
  });

  it('reads a comma-separated list and refuses an entry that is not host[:port], naming it', () => {
    expect(loadConfig({ ALLOWED_HOSTS: ' api.example.org , rolegraph:8080,[::1]' }).http.allowedHosts).toEqual(['api.example.org', 'rolegraph:8080', '[::1]']);
    expect(loadConfig({ ALLOWED_HOSTS: '' }).http.allowedHosts).toEqual([]);
    for (const bad of ['http://api.example.org', 'api.example.org/v1', '*.example.org', 'api.example.org:99999', 'user@host']) {
      expect(() => loadConfig({ ALLOWED_HOSTS: `localhost,${bad}` }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ ALLOWED_HOSTS: bad }), bad).toThrow(bad);
    }
  });
});

import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CARD_LABELS } from '../src/embed/card-labels.js';
import { firstSentence } from '../src/embed/role-card.js';
import { SEARCH_LABELS } from '../src/embed/search-labels.js';
import { componentSnippet, embedCardUrl, HOST_RESERVE_CSS, hostCsp, iframeSnippet } from '../src/embed/snippets.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { roleCardSchema } from '../src/schemas/card.js';
import { oembedSchema } from '../src/schemas/embed.js';
import { injectGet } from './helpers/inject.js';
import { createSeededApp, useSeededApp } from './helpers/seeded-app.js';

const seeded = useSeededApp();

const ORIGIN = 'http://localhost:3000';
const get = injectGet(() => seeded.app, { host: 'localhost:3000' });

interface Responsibility {
  slug: string;
  name: string;
  technologies: { slug: string; name: string }[];
}

describe('GET /roles/{role}/card', () => {
  // 2 KB held the card until the crosswalks (three occupations, ~330 bytes) joined it: 2.5 KB now.
  it.each(['pl', 'en'] as const)('holds everything a card shows for ai-engineer in at most 2.5 KB (%s)', async (lang) => {
    const response = await get(`/roles/ai-engineer/card?lang=${lang}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(Buffer.byteLength(response.body)).toBeLessThanOrEqual(2560);
    const card = roleCardSchema.parse(response.json());
    const role = (await get(`/roles/ai-engineer?lang=${lang}`)).json();
    const responsibilities = (await get(`/roles/ai-engineer/responsibilities?lang=${lang}&limit=100`)).json().items as Responsibility[];
    expect(card.id).toBe('role:ai-engineer');
    // The same occupations as the role resource, without their sources.
    expect(card.occupations).toEqual(role.crosswalks.map(({ scheme, code, uri, label, match }: Record<string, unknown>) => ({ scheme, code, uri, label, match })));
    expect(card.occupations.map((o) => o.scheme).sort()).toEqual(['esco', 'isco-08', 'onet-soc']);
    expect(card.name).toBe(role.name);
    expect(role.definition.text.startsWith(card.definition)).toBe(true);
    expect(card.definition).not.toMatch(/[.!?]\s+\p{Lu}/u);
    expect(card.definition).toMatch(/\.$/);
    expect(card.counts).toEqual(role.counts);
    expect(card.responsibilities).toHaveLength(5);
    expect(card.responsibilities).toEqual(
      responsibilities.map((r) => ({ slug: r.slug, name: r.name, technologies: r.technologies.map((t) => ({ id: `technology:${t.slug}`, name: t.name })) })),
    );
    expect(card.links).toMatchObject({ role: '/roles/ai-engineer', technologies: '/roles/ai-engineer/technologies', explorer: '/?node=role:ai-engineer' });
    for (const path of Object.values(card.links).filter((p) => p.startsWith('/roles'))) expect((await get(path)).statusCode, path).toBe(200);
    expect(response.headers['content-language']).toBe(lang);
  });

  it('finds the role by alias, is cached with an ETag, and says 404 for an unknown role', async () => {
    const byAlias = await get('/roles/In%C5%BCynier%20AI/card');
    expect(byAlias.json().slug).toBe('ai-engineer');
    const first = await get('/roles/ai-engineer/card?lang=en');
    expect(first.headers.etag).toBeTruthy();
    expect((await get('/roles/ai-engineer/card?lang=en', { 'if-none-match': first.headers.etag as string })).statusCode).toBe(304);
    const missing = await get('/roles/no-such-role/card');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('cuts the definition after its first sentence only', () => {
    expect(firstSentence('Ala ma kota. Kot ma Alę.')).toBe('Ala ma kota.');
    expect(firstSentence('Wersja 2.0 jest nowa. Druga.')).toBe('Wersja 2.0 jest nowa.');
    expect(firstSentence('Bez kropki')).toBe('Bez kropki');
  });
});

describe('GET /embed/roles/{role} (the iframe card)', () => {
  it('is server-rendered HTML with the five responsibilities, the oEmbed link and the height script, in either language and theme', async () => {
    for (const lang of ['pl', 'en'] as const) {
      const card = (await get(`/roles/ai-engineer/card?lang=${lang}`)).json() as { name: string; responsibilities: { name: string }[] };
      const response = await get(`/embed/roles/ai-engineer?lang=${lang}&theme=dark`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      const html = response.body;
      expect(html).toContain(`<html lang="${lang}" data-theme="dark">`);
      for (const r of card.responsibilities) expect(html).toContain(`<span class="name">${r.name}</span>`);
      expect(html.match(/<li class="responsibility"/g)).toHaveLength(5);
      const oembed = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&');
      expect(new URL(oembed).searchParams.get('url')).toBe(`${ORIGIN}/embed/roles/ai-engineer?lang=${lang}&theme=dark`);
      expect((await get(oembed.slice(ORIGIN.length))).json().title).toBe(card.name);
      expect(html).toMatch(/<script src="\/embed\/frame\.js\?v=[\w-]+" defer><\/script>/);
      // No inline script or style: the page works under script-src/style-src 'self'.
      expect(html.match(/<script\b[^>]*>/g)).toHaveLength(1);
      expect(html).not.toMatch(/<style|\sstyle=/);
      const css = /<link rel="stylesheet" href="(\/embed\/card\.css\?v=[\w-]+)">/.exec(html)![1];
      const stylesheet = await get(css);
      expect(stylesheet.headers['content-type']).toMatch(/^text\/css/);
      expect(stylesheet.body).toContain('prefers-color-scheme:dark');
    }
  });

  it('takes BCP 47 tags and theme=auto, as the rest of the API does', async () => {
    for (const [tag, lang] of [['en-US', 'en'], ['EN', 'en'], ['pl-PL', 'pl']]) {
      const response = await get(`/embed/roles/ai-engineer?lang=${tag}&theme=auto`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.body).toContain(`<html lang="${lang}" data-theme="auto">`);
    }
  });

  it('answers errors with an HTML page in the card style and the right language (a problem for JSON clients)', async () => {
    const missing = await get('/embed/roles/astronaut?lang=pl&theme=dark', { accept: 'text/html' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^text\/html/);
    expect(missing.body).toContain('<html lang="pl" data-theme="dark">');
    expect(missing.body).toContain('Nie znaleziono roli „astronaut”.');
    expect(missing.body).toMatch(/<link rel="stylesheet" href="\/embed\/card\.css\?v=/);
    const bad = await get('/embed/roles/ai-engineer?theme=blue&lang=en');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^text\/html/);
    expect(bad.body).toContain('<html lang="en" data-theme="light">');
    expect(bad.body).toContain('This card address is not valid.');
    const asJson = await get('/embed/roles/ai-engineer?theme=blue', { accept: 'application/json' });
    expect(asJson.statusCode).toBe(400);
    expect(asJson.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['theme']);
    expect((await get('/embed/roles/no-such-role', { accept: 'application/problem+json' })).headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('hides sections with nothing in them and says counts with the right plural forms', async () => {
    const empty = await get('/embed/roles/data-analyst?lang=en');
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.body).not.toContain('Responsibilities');
    expect(empty.body).not.toContain('<ol');
    expect(empty.body).toMatch(/0 responsibilities · 0 skills/);
    const card = (await get('/roles/ai-engineer/card?lang=pl')).json() as { counts: { technologies: number } };
    const pl = (await get('/embed/roles/ai-engineer?lang=pl')).body;
    const form = new Intl.PluralRules('pl').select(card.counts.technologies);
    expect(pl).toContain(`${card.counts.technologies} ${{ one: 'technologia', few: 'technologie', many: 'technologii' }[form as 'one']}`);
  });
});

describe('framing: /embed/* may be framed anywhere, nothing else may', () => {
  const frameAncestors = (csp: unknown) => /frame-ancestors ([^;]+)/.exec(String(csp))?.[1];

  it.each(['/embed/roles/ai-engineer', '/embed/rolegraph.js'])('%s: frame-ancestors * and no X-Frame-Options', async (url) => {
    for (let i = 0; i < 2; i++) {
      // The second answer comes from the response cache (for the card) and must carry the same policy.
      const response = await get(url);
      expect(frameAncestors(response.headers['content-security-policy'])).toBe('*');
      expect(response.headers['x-frame-options']).toBeUndefined();
    }
  });

  it.each(['/roles/ai-engineer', '/roles/ai-engineer/card', '/oembed?url=http://localhost:3000/roles/ai-engineer', '/embedded', '/docs/'])(
    "%s: frame-ancestors 'none' (and no X-Frame-Options beside it)",
    async (url) => {
      const response = await get(url, { accept: 'text/html' });
      expect(frameAncestors(response.headers['content-security-policy'])).toBe("'none'");
      expect(response.headers['x-frame-options']).toBeUndefined();
    },
  );

  it('the rest of the policy is the same on both', async () => {
    const strip = (csp: unknown) => String(csp).replace(/frame-ancestors [^;]+/, '');
    expect(strip((await get('/embed/roles/ai-engineer')).headers['content-security-policy'])).toBe(strip((await get('/', { accept: 'text/html' })).headers['content-security-policy']));
  });
});

describe('GET /oembed', () => {
  it.each([
    '/roles/ai-engineer',
    '/roles/ai-engineer/card',
    '/embed/roles/ai-engineer?theme=dark',
    '/?node=role:ai-engineer&lang=en',
    '/roles/In%C5%BCynier%20AI',
  ])('answers a rich oEmbed 1.0 response for %s', async (path) => {
    const response = await get(`/oembed?url=${encodeURIComponent(ORIGIN + path)}&format=json`);
    expect(response.statusCode, response.body).toBe(200);
    const answer = oembedSchema.parse(response.json());
    expect(answer).toMatchObject({ type: 'rich', version: '1.0', title: 'AI Engineer', provider_name: 'rolegraph', provider_url: `${ORIGIN}/` });
    const src = /<iframe src="([^"]+)"/.exec(answer.html)![1].replace(/&amp;/g, '&');
    expect(src.startsWith(`${ORIGIN}/embed/roles/ai-engineer?`)).toBe(true);
    // It sizes itself through the external, pinned resize script: no inline code or style.
    const resize = /<script async src="([^"]+)" integrity="(sha384-[^"]+)" crossorigin="anonymous"><\/script>/.exec(answer.html)!;
    expect(resize[1]).toMatch(new RegExp(`^${ORIGIN}/embed/resize\\.js\\?v=[\\w-]+$`));
    const script = await get(resize[1].slice(ORIGIN.length));
    expect(resize[2]).toBe(`sha384-${createHash('sha384').update(script.rawPayload).digest('base64')}`);
    expect(answer.html).not.toMatch(/style=|<script>/);
    expect(answer.html).toContain(`width="${answer.width}" height="${answer.height}"`);
    expect((await get(src.slice(ORIGIN.length))).statusCode).toBe(200);
  });

  it('keeps within maxwidth and maxheight, and carries the language and theme of the URL', async () => {
    const answer = (await get(`/oembed?url=${encodeURIComponent(`${ORIGIN}/embed/roles/ai-engineer?lang=en&theme=dark`)}&maxwidth=320&maxheight=300`)).json();
    expect(answer.width).toBeLessThanOrEqual(320);
    expect(answer.height).toBeLessThanOrEqual(300);
    expect(answer.html).toContain('lang=en&amp;theme=dark');
  });

  it('answers 501 for format=xml, as oEmbed says', async () => {
    const response = await get(`/oembed?url=${encodeURIComponent(`${ORIGIN}/roles/ai-engineer`)}&format=xml`);
    expect(response.statusCode).toBe(501);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it.each([`${ORIGIN}/roles/no-such-role`, `${ORIGIN}/technologies/kubernetes`, 'https://example.org/roles/ai-engineer', 'not a url', `${ORIGIN}/?node=technology:dvc`])(
    'answers 404 for %s, which is no role of this API',
    async (url) => {
      const response = await get(`/oembed?url=${encodeURIComponent(url)}`);
      expect(response.statusCode, response.body).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    },
  );

  it('names the parameter when url is missing or maxwidth is not a positive integer', async () => {
    for (const [url, name] of [['/oembed', 'url'], [`/oembed?url=${ORIGIN}/roles/ai-engineer&maxwidth=-5`, 'maxwidth'], [`/oembed?url=${ORIGIN}/roles/ai-engineer&format=yaml`, 'format']]) {
      const response = await get(url);
      expect(response.statusCode).toBe(400);
      expect(response.json().invalidParams.map((p: { name: string }) => p.name)).toEqual([name]);
    }
  });
});

describe('GET /embed/rolegraph.js', () => {
  it('is an ES module any origin may load, at most 15 KB gzipped, revalidated by ETag and immutable under its versioned URL', async () => {
    const response = await get('/embed/rolegraph.js', { origin: 'https://blog.example' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/javascript/);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.body).toContain('customElements.define');
    expect(response.body).toMatch(/rolegraph-role/);
    expect(response.body).toMatch(/rolegraph-search/);
    expect(gzipSync(response.rawPayload, { level: 9 }).length).toBeLessThanOrEqual(15 * 1024);
    const etag = response.headers.etag as string;
    // The bare URL is revalidated on every use: a new version reaches pages at once.
    expect(response.headers['cache-control']).toBe('no-cache');
    expect((await get('/embed/rolegraph.js', { 'if-none-match': etag })).statusCode).toBe(304);
    const versioned = await get(`/embed/rolegraph.js?v=${etag.replace(/"/g, '')}`);
    expect(versioned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(versioned.rawPayload.equals(response.rawPayload)).toBe(true);
    // A pin names exact bytes: any other version is a 404, never the current bytes.
    for (const v of ['stale', 'bogus', '']) {
      const pinned = await get(`/embed/rolegraph.js?v=${v}`);
      expect(pinned.statusCode, v).toBe(404);
      expect(pinned.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await get('/embed/nothing.js')).statusCode).toBe(400);
  });
});

describe('the docs', () => {
  it('show the snippets, the host rule and the policy the code makes, the README too', () => {
    const docs = readFileSync(join(PROJECT_ROOT, 'docs', 'embedding.md'), 'utf8');
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const component = componentSnippet({ url: `${ORIGIN}/embed/rolegraph.js` }, 'ai-engineer', 'en');
    const iframe = iframeSnippet({ src: embedCardUrl(ORIGIN, 'ai-engineer', 'en'), title: 'AI Engineer', resize: { url: `${ORIGIN}/embed/resize.js` } });
    for (const text of [component, iframe, HOST_RESERVE_CSS, hostCsp(ORIGIN)]) expect(docs).toContain(text);
    expect(readme).toContain(component);
    expect(readme).toContain('docs/embedding.md');
  });

  it('count with the plural forms of each language', () => {
    expect(CARD_LABELS.pl.counts({ responsibilities: 1, skills: 3, technologies: 5 })).toBe('1 obowiązek · 3 umiejętności · 5 technologii');
    expect(CARD_LABELS.pl.counts({ responsibilities: 22, skills: 1, technologies: 3 })).toBe('22 obowiązki · 1 umiejętność · 3 technologie');
    expect(CARD_LABELS.en.counts({ responsibilities: 1, skills: 0, technologies: 2 })).toBe('1 responsibility · 0 skills · 2 technologies');
    expect(SEARCH_LABELS.en.count(1)).toBe('1 suggestion');
    expect(SEARCH_LABELS.pl.count(4)).toBe('4 podpowiedzi');
  });
});

describe('GET /', () => {
  it('gives JSON clients an index of links', async () => {
    const response = await get('/', { accept: 'application/json' });
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const { links } = response.json() as { links: Record<string, string> };
    expect(links.roles).toBe('/roles');
    expect(links.webComponent).toMatch(/^\/embed\/rolegraph\.js\?v=/);
    expect((await get('/')).headers['content-type']).toMatch(/^application\/json/);
  });

  it('gives browsers the explorer page, its script from this server and no inline script', async () => {
    const response = await get('/?node=role:ai-engineer', { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'accept-language': 'en' });
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers.vary).toMatch(/Accept\b/);
    expect(response.body).toContain('<html lang="en">');
    const scripts = response.body.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts).toEqual([expect.stringMatching(/^<script type="module" src="\/embed\/explorer\.js\?v=[\w-]+">$/)]);
    expect(response.body).not.toMatch(/<style|\sstyle=/);
    expect(frameAncestorsOf(response.headers['content-security-policy'])).toBe("'none'");
  });

  it('names the entity of a shared URL in its title and description, with oEmbed discovery for roles', async () => {
    const html = { accept: 'text/html' };
    const role = (await get('/?node=role:ai-engineer&lang=en', html)).body;
    const card = (await get('/roles/ai-engineer/card?lang=en')).json() as { name: string; definition: string };
    expect(role).toContain(`<title>${card.name} — rolegraph</title>`);
    expect(role).toContain(`<meta name="description" content="${card.definition}">`);
    const discovery = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(role)![1].replace(/&amp;/g, '&');
    const oembed = await get(discovery.slice(ORIGIN.length));
    expect(oembed.statusCode).toBe(200);
    expect(oembed.json().title).toBe(card.name);
    const technology = (await get('/?node=technology:kubernetes&lang=pl', html)).body;
    expect(technology).toContain('<title>Kubernetes — rolegraph</title>');
    expect(technology).toMatch(/<meta name="description" content="Kubernetes: technologia w grafie/);
    expect(technology).not.toContain('json+oembed');
    expect((await get('/?node=role:astronaut', html)).body).toContain('<title>rolegraph — eksplorator ról i umiejętności</title>');
  });
});

describe('CORS for instrumented pages', () => {
  it('a preflight allows the tracing headers browser SDKs add', async () => {
    const response = await seeded.app.inject({
      method: 'OPTIONS',
      url: '/roles/ai-engineer/card',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'traceparent, tracestate, baggage, sentry-trace' },
    });
    expect(response.statusCode).toBe(204);
    const allowed = String(response.headers['access-control-allow-headers']).toLowerCase().split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(['traceparent', 'tracestate', 'baggage', 'sentry-trace']));
  });

  it('responses carry Timing-Allow-Origin, cached ones too', async () => {
    for (let i = 0; i < 2; i++) expect((await get('/roles/ai-engineer/card', { origin: 'https://shop.example' })).headers['timing-allow-origin']).toBe('*');
  });

  it('with configured origins, Timing-Allow-Origin names only an allowed one, even from the cache', async () => {
    const limited = await createSeededApp({ http: { corsOrigins: ['https://shop.example'] } });
    try {
      const ask = (origin: string) => limited.app.inject({ method: 'GET', url: '/roles/ai-engineer/card', headers: { origin } });
      expect((await ask('https://shop.example')).headers['timing-allow-origin']).toBe('https://shop.example');
      expect((await ask('https://evil.example')).headers['timing-allow-origin']).toBeUndefined();
    } finally {
      await limited.close();
    }
  });
});

function frameAncestorsOf(csp: unknown) {
  return /frame-ancestors ([^;]+)/.exec(String(csp))?.[1];
}

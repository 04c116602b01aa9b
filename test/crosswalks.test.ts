import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
import type { JsonLdDocument, NodeObject } from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/paths.js';
import { crosswalksSchema } from '../src/seed/curated-data.js';
import { roleSchema } from '../src/schemas/roles.js';
import { createSeededApp, type SeededApp } from './helpers/seeded-app.js';

const curated = crosswalksSchema.parse(JSON.parse(readFileSync(join(PROJECT_ROOT, 'seed', 'crosswalks.json'), 'utf8')));
const SCHEMA_ORG_CONTEXT = JSON.parse(readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'schemaorg-context.jsonld'), 'utf8'));
const documentLoader = async (url: string) => {
  if (!url.startsWith('https://schema.org')) throw new Error(`offline test: refusing to load ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: SCHEMA_ORG_CONTEXT };
};

describe('crosswalks to ESCO, ISCO-08 and O*NET-SOC', () => {
  let seeded: SeededApp;
  beforeAll(async () => {
    seeded = await createSeededApp();
  }, 60_000);
  afterAll(async () => seeded?.close());

  it('serves every curated mapping of every role, in curated order, with its published source row', async () => {
    for (const [slug, mappings] of Object.entries(curated.roles)) {
      const response = await seeded.app.inject({ url: `/roles/${slug}` });
      expect(response.statusCode).toBe(200);
      const role = roleSchema.parse(response.json());
      expect(role.crosswalks.map((c) => [c.scheme, c.code ?? c.uri, c.match])).toEqual(mappings.map((m) => [m.scheme, m.code ?? m.uri, m.match]));
      for (const c of role.crosswalks) {
        expect(c.source.curatedIn).toBe('seed/crosswalks.json');
        expect(c.source.row.length).toBeGreaterThan(0);
      }
    }
  });

  it('maps every role to each scheme; a role with no occupation of its own has no exact match', async () => {
    const roles = (await seeded.app.inject({ url: '/roles?limit=100' })).json().items as { slug: string }[];
    for (const { slug } of roles) {
      const role = roleSchema.parse((await seeded.app.inject({ url: `/roles/${slug}` })).json());
      expect(new Set(role.crosswalks.map((c) => c.scheme))).toEqual(new Set(['esco', 'isco-08', 'onet-soc']));
    }
    const aiEngineer = roleSchema.parse((await seeded.app.inject({ url: '/roles/ai-engineer' })).json());
    expect(aiEngineer.crosswalks.every((c) => c.match === 'broad')).toBe(true);
    const dataScientist = roleSchema.parse((await seeded.app.inject({ url: '/roles/data-scientist' })).json());
    expect(dataScientist.crosswalks.find((c) => c.scheme === 'esco')).toMatchObject({ match: 'exact', label: 'data scientist' });
  });

  it('ESCO mappings carry ESCO occupation URIs; ISCO-08 and O*NET-SOC codes have the published shapes', () => {
    for (const m of Object.values(curated.roles).flat()) {
      if (m.scheme === 'esco') expect(m.uri).toMatch(/^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/);
      if (m.scheme === 'isco-08') expect(m.code).toMatch(/^\d{4}$/);
      if (m.scheme === 'onet-soc') expect(m.code).toMatch(/^\d{2}-\d{4}\.\d{2}$/);
    }
  });

  it('JSON-LD names them as schema.org occupationalCategory CategoryCodes', async () => {
    const doc = (await seeded.app.inject({ url: '/roles/data-scientist/jsonld?lang=pl' })).json();
    const flat = (await jsonld.flatten(doc as JsonLdDocument, null as never, { documentLoader })) as unknown as NodeObject[];
    const codes = flat.filter((n) => (n['@type'] as string[] | undefined)?.includes('http://schema.org/CategoryCode'));
    const values = codes.map((n) => (n['http://schema.org/codeValue'] as { '@value': string }[])[0]['@value']);
    expect(values).toEqual(expect.arrayContaining(['2511', '15-2051.00', 'http://data.europa.eu/esco/occupation/258e46f9-0075-4a2e-adae-1ff0477e0f30']));
    // Codes are language-neutral and labels English, whatever the document's @language.
    const esco = codes.find((n) => n['@id'] === 'http://data.europa.eu/esco/occupation/258e46f9-0075-4a2e-adae-1ff0477e0f30');
    expect(esco?.['http://schema.org/name']).toEqual([{ '@value': 'data scientist', '@language': 'en' }]);
  });
});

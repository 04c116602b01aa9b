import type { LightMyRequestResponse } from 'fastify';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** Every GET route of the committed spec as a URL, with its parameters filled from real entities. */

interface Spec {
  paths: Record<string, { get?: { parameters?: { name: string; in: string; required?: boolean }[]; responses: Record<string, { content?: Record<string, unknown> }> } }>;
}
const spec = JSON.parse(readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8')) as Spec;

/** What the URLs need of an app: a GET answered as JSON. */
export type Get = (url: string) => Promise<Pick<LightMyRequestResponse, 'statusCode' | 'json'>>;

async function firstItem(get: Get, url: string): Promise<{ slug: string }> {
  const res = await get(url);
  expect(res.statusCode, url).toBe(200);
  return (res.json() as { items: { slug: string }[] }).items[0];
}

/** A real value for each parameter name the spec uses; a parameter this table does not know fails the test (extend it). */
export async function parameterValues(get: Get): Promise<Record<string, string>> {
  const role = (await firstItem(get, '/roles')).slug;
  const otherRole = (await get('/roles')).json().items[1].slug as string;
  const responsibility = (await firstItem(get, `/roles/${role}/responsibilities`)).slug;
  const technology = (await firstItem(get, '/technologies')).slug;
  const skill = (await firstItem(get, '/skills')).slug;
  const since = ((await get('/versions')).json() as { items: { version: string }[] }).items[0].version;
  return { since, role, a: role, b: otherRole, responsibility, technology, skill, node: `technology:${technology}`, from: `technology:${technology}`, to: `role:${otherRole}`, q: 'python', url: `http://localhost:80/roles/${role}`, asset: 'rolegraph.js', type: 'not-found' };
}

/** Routes that bypass the response cache and answer with validators of their own (versioned static assets). */
const OWN_VALIDATORS = new Set(['/embed/{asset}']);

export function urlsFromSpec(values: Record<string, string>): { url: string; jsonLd: boolean }[] {
  const urls: { url: string; jsonLd: boolean }[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    if (!item.get || OWN_VALIDATORS.has(template)) continue;
    const parameters = item.get.parameters ?? [];
    const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
      expect(values[name], `a value for path parameter ${name} of ${template}`).toBeDefined();
      return encodeURIComponent(values[name]);
    });
    const query = parameters.filter((p) => p.in === 'query' && p.required).map((p) => {
      expect(values[p.name], `a value for query parameter ${p.name} of ${template}`).toBeDefined();
      return `${p.name}=${encodeURIComponent(values[p.name])}`;
    });
    const jsonLd = Object.keys(item.get.responses['200']?.content ?? {}).some((type) => type.includes('ld+json'));
    urls.push({ url: query.length ? `${path}?${query.join('&')}` : path, jsonLd });
  }
  return urls;
}


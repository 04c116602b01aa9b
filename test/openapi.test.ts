import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addExamples, EXAMPLE_REQUEST_KEY, exampleRequests } from '../src/openapi/examples.js';
import { formatSpec } from '../src/openapi/write.js';
import { SpecContract, type OpenApiDocument } from './fuzz/spec-contract.js';
import { OPENAPI_FILE } from '../src/paths.js';
import { createSeededApp, type SeededApp } from './helpers/seeded-app.js';

type Operation = { operationId?: string; responses?: Record<string, { content?: Record<string, unknown> }> };
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

let seeded: SeededApp;
let spec: { paths: Record<string, Record<string, Operation>> };

beforeAll(async () => {
  seeded = await createSeededApp();
  spec = seeded.app.swagger() as typeof spec;
});

afterAll(async () => {
  await seeded?.close();
});

function operations(): { name: string; operation: Operation }[] {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
  );
}

describe('the OpenAPI document', () => {
  it('is committed as generated (openapi/openapi.json), examples included', async () => {
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    const generated = formatSpec(await addExamples(seeded.app, structuredClone(seeded.app.swagger())));
    if (committed !== generated) {
      const changed = [...new Set([...Object.keys(JSON.parse(committed).paths ?? {}), ...Object.keys(JSON.parse(generated).paths ?? {})])].filter(
        (path) => JSON.stringify(JSON.parse(committed).paths?.[path]) !== JSON.stringify(JSON.parse(generated).paths?.[path]),
      );
      expect.fail(
        `openapi/openapi.json is out of date with the routes' schemas${changed.length ? ` (paths that differ: ${changed.join(', ')})` : ''}. Run \`npm run openapi\` and commit the result.`,
      );
    }
  });

  it('gives every operation a unique operationId', () => {
    const all = operations();
    expect(all.length).toBeGreaterThanOrEqual(12);
    const missing = all.filter((o) => !o.operation.operationId).map((o) => o.name);
    expect(missing, 'operations without an operationId').toEqual([]);
    const ids = all.map((o) => o.operation.operationId);
    expect(new Set(ids).size, 'duplicate operationIds').toBe(ids.length);
  });

  it('documents every 4xx response as application/problem+json (an HTML page may answer too where the 200 is a page)', () => {
    const wrong: string[] = [];
    for (const { name, operation } of operations()) {
      // A page made to be framed (the iframe card) answers its errors as a page, and as a problem to JSON clients.
      const page = Object.keys(operation.responses?.['200']?.content ?? {}).join() === 'text/html';
      const allowed = page ? ['application/problem+json', 'text/html'] : ['application/problem+json'];
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!/^4\d\d$|^4XX$/i.test(status)) continue;
        const types = Object.keys(response.content ?? {});
        if (!types.includes('application/problem+json') || types.some((t) => !allowed.includes(t))) wrong.push(`${name} ${status}: ${types.join(', ') || 'no content'}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('documents the 400 and 404 of the operations that take a query or a slug', () => {
    const statuses = (path: string) => Object.keys(spec.paths[path].get.responses ?? {});
    expect(statuses('/roles')).toEqual(expect.arrayContaining(['200', '400']));
    for (const path of ['/roles/{role}', '/roles/{role}/responsibilities/{responsibility}', '/technologies/{technology}', '/skills/{skill}']) {
      expect(statuses(path)).toEqual(expect.arrayContaining(['200', '400', '404']));
    }
  });

  it('describes every response, with the headers the server sends', () => {
    const undescribed: string[] = [];
    for (const { name, operation } of operations()) {
      for (const [status, response] of Object.entries(operation.responses ?? {}) as [string, { description?: string; headers?: Record<string, unknown> }][]) {
        if (!response.description || response.description === 'Default Response') undescribed.push(`${name} ${status}`);
        const headers = Object.keys(response.headers ?? {});
        expect(headers, `${name} ${status}`).toEqual(expect.arrayContaining(['X-Request-Id']));
        if (status.startsWith('2') && name.startsWith('GET')) expect(headers, `${name} ${status}`).toEqual(expect.arrayContaining(['ETag', 'Cache-Control', 'Vary', 'Content-Language']));
        if (status === '429') expect(headers).toEqual(expect.arrayContaining(['Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset']));
        if (status === '503') expect(headers).toContain('Retry-After');
      }
    }
    expect(undescribed).toEqual([]);
    const page = spec.paths['/roles'].get.responses!['200'] as { headers: Record<string, unknown> };
    expect(Object.keys(page.headers)).toContain('Link');
    const statuses = Object.keys(spec.paths['/extract'].post.responses ?? {});
    expect(statuses).toEqual(expect.arrayContaining(['400', '408', '413', '414', '415', '429', '431', '500', '503']));
  });

  it('lists path parameters first and sets no ±2^53 integer bounds', () => {
    const text = JSON.stringify(spec);
    expect(text).not.toContain('9007199254740991');
    for (const { name, operation } of operations()) {
      const kinds = ((operation as { parameters?: { in: string }[] }).parameters ?? []).map((p) => p.in);
      expect(kinds.join(), name).toBe([...kinds].sort((a, b) => Number(b === 'path') - Number(a === 'path')).join());
    }
  });
});

describe('the examples of the committed spec', () => {
  const committed = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as OpenApiDocument & { paths: Record<string, Record<string, Operation & { responses: Record<string, { content?: Record<string, { example?: unknown }> }> }>> };
  const contract = new SpecContract(committed);

  it('give every 2xx response of the data operations an example, valid against its schema and equal to what the server answers', async () => {
    const requests = exampleRequests(seeded.app.swagger());
    const seen: string[] = [];
    for (const op of contract.operations) {
      const request = requests.get(op.id);
      for (const [mediaType, content] of Object.entries((op.responses['200']?.content ?? {}) as Record<string, { example?: unknown }>)) {
        if (!request) continue;
        expect(content.example, `${op.id} ${mediaType}`).toBeDefined();
        const body = Buffer.from(typeof content.example === 'string' ? content.example : JSON.stringify(content.example));
        expect(contract.violations(op, { method: op.method, statusCode: 200, headers: { 'content-type': mediaType }, body }), `${op.id} ${mediaType}`).toEqual([]);
        const answer = await seeded.app.inject({ method: request.method ?? 'GET', url: request.url, payload: request.payload as object | undefined });
        expect(answer.statusCode, request.url).toBe(200);
        if (typeof content.example === 'string') expect(answer.body).toBe(content.example);
        else expect(answer.json()).toEqual(content.example);
        seen.push(op.id);
      }
    }
    expect(new Set(seen)).toEqual(new Set(requests.keys()));
  });

  it('are served at /openapi.json and to Swagger UI, which carries rolegraph\'s name and favicon', async () => {
    const served = (await seeded.app.inject('/openapi.json')).json() as typeof committed;
    expect(served.paths['/roles/{role}'].get.responses['200'].content!['application/json'].example).toEqual(committed.paths['/roles/{role}'].get.responses['200'].content!['application/json'].example);
    const ui = (await seeded.app.inject('/docs/json')).json() as typeof committed;
    expect(ui.paths['/graph/path'].get.responses['200'].content!['application/json'].example).toBeDefined();
    // The routes' example requests made the examples; the published documents carry only the answers.
    for (const published of [served, ui]) expect(JSON.stringify(published)).not.toContain(EXAMPLE_REQUEST_KEY);
    const page = await seeded.app.inject('/docs');
    expect(page.body).toContain('<title>rolegraph API</title>');
    expect(page.body).toContain('theme/favicon.svg');
    expect(page.body).not.toContain('favicon-32x32.png');
    const favicon = await seeded.app.inject('/docs/static/theme/favicon.svg');
    expect(favicon.statusCode).toBe(200);
    expect(favicon.headers['content-type']).toBe('image/svg+xml');
  });
});


import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_FILE, formatSpec } from '../src/openapi/write.js';
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
  it('is committed as generated (openapi/openapi.json)', () => {
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    const generated = formatSpec(seeded.app.swagger());
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

  it('documents every 4xx response as application/problem+json', () => {
    const wrong: string[] = [];
    for (const { name, operation } of operations()) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!/^4\d\d$|^4XX$/i.test(status)) continue;
        const types = Object.keys(response.content ?? {});
        if (types.length === 0 || types.some((t) => t !== 'application/problem+json')) wrong.push(`${name} ${status}: ${types.join(', ') || 'no content'}`);
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
});

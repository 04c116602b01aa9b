import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_FILE } from '../src/paths.js';
import { PROJECT_ROOT } from '../src/paths.js';

/**
 * A frontend developer's view of the contract: a client generated from the committed spec with
 * openapi-typescript, used through openapi-fetch, must compile without casts or type guards.
 */

// Inside the project, so the consumer resolves openapi-fetch from its node_modules.
const CACHE = join(PROJECT_ROOT, 'node_modules', '.cache');
let dir: string;

const CONSUMER = `
import createClient from 'openapi-fetch';
import type { components, paths } from './schema.js';

type Problem = components['schemas']['Problem'];
const client = createClient<paths>({ baseUrl: 'http://localhost:3000' });

export async function readRole(): Promise<string | null> {
  const { data, error } = await client.GET('/roles/{role}', { params: { path: { role: 'ai-engineer' }, query: { lang: 'en' } } });
  if (error) {
    const problem: Problem = error;
    return problem.detail;
  }
  const id: string = data.id;
  const definition: string | null = data.definition === null ? null : data.definition.text;
  const aliases: string[] = data.aliases.map((alias) => alias.name);
  return definition ?? id + aliases.join(', ');
}

export async function readResponsibilities(): Promise<string[]> {
  const { data } = await client.GET('/roles/{role}/responsibilities', { params: { path: { role: 'role:ai-engineer' }, query: { limit: 5, offset: 0 } } });
  if (!data) return [];
  const total: number = data.total;
  return data.items.flatMap((r) => [r.id, r.name, String(total), ...r.tasks.map((t) => t.id), ...r.technologies.map((t) => t.id)]);
}

export async function readMissingRole(): Promise<string> {
  const { data, error, response } = await client.GET('/roles/{role}', { params: { path: { role: 'astronaut' } } });
  if (data) return data.name;
  const status: number = response.status;
  const { type, title, detail }: Problem = error;
  return [status, type, title, detail].join(' ');
}

export async function readOtherRepresentations(): Promise<string> {
  const graph = await client.GET('/graph', {});
  const nodes: string[] = graph.data ? graph.data.nodes.map((n) => n.id) : [];
  const jsonLd = await client.GET('/roles/{role}/jsonld', { params: { path: { role: 'ai-engineer' } } });
  const type: 'Occupation' | undefined = jsonLd.data?.['@type'];
  const cytoscape = await client.GET('/graph/cytoscape', {});
  const elements: number = cytoscape.data ? cytoscape.data.elements.nodes.length : 0;
  return [nodes.length, type, elements].join();
}
`;

/** A consumer that misuses the types: it must not compile, or the check above proves nothing. */
const MISUSE = `
import createClient from 'openapi-fetch';
import type { paths } from './schema.js';
const client = createClient<paths>({ baseUrl: 'http://localhost:3000' });
export async function wrong(): Promise<number> {
  const { data } = await client.GET('/roles/{role}', { params: { path: { role: 'ai-engineer' } } });
  const n: number = data!.definition!.text;
  return n;
}
`;

function typeErrors(file: string): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

beforeAll(async () => {
  mkdirSync(CACHE, { recursive: true });
  dir = mkdtempSync(join(CACHE, 'rolegraph-typed-client-'));
  const spec = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));
  writeFileSync(join(dir, 'schema.d.ts'), astToString(await openapiTS(spec)));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'consumer.ts'), CONSUMER);
  writeFileSync(join(dir, 'misuse.ts'), MISUSE);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a client generated from the committed spec', () => {
  it('reads a role, its responsibilities and a 404 Problem with no casts', () => {
    // No `as` casts, no non-null assertions, no type predicates.
    expect(CONSUMER).not.toMatch(/\bas\s+(?:[A-Z{[]|unknown|any|const)|!\.|\):\s*\w+\s+is\s/);
    expect(typeErrors(join(dir, 'consumer.ts'))).toEqual([]);
  }, 60_000);

  it('rejects a consumer that misreads a type', () => {
    expect(typeErrors(join(dir, 'misuse.ts')).join('\n')).toMatch(/not assignable to type 'number'/);
  }, 60_000);

  it('types GET /roles/{role} as the plain Role, not a union with JSON-LD', () => {
    const schema = readFileSync(join(dir, 'schema.d.ts'), 'utf8');
    const operation = schema.slice(schema.indexOf('    getRole: {'), schema.indexOf('    getRoleJsonLd: {'));
    expect(operation).toMatch(/200: \{[\s\S]*?"application\/json": components\["schemas"\]\["Role"\];\s*\};/);
    expect(operation).not.toContain('OccupationJsonLd');
  });
});

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { moduleBuildOptions } from '../embed/client-bundles.js';
import { OPENAPI_FILE, PROJECT_ROOT } from '../paths.js';
import { elementsDeclarations, reactDeclarations } from './declarations.js';
import { customElementsManifest } from './element-manifest.js';

/** Where `npm run packages` writes the two packages (unpublished: `npm pack` them). */
export const PACKAGES_DIR = join(PROJECT_ROOT, 'dist', 'npm');

const root = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string; devDependencies: Record<string, string> };

function write(dir: string, files: Record<string, string>) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

type Spec = OpenAPI3 & { components: { schemas: Record<string, unknown> } };

/** The spec cut down to the named schemas and those they refer to, with no operations. */
function onlySchemas(spec: Spec, names: string[]): OpenAPI3 {
  const kept = new Map<string, unknown>();
  const visit = (name: string) => {
    if (kept.has(name)) return;
    const schema = spec.components.schemas[name];
    kept.set(name, schema);
    for (const [, ref] of JSON.stringify(schema).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) visit(ref);
  };
  for (const name of names) visit(name);
  return { openapi: spec.openapi, info: spec.info, paths: {}, components: { schemas: Object.fromEntries(kept) as Spec['components']['schemas'] } } as OpenAPI3;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Builds `@rolegraph/elements` (the web components, their manifest and types, React's JSX types) and
 * `@rolegraph/client` (a typed fetch client), both from this repository: the elements from the same
 * sources the server bundles, the data types from the committed OpenAPI spec.
 */
export async function buildPackages(outDir = PACKAGES_DIR): Promise<{ elements: string; client: string }> {
  const spec = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as Spec;
  const api = astToString(await openapiTS(spec));
  // The elements need two of the spec's types, not its 400 operations.
  const elementTypes = astToString(await openapiTS(onlySchemas(spec, ['RoleCard', 'Suggestion'])));
  const header = '// Generated from the rolegraph OpenAPI spec by openapi-typescript. Do not edit.\n';
  const bundle = await build(moduleBuildOptions('rolegraph'));

  const elements = join(outDir, 'elements');
  write(elements, {
    'rolegraph.js': bundle.outputFiles[0].text,
    // Importing it defines the elements, as the main entry does; its types add them to React's JSX.
    'react.js': "export * from './rolegraph.js';\n",
    'api.d.ts': header + elementTypes,
    'index.d.ts': elementsDeclarations(),
    'react.d.ts': reactDeclarations(),
    'custom-elements.json': json(customElementsManifest('rolegraph.js')),
    'README.md': `# @rolegraph/elements\n\n\`<rolegraph-role>\` and \`<rolegraph-search>\`, the rolegraph web components (no dependencies).\n\n\`\`\`ts\nimport '@rolegraph/elements'; // or '@rolegraph/elements/react' for React's JSX types\n\`\`\`\n\n\`\`\`html\n<rolegraph-role slug="ai-engineer" lang="en" api="https://rolegraph.example"></rolegraph-role>\n\`\`\`\n\nBundled into your app, the elements cannot tell where the API is: set \`api\`. Attributes, events, parts and CSS properties: \`custom-elements.json\` and the project's docs/embedding.md.\n`,
    'package.json': json({
      name: '@rolegraph/elements',
      version: root.version,
      description: 'The rolegraph web components: <rolegraph-role> and <rolegraph-search>.',
      type: 'module',
      main: './rolegraph.js',
      module: './rolegraph.js',
      types: './index.d.ts',
      exports: {
        '.': { types: './index.d.ts', default: './rolegraph.js' },
        './react': { types: './react.d.ts', default: './react.js' },
        './custom-elements.json': './custom-elements.json',
      },
      customElements: 'custom-elements.json',
      sideEffects: ['./rolegraph.js', './react.js'],
      files: ['rolegraph.js', 'react.js', 'api.d.ts', 'index.d.ts', 'react.d.ts', 'custom-elements.json', 'README.md'],
      peerDependencies: { '@types/react': '>=19' },
      peerDependenciesMeta: { '@types/react': { optional: true } },
    }),
  });

  const client = join(outDir, 'client');
  write(client, {
    'index.js': "import createFetchClient from 'openapi-fetch';\n\n/** A fetch client typed by the rolegraph OpenAPI spec. */\nexport function createClient(options) {\n  return createFetchClient(options);\n}\n",
    'index.d.ts':
      "import type { Client, ClientOptions } from 'openapi-fetch';\nimport type { components, operations, paths } from './api.js';\n\nexport type { components, operations, paths };\n/** A fetch client typed by the rolegraph OpenAPI spec: paths, parameters, bodies and problems. */\nexport declare function createClient(options?: ClientOptions): Client<paths>;\n",
    'api.d.ts': header + api,
    'README.md': "# @rolegraph/client\n\nA fetch client typed by the rolegraph OpenAPI spec (openapi-typescript + openapi-fetch).\n\n```ts\nimport { createClient } from '@rolegraph/client';\nconst client = createClient({ baseUrl: 'https://rolegraph.example' });\nconst { data, error } = await client.GET('/roles/{role}/card', { params: { path: { role: 'ai-engineer' } } });\n```\n",
    'package.json': json({
      name: '@rolegraph/client',
      version: root.version,
      description: 'A typed fetch client for the rolegraph API, generated from its OpenAPI spec.',
      type: 'module',
      main: './index.js',
      types: './index.d.ts',
      exports: { '.': { types: './index.d.ts', default: './index.js' } },
      sideEffects: false,
      files: ['index.js', 'index.d.ts', 'api.d.ts', 'README.md'],
      dependencies: { 'openapi-fetch': root.devDependencies['openapi-fetch'] },
    }),
  });
  return { elements, client };
}

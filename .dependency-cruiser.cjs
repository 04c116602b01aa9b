/**
 * The import graph's rules (`npm run lint:deps`). Imports run downhill only: from the entry points
 * (server, CLIs) through app.ts, routes and plugins, to the domain and data modules, to lib/ at the
 * bottom. docs/architecture.md draws the layers; a violation names the rule it breaks.
 */

/** Entry points: each runs as a process (or, the analysis worker, a thread) of its own, so it may reach anything, app.ts and seed code included. */
const ENTRY_POINTS = '^src/(server\\.ts|openapi/write\\.ts|seed/cli\\.ts|synth/cli\\.ts|packaging/cli\\.ts|mcp/stdio\\.ts|analysis/analysis-worker\\.ts)$';

/**
 * The layers, top to bottom (docs/architecture.md, Layers). A module may import its own layer and the
 * layers below it, never one above. Entry points sit above them all; src/seed/ and src/synth/ are the
 * writer's side, kept apart by the seed rule; src/packaging/ is build tooling beside them.
 */
const LAYERS = [
  ['assembly', '^src/app\\.ts$'],
  ['routes', '^src/(routes|mcp)/'],
  ['plugins', '^src/plugins/'],
  ['openapi', '^src/openapi/'],
  ['http', '^src/http/'],
  ['presentation', '^src/(embed|jsonld|interchange)/'],
  ['data-context', '^src/data/'],
  ['analysis', '^src/analysis/'],
  ['repositories', '^src/repositories/'],
  ['schemas', '^src/schemas/'],
  ['domain', '^src/(graph|search)/'],
  ['model', '^src/(model|db)/'],
  ['foundation', '^src/(metrics|text|lib)/|^src/(config|paths)\\.ts$'],
];

/** One rule per layer: nothing in it imports a layer above it. */
const layerRules = LAYERS.slice(1).map(([name, path], index) => ({
  name: `${name}-imports-only-downhill`,
  severity: 'error',
  comment: `${name} sits below ${LAYERS.slice(0, index + 1).map(([above]) => above).join(', ')}: an import up there runs against the layers.`,
  from: { path, pathNot: ENTRY_POINTS },
  to: { path: LAYERS.slice(0, index + 1).map(([, above]) => `(${above})`).join('|') },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle (type-only imports count) means two modules are one: find the lower home for what both need.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'serving-code-never-imports-seed',
      severity: 'error',
      comment: 'The database is a build artefact: only the seed (and the entry points that run it) import src/seed/.',
      from: { path: '^src/', pathNot: ['^src/seed/', ENTRY_POINTS] },
      to: { path: '^src/seed/' },
    },
    {
      name: 'only-entry-points-import-app',
      severity: 'error',
      comment: 'app.ts assembles the app; what it assembles must not reach back up to it.',
      from: { path: '^src/', pathNot: [ENTRY_POINTS] },
      to: { path: '^src/app\\.ts$' },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};

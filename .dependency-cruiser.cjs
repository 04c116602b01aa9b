/**
 * The import graph's rules (`npm run lint:deps`). Imports run downhill only: from the entry points
 * (server, CLIs) through app.ts, routes and plugins, to the domain and data modules, to lib/ at the
 * bottom. docs/architecture.md draws the layers; a violation names the rule it breaks.
 */

/** Entry points: each runs as a process of its own, so it may reach anything, app.ts and seed code included. */
const ENTRY_POINTS = '^src/(server\\.ts|openapi/write\\.ts|seed/cli\\.ts|synth/cli\\.ts)$';

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
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};

#!/usr/bin/env node
// rolegraph's MCP server over stdio (src/mcp/stdio.ts), run through tsx from anywhere: `npx rolegraph-mcp`.
// better-sqlite3 13 needs Node 24; an older node would crash in the native module, so say so instead.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(`rolegraph-mcp needs Node 24 or later (this is ${process.version}); run it as \`npm run --silent mcp\` in the project, which uses the pinned Node.\n`);
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
await import('../src/mcp/stdio.ts');

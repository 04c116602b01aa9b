import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../app.js';
import { openReadOnlyDatabase } from '../db/open-database.js';
import { addExamples } from './examples.js';
import { OPENAPI_FILE, PROJECT_ROOT } from '../paths.js';
import { seedDatabase } from '../seed/build-database.js';

/** `npm run openapi`: writes openapi/openapi.json from the routes' schemas and real answers (a test fails when it drifts). */

export function formatSpec(spec: unknown): string {
  return `${JSON.stringify(spec, null, 2)}\n`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rolegraph-openapi-'));
  try {
    const path = join(dir, 'rolegraph.db');
    seedDatabase(path);
    const { sqlite, db } = openReadOnlyDatabase(path);
    const app = await buildApp({ db });
    mkdirSync(join(PROJECT_ROOT, 'openapi'), { recursive: true });
    writeFileSync(OPENAPI_FILE, formatSpec(await addExamples(app, structuredClone(app.swagger()))));
    await app.close();
    sqlite.close();
    console.log(`wrote ${OPENAPI_FILE}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) await main();

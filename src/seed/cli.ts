import { join, relative } from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { StorageError } from '../db/storage-error.js';
import { seedDatabase } from './build-database.js';
import { DEFAULT_SEED_INPUTS } from './data-version.js';
import { CuratedDataError } from './curated-data.js';
import { ReleaseLogError } from './release-log.js';
import { DocumentFormatError } from './document-format-error.js';

/** `npm run seed`: rebuilds the database from seed/; `-- --untranslated` lists texts that have no English yet. */
const MAX_WARNINGS = 20;

function main(): void {
  const config = loadConfig(process.env);
  const report = seedDatabase(config.databasePath, { ...DEFAULT_SEED_INPUTS, documentsDir: config.documentsDir });
  console.log(`seeded ${report.databasePath} (data version ${report.dataVersion}) from ${report.documents.join(', ')} in ${report.durationMs} ms`);
  if (report.newRelease) {
    const r = report.newRelease;
    console.log(`recorded release ${r.version} in the release log: ${r.created} created, ${r.updated} updated, ${r.removed} removed (commit it with the documents)`);
  } else console.log('no entity changed: no new release');
  console.log(Object.entries(report.counts).map(([table, n]) => `  ${table}: ${n}`).join('\n'));
  for (const warning of report.warnings.slice(0, MAX_WARNINGS)) console.warn(`warning: ${warning}`);
  if (report.warnings.length > MAX_WARNINGS) console.warn(`warning: … and ${report.warnings.length - MAX_WARNINGS} more warnings`);
  if (report.untranslated.length > 0) {
    console.warn(`warning: ${report.untranslated.length} texts have no English translation in seed/translations/en.json (they are served in Polish)`);
    if (process.argv.includes('--untranslated')) console.log(JSON.stringify(Object.fromEntries(report.untranslated.map((t) => [t, ''])), null, 2));
  }
}

try {
  main();
} catch (error) {
  if (error instanceof DocumentFormatError) {
    // The path as the user can open it, relative to where they ran the command.
    const path = join(loadConfig(process.env).documentsDir, error.file);
    const shown = relative(process.cwd(), path);
    console.error(`${shown.startsWith('..') ? path : shown}:${error.line}: ${error.expected}`);
    process.exit(1);
  }
  if (error instanceof CuratedDataError || error instanceof ConfigError || error instanceof ReleaseLogError || error instanceof StorageError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

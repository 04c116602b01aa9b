import { fileURLToPath } from 'node:url';

/** The project root, whether running from src/ (tsx) or dist/ (compiled): both sit one level below it. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));
export const SEED_DIR = fileURLToPath(new URL('../seed', import.meta.url));
/** The committed OpenAPI document (`npm run openapi`); the server takes its generated examples from it. */
export const OPENAPI_FILE = fileURLToPath(new URL('../openapi/openapi.json', import.meta.url));
export const DOCUMENTS_DIR = fileURLToPath(new URL('../seed/documents', import.meta.url));
/** The code that turns documents into rows: a change to it makes the seeded data stale too. */
export const SEED_CODE_DIRS = ['./seed', './lib', './search', './model', './text'].map((dir) => fileURLToPath(new URL(dir, import.meta.url)));

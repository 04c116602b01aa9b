import Database from 'better-sqlite3';
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadOnlyDatabase } from '../src/db/open-database.js';
import { StorageError } from '../src/db/storage-error.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { seedDatabase } from '../src/seed/build-database.js';
import { documentsDirWith, REAL_DOCUMENT_PATH } from './helpers/documents.js';
import { makeTempDir, seedInputsWithDocuments } from './helpers/seeded-app.js';

/**
 * Issue 22 L6: a seed that ran out of disk said "Failed to run the query 'ROLLBACK' … no transaction is
 * active", and a server on a read-only, empty data directory said only "unable to open database file".
 * Both now name the path, the cause and what to do, and leave the database already there unchanged.
 */

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * Root writes through any mode bits, so a chmod'ed directory stops only another user: as root the child
 * runs as `nobody`. Undefined (with the reason) when that is not possible here.
 */
function unprivileged(): { options: SpawnOptions; uid: number } | { skip: string } {
  const uid = process.getuid?.();
  if (uid === undefined) return { skip: 'no POSIX user ids on this platform' };
  if (uid !== 0) return { options: {}, uid };
  const probe = spawnSync(process.execPath, ['-e', '0'], { uid: 65534, gid: 65534 });
  return probe.status === 0 ? { options: { uid: 65534, gid: 65534 }, uid: 65534 } : { skip: `running as root and cannot run a child as nobody (${probe.error?.message ?? probe.status})` };
}

/** Runs one of the project's entry points to its exit, as the given user; its exit code and stderr. */
function run(script: string, env: Record<string, string>, options: SpawnOptions): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      ...options,
      cwd: PROJECT_ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not exit within 60 s; stderr: ${stderr}`));
    }, 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('storage failures are reported plainly', () => {
  let dir: string;
  let documentsDir: string;
  beforeAll(() => {
    dir = makeTempDir();
    // Another user must be able to walk to and read the documents (mkdtemp makes 0700).
    chmodSync(dir, 0o755);
    documentsDir = documentsDirWith(join(dir, 'documents'), [REAL_DOCUMENT_PATH]);
    // Records the release log now, so the seeds below write nothing beside the database.
    seedDatabase(join(dir, 'first.db'), seedInputsWithDocuments(documentsDir));
  }, 60_000);
  afterAll(() => {
    // Made only when the read-only tests run (they skip where no child can run as another user).
    if (existsSync(join(dir, 'read-only'))) chmodSync(join(dir, 'read-only'), 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  describe('a full disk (SQLite max_page_count: SQLITE_FULL, as a full disk gives)', () => {
    let existing: string;
    let pages: number;
    beforeAll(() => {
      mkdirSync(join(dir, 'full'));
      existing = join(dir, 'full', 'rolegraph.db');
      seedDatabase(existing, seedInputsWithDocuments(documentsDir));
      const sqlite = new Database(existing, { readonly: true });
      pages = sqlite.pragma('page_count', { simple: true }) as number;
      sqlite.close();
    }, 60_000);

    it.each([
      ['while the schema is made (the first pages)', () => 2],
      ['while the data is written (half the pages)', () => Math.floor(pages / 2)],
    ])('%s: a StorageError naming the path and the full disk; the database already there is unchanged', (_when, ceiling) => {
      const before = sha256(existing);
      let thrown: unknown;
      try {
        seedDatabase(existing, seedInputsWithDocuments(documentsDir), { maxPageCount: ceiling() });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(StorageError);
      const error = thrown as StorageError;
      expect(error.problem).toBe('disk-full');
      expect(error.message).toContain(`Could not write ${existing} (SQLITE_FULL): the disk is full.`);
      expect(error.message).toContain('DATABASE_PATH');
      expect(error.message).toContain(`The database already at ${existing} is unchanged.`);
      expect(error.message).not.toMatch(/ROLLBACK|no transaction/);
      expect(sha256(existing)).toBe(before);
      expect(readdirSync(join(dir, 'full'))).toEqual(['rolegraph.db']);
      // And what is there still opens and serves.
      const { sqlite } = openReadOnlyDatabase(existing);
      expect(sqlite.prepare("select value from meta where key = 'dataVersion'").get()).toBeDefined();
      sqlite.close();
    });
  });

  describe('a read-only, empty data directory', () => {
    const user = unprivileged();
    const skip = 'skip' in user ? user.skip : undefined;
    if (skip) console.warn(`read-only directory tests skipped: ${skip}`);
    let readOnly: string;
    beforeAll(() => {
      readOnly = join(dir, 'read-only');
      mkdirSync(readOnly);
      chmodSync(readOnly, 0o555);
    });

    it.skipIf(skip !== undefined)('npm run seed exits 1 naming the directory, that this user may not write in it, and what to do', async () => {
      const { options, uid } = user as { options: SpawnOptions; uid: number };
      const path = join(readOnly, 'rolegraph.db');
      const result = await run('src/seed/cli.ts', { DATABASE_PATH: path, DOCUMENTS_DIR: documentsDir }, options);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain(`Could not write ${path} (SQLITE_CANTOPEN): the user running rolegraph (uid ${uid}) may not write in ${readOnly}.`);
      expect(result.stderr).toContain('DATABASE_PATH');
      expect(result.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
      expect(readdirSync(readOnly)).toEqual([]);
    }, 90_000);

    it.skipIf(skip !== undefined)('the server exits 1 at start saying there is no database, why it cannot seed one there, and what to do', async () => {
      const { options, uid } = user as { options: SpawnOptions; uid: number };
      const path = join(readOnly, 'rolegraph.db');
      const result = await run('src/server.ts', { DATABASE_PATH: path, DOCUMENTS_DIR: documentsDir }, options);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain(`Cannot start: there is no database at ${path}, so it must be seeded first, and that failed.`);
      expect(result.stderr).toContain(`may not write in ${readOnly}`);
      expect(result.stderr).toContain(`uid ${uid}`);
      expect(result.stderr).toContain('mount a seeded, current database there');
    }, 90_000);
  });

  it('opening a database that is not there names the path and how to make it', () => {
    const path = join(dir, 'nowhere', 'rolegraph.db');
    expect(() => openReadOnlyDatabase(path)).toThrow(StorageError);
    expect(() => openReadOnlyDatabase(path)).toThrow(`there is no database at ${path}. Run npm run seed`);
  });
});

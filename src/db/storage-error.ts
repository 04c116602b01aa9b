import { accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';

/** Why the storage refused: the disk is full, the file system is read-only, this user may not, or nothing is there. */
export type StorageProblem = 'disk-full' | 'read-only' | 'permission' | 'missing';

/** A database file that could not be written or read for a reason of the storage, said plainly with its path and what to do. */
export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly path: string,
    readonly problem: StorageProblem,
    message: string,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

/** Every `code` on the error and its causes (SQLite's `SQLITE_FULL`, Node's `ENOSPC`), and the first file path a Node error names. */
function inspect(error: unknown): { codes: string[]; path?: string } {
  const codes: string[] = [];
  let path: string | undefined;
  for (let e = error, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth++) {
    const { code, path: named } = e as { code?: unknown; path?: unknown };
    if (typeof code === 'string') codes.push(code);
    if (path === undefined && typeof named === 'string') path = named;
  }
  return { codes, path };
}

/** What the file system says to writing (or reading) in `directory`, as an errno code; undefined when it allows it. */
function refusal(directory: string, mode: number): string | undefined {
  try {
    accessSync(directory, mode);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'EACCES';
  }
}

const FULL = ['SQLITE_FULL', 'ENOSPC', 'EDQUOT'];
const PERMISSION = ['EACCES', 'EPERM', 'SQLITE_PERM'];

function problemOf(codes: string[], path: string, writing: boolean): StorageProblem | undefined {
  // Opening a file: better-sqlite3 says "the directory does not exist" with no code at all.
  if (codes.length === 0 && !writing) codes = ['SQLITE_CANTOPEN'];
  const has = (wanted: string[]) => codes.some((code) => wanted.some((w) => code === w || code.startsWith(`${w}_`)));
  if (has(FULL)) return 'disk-full';
  if (has(['EROFS'])) return 'read-only';
  if (has(PERMISSION)) return 'permission';
  if (!has(['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'ENOENT', 'ENOTDIR'])) return undefined;
  // SQLite says only "unable to open" or "readonly": ask the file system which it is.
  const mode = writing ? constants.W_OK : constants.R_OK;
  const directory = refusal(dirname(path), mode);
  if (directory === 'ENOENT' || directory === 'ENOTDIR') return 'missing';
  if (directory === 'EROFS') return 'read-only';
  if (directory !== undefined) return 'permission';
  const file = refusal(path, mode);
  if (file === 'ENOENT') return writing ? undefined : 'missing';
  if (file === 'EROFS' || (file === undefined && has(['SQLITE_READONLY']))) return 'read-only';
  return file === undefined ? undefined : 'permission';
}

const who = () => (typeof process.getuid === 'function' ? `the user running rolegraph (uid ${process.getuid()})` : 'the user running rolegraph');

const ADVICE: Record<StorageProblem, (path: string, writing: boolean) => string> = {
  'disk-full': (path) => `the disk is full. Free space on the disk that holds ${dirname(path)} (the seed builds the new database beside the old one, so it needs room for both), or set DATABASE_PATH to a disk with room.`,
  'read-only': (path) =>
    `${dirname(path)} is on a read-only file system. Set DATABASE_PATH to a writable directory, or seed the database elsewhere (npm run seed) and mount the file here: the server only reads a database that is present and current.`,
  permission: (path, writing) =>
    `${who()} may not ${writing ? 'write in' : 'read'} ${writing ? dirname(path) : path}. ${writing ? `Make ${dirname(path)} writable for that user (chown or chmod), set DATABASE_PATH to a directory it may write, or mount a seeded, current database there (the server only reads it).` : 'Make the file readable for that user.'}`,
  'missing': (path, writing) => (writing ? `the directory ${dirname(path)} does not exist and could not be made. Create it, or set DATABASE_PATH elsewhere.` : `there is no database at ${path}. Run npm run seed, or start the server, which seeds it.`),
};

/**
 * The storage's reason for a failed write or read of `path` (the database; a Node error's own path wins,
 * e.g. the release log's), as a StorageError that says it plainly, with the path and what to do; undefined
 * when the failure is not the storage's. SQLite reports a full disk as SQLITE_FULL and an unwritable
 * directory as "unable to open database file": the codes on the error and its causes, and the file system
 * asked afterwards, tell which. When reading (opening a file), any error is taken as the file's: the file
 * system's answer decides, so a missing directory, which better-sqlite3 reports with no code, is one too.
 */
export function storageFailure(error: unknown, path: string, writing: boolean): StorageError | undefined {
  if (error instanceof StorageError) return error;
  const found = inspect(error);
  const target = found.path ?? path;
  const problem = problemOf(found.codes, target, writing);
  if (problem === undefined) return undefined;
  const code = found.codes.at(-1) ?? (writing ? problem : 'SQLITE_CANTOPEN');
  return new StorageError(target, problem, `Could not ${writing ? 'write' : 'read'} ${target} (${code}): ${ADVICE[problem](target, writing)}`, { cause: error });
}

import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CHANGE_KINDS } from '../db/schema.js';
import { normalizeName } from '../lib/text.js';
import { CHANGE_FIELDS, type ChangeField, type EntityState } from './entity-fingerprints.js';
import type { GraphModel } from './graph-model.js';

/**
 * The append-only release log: one JSON line per release, committed with the documents in their
 * folder (seed/documents/releases.jsonl; the seed reads only the .txt files there), so every replica and every image built from one commit serves the same
 * history, whatever database file it starts from. The seed replays it, compares the result with
 * what it just built, and appends a line when (and only when) some entity changed.
 */
const RELEASE_LOG_FILE = 'releases.jsonl';

/** The log of a documents folder: inside it, so each folder of documents has its own history. */
export function releaseLogPath(documentsDir: string): string {
  return join(documentsDir, RELEASE_LOG_FILE);
}

const fingerprint = z.object({ name: z.string(), texts: z.string(), relations: z.string() });
const changeSchema = z.object({
  id: z.string(),
  kind: z.string(),
  change: z.enum(CHANGE_KINDS),
  fields: z.array(z.enum(CHANGE_FIELDS)).optional(),
  replacedBy: z.string().optional(),
  name: z.string().optional(),
  fp: fingerprint.optional(),
});
const releaseSchema = z.object({
  version: z.string(),
  madeAt: z.string(),
  documents: z.array(z.object({ file: z.string(), sha256: z.string() })),
  changes: z.array(changeSchema),
});
export type Release = z.infer<typeof releaseSchema>;
type Change = z.infer<typeof changeSchema>;

export class ReleaseLogError extends Error {}

export function readReleaseLog(path: string): Release[] {
  if (!existsSync(path)) return [];
  const seen = new Set<string>();
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (line.trim() === '') return [];
      const parsed = releaseSchema.safeParse(safeJson(line));
      if (!parsed.success) throw new ReleaseLogError(`${path}:${i + 1}: not a release: ${parsed.error.issues[0]?.message ?? 'invalid JSON'}`);
      // Two seeds of the same inputs at once may both record the release: the same version again is that, and is skipped.
      if (seen.has(parsed.data.version)) return [];
      seen.add(parsed.data.version);
      return [parsed.data];
    });
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

export function appendRelease(path: string, release: Release): void {
  try {
    appendFileSync(path, `${JSON.stringify(release)}\n`);
  } catch (error) {
    // The served history must be the committed one: a release that cannot be recorded must not be served.
    throw new ReleaseLogError(`${path}: cannot record release ${release.version}: ${(error as Error).message}`);
  }
}

/** The entities as the log last recorded them, and the release each last changed in. */
export function replay(releases: Release[]): Map<string, EntityState & { version: string }> {
  const state = new Map<string, EntityState & { version: string }>();
  for (const release of releases) {
    for (const c of release.changes) {
      if (c.change === 'removed') state.delete(c.id);
      else state.set(c.id, { kind: c.kind, name: c.name ?? c.id, fp: c.fp as EntityState['fp'], version: release.version });
    }
  }
  return state;
}

/**
 * What changed between the recorded state and the entities just built: created, updated (with the
 * fields that differ) and removed. A removed technology whose name a current technology keeps as
 * an alias was renamed: it is `replacedBy` that technology.
 */
export function diffEntities(recorded: Map<string, EntityState>, current: Map<string, EntityState>, model: GraphModel): Change[] {
  const changes: Change[] = [];
  for (const [id, now] of current) {
    const before = recorded.get(id);
    if (!before) {
      changes.push({ id, kind: now.kind, change: 'created', name: now.name, fp: now.fp });
      continue;
    }
    const fields = CHANGE_FIELDS.filter((f: ChangeField) => before.fp[f] !== now.fp[f]);
    if (fields.length > 0) changes.push({ id, kind: now.kind, change: 'updated', fields, name: now.name, fp: now.fp });
  }
  const technologyByName = new Map<string, string>();
  const technologyIds = new Map(model.technologies.map((t) => [t.id, `technology:${t.slug}`]));
  for (const a of model.technologyAliases) technologyByName.set(a.normalized, technologyIds.get(a.technologyId) as string);
  for (const [id, before] of recorded) {
    if (current.has(id)) continue;
    const successor = before.kind === 'technology' ? technologyByName.get(normalizeName(before.name)) : undefined;
    changes.push({ id, kind: before.kind, change: 'removed', ...(successor ? { replacedBy: successor } : {}) });
  }
  return changes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Rows of the release tables: every release, changes only for the last `kept`, and each entity's last release. */
export function releaseRows(releases: Release[], kept: number) {
  const firstKept = Math.max(0, releases.length - kept);
  const rows = {
    releases: [] as { id: number; version: string; madeAt: string; documents: string; created: number; updated: number; removed: number; kept: boolean }[],
    releaseChanges: [] as { id: number; releaseId: number; entityId: string; kind: string; change: Change['change']; fields: string | null; replacedBy: string | null }[],
    entityVersions: [...replay(releases)].map(([entityId, s]) => ({ entityId, version: s.version })),
  };
  releases.forEach((release, i) => {
    const count = (change: Change['change']) => release.changes.filter((c) => c.change === change).length;
    rows.releases.push({ id: i + 1, version: release.version, madeAt: release.madeAt, documents: JSON.stringify(release.documents), created: count('created'), updated: count('updated'), removed: count('removed'), kept: i >= firstKept });
    if (i < firstKept) return;
    for (const c of release.changes) {
      rows.releaseChanges.push({ id: rows.releaseChanges.length + 1, releaseId: i + 1, entityId: c.id, kind: c.kind, change: c.change, fields: c.fields ? JSON.stringify(c.fields) : null, replacedBy: c.replacedBy ?? null });
    }
  });
  return rows;
}

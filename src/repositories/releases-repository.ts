import { asc } from '../db/drizzle.cjs';
import type { Db } from '../db/open-database.js';
import * as s from '../db/schema.js';
import { NotFoundError, VersionGoneError } from '../model/domain-errors.js';
import type { Change, VersionEntry } from '../schemas/changes.js';

export type ReleasesRepository = ReturnType<typeof createReleasesRepository>;

/** The release history the seed copied from the release log: versions, and the change feed between them. */
export function createReleasesRepository(db: Db, dataVersion: string) {
  const releases = db.select().from(s.releases).orderBy(asc(s.releases.id)).all();
  const byVersion = new Map(releases.map((r) => [r.version, r]));
  const latest = releases.at(-1);
  let changes: Change[] | undefined;

  /** Every kept change, oldest release first, with the release id to cut the feed at. */
  const allChanges = () =>
    (changes ??= db
      .select()
      .from(s.releaseChanges)
      .orderBy(asc(s.releaseChanges.releaseId), asc(s.releaseChanges.entityId))
      .all()
      .map((c) => ({
        id: c.entityId,
        kind: c.kind,
        change: c.change,
        version: releases[c.releaseId - 1].version,
        ...(c.fields ? { fields: JSON.parse(c.fields) as Change['fields'] } : {}),
        ...(c.replacedBy ? { replacedBy: c.replacedBy } : {}),
      })));

  return {
    /** Newest first. */
    versions(): VersionEntry[] {
      return releases
        .map((r, i) => ({
          version: r.version,
          madeAt: r.madeAt,
          documents: JSON.parse(r.documents) as VersionEntry['documents'],
          counts: { created: r.created, updated: r.updated, removed: r.removed },
          changes: i > 0 && r.kept && releases[i - 1].kept ? `/changes?since=${releases[i - 1].version}` : null,
        }))
        .reverse();
    },

    /**
     * The changes after `since`. The current data version is accepted as the newest release: a seed
     * whose code changed but whose entities did not makes a new data version, not a new release.
     */
    changesSince(since: string): { from: string; to: string; items: Change[] } {
      if (!latest) throw new NotFoundError('version', since);
      const release = since === dataVersion ? latest : byVersion.get(since);
      if (!release) throw new NotFoundError('version', since);
      if (!release.kept) throw new VersionGoneError(since);
      const versionsAfter = new Set(releases.filter((r) => r.id > release.id).map((r) => r.version));
      return { from: since, to: latest.version, items: allChanges().filter((c) => versionsAfter.has(c.version)) };
    },
  };
}

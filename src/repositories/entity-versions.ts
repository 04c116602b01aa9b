import type { Db } from '../db/open-database.js';
import * as s from '../db/schema.js';

/** Entity id → the release in which it last changed, as the seed recorded from the release log. */
export function entityVersions(db: Db): Map<string, string> {
  return new Map(db.select().from(s.entityVersions).all().map((r) => [r.entityId, r.version]));
}

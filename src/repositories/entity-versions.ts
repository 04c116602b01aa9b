import type { Db } from '../db/open-database.js';
import * as s from '../db/schema.js';
import { driverOf } from './raw-rows.js';

/** Entity id → the release in which it last changed, as the seed recorded from the release log (the exports read it whole). */
export function entityVersions(db: Db): Map<string, string> {
  return new Map(db.select().from(s.entityVersions).all().map((r) => [r.entityId, r.version]));
}

/**
 * The release in which one entity last changed, looked up by its primary key per call. Not kept as a
 * Map: on the ESCO-sized set that was 62,455 ids and version strings, ~9 MB of V8 heap held for the
 * process's life (heap snapshot), for a lookup made only while computing an entity's answer, which the
 * response cache then keeps. One indexed SELECT is a few microseconds.
 */
export function entityVersionLookup(db: Db): (entityId: string) => string | null {
  const statement = driverOf(db).prepare<[string], string>('SELECT version FROM entity_versions WHERE entity_id = ?').pluck();
  return (entityId) => statement.get(entityId) ?? null;
}

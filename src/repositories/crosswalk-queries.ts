import type { Db } from '../db/open-database.js';
import * as s from '../db/schema.js';
import type { Crosswalk } from '../schemas/crosswalks.js';

/** Where the mappings are curated, as a reader finds the file in the repository. */
const CURATED_CROSSWALKS = 'seed/crosswalks.json';

/** Every role's crosswalks, in curated order, by role id. */
export function crosswalksByRole(db: Db): Map<number, Crosswalk[]> {
  const byRole = new Map<number, Crosswalk[]>();
  for (const row of db.select().from(s.roleCrosswalks).orderBy(s.roleCrosswalks.roleId, s.roleCrosswalks.position).all()) {
    const list = byRole.get(row.roleId) ?? [];
    list.push({
      scheme: row.scheme,
      code: row.code,
      uri: row.uri,
      label: row.label,
      match: row.match,
      source: { file: row.sourceFile, row: row.sourceRow, curatedIn: CURATED_CROSSWALKS },
    });
    byRole.set(row.roleId, list);
  }
  return byRole;
}

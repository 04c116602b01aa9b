import { sql } from '../db/drizzle.cjs';
import type { Db } from '../db/open-database.js';
import * as s from '../db/schema.js';
import { nodeUrl } from '../graph/node-url.js';
import { NODE_KINDS, type NodeKind } from '../model/graph-vocabulary.js';
import { crosswalksByRole } from '../repositories/crosswalk-queries.js';
import { entityVersions } from '../repositories/entity-versions.js';
import type { Crosswalk } from '../schemas/crosswalks.js';
import { ids } from '../model/ids.js';

/** One graph node with everything the exports say of it, in both languages. */
export interface ExportNode {
  id: string;
  kind: NodeKind;
  namePl: string;
  nameEn: string | null;
  /** The definition (roles) or description (concepts); null for the other kinds, whose text is their name. */
  textPl: string | null;
  textEn: string | null;
  altLabels: string[];
  document: string;
  line: number;
  /** Where the API serves it, relative to its root; null for nodes with no endpoint (categories, concepts). */
  url: string | null;
  updatedIn: string | null;
}

export interface ExportRelation {
  source: string;
  type: string;
  target: string;
  document: string;
  line: number;
}

export interface ExportData {
  version: string;
  /** When the data version was made: its release time from the release log (the same on every replica). */
  madeAt: string;
  documents: { file: string; sha256: string; title: string }[];
  nodes: ExportNode[];
  relations: ExportRelation[];
  crosswalks: (Crosswalk & { role: string })[];
}

export const CURATED_SOURCES = ['seed/vocabulary.json', 'seed/translations/en.json', 'seed/crosswalks.json'] as const;

/** Reads the whole graph for the exports, in a stable order (kind, then id), so one data version gives the same bytes. */
export function readExportData(db: Db, dataVersion: string, seededAt: string): ExportData {
  const documents = db.select().from(s.documents).orderBy(s.documents.id).all();
  const fileOf = new Map(documents.map((d) => [d.id, d.file]));
  const versions = entityVersions(db);
  const release = db.select({ madeAt: s.releases.madeAt }).from(s.releases).orderBy(sql`${s.releases.id} desc`).limit(1).get();
  const comparisonRoles = new Map(db.all<{ c: string; r: string }>(sql`select c.slug as c, r.slug as r from comparisons c join roles r on r.id = c.role_id`).map((x) => [x.c, x.r]));

  const texts = new Map<string, [string | null, string | null]>();
  for (const r of db.select().from(s.roles).all()) texts.set(ids.role(r.slug), [r.definitionPl, r.definitionEn]);
  for (const c of db.select().from(s.concepts).all()) texts.set(ids.concept(c.slug), [c.descriptionPl, c.descriptionEn]);
  const altLabels = new Map<string, string[]>();
  const addAlias = (id: string, alias: string) => altLabels.set(id, [...(altLabels.get(id) ?? []), alias]);
  for (const a of db.all<{ slug: string; alias: string }>(sql`select t.slug as slug, a.alias as alias from technology_aliases a join technologies t on t.id = a.technology_id order by a.id`)) addAlias(ids.technology(a.slug), a.alias);
  for (const a of db.all<{ slug: string; alias: string }>(sql`select r.slug as slug, a.alias as alias from role_aliases a join roles r on r.id = a.role_id order by a.id`)) addAlias(ids.role(a.slug), a.alias);

  const kindOrder = (kind: string) => NODE_KINDS.indexOf(kind as NodeKind);
  const nodes = db
    .all<{ kind: NodeKind; key: string; name_pl: string; name_en: string | null; document_id: number; line: number }>(sql`select kind, key, name_pl, name_en, document_id, line from graph_nodes`)
    .map((n): ExportNode => {
      const id = `${n.kind}:${n.key}`;
      const [textPl, textEn] = texts.get(id) ?? [null, null];
      return {
        id,
        kind: n.kind,
        namePl: n.name_pl,
        nameEn: n.name_en,
        textPl,
        textEn,
        altLabels: altLabels.get(id) ?? [],
        document: fileOf.get(n.document_id) as string,
        line: n.line,
        url: nodeUrl(n.kind, n.key, (c) => comparisonRoles.get(c)),
        updatedIn: versions.get(id) ?? null,
      };
    })
    .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || compare(a.id, b.id));

  const relations = db
    .all<{ from_kind: string; from_key: string; type: string; to_kind: string; to_key: string; document_id: number; line: number }>(
      sql`select from_kind, from_key, type, to_kind, to_key, document_id, line from graph_edges`,
    )
    .map((e) => ({ source: `${e.from_kind}:${e.from_key}`, type: e.type, target: `${e.to_kind}:${e.to_key}`, document: fileOf.get(e.document_id) as string, line: e.line }))
    .sort((a, b) => compare(a.source, b.source) || compare(a.type, b.type) || compare(a.target, b.target));

  const roleSlugs = new Map(db.select({ id: s.roles.id, slug: s.roles.slug }).from(s.roles).all().map((r) => [r.id, r.slug]));
  const crosswalks = [...crosswalksByRole(db)].flatMap(([roleId, list]) => list.map((c) => ({ role: ids.role(roleSlugs.get(roleId) as string), ...c })));

  return {
    version: dataVersion,
    madeAt: release?.madeAt ?? seededAt,
    documents: documents.map((d) => ({ file: d.file, sha256: d.sha256, title: d.titlePl })),
    nodes,
    relations,
    crosswalks,
  };
}

/** Code-point order: the same on every machine, whatever its locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

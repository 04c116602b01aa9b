import type { Db } from '../db/open-database.js';
import * as s from '../db/schema.js';
import { normalizeName } from '../lib/text.js';
import { ids, urls } from '../model/ids.js';
import type { Localized } from './localized.js';
import { allRows } from './raw-rows.js';
import { entityVersionLookup } from './entity-versions.js';

type RoleRow = typeof s.roles.$inferSelect;
type Alias = { name: string; lang?: 'pl' | 'en'; source: { document: string; line: number } | { file: string } };
/** Concept names and descriptions come from the curated vocabulary (the path as the repository has it). */
const CURATED_VOCABULARY = 'seed/vocabulary.json';
type TechnologyRow = typeof s.technologies.$inferSelect;
type SkillRow = typeof s.skills.$inferSelect;
type ConceptRow = typeof s.concepts.$inferSelect;

/**
 * The small, always-needed lookups (documents, names, slugs), read once per database handle: the
 * serving database never changes under a handle, the seed replaces the file whole.
 */
export class ReferenceData {
  readonly documents: Map<number, typeof s.documents.$inferSelect>;
  readonly roles: Map<number, RoleRow>;
  readonly technologies: Map<number, TechnologyRow>;
  readonly skills: Map<number, SkillRow>;
  readonly concepts: Map<number, ConceptRow>;
  readonly roleBySlug: Map<string, RoleRow>;
  readonly technologyBySlug: Map<string, TechnologyRow>;
  readonly skillBySlug: Map<string, SkillRow>;
  /** A skill by its Polish or English name, folded. */
  readonly skillByName: Map<string, SkillRow>;
  readonly technologyByAlias: Map<string, TechnologyRow>;
  readonly roleByAlias: Map<string, RoleRow>;
  readonly technologyAliases: Map<number, Alias[]>;
  readonly roleAliases: Map<number, Alias[]>;
  /** Technology id → the skill naming the same thing, and back (Kubernetes the technology is Kubernetes the skill). */
  readonly skillOfTechnology = new Map<number, number>();
  readonly technologyOfSkill = new Map<number, number>();

  private versionOf?: (entityId: string) => string | null;

  constructor(private readonly db: Db) {
    const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
    this.documents = byId(db.select().from(s.documents).all());
    this.roles = byId(allRows(db, s.roles));
    this.technologies = byId(allRows(db, s.technologies));
    this.skills = byId(allRows(db, s.skills));
    this.concepts = byId(allRows(db, s.concepts));
    this.roleBySlug = new Map([...this.roles.values()].map((r) => [r.slug, r]));
    this.technologyBySlug = new Map([...this.technologies.values()].map((r) => [r.slug, r]));
    this.skillBySlug = new Map([...this.skills.values()].map((r) => [r.slug, r]));
    this.skillByName = new Map([...this.skills.values()].flatMap((r) => [r.namePl, r.nameEn ?? r.namePl].map((name) => [normalizeName(name), r] as const)));
    this.technologyByAlias = new Map();
    this.technologyAliases = new Map();
    for (const a of db.select().from(s.technologyAliases).orderBy(s.technologyAliases.id).all()) {
      this.technologyByAlias.set(a.normalized, this.technologies.get(a.technologyId)!);
      this.technologyAliases.set(a.technologyId, [...(this.technologyAliases.get(a.technologyId) ?? []), { name: a.alias, source: this.provenance(a) }]);
    }
    this.roleByAlias = new Map();
    this.roleAliases = new Map();
    for (const a of db.select().from(s.roleAliases).orderBy(s.roleAliases.id).all()) {
      this.roleByAlias.set(a.normalized, this.roles.get(a.roleId)!);
      this.roleAliases.set(a.roleId, [...(this.roleAliases.get(a.roleId) ?? []), { name: a.alias, lang: a.lang, source: this.provenance(a) }]);
    }
    for (const skill of this.skills.values()) {
      const technology =
        this.technologyBySlug.get(skill.slug) ??
        this.technologyByAlias.get(normalizeName(skill.namePl)) ??
        (skill.nameEn ? this.technologyByAlias.get(normalizeName(skill.nameEn)) : undefined);
      if (technology && !this.skillOfTechnology.has(technology.id)) {
        this.skillOfTechnology.set(technology.id, skill.id);
        this.technologyOfSkill.set(skill.id, technology.id);
      }
    }
  }

  /** The release in which an entity last changed (`updatedIn`). */
  updatedIn(entityId: string): string | null {
    this.versionOf ??= entityVersionLookup(this.db);
    return this.versionOf(entityId);
  }

  /** Ids of the nodes of another kind that name the same real thing as this technology. */
  technologySameAs(id: number): string[] {
    const skill = this.skillOfTechnology.get(id);
    return skill === undefined ? [] : [ids.skill(this.skills.get(skill)!.slug)];
  }

  skillSameAs(id: number): string[] {
    const technology = this.technologyOfSkill.get(id);
    return technology === undefined ? [] : [ids.technology(this.technologies.get(technology)!.slug)];
  }

  /** A document line when the row has one, else the curated file. */
  provenance(row: { documentId: number | null; line: number | null; curatedFile: string | null }): { document: string; line: number } | { file: string } {
    return row.documentId !== null && row.line !== null ? this.source({ documentId: row.documentId, line: row.line }) : { file: row.curatedFile! };
  }

  /** The source line when it contains the served name (as written or inflected), else the curated vocabulary. */
  nameSource(row: { documentId: number; line: number; nameCurated: boolean }): { document: string; line: number } | { file: string } {
    return row.nameCurated ? { file: CURATED_VOCABULARY } : this.source(row);
  }

  source(row: { documentId: number; line: number }) {
    return { document: this.documents.get(row.documentId)!.file, line: row.line };
  }

  roleRef(id: number, l: Localized, field: string) {
    const role = this.roles.get(id)!;
    return { id: ids.role(role.slug), slug: role.slug, name: l.text(`${field}.name`, role.namePl, role.nameEn), url: urls.role(role.slug) };
  }

  technologyRef(id: number) {
    const t = this.technologies.get(id)!;
    return { id: ids.technology(t.slug), slug: t.slug, name: t.name, kind: t.kind, url: urls.technology(t.slug) };
  }

  skillRef(id: number, l: Localized, field: string) {
    const skill = this.skills.get(id)!;
    return { id: ids.skill(skill.slug), slug: skill.slug, name: l.text(`${field}.name`, skill.namePl, skill.nameEn), kind: skill.kind, url: urls.skill(skill.slug) };
  }

  conceptMention(id: number, matched: string, source: { documentId: number; line: number }, l: Localized, field: string) {
    const c = this.concepts.get(id)!;
    return {
      id: ids.concept(c.slug),
      slug: c.slug,
      name: l.text(`${field}.name`, c.namePl, c.nameEn),
      description: l.text(`${field}.description`, c.descriptionPl ?? '', c.descriptionEn),
      matched,
      source: this.source(source),
      descriptionSource: { file: CURATED_VOCABULARY },
    };
  }
}

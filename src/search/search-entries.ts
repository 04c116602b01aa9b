import type { BaseSQLiteDatabase } from '../db/drizzle.cjs';
import * as s from '../db/schema.js';
import { urls } from '../model/ids.js';

export const SEARCH_KINDS = ['role', 'responsibility', 'task', 'technology', 'skill', 'category', 'concept', 'comparison'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One text in both languages; `en` is null when there is no translation (the English row then indexes the Polish). */
export interface Bilingual {
  pl: string;
  en: string | null;
}

/** A graph node as search indexes it. */
export interface SearchEntry {
  kind: SearchKind;
  /** The node key, as in the graph_nodes view: the node id is `kind:key`. */
  key: string;
  slug: string;
  name: Bilingual;
  /** Other names, in whichever language the document or the vocabulary gives them. */
  aliases: string[];
  /** Texts about the node, ranked below its names. */
  body: Bilingual[];
  url: string | null;
  documentId: number;
  line: number;
  /** Whether name completion offers the node (tasks have texts, not names). */
  suggest: boolean;
}

type Tx = BaseSQLiteDatabase<'sync', unknown, typeof s>;

const both = (pl: string | null | undefined, en: string | null | undefined): Bilingual[] => (pl ? [{ pl, en: en ?? null }] : []);
const distinct = <T>(values: T[]) => [...new Set(values)];

/** Rows grouped by an owner id, keeping their order: one pass instead of a filter per owner (ESCO size is quadratic otherwise). */
function groupBy<T>(rows: T[], owner: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const id = owner(row);
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return groups;
}
const NONE: never[] = [];

/** Reads every node of the freshly written graph, with the names and texts search should find it by. */
export function collectSearchEntries(tx: Tx): SearchEntry[] {
  const roles = new Map(tx.select().from(s.roles).all().map((r) => [r.id, r]));
  const responsibilities = new Map(tx.select().from(s.responsibilities).all().map((r) => [r.id, r]));
  const tasks = new Map(tx.select().from(s.tasks).all().map((t) => [t.id, t]));
  const technologies = tx.select().from(s.technologies).all();
  const technologyAliases = tx.select().from(s.technologyAliases).orderBy(s.technologyAliases.id).all();
  const roleAliases = tx.select().from(s.roleAliases).orderBy(s.roleAliases.id).all();
  const roleSkills = tx.select().from(s.roleSkills).orderBy(s.roleSkills.id).all();

  const responsibilityKey = (id: number) => {
    const r = responsibilities.get(id)!;
    return `${roles.get(r.roleId)!.slug}.${r.slug}`;
  };
  const responsibilityUrl = (id: number) => {
    const r = responsibilities.get(id)!;
    return urls.responsibility(roles.get(r.roleId)!.slug, r.slug);
  };
  const aliasesOf = <T extends { alias: string }>(rows: T[] | undefined) => distinct((rows ?? NONE).map((a) => a.alias));
  const technologyAliasesOf = groupBy(technologyAliases, (a) => a.technologyId);
  const roleAliasesOf = groupBy(roleAliases, (a) => a.roleId);
  const technologyBySlug = new Map(technologies.map((t) => [t.slug, t]));
  const entries: SearchEntry[] = [];

  const roleTexts = tx.select().from(s.roleTexts).orderBy(s.roleTexts.section, s.roleTexts.position).all();
  const analogies = tx.select().from(s.analogies).all();
  const analogySides = tx.select().from(s.analogySides).orderBy(s.analogySides.position).all();
  const textsOf = groupBy(roleTexts, (t) => t.roleId);
  const analogiesOf = groupBy(analogies, (a) => a.roleId);
  const sidesOf = groupBy(analogySides, (side) => side.analogyId);
  for (const role of roles.values()) {
    const ownAnalogies = analogiesOf.get(role.id) ?? NONE;
    entries.push({
      kind: 'role',
      key: role.slug,
      slug: role.slug,
      name: { pl: role.namePl, en: role.nameEn },
      aliases: aliasesOf(roleAliasesOf.get(role.id)),
      body: [
        ...both(role.definitionPl, role.definitionEn),
        ...(textsOf.get(role.id) ?? NONE).flatMap((t) => [...both(t.labelPl, t.labelEn), ...both(t.textPl, t.textEn)]),
        ...ownAnalogies.flatMap((a) => [
          ...both(a.titlePl, a.titleEn),
          ...(sidesOf.get(a.id) ?? NONE).flatMap((side) => [...both(side.labelPl, side.labelEn), ...both(side.textPl, side.textEn)]),
        ]),
      ],
      url: urls.role(role.slug),
      documentId: role.documentId,
      line: role.line,
      suggest: true,
    });
  }

  const toolNotes = tx.select().from(s.responsibilityToolNotes).orderBy(s.responsibilityToolNotes.position).all();
  const contexts = tx.select().from(s.responsibilityTechnologies).orderBy(s.responsibilityTechnologies.position).all();
  const notesOf = groupBy(toolNotes, (n) => n.responsibilityId);
  const contextsOf = groupBy(contexts, (c) => c.responsibilityId);
  for (const r of responsibilities.values()) {
    const contextTexts = new Map((contextsOf.get(r.id) ?? NONE).filter((c) => c.contextPl).map((c) => [c.contextPl!, c.contextEn]));
    entries.push({
      kind: 'responsibility',
      key: responsibilityKey(r.id),
      slug: r.slug,
      name: { pl: r.namePl, en: r.nameEn },
      aliases: r.term ? [r.term] : [],
      body: [
        ...(notesOf.get(r.id) ?? NONE).flatMap((n) => both(n.textPl, n.textEn)),
        ...[...contextTexts].flatMap(([pl, en]) => both(pl, en)),
      ],
      url: responsibilityUrl(r.id),
      documentId: r.documentId,
      line: r.line,
      suggest: true,
    });
  }

  for (const t of tasks.values()) {
    entries.push({
      kind: 'task',
      key: `${responsibilityKey(t.responsibilityId)}.${t.key}`,
      slug: t.key,
      name: { pl: t.textPl, en: t.textEn },
      aliases: [],
      body: both(t.textPl, t.textEn),
      url: responsibilityUrl(t.responsibilityId),
      documentId: t.documentId,
      line: t.line,
      suggest: false,
    });
  }

  for (const t of technologies) {
    entries.push({
      kind: 'technology',
      key: t.slug,
      slug: t.slug,
      name: { pl: t.name, en: t.name },
      aliases: aliasesOf(technologyAliasesOf.get(t.id)),
      body: [],
      url: urls.technology(t.slug),
      documentId: t.documentId,
      line: t.line,
      suggest: true,
    });
  }

  const roleSkillsOf = groupBy(roleSkills, (rs) => rs.skillId);
  for (const skill of tx.select().from(s.skills).all()) {
    // A skill that is a technology ("Python") answers to the technology's aliases too.
    const sameTechnology = technologyBySlug.get(skill.slug);
    entries.push({
      kind: 'skill',
      key: skill.slug,
      slug: skill.slug,
      name: { pl: skill.namePl, en: skill.nameEn },
      aliases: sameTechnology ? aliasesOf(technologyAliasesOf.get(sameTechnology.id)) : [],
      body: distinctTexts((roleSkillsOf.get(skill.id) ?? NONE).flatMap((rs) => both(rs.textPl, rs.textEn))),
      url: urls.skill(skill.slug),
      documentId: skill.documentId,
      line: skill.line,
      suggest: true,
    });
  }

  const roleCategories = tx.select().from(s.roleSkillCategories).orderBy(s.roleSkillCategories.line, s.roleSkillCategories.roleId).all();
  const firstRoleOf = groupBy(roleCategories, (rc) => rc.categoryId);
  for (const c of tx.select().from(s.skillCategories).all()) {
    const firstRole = firstRoleOf.get(c.id)?.[0];
    entries.push({
      kind: 'category',
      key: c.slug,
      slug: c.slug,
      name: { pl: c.namePl, en: c.nameEn },
      aliases: [],
      body: [],
      url: firstRole ? urls.roleSkills(roles.get(firstRole.roleId)!.slug) : null,
      documentId: c.documentId,
      line: c.line,
      suggest: true,
    });
  }

  const taskMentions = tx.select().from(s.taskConcepts).all();
  const responsibilityMentions = tx.select().from(s.responsibilityConcepts).all();
  const taskMentionsOf = groupBy(taskMentions, (m) => m.conceptId);
  const responsibilityMentionsOf = groupBy(responsibilityMentions, (m) => m.conceptId);
  for (const c of tx.select().from(s.concepts).all()) {
    const mentions = [
      ...(taskMentionsOf.get(c.id) ?? NONE).map((m) => ({ ...m, responsibilityId: tasks.get(m.taskId)!.responsibilityId })),
      ...(responsibilityMentionsOf.get(c.id) ?? NONE),
    ].sort((a, b) => a.documentId - b.documentId || a.line - b.line);
    entries.push({
      kind: 'concept',
      key: c.slug,
      slug: c.slug,
      name: { pl: c.namePl, en: c.nameEn },
      aliases: distinct(mentions.map((m) => m.matched)),
      body: both(c.descriptionPl, c.descriptionEn),
      // Concepts have no resource of their own: a hit leads to where the document first mentions them.
      url: mentions.length > 0 ? responsibilityUrl(mentions[0].responsibilityId) : null,
      documentId: c.documentId,
      line: c.line,
      suggest: true,
    });
  }

  const sides = groupBy(tx.select().from(s.comparisonSides).orderBy(s.comparisonSides.position).all(), (side) => side.comparisonId);
  for (const c of tx.select().from(s.comparisons).orderBy(s.comparisons.position).all()) {
    entries.push({
      kind: 'comparison',
      key: c.slug,
      slug: c.slug,
      name: { pl: c.titlePl, en: null },
      aliases: [],
      // A side's text holds its focus and key question as well.
      body: (sides.get(c.id) ?? NONE).flatMap((side) => both(side.textPl, side.textEn)),
      url: urls.roleComparisons(roles.get(c.roleId)!.slug),
      documentId: c.documentId,
      line: c.line,
      suggest: true,
    });
  }
  return entries;
}

function distinctTexts(texts: Bilingual[]): Bilingual[] {
  const seen = new Set<string>();
  return texts.filter((t) => !seen.has(t.pl) && seen.add(t.pl));
}

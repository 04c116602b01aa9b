import { check, index, integer, primaryKey, sql, sqliteTable, text, unique } from './drizzle.cjs';

/**
 * Every entity and every relation carries its provenance: the document it was read from and the
 * 1-based line. Localized text is stored as a Polish source column plus a curated English column
 * (null when no translation exists, so the API can say it fell back).
 */
const provenance = () => ({
  documentId: integer('document_id')
    .notNull()
    .references(() => documents.id),
  line: integer('line').notNull(),
});

export const TECHNOLOGY_KINDS = ['language', 'library', 'framework', 'platform', 'tool', 'database', 'cloud', 'service'] as const;
export const ROLE_TEXT_SECTIONS = ['introduction', 'summary'] as const;
export const SKILL_KINDS = ['technical', 'soft'] as const;

/**
 * Where an alias was read from: the first document line that uses it (as written or inflected), or,
 * for a name no document uses, the curated file that gives it. Exactly one of the two is set.
 */
const aliasProvenance = () => ({
  documentId: integer('document_id').references(() => documents.id),
  line: integer('line'),
  curatedFile: text('curated_file'),
});

export const ALIAS_LANGUAGES = ['pl', 'en'] as const;

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

export const documents = sqliteTable('documents', {
  id: integer('id').primaryKey(),
  file: text('file').notNull().unique(),
  sha256: text('sha256').notNull(),
  module: integer('module').notNull(),
  point: integer('point').notNull(),
  titlePl: text('title_pl').notNull(),
  titleEn: text('title_en'),
  lineCount: integer('line_count').notNull(),
});

export const roles = sqliteTable(
  'roles',
  {
    id: integer('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    namePl: text('name_pl').notNull(),
    nameEn: text('name_en'),
    /** The document that describes this role in full (null for roles only named by other documents). */
    primaryDocumentId: integer('primary_document_id').references(() => documents.id),
    definitionPl: text('definition_pl'),
    definitionEn: text('definition_en'),
    definitionLine: integer('definition_line'),
    ...provenance(),
  },
  (t) => [check('roles_slug_format', sql`${t.slug} glob '[a-z0-9]*' and ${t.slug} not glob '*[^a-z0-9-]*'`)],
);

export const roleAliases = sqliteTable(
  'role_aliases',
  {
    id: integer('id').primaryKey(),
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    normalized: text('normalized').notNull(),
    /** The language the alias belongs to ("Inżynier AI" is Polish, "Artificial Intelligence Engineer" English). */
    lang: text('lang', { enum: ALIAS_LANGUAGES }).notNull(),
    ...aliasProvenance(),
  },
  (t) => [
    unique('role_aliases_normalized').on(t.normalized),
    check('role_aliases_source', sql`(${t.line} is null) <> (${t.curatedFile} is null)`),
  ],
);

export const roleTexts = sqliteTable(
  'role_texts',
  {
    id: integer('id').primaryKey(),
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    section: text('section', { enum: ROLE_TEXT_SECTIONS }).notNull(),
    position: integer('position').notNull(),
    labelPl: text('label_pl'),
    labelEn: text('label_en'),
    textPl: text('text_pl').notNull(),
    textEn: text('text_en'),
    ...provenance(),
  },
  (t) => [
    unique('role_texts_position').on(t.roleId, t.section, t.position),
    check('role_texts_section', inList('section', ROLE_TEXT_SECTIONS)),
  ],
);

export const analogies = sqliteTable(
  'analogies',
  {
    id: integer('id').primaryKey(),
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    titlePl: text('title_pl').notNull(),
    titleEn: text('title_en'),
    ...provenance(),
  },
  (t) => [index('analogies_role').on(t.roleId)],
);

export const analogySides = sqliteTable(
  'analogy_sides',
  {
    id: integer('id').primaryKey(),
    analogyId: integer('analogy_id')
      .notNull()
      .references(() => analogies.id, { onDelete: 'cascade' }),
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id),
    position: integer('position').notNull(),
    labelPl: text('label_pl'),
    labelEn: text('label_en'),
    textPl: text('text_pl').notNull(),
    textEn: text('text_en'),
    ...provenance(),
  },
  (t) => [unique('analogy_sides_position').on(t.analogyId, t.position), index('analogy_sides_role').on(t.roleId)],
);

export const responsibilities = sqliteTable(
  'responsibilities',
  {
    id: integer('id').primaryKey(),
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    position: integer('position').notNull(),
    namePl: text('name_pl').notNull(),
    nameEn: text('name_en'),
    /** The English name or expansion the document gives in parentheses after the Polish name. */
    term: text('term'),
    ...provenance(),
  },
  (t) => [
    unique('responsibilities_slug').on(t.roleId, t.slug),
    unique('responsibilities_position').on(t.roleId, t.position),
    check('responsibilities_position_positive', sql`${t.position} >= 1`),
  ],
);

export const tasks = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey(),
    responsibilityId: integer('responsibility_id')
      .notNull()
      .references(() => responsibilities.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** Stable across re-seeds: derived from the task's own text (src/model/ids.ts), not its position. */
    // The default only lets SQLite add the column; the seed always sets it.
    key: text('key').notNull().default(''),
    textPl: text('text_pl').notNull(),
    textEn: text('text_en'),
    ...provenance(),
  },
  (t) => [unique('tasks_position').on(t.responsibilityId, t.position), unique('tasks_key').on(t.responsibilityId, t.key)],
);

export const technologies = sqliteTable(
  'technologies',
  {
    id: integer('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: TECHNOLOGY_KINDS }).notNull(),
    /** The name is the vocabulary's ("Apache Airflow"), not the words of the source line ("Airflow"). */
    nameCurated: integer('name_curated', { mode: 'boolean' }).notNull().default(false),
    ...provenance(),
  },
  () => [check('technologies_kind', inList('kind', TECHNOLOGY_KINDS))],
);

export const technologyAliases = sqliteTable(
  'technology_aliases',
  {
    id: integer('id').primaryKey(),
    technologyId: integer('technology_id')
      .notNull()
      .references(() => technologies.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    normalized: text('normalized').notNull(),
    ...aliasProvenance(),
  },
  (t) => [
    unique('technology_aliases_normalized').on(t.normalized),
    check('technology_aliases_source', sql`(${t.line} is null) <> (${t.curatedFile} is null)`),
  ],
);

export const responsibilityTechnologies = sqliteTable(
  'responsibility_technologies',
  {
    responsibilityId: integer('responsibility_id')
      .notNull()
      .references(() => responsibilities.id, { onDelete: 'cascade' }),
    technologyId: integer('technology_id')
      .notNull()
      .references(() => technologies.id),
    position: integer('position').notNull(),
    /** The non-technology text a technology was listed under, e.g. "praca z bazami danych (SQL, NoSQL)". */
    contextPl: text('context_pl'),
    contextEn: text('context_en'),
    ...provenance(),
  },
  (t) => [primaryKey({ columns: [t.responsibilityId, t.technologyId] }), index('responsibility_technologies_technology').on(t.technologyId)],
);

/** Items of a "Technologie:" list that name no technology ("narzędzia monitorujące dostawców chmurowych"). */
export const responsibilityToolNotes = sqliteTable(
  'responsibility_tool_notes',
  {
    id: integer('id').primaryKey(),
    responsibilityId: integer('responsibility_id')
      .notNull()
      .references(() => responsibilities.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    textPl: text('text_pl').notNull(),
    textEn: text('text_en'),
    ...provenance(),
  },
  (t) => [index('responsibility_tool_notes_responsibility').on(t.responsibilityId)],
);

export const taskTechnologies = sqliteTable(
  'task_technologies',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    technologyId: integer('technology_id')
      .notNull()
      .references(() => technologies.id),
    matched: text('matched').notNull(),
    ...provenance(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.technologyId] }), index('task_technologies_technology').on(t.technologyId)],
);

export const concepts = sqliteTable('concepts', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  namePl: text('name_pl').notNull(),
  nameEn: text('name_en'),
  descriptionPl: text('description_pl'),
  descriptionEn: text('description_en'),
  ...provenance(),
});

export const taskConcepts = sqliteTable(
  'task_concepts',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    conceptId: integer('concept_id')
      .notNull()
      .references(() => concepts.id),
    matched: text('matched').notNull(),
    ...provenance(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.conceptId] })],
);

export const responsibilityConcepts = sqliteTable(
  'responsibility_concepts',
  {
    responsibilityId: integer('responsibility_id')
      .notNull()
      .references(() => responsibilities.id, { onDelete: 'cascade' }),
    conceptId: integer('concept_id')
      .notNull()
      .references(() => concepts.id),
    matched: text('matched').notNull(),
    ...provenance(),
  },
  (t) => [primaryKey({ columns: [t.responsibilityId, t.conceptId] })],
);

export const skillCategories = sqliteTable(
  'skill_categories',
  {
    id: integer('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    namePl: text('name_pl').notNull(),
    nameEn: text('name_en'),
    kind: text('kind', { enum: SKILL_KINDS }).notNull(),
    ...provenance(),
  },
  () => [check('skill_categories_kind', inList('kind', SKILL_KINDS))],
);

export const skills = sqliteTable(
  'skills',
  {
    id: integer('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    namePl: text('name_pl').notNull(),
    nameEn: text('name_en'),
    kind: text('kind', { enum: SKILL_KINDS }).notNull(),
    /** The Polish name is the vocabulary's ("relacyjne bazy danych"), not in any case on the source line ("Zarówno relacyjne"). */
    nameCurated: integer('name_curated', { mode: 'boolean' }).notNull().default(false),
    ...provenance(),
  },
  () => [check('skills_kind', inList('kind', SKILL_KINDS))],
);

export const roleSkillCategories = sqliteTable(
  'role_skill_categories',
  {
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => skillCategories.id),
    position: integer('position').notNull(),
    ...provenance(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.categoryId] }), unique('role_skill_categories_position').on(t.roleId, t.position)],
);

export const roleSkills = sqliteTable(
  'role_skills',
  {
    id: integer('id').primaryKey(),
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    skillId: integer('skill_id')
      .notNull()
      .references(() => skills.id),
    categoryId: integer('category_id')
      .notNull()
      .references(() => skillCategories.id),
    position: integer('position').notNull(),
    /** The source wording of the item, as written ("Głównie Python (perfekcyjna znajomość)"). */
    textPl: text('text_pl').notNull(),
    textEn: text('text_en'),
    qualifierPl: text('qualifier_pl'),
    qualifierEn: text('qualifier_en'),
    ...provenance(),
  },
  (t) => [unique('role_skills_skill').on(t.roleId, t.skillId), index('role_skills_by_skill').on(t.skillId)],
);

export const skillTechnologies = sqliteTable(
  'skill_technologies',
  {
    skillId: integer('skill_id')
      .notNull()
      .references(() => skills.id, { onDelete: 'cascade' }),
    technologyId: integer('technology_id')
      .notNull()
      .references(() => technologies.id),
    ...provenance(),
  },
  (t) => [primaryKey({ columns: [t.skillId, t.technologyId] }), index('skill_technologies_technology').on(t.technologyId)],
);

export const comparisons = sqliteTable(
  'comparisons',
  {
    id: integer('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id),
    otherRoleId: integer('other_role_id')
      .notNull()
      .references(() => roles.id),
    position: integer('position').notNull(),
    titlePl: text('title_pl').notNull(),
    ...provenance(),
  },
  (t) => [
    check('comparisons_distinct_roles', sql`${t.roleId} <> ${t.otherRoleId}`),
    index('comparisons_role').on(t.roleId),
    index('comparisons_other_role').on(t.otherRoleId),
  ],
);

export const comparisonSides = sqliteTable(
  'comparison_sides',
  {
    id: integer('id').primaryKey(),
    comparisonId: integer('comparison_id')
      .notNull()
      .references(() => comparisons.id, { onDelete: 'cascade' }),
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id),
    position: integer('position').notNull(),
    textPl: text('text_pl').notNull(),
    textEn: text('text_en'),
    focusPl: text('focus_pl').notNull(),
    focusEn: text('focus_en'),
    keyQuestionPl: text('key_question_pl'),
    keyQuestionEn: text('key_question_en'),
    ...provenance(),
  },
  (t) => [unique('comparison_sides_role').on(t.comparisonId, t.roleId)],
);

export const comparisonSideTechnologies = sqliteTable(
  'comparison_side_technologies',
  {
    sideId: integer('side_id')
      .notNull()
      .references(() => comparisonSides.id, { onDelete: 'cascade' }),
    technologyId: integer('technology_id')
      .notNull()
      .references(() => technologies.id),
    position: integer('position').notNull(),
    matched: text('matched').notNull(),
    ...provenance(),
  },
  (t) => [primaryKey({ columns: [t.sideId, t.technologyId] }), index('comparison_side_technologies_technology').on(t.technologyId)],
);

export const MATCH_FORM_KINDS = ['technology', 'skill', 'role'] as const;

/**
 * Forms that find an entity in free text but are not names of it, so never served: curated inflected
 * forms ("Inżyniera AI") and wordings ("zasad SOLID"). `contextual` marks a common word or short
 * abbreviation ("Excel", "TF") that names the entity only where context says so.
 */
export const matchForms = sqliteTable(
  'match_forms',
  {
    id: integer('id').primaryKey(),
    kind: text('kind', { enum: MATCH_FORM_KINDS }).notNull(),
    slug: text('slug').notNull(),
    form: text('form').notNull(),
    contextual: integer('contextual', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('match_forms_entity').on(t.kind, t.slug)],
);

/** One row per seed: what the database was built from. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const CROSSWALK_SCHEMES = ['esco', 'isco-08', 'onet-soc'] as const;
export const MATCH_TYPES = ['exact', 'close', 'broad', 'narrow', 'related'] as const;

/**
 * A role's place in a public taxonomy (ESCO occupations, ISCO-08 unit groups, O*NET-SOC), curated in
 * seed/crosswalks.json with the published file and row it was read from. ESCO gives a URI, the others a code.
 */
export const roleCrosswalks = sqliteTable(
  'role_crosswalks',
  {
    id: integer('id').primaryKey(),
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    scheme: text('scheme', { enum: CROSSWALK_SCHEMES }).notNull(),
    code: text('code'),
    uri: text('uri'),
    label: text('label').notNull(),
    match: text('match', { enum: MATCH_TYPES }).notNull(),
    sourceFile: text('source_file').notNull(),
    sourceRow: text('source_row').notNull(),
  },
  (t) => [
    index('role_crosswalks_role').on(t.roleId),
    check('role_crosswalks_target', sql`${t.code} is not null or ${t.uri} is not null`),
    check('role_crosswalks_scheme', inList('scheme', CROSSWALK_SCHEMES)),
    check('role_crosswalks_match', inList('match', MATCH_TYPES)),
  ],
);

export const CHANGE_KINDS = ['created', 'updated', 'removed'] as const;

/**
 * The releases of the data, copied from the append-only release log committed with the documents
 * (so every replica and image built from one commit serves the same history). `kept` is false for
 * releases older than the history the database keeps changes for: a client naming one gets a 410.
 */
export const releases = sqliteTable('releases', {
  id: integer('id').primaryKey(),
  version: text('version').notNull().unique(),
  madeAt: text('made_at').notNull(),
  /** JSON: the documents with their SHA-256, as the release was made from them. */
  documents: text('documents').notNull(),
  created: integer('created').notNull(),
  updated: integer('updated').notNull(),
  removed: integer('removed').notNull(),
  kept: integer('kept', { mode: 'boolean' }).notNull(),
});

export const releaseChanges = sqliteTable(
  'release_changes',
  {
    id: integer('id').primaryKey(),
    releaseId: integer('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    entityId: text('entity_id').notNull(),
    kind: text('kind').notNull(),
    change: text('change', { enum: CHANGE_KINDS }).notNull(),
    /** JSON array of what changed (name, texts, relations); null for created and removed. */
    fields: text('fields'),
    replacedBy: text('replaced_by'),
  },
  (t) => [index('release_changes_release').on(t.releaseId), check('release_changes_change', inList('change', CHANGE_KINDS))],
);

/** The release in which each served entity last changed (`updatedIn`). */
export const entityVersions = sqliteTable('entity_versions', {
  entityId: text('entity_id').primaryKey(),
  version: text('version').notNull(),
});

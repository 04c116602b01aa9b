import type * as s from '../db/schema.js';

/** Everything the seed writes, as rows with their ids already assigned (deterministic for the same input). */
export interface GraphModel {
  documents: (typeof s.documents.$inferInsert)[];
  roles: (typeof s.roles.$inferInsert)[];
  roleAliases: (typeof s.roleAliases.$inferInsert)[];
  roleTexts: (typeof s.roleTexts.$inferInsert)[];
  analogies: (typeof s.analogies.$inferInsert)[];
  analogySides: (typeof s.analogySides.$inferInsert)[];
  technologies: (typeof s.technologies.$inferInsert)[];
  technologyAliases: (typeof s.technologyAliases.$inferInsert)[];
  responsibilities: (typeof s.responsibilities.$inferInsert)[];
  tasks: (typeof s.tasks.$inferInsert)[];
  responsibilityTechnologies: (typeof s.responsibilityTechnologies.$inferInsert)[];
  responsibilityToolNotes: (typeof s.responsibilityToolNotes.$inferInsert)[];
  taskTechnologies: (typeof s.taskTechnologies.$inferInsert)[];
  concepts: (typeof s.concepts.$inferInsert)[];
  taskConcepts: (typeof s.taskConcepts.$inferInsert)[];
  responsibilityConcepts: (typeof s.responsibilityConcepts.$inferInsert)[];
  skillCategories: (typeof s.skillCategories.$inferInsert)[];
  skills: (typeof s.skills.$inferInsert)[];
  roleSkillCategories: (typeof s.roleSkillCategories.$inferInsert)[];
  roleSkills: (typeof s.roleSkills.$inferInsert)[];
  skillTechnologies: (typeof s.skillTechnologies.$inferInsert)[];
  comparisons: (typeof s.comparisons.$inferInsert)[];
  comparisonSides: (typeof s.comparisonSides.$inferInsert)[];
  comparisonSideTechnologies: (typeof s.comparisonSideTechnologies.$inferInsert)[];
  matchForms: (typeof s.matchForms.$inferInsert)[];
  roleCrosswalks: (typeof s.roleCrosswalks.$inferInsert)[];
}

export const GRAPH_TABLES = [
  'documents',
  'roles',
  'roleAliases',
  'roleTexts',
  'analogies',
  'analogySides',
  'technologies',
  'technologyAliases',
  'responsibilities',
  'tasks',
  'responsibilityTechnologies',
  'responsibilityToolNotes',
  'taskTechnologies',
  'concepts',
  'taskConcepts',
  'responsibilityConcepts',
  'skillCategories',
  'skills',
  'roleSkillCategories',
  'roleSkills',
  'skillTechnologies',
  'comparisons',
  'comparisonSides',
  'comparisonSideTechnologies',
  'matchForms',
  'roleCrosswalks',
] as const satisfies readonly (keyof GraphModel)[];

export function emptyGraphModel(): GraphModel {
  return Object.fromEntries(GRAPH_TABLES.map((t) => [t, []])) as unknown as GraphModel;
}

export interface Source {
  documentId: number;
  line: number;
}

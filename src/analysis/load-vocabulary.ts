import type { CatalogRepository } from '../repositories/catalog-repository.js';
import type { RolesRepository } from '../repositories/roles-repository.js';
import type { VocabularyData } from './vocabulary-index.js';

/**
 * The names the database holds, read through the repositories: technologies with their aliases,
 * skills under their Polish and English names, roles with their names and aliases. Skill forms beyond
 * the two names (the vocabulary's curated "wzorców projektowych") are not in the database, so they
 * are not matched; see the report on this module.
 */
export function loadVocabulary(catalog: CatalogRepository, roles: RolesRepository): VocabularyData {
  return {
    technologies: catalog.listTechnologies().map((t) => ({ slug: t.slug, name: t.name, aliases: t.aliases })),
    skills: catalog.skillNames().map((s) => ({ slug: s.slug, names: [s.namePl, s.nameEn ?? s.namePl], technologies: s.technologies })),
    roles: roles.names().map((r) => ({ slug: r.slug, names: [r.namePl, r.nameEn ?? r.namePl, ...r.aliases] })),
  };
}

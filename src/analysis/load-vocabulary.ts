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
  const skillsEn = new Map(catalog.listSkills('en').map((s) => [s.slug, s.name]));
  return {
    technologies: catalog.listTechnologies().map((t) => ({ slug: t.slug, name: t.name, aliases: t.aliases })),
    skills: catalog.listSkills('pl').map((s) => ({
      slug: s.slug,
      names: [s.name, skillsEn.get(s.slug) ?? s.name],
      technologies: s.technologies.map((t) => t.slug),
    })),
    roles: roles.list('pl').map((r) => {
      const role = roles.get(r.slug, 'en');
      return { slug: r.slug, names: [r.name, role.name, ...role.aliases] };
    }),
  };
}

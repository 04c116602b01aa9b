import type { CatalogRepository } from '../repositories/catalog-repository.js';
import type { RolesRepository } from '../repositories/roles-repository.js';
import type { MatchForms } from './match-forms.js';
import type { VocabularyData } from './vocabulary-index.js';

/**
 * The names the database holds, read through the repositories (technologies with their aliases,
 * skills under their Polish and English names, roles with their names and aliases), plus the match
 * forms the seed stored for finding them in text: curated inflections and wordings ("zasad SOLID").
 */
export function loadVocabulary(catalog: CatalogRepository, roles: RolesRepository, match: MatchForms): VocabularyData {
  const forms = (kind: string, slug: string) => match.forms.get(`${kind}:${slug}`) ?? [];
  return {
    technologies: catalog.listTechnologies().map((t) => ({
      slug: t.slug,
      name: t.name,
      aliases: [...t.aliases.map((a) => a.name), ...forms('technology', t.slug)],
      contextual: match.contextual.get(`technology:${t.slug}`) ?? [],
    })),
    skills: catalog.skillNames().map((s) => ({ slug: s.slug, names: [s.namePl, s.nameEn ?? s.namePl, ...forms('skill', s.slug)], technologies: s.technologies })),
    roles: roles.names().map((r) => ({ slug: r.slug, names: [r.namePl, r.nameEn ?? r.namePl, ...r.aliases, ...forms('role', r.slug)] })),
  };
}

import type { CatalogRepository } from '../repositories/catalog-repository.js';
import type { RolesRepository } from '../repositories/roles-repository.js';
import { occupationJsonLd, skillJsonLd, technologyJsonLd, type JsonLdTarget } from './documents.js';

/** The JSON-LD documents of the detail routes, read through the same repositories as their JSON. */

export function readRoleJsonLd(roles: RolesRepository, identifier: string, target: JsonLdTarget) {
  const role = roles.get(identifier, target.lang);
  return occupationJsonLd(role, roles.responsibilities(role.slug, target.lang), roles.skills(role.slug, target.lang), target);
}

export function readTechnologyJsonLd(catalog: CatalogRepository, identifier: string, target: JsonLdTarget) {
  return technologyJsonLd(catalog.technology(identifier, target.lang), target);
}

export function readSkillJsonLd(catalog: CatalogRepository, identifier: string, target: JsonLdTarget) {
  return skillJsonLd(catalog.skill(identifier, target.lang), target);
}

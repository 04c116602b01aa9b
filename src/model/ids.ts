import { NODE_KINDS, type NodeKind } from './graph-vocabulary.js';
import { slugify } from '../lib/text.js';

/**
 * The one place that spells the identifiers and the addresses of entities. Every entity's `id` is its
 * graph-node id `kind:key`; nested entities join their parents' slugs with "." (slugs never hold one):
 * `responsibility:ai-engineer.mlops`, `task:ai-engineer.mlops.<task key>`.
 */

type EntityKind = NodeKind;

export function entityId(kind: EntityKind, key: string): string {
  return `${kind}:${key}`;
}

export const ids = {
  role: (role: string) => entityId('role', role),
  responsibility: (role: string, responsibility: string) => entityId('responsibility', `${role}.${responsibility}`),
  task: (role: string, responsibility: string, task: string) => entityId('task', `${role}.${responsibility}.${task}`),
  technology: (technology: string) => entityId('technology', technology),
  skill: (skill: string) => entityId('skill', skill),
  category: (category: string) => entityId('category', category),
  concept: (concept: string) => entityId('concept', concept),
  comparison: (comparison: string) => entityId('comparison', comparison),
};

/** `kind:key` split at its first colon, or null when the value names no known kind. */
export function parseEntityId(value: string): { kind: EntityKind; key: string } | null {
  const colon = value.indexOf(':');
  if (colon <= 0) return null;
  const kind = value.slice(0, colon).toLowerCase();
  return (NODE_KINDS as readonly string[]).includes(kind) ? { kind: kind as EntityKind, key: value.slice(colon + 1) } : null;
}

/**
 * The identifier an endpoint was given, with a `kind:` prefix of the expected kind removed: a path
 * segment that takes a role accepts `role:ai-engineer` as well as `ai-engineer` or `Inżynier AI`.
 */
export function withoutKindPrefix(kind: EntityKind, identifier: string): string {
  const parsed = parseEntityId(identifier);
  return parsed && parsed.kind === kind ? parsed.key : identifier;
}

const TASK_KEY_WORDS = 6;
const TASK_KEY_MAX = 60;

/**
 * A task's key, from its own (Polish, source) text: its first words as a slug. Inserting or editing
 * another paragraph changes no other task's key; two tasks of one responsibility that start alike get
 * `-2`, `-3` in document order (`taken` holds the keys already given in that responsibility).
 */
export function taskKey(text: string, taken: ReadonlySet<string>): string {
  const words = slugify(text).split('-').filter(Boolean).slice(0, TASK_KEY_WORDS).join('-');
  const base = words.slice(0, TASK_KEY_MAX).replace(/-+$/, '') || 'task';
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

const segment = encodeURIComponent;

/** The API's own addresses, relative to its root. */
export const urls = {
  role: (role: string) => `/roles/${segment(role)}`,
  responsibilities: (role: string) => `/roles/${segment(role)}/responsibilities`,
  responsibility: (role: string, responsibility: string) => `/roles/${segment(role)}/responsibilities/${segment(responsibility)}`,
  roleSkills: (role: string) => `/roles/${segment(role)}/skills`,
  roleTechnologies: (role: string) => `/roles/${segment(role)}/technologies`,
  roleComparisons: (role: string) => `/roles/${segment(role)}/comparisons`,
  technology: (technology: string) => `/technologies/${segment(technology)}`,
  skill: (skill: string) => `/skills/${segment(skill)}`,
  /** A graph node as an RDF resource in the exports (SKOS, JSON-LD): every node has one, with or without an endpoint. */
  node: (id: string) => `/graph/nodes/${segment(id)}`,
};

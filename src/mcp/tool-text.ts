import type { z } from 'zod';
import type { Lang } from '../lib/language.js';
import type { Extraction, RoleComparison, SkillGap } from '../schemas/analysis.js';
import type { Skill, Technology } from '../schemas/catalog.js';
import type { graphPathSchema, neighborhoodSchema } from '../schemas/graph.js';
import type { Responsibility, Role } from '../schemas/roles.js';
import type { searchPageSchema } from '../schemas/search.js';

/**
 * The short text each tool returns beside its structured result, for clients that read only text:
 * the answer's gist in the language asked for; the full answer is the structured content.
 */

const MAX_LINES = 25;
const say = (lang: Lang, pl: string, en: string) => (lang === 'pl' ? pl : en);
const names = (items: { name: string }[]) => (items.length ? items.map((i) => i.name).join(', ') : '—');
const percent = (ratio: number | null) => (ratio === null ? '—' : `${Math.round(ratio * 100)}%`);
/** At most MAX_LINES lines, then how many were left out. */
function lines(items: string[], lang: Lang): string {
  const shown = items.slice(0, MAX_LINES);
  if (items.length > shown.length) shown.push(say(lang, `… i ${items.length - shown.length} więcej`, `… and ${items.length - shown.length} more`));
  return shown.join('\n');
}

export function searchText(page: z.output<typeof searchPageSchema>, q: string, lang: Lang): string {
  const head = say(lang, `${page.total} wyników dla „${q}”`, `${page.total} results for "${q}"`);
  return [head, lines(page.items.map((hit) => `- ${hit.name} (${hit.kind}, ${hit.id})`), lang)].join('\n');
}

export function roleText(role: Role, lang: Lang): string {
  const c = role.counts;
  return [
    `${role.name} (${role.id})`,
    role.definition?.text ?? say(lang, 'Dokumenty tylko wspominają tę rolę.', 'The documents only mention this role.'),
    say(lang, `Odpowiedzialności: ${c.responsibilities}, umiejętności: ${c.skills}, technologie: ${c.technologies}, porównania: ${c.comparisons}.`, `Responsibilities: ${c.responsibilities}, skills: ${c.skills}, technologies: ${c.technologies}, comparisons: ${c.comparisons}.`),
  ].join('\n');
}

export function responsibilitiesText(page: { items: Responsibility[]; total: number }, lang: Lang): string {
  const role = page.items[0]?.role.name ?? '';
  const head = say(lang, `${page.total} odpowiedzialności ${role}`, `${page.total} responsibilities of ${role}`);
  return [head, lines(page.items.map((r) => `${r.position}. ${r.name} — ${names(r.technologies)}`), lang)].join('\n');
}

export function technologyText(t: Technology, lang: Lang): string {
  return [
    `${t.name} (${t.kind}, ${t.id})${t.aliases.length ? `; ${say(lang, 'inne nazwy', 'also')}: ${t.aliases.map((a) => a.name).join(', ')}` : ''}`,
    `${say(lang, 'Role', 'Roles')}: ${names(t.roles)}`,
    say(lang, `Odpowiedzialności: ${t.responsibilities.length}, zadania: ${t.tasks.length}, umiejętności: ${t.skills.length}.`, `Responsibilities: ${t.responsibilities.length}, tasks: ${t.tasks.length}, skills: ${t.skills.length}.`),
  ].join('\n');
}

export function skillText(s: Skill, lang: Lang): string {
  return [
    `${s.name} (${s.kind}, ${s.id})`,
    `${say(lang, 'Technologie', 'Technologies')}: ${names(s.technologies)}`,
    `${say(lang, 'Wymagana przez', 'Required by')}: ${names(s.roles.map((r) => r.role))}`,
  ].join('\n');
}

export function neighborsText(n: z.output<typeof neighborhoodSchema>, lang: Lang): string {
  const head = say(lang, `${n.node.name} (${n.node.id}): ${n.nodes.length - 1} węzłów w odległości do ${n.depth}`, `${n.node.name} (${n.node.id}): ${n.nodes.length - 1} nodes within ${n.depth} hop(s)`);
  const reached = n.nodes.slice(1).map((node) => `- ${node.name} (${node.id}), ${node.path.map((hop) => hop.type).join(' → ')}`);
  return [head, lines(reached, lang)].join('\n');
}

export function pathText(p: z.output<typeof graphPathSchema>, lang: Lang): string {
  const walk = p.nodes.map((node, i) => (i === 0 ? node.name : `-[${p.hops[i - 1].type}]- ${node.name}`)).join(' ');
  return `${say(lang, `Najkrótsza ścieżka (${p.length} kroków)`, `Shortest path (${p.length} hops)`)}: ${walk}`;
}

export function comparisonText(c: RoleComparison, lang: Lang): string {
  const t = c.technologies;
  const s = c.skills;
  const stated = c.statedDifferences;
  return [
    `${c.a.name} vs. ${c.b.name}`,
    `${say(lang, 'Wspólne technologie', 'Shared technologies')}: ${names(t.shared)}`,
    `${say(lang, 'Tylko', 'Only')} ${c.a.name}: ${names(t.onlyA)}`,
    `${say(lang, 'Tylko', 'Only')} ${c.b.name}: ${names(t.onlyB)}`,
    `${say(lang, 'Wspólne umiejętności', 'Shared skills')}: ${names(s.shared)}`,
    ...(stated ? [`${stated.title}: ${c.a.name} — ${stated.a.focus ?? stated.a.text}; ${c.b.name} — ${stated.b.focus ?? stated.b.text}`] : []),
  ].join('\n');
}

export function gapText(g: SkillGap, lang: Lang): string {
  const { overall } = g.coverage;
  return [
    say(lang, `${g.role.name}: pokrycie ${percent(overall.ratio)} (${overall.matched} z ${overall.required})`, `${g.role.name}: ${percent(overall.ratio)} covered (${overall.matched} of ${overall.required})`),
    `${say(lang, 'Brakujące technologie', 'Missing technologies')}: ${names([...new Map(g.missing.responsibilities.flatMap((r) => r.technologies).map((t) => [t.id, t])).values()])}`,
    `${say(lang, 'Brakujące umiejętności', 'Missing skills')}: ${names(g.missing.skillCategories.flatMap((c) => c.skills))}`,
    ...(g.unrecognized.length ? [`${say(lang, 'Nierozpoznane', 'Not recognized')}: ${g.unrecognized.join(', ')}`] : []),
  ].join('\n');
}

export function extractionText(e: Extraction, lang: Lang): string {
  return [
    `${say(lang, 'Technologie', 'Technologies')}: ${names(e.technologies)}`,
    `${say(lang, 'Umiejętności', 'Skills')}: ${names(e.skills)}`,
    `${say(lang, 'Role', 'Roles')}: ${names(e.roles)}`,
  ].join('\n');
}

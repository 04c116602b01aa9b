import { PhraseMatcher } from '../text/phrase-matcher.js';
import { normalizeName, slugify } from '../lib/text.js';
import type { CuratedData, Vocabulary } from './curated-data.js';
import type { GraphModel, Source } from './graph-model.js';

type VocabTechnology = Vocabulary['technologies'][number];
type VocabRole = Vocabulary['roles'][number];
type VocabSkill = Vocabulary['skills'][number];
type VocabConcept = Vocabulary['concepts'][number];

/**
 * One node per real thing: names, aliases and inflected forms resolve through the curated vocabulary
 * to one slug, and a node is created at its first mention, which becomes its provenance.
 */
export class EntityRegistry {
  readonly technologyTerms: PhraseMatcher<VocabTechnology>;
  readonly conceptTerms: PhraseMatcher<VocabConcept>;
  private readonly roleTerms: PhraseMatcher<VocabRole>;
  private readonly skillTerms: PhraseMatcher<VocabSkill>;
  private readonly ids = { technology: new Map<string, number>(), role: new Map<string, number>(), skill: new Map<string, number>(), concept: new Map<string, number>(), category: new Map<string, number>() };
  private readonly untranslated = new Set<string>();
  private readonly translations: Map<string, string>;
  private readonly modifiers: readonly string[];
  readonly warnings: string[] = [];

  constructor(
    private readonly model: GraphModel,
    private readonly curated: CuratedData,
  ) {
    const v = curated.vocabulary;
    this.translations = new Map(Object.entries(curated.translations));
    this.modifiers = [...v.skillModifiers].sort((a, b) => b.length - a.length);
    this.technologyTerms = new PhraseMatcher(
      v.technologies.flatMap((t) => [t.name, t.slug, ...t.aliases, ...t.forms].map((form) => ({ form, target: t, contextual: t.contextual.includes(form) }))),
    );
    this.roleTerms = new PhraseMatcher(v.roles.flatMap((r) => [r.name.pl, r.name.en, r.slug, ...r.aliases.pl, ...r.aliases.en, ...r.forms].map((form) => ({ form, target: r }))));
    this.skillTerms = new PhraseMatcher(v.skills.flatMap((s) => [s.name.pl, s.name.en, s.slug, ...s.forms].map((form) => ({ form, target: s }))));
    this.conceptTerms = new PhraseMatcher(v.concepts.flatMap((c) => [c.name.pl, c.name.en, ...c.forms].map((form) => ({ form, target: c }))));
  }

  /** The curated English for a Polish source text; null (and remembered) when there is none. */
  translate(pl: string): string | null {
    const en = this.translations.get(pl);
    if (en === undefined) this.untranslated.add(pl);
    return en ?? null;
  }

  untranslatedTexts(): string[] {
    return [...this.untranslated];
  }

  /** Longest first, so "jak i" is tried before a shorter modifier it starts with. */
  skillModifiers(): readonly string[] {
    return this.modifiers;
  }

  isVocabularyTechnology(name: string): boolean {
    return this.technologyTerms.exact(name) !== undefined;
  }

  technology(name: string, source: Source): number {
    const known = this.technologyTerms.exact(name);
    const slug = known?.slug ?? slugify(name);
    const existing = this.ids.technology.get(slug);
    if (existing) return existing;
    const id = this.model.technologies.length + 1;
    this.ids.technology.set(slug, id);
    this.model.technologies.push({ id, slug, name: known?.name ?? name.trim(), kind: known?.kind ?? 'tool', ...source });
    if (!known) this.warnings.push(`technology "${name}" is not in the vocabulary: created as "${slug}" (kind tool)`);
    if (known) {
      for (const alias of known.aliases) this.addAlias(this.model.technologyAliases, { technologyId: id }, alias, known.name);
      this.matchForms('technology', slug, known.forms, known.contextual);
    }
    return id;
  }

  role(name: string, source: Source): number {
    const known = this.roleTerms.exact(name);
    const slug = known?.slug ?? slugify(this.translations.get(name) ?? name);
    const existing = this.ids.role.get(slug);
    if (existing) return existing;
    const id = this.model.roles.length + 1;
    this.ids.role.set(slug, id);
    this.model.roles.push({
      id,
      slug,
      namePl: known?.name.pl ?? name.trim(),
      nameEn: known?.name.en ?? this.translate(name.trim()),
      ...source,
    });
    if (known) {
      for (const lang of ['pl', 'en'] as const) for (const alias of known.aliases[lang]) this.roleAlias(id, alias, lang);
      this.matchForms('role', slug, known.forms, []);
    }
    return id;
  }

  roleAlias(roleId: number, alias: string, lang: 'pl' | 'en'): void {
    const role = this.model.roles[roleId - 1];
    this.addAlias(this.model.roleAliases, { roleId, lang }, alias, role.namePl);
  }

  concept(concept: VocabConcept, source: Source): number {
    const existing = this.ids.concept.get(concept.slug);
    if (existing) return existing;
    const id = this.model.concepts.length + 1;
    this.ids.concept.set(concept.slug, id);
    this.model.concepts.push({
      id,
      slug: concept.slug,
      namePl: concept.name.pl,
      nameEn: concept.name.en,
      descriptionPl: concept.description.pl,
      descriptionEn: concept.description.en,
      ...source,
    });
    return id;
  }

  category(namePl: string, source: Source): number {
    const nameEn = this.translate(namePl);
    const slug = slugify(nameEn ?? namePl);
    const existing = this.ids.category.get(slug);
    if (existing) return existing;
    const id = this.model.skillCategories.length + 1;
    this.ids.category.set(slug, id);
    const soft = this.curated.vocabulary.softSkillCategories.some((c) => normalizeName(c) === normalizeName(namePl));
    this.model.skillCategories.push({ id, slug, namePl, nameEn, kind: soft ? 'soft' : 'technical', ...source });
    return id;
  }

  /** A skill named by a technology takes the technology's slug and name; otherwise the vocabulary's, or the text's own. */
  skill(text: string, defaultKind: 'technical' | 'soft', source: Source): { id: number; technologyName: string | null } {
    const technology = this.technologyTerms.exact(text);
    const known = technology ? undefined : this.skillTerms.exact(text);
    const namePl = technology?.name ?? known?.name.pl ?? text;
    const nameEn = technology?.name ?? known?.name.en ?? this.translate(text);
    const slug = technology?.slug ?? known?.slug ?? slugify(nameEn ?? text);
    const existing = this.ids.skill.get(slug);
    if (existing) return { id: existing, technologyName: technology?.name ?? null };
    const id = this.model.skills.length + 1;
    this.ids.skill.set(slug, id);
    this.model.skills.push({ id, slug, namePl, nameEn, kind: technology ? 'technical' : (known?.kind ?? defaultKind), ...source });
    if (known) this.matchForms('skill', slug, known.forms, []);
    return { id, technologyName: technology?.name ?? null };
  }

  private matchForms(kind: 'technology' | 'skill' | 'role', slug: string, forms: string[], contextual: string[]): void {
    const rows = this.model.matchForms;
    for (const form of forms) rows.push({ id: rows.length + 1, kind, slug, form, contextual: contextual.includes(form) });
    for (const form of contextual) if (!forms.includes(form)) rows.push({ id: rows.length + 1, kind, slug, form, contextual: true });
  }

  private addAlias<T extends object>(
    rows: (T & { id?: number; alias: string; normalized: string })[],
    owner: T,
    alias: string,
    canonical: string,
  ): void {
    const normalized = normalizeName(alias);
    const taken = this.aliasKeys.get(rows) ?? new Set<string>();
    this.aliasKeys.set(rows, taken);
    if (!normalized || normalized === normalizeName(canonical) || taken.has(normalized)) return;
    taken.add(normalized);
    rows.push({ ...owner, id: rows.length + 1, alias, normalized });
  }

  private readonly aliasKeys = new Map<object, Set<string>>();
}

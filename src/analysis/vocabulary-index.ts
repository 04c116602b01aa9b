import { foldDiacritics, slugify } from '../lib/text.js';
import { PhraseMatcher } from '../text/phrase-matcher.js';

export type EntityKind = 'technology' | 'skill' | 'role';

export interface EntityKey {
  kind: EntityKind;
  slug: string;
}

/** What the database knows by name: the plain data the matcher is built from. */
export interface VocabularyData {
  /** `aliases`: alternate names and curated forms; `contextual`: those of them (or the name) that need context. */
  technologies: { slug: string; name: string; aliases: string[]; contextual?: string[] }[];
  /** `names`: the Polish and English names and curated forms; `technologies`: slugs of the technologies the skill involves. */
  skills: { slug: string; names: string[]; technologies: string[] }[];
  roles: { slug: string; names: string[] }[];
}

export interface EntityMention {
  entities: EntityKey[];
  /** The input as written, exactly `text.slice(start, end)`. */
  matched: string;
  /** UTF-16 code unit offsets into the input, end exclusive. */
  start: number;
  end: number;
}

/**
 * Every surface form of every technology, skill and role, in one matcher over the shared morphology
 * (src/text/morphology.ts): one pass over the text, longest form first across kinds ("Google Cloud AI
 * Platform" before "Google Cloud"), any case ending ("Kubernetesem", "wzorców projektowych"). A form
 * can name several entities at once: the skill "Python" is the technology Python, "non-relational
 * databases" is both a skill and an alias of NoSQL.
 */
export class VocabularyIndex {
  private readonly matcher: PhraseMatcher<EntityKey[]>;
  private readonly bySlug = new Map<string, EntityKey[]>();

  constructor(data: VocabularyData) {
    const forms = new Map<string, { form: string; entities: EntityKey[]; contextual: boolean }>();
    const add = (form: string, entity: EntityKey, contextual = false) => {
      const key = foldDiacritics(form.trim()).toLowerCase();
      if (!key) return;
      const entry = forms.get(key) ?? forms.set(key, { form: form.trim(), entities: [], contextual }).get(key)!;
      entry.contextual ||= contextual;
      if (!entry.entities.some((e) => e.kind === entity.kind && e.slug === entity.slug)) entry.entities.push(entity);
    };
    const technologyForms = new Map<string, { form: string; contextual: boolean }[]>();
    for (const t of data.technologies) {
      const contextual = new Set((t.contextual ?? []).map((c) => c.toLowerCase()));
      technologyForms.set(t.slug, [t.name, ...t.aliases].map((form) => ({ form, contextual: contextual.has(form.toLowerCase()) })));
    }
    for (const t of data.technologies) for (const { form, contextual } of technologyForms.get(t.slug)!) add(form, { kind: 'technology', slug: t.slug }, contextual);
    for (const skill of data.skills) {
      const entity: EntityKey = { kind: 'skill', slug: skill.slug };
      for (const name of skill.names) add(name, entity);
      // A skill that is a technology ("Python" under Programming) is named by that technology's forms too.
      if (skill.technologies.includes(skill.slug)) for (const { form, contextual } of technologyForms.get(skill.slug) ?? []) add(form, entity, contextual);
    }
    for (const role of data.roles) for (const name of role.names) add(name, { kind: 'role', slug: role.slug });
    this.matcher = new PhraseMatcher([...forms.values()].map(({ form, entities, contextual }) => ({ form, target: entities, contextual })));

    const slugs: [EntityKind, string][] = [
      ...data.technologies.map((t): [EntityKind, string] => ['technology', t.slug]),
      ...data.skills.map((s): [EntityKind, string] => ['skill', s.slug]),
      ...data.roles.map((r): [EntityKind, string] => ['role', r.slug]),
    ];
    for (const [kind, slug] of slugs) this.bySlug.set(slug, [...(this.bySlug.get(slug) ?? []), { kind, slug }]);
  }

  /** Every mention in the text, in text order, with offsets into the text as given. */
  find(text: string): EntityMention[] {
    return this.matcher.find(text).map((m) => ({ entities: m.target, matched: m.matched, start: m.start, end: m.end }));
  }

  /** What one identifier names: a name, alias or inflected form (any case, accents optional), or a slug. */
  resolve(identifier: string): EntityKey[] {
    const trimmed = identifier.trim();
    if (!trimmed) return [];
    return this.matcher.exact(trimmed) ?? this.bySlug.get(trimmed.toLowerCase()) ?? this.bySlug.get(slugify(trimmed)) ?? [];
  }
}

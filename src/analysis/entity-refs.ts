import type { Lang } from '../http/language.js';
import type { CatalogRepository } from '../repositories/catalog-repository.js';
import type { RolesRepository } from '../repositories/roles-repository.js';

type TechnologyRef = { slug: string; name: string; kind: ReturnType<CatalogRepository['listTechnologies']>[number]['kind']; url: string };
type SkillRef = { slug: string; name: string; kind: ReturnType<CatalogRepository['listSkills']>[number]['kind']; url: string };
type RoleRef = { slug: string; name: string; url: string };

/** Links to technologies, skills and roles by slug, in either language; read once, on first use. */
export class EntityRefs {
  private technologies?: Map<string, TechnologyRef>;
  private readonly skills = new Map<Lang, Map<string, SkillRef & { untranslated: boolean }>>();
  private readonly roles = new Map<Lang, Map<string, RoleRef & { untranslated: boolean }>>();

  constructor(
    private readonly catalog: CatalogRepository,
    private readonly roleRepository: RolesRepository,
  ) {}

  technology(slug: string): TechnologyRef {
    this.technologies ??= new Map(this.catalog.listTechnologies().map(({ slug, name, kind, url }) => [slug, { slug, name, kind, url }]));
    return this.technologies.get(slug)!;
  }

  skill(slug: string, lang: Lang): SkillRef {
    const { untranslated: _, ...ref } = this.localizedSkill(slug, lang);
    return ref;
  }

  /** Whether the skill's name fell back to Polish. */
  skillUntranslated(slug: string, lang: Lang): boolean {
    return this.localizedSkill(slug, lang).untranslated;
  }

  role(slug: string, lang: Lang): RoleRef & { untranslated: boolean } {
    if (!this.roles.has(lang)) {
      this.roles.set(lang, new Map(this.roleRepository.list(lang).map((r) => [r.slug, { slug: r.slug, name: r.name, url: r.url, untranslated: r.untranslated?.includes('name') ?? false }])));
    }
    return this.roles.get(lang)!.get(slug)!;
  }

  private localizedSkill(slug: string, lang: Lang) {
    if (!this.skills.has(lang)) {
      this.skills.set(
        lang,
        new Map(this.catalog.listSkills(lang).map((s) => [s.slug, { slug: s.slug, name: s.name, kind: s.kind, url: s.url, untranslated: s.untranslated?.includes('name') ?? false }])),
      );
    }
    return this.skills.get(lang)!.get(slug)!;
  }
}

import type { Lang } from '../lib/language.js';
import type { CatalogRepository } from '../repositories/catalog-repository.js';
import type { RolesRepository } from '../repositories/roles-repository.js';
import { ids, urls } from '../model/ids.js';

type TechnologyRef = { id: string; slug: string; name: string; kind: ReturnType<CatalogRepository['listTechnologies']>[number]['kind']; url: string };
type SkillRef = { id: string; slug: string; name: string; kind: ReturnType<CatalogRepository['listSkills']>[number]['kind']; url: string };
type RoleRef = { id: string; slug: string; name: string; url: string };

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
    this.technologies ??= new Map(this.catalog.listTechnologies().map(({ id, slug, name, kind, url }) => [slug, { id, slug, name, kind, url }]));
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
      const localized = (r: { namePl: string; nameEn: string | null }) => (lang === 'en' && r.nameEn !== null ? r.nameEn : r.namePl);
      const untranslated = (r: { nameEn: string | null }) => lang === 'en' && r.nameEn === null;
      this.roles.set(lang, new Map(this.roleRepository.names().map((r) => [r.slug, { id: ids.role(r.slug), slug: r.slug, name: localized(r), url: urls.role(r.slug), untranslated: untranslated(r) }])));
    }
    return this.roles.get(lang)!.get(slug)!;
  }

  private localizedSkill(slug: string, lang: Lang) {
    if (!this.skills.has(lang)) {
      this.skills.set(
        lang,
        new Map(
          this.catalog.skillNames().map((s) => {
            const untranslated = lang === 'en' && s.nameEn === null;
            return [s.slug, { id: ids.skill(s.slug), slug: s.slug, name: lang === 'en' && s.nameEn !== null ? s.nameEn : s.namePl, kind: s.kind, url: urls.skill(s.slug), untranslated }];
          }),
        ),
      );
    }
    return this.skills.get(lang)!.get(slug)!;
  }
}

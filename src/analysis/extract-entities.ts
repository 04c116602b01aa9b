import type { Lang } from '../lib/language.js';
import type { Extraction } from '../schemas/analysis.js';
import type { EntityRefs } from './entity-refs.js';
import type { EntityKind, VocabularyIndex } from './vocabulary-index.js';

type Mention = Extraction['technologies'][number]['mentions'][number];

/** The technologies, skills and roles a text mentions, each with every mention, in order of first mention. */
export function extractEntities(index: VocabularyIndex, refs: EntityRefs, text: string, lang: Lang): Extraction {
  const mentions: Record<EntityKind, Map<string, Mention[]>> = { technology: new Map(), skill: new Map(), role: new Map() };
  for (const m of index.find(text)) {
    for (const e of m.entities) {
      const list = mentions[e.kind].get(e.slug) ?? mentions[e.kind].set(e.slug, []).get(e.slug)!;
      list.push({ start: m.start, end: m.end, matched: m.matched });
    }
  }
  const untranslated: string[] = [];
  const skills = [...mentions.skill].map(([slug, list], i) => {
    if (refs.skillUntranslated(slug, lang)) untranslated.push(`skills[${i}].name`);
    return { ...refs.skill(slug, lang), mentions: list };
  });
  const roles = [...mentions.role].map(([slug, list], i) => {
    const { untranslated: fellBack, ...ref } = refs.role(slug, lang);
    if (fellBack) untranslated.push(`roles[${i}].name`);
    return { ...ref, mentions: list };
  });
  const result: Extraction = {
    technologies: [...mentions.technology].map(([slug, list]) => ({ ...refs.technology(slug), mentions: list })),
    skills,
    roles,
  };
  return untranslated.length ? { ...result, untranslated } : result;
}

import type { Lang } from '../lib/language.js';
import type { SearchKind } from '../search/search-entries.js';
import { countOf } from './plural.js';

const KINDS: Record<Lang, Record<SearchKind, string>> = {
  pl: { role: 'rola', responsibility: 'obowiązek', task: 'zadanie', technology: 'technologia', skill: 'umiejętność', category: 'kategoria', concept: 'pojęcie', comparison: 'porównanie' },
  en: { role: 'role', responsibility: 'responsibility', task: 'task', technology: 'technology', skill: 'skill', category: 'category', concept: 'concept', comparison: 'comparison' },
};

/** Every word `<rolegraph-search>` shows or announces, in both languages. */
export const SEARCH_LABELS = {
  pl: {
    label: 'Szukaj ról, technologii i umiejętności',
    placeholder: 'np. kube, Python, Inżynier AI',
    none: 'Brak podpowiedzi',
    kind: (kind: SearchKind) => KINDS.pl[kind],
    count: (n: number) => countOf('pl', n, { one: 'podpowiedź', few: 'podpowiedzi', many: 'podpowiedzi', other: 'podpowiedzi' }),
    chosen: (name: string, kind: SearchKind) => `Wybrano: ${name} (${KINDS.pl[kind]})`,
  },
  en: {
    label: 'Search roles, technologies and skills',
    placeholder: 'e.g. kube, Python, AI Engineer',
    none: 'No suggestions',
    kind: (kind: SearchKind) => KINDS.en[kind],
    count: (n: number) => countOf('en', n, { one: 'suggestion', other: 'suggestions' }),
    chosen: (name: string, kind: SearchKind) => `Selected: ${name} (${KINDS.en[kind]})`,
  },
} satisfies Record<Lang, unknown>;

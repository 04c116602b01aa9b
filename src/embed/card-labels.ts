import type { Lang } from '../http/language.js';

/** The few words a card adds around the data, in both languages (shared by the server card and the web component). */
export const CARD_LABELS = {
  pl: {
    responsibilities: 'Obowiązki',
    technologies: 'Technologie',
    more: 'Zobacz w eksploratorze',
    loading: 'Wczytywanie…',
    notFound: (slug: string) => `Nie znaleziono roli „${slug}”.`,
    failed: 'Nie udało się wczytać karty.',
    counts: (c: { responsibilities: number; skills: number; technologies: number }) =>
      `${c.responsibilities} obowiązków · ${c.skills} umiejętności · ${c.technologies} technologii`,
  },
  en: {
    responsibilities: 'Responsibilities',
    technologies: 'Technologies',
    more: 'Open in the explorer',
    loading: 'Loading…',
    notFound: (slug: string) => `No role "${slug}" was found.`,
    failed: 'The card could not be loaded.',
    counts: (c: { responsibilities: number; skills: number; technologies: number }) =>
      `${c.responsibilities} responsibilities · ${c.skills} skills · ${c.technologies} technologies`,
  },
} satisfies Record<Lang, unknown>;

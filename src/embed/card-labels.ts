import type { Lang } from '../lib/language.js';
import { countOf } from './plural.js';

type Counts = { responsibilities: number; skills: number; technologies: number };

/** The words a card adds around the data, in both languages (shared by the iframe card and the web component). */
export const CARD_LABELS = {
  pl: {
    responsibilities: 'Obowiązki',
    technologies: 'Technologie',
    loading: 'Wczytywanie karty…',
    notFound: (slug: string) => `Nie znaleziono roli „${slug}”.`,
    invalid: 'Nieprawidłowy adres karty.',
    failed: 'Nie udało się wczytać karty.',
    retry: 'Spróbuj ponownie',
    errorTitle: 'Karta roli niedostępna',
    counts: (c: Counts) =>
      [
        countOf('pl', c.responsibilities, { one: 'obowiązek', few: 'obowiązki', many: 'obowiązków', other: 'obowiązku' }),
        countOf('pl', c.skills, { one: 'umiejętność', few: 'umiejętności', many: 'umiejętności', other: 'umiejętności' }),
        countOf('pl', c.technologies, { one: 'technologia', few: 'technologie', many: 'technologii', other: 'technologii' }),
      ].join(' · '),
  },
  en: {
    responsibilities: 'Responsibilities',
    technologies: 'Technologies',
    loading: 'Loading the card…',
    notFound: (slug: string) => `No role "${slug}" was found.`,
    invalid: 'This card address is not valid.',
    failed: 'The card could not be loaded.',
    retry: 'Try again',
    errorTitle: 'Role card unavailable',
    counts: (c: Counts) =>
      [
        countOf('en', c.responsibilities, { one: 'responsibility', other: 'responsibilities' }),
        countOf('en', c.skills, { one: 'skill', other: 'skills' }),
        countOf('en', c.technologies, { one: 'technology', other: 'technologies' }),
      ].join(' · '),
  },
} satisfies Record<Lang, unknown>;

import type { Lang } from '../lib/language.js';

/**
 * Picks the negotiated language for each text of one response object, and remembers which fields
 * had to fall back to the Polish source so the object can say so.
 */
export class Localized {
  private readonly missing: string[] = [];

  constructor(readonly lang: Lang) {}

  text(field: string, pl: string, en: string | null | undefined): string {
    if (this.lang === 'pl') return pl;
    if (en != null) return en;
    this.missing.push(field);
    return pl;
  }

  optional(field: string, pl: string | null | undefined, en: string | null | undefined): string | null {
    return pl == null ? null : this.text(field, pl, en);
  }

  /** Adds `untranslated` when anything fell back. */
  finish<T extends object>(value: T): T & { untranslated?: string[] } {
    return this.missing.length > 0 ? { ...value, untranslated: [...this.missing] } : value;
  }
}

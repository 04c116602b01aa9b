import { escapeRegExp, foldDiacritics } from './text.js';

export interface Term<T> {
  /** A surface form to find: a name, an alias or an inflected form. */
  form: string;
  target: T;
}

export interface TermMatch<T> {
  target: T;
  /** The text as it stands in the input. */
  matched: string;
  start: number;
  end: number;
}

/**
 * Finds known terms in free text: case- and accent-insensitive, on word boundaries (so "SQL" is not
 * found inside "NoSQL"), longest form first, never two matches over the same characters.
 */
export class TermMatcher<T> {
  private readonly pattern: RegExp | null;
  private readonly byForm = new Map<string, T>();

  constructor(terms: Iterable<Term<T>>) {
    for (const term of terms) {
      const key = fold(term.form);
      if (key.length > 0 && !this.byForm.has(key)) this.byForm.set(key, term.target);
    }
    const forms = [...this.byForm.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.pattern = forms.length ? new RegExp(`(?<![\\p{L}\\p{N}_])(?:${forms.join('|')})(?![\\p{L}\\p{N}_])`, 'gu') : null;
  }

  /** Every match, in text order. Folding keeps string length for Latin text, so offsets map back. */
  find(text: string): TermMatch<T>[] {
    if (!this.pattern) return [];
    const folded = fold(text);
    const sameLength = folded.length === text.length;
    const matches: TermMatch<T>[] = [];
    for (const m of folded.matchAll(this.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      matches.push({ target: this.byForm.get(m[0])!, matched: sameLength ? text.slice(start, end) : m[0], start, end });
    }
    return matches;
  }

  /** The target whose form is exactly this text, if any. */
  exact(text: string): T | undefined {
    return this.byForm.get(fold(text.trim()));
  }
}

function fold(value: string): string {
  return foldDiacritics(value).toLowerCase();
}

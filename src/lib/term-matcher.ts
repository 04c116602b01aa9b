import { foldDiacritics } from './text.js';

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

/** A character that continues a word: a match must not start or end next to one (so "SQL" is not found inside "NoSQL"). */
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * Finds known terms in free text: case- and accent-insensitive, on word boundaries (so "SQL" is not
 * found inside "NoSQL"), longest form first, never two matches over the same characters.
 *
 * Scans left to right; at each position that starts a word-bounded match, it takes the longest form
 * there that also ends on a word boundary, then goes on after it. Forms are looked up by exact string
 * among the text's next few boundary positions, so neither building nor matching grows with the
 * size of the vocabulary (one alternation of every form, at ESCO size, takes seconds to compile).
 */
export class TermMatcher<T> {
  private readonly byForm = new Map<string, T>();
  private readonly longest: number;
  /** Which lengths and which first code units some form has: most positions and ends are ruled out without a lookup. */
  private readonly hasLength: Uint8Array;
  private readonly firstUnits = new Set<number>();

  constructor(terms: Iterable<Term<T>>) {
    let longest = 0;
    for (const term of terms) {
      const key = fold(term.form);
      if (key.length > 0 && !this.byForm.has(key)) {
        this.byForm.set(key, term.target);
        longest = Math.max(longest, key.length);
        this.firstUnits.add(key.charCodeAt(0));
      }
    }
    this.longest = longest;
    this.hasLength = new Uint8Array(longest + 1);
    for (const key of this.byForm.keys()) this.hasLength[key.length] = 1;
  }

  /** Every match, in text order. Folding keeps string length for Latin text, so offsets map back. */
  find(text: string): TermMatch<T>[] {
    if (this.byForm.size === 0) return [];
    const folded = fold(text);
    const sameLength = folded.length === text.length;
    const matches: TermMatch<T>[] = [];
    const wordAt = wordCharacters(folded);
    // Where a match may end: before a character that does not continue a word, or at the end.
    const ends: number[] = [];
    for (let i = 1; i <= folded.length; i++) if (i === folded.length || !wordAt[i]) ends.push(i);
    let firstEnd = 0;
    for (let start = 0; start < folded.length; ) {
      if ((start > 0 && wordAt[start - 1]) || !this.firstUnits.has(folded.charCodeAt(start))) {
        start += width(folded, start);
        continue;
      }
      while (firstEnd < ends.length && ends[firstEnd] <= start) firstEnd++;
      let last = firstEnd;
      while (last < ends.length && ends[last] - start <= this.longest) last++;
      let end = -1;
      for (let k = last - 1; k >= firstEnd; k--) {
        if (this.hasLength[ends[k] - start] && this.byForm.has(folded.slice(start, ends[k]))) {
          end = ends[k];
          break;
        }
      }
      if (end === -1) {
        start += width(folded, start);
        continue;
      }
      const form = folded.slice(start, end);
      matches.push({ target: this.byForm.get(form)!, matched: sameLength ? text.slice(start, end) : form, start, end });
      start = end;
    }
    return matches;
  }

  /** The target whose form is exactly this text, if any. */
  exact(text: string): T | undefined {
    return this.byForm.get(fold(text.trim()));
  }
}

/**
 * Per UTF-16 offset, whether the code point that starts or continues there is a word character
 * (both halves of a surrogate pair get the pair's answer, as the u-flag lookarounds saw it).
 */
function wordCharacters(text: string): Uint8Array {
  const word = new Uint8Array(text.length);
  for (let i = 0; i < text.length; ) {
    const w = width(text, i);
    const c = text.charCodeAt(i);
    let isWord: boolean;
    if (w === 2) isWord = WORD_CHAR.test(text.slice(i, i + 2));
    else {
      if (bmpWord[c] === 0) bmpWord[c] = WORD_CHAR.test(text[i]) ? 1 : 2;
      isWord = bmpWord[c] === 1;
    }
    for (let k = 0; k < w; k++) word[i + k] = isWord ? 1 : 0;
    i += w;
  }
  return word;
}

/** Per BMP code unit: 0 not yet known, 1 a word character, 2 not. */
const bmpWord = new Uint8Array(0x10000);

/** UTF-16 units of the code point at i. */
function width(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

function fold(value: string): string {
  return foldDiacritics(value).toLowerCase();
}

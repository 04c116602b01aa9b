import { ASCII, foldDiacritics } from '../lib/text.js';

/**
 * Text folded the way the phrase matcher folds it (no accents, lower case), with a map back to the
 * original's UTF-16 offsets. Folding the whole string at once can change its length (a decomposed
 * "e\u0301", "ß", "İ"), and the matcher works on offsets into the folded text; folding one code
 * point at a time lets every folded offset point back at the code point it came from.
 */
export class FoldedText {
  readonly folded: string;
  /** For each folded code unit, the offset of the original code point it came from. */
  private origin: number[] | null = null;

  constructor(readonly original: string) {
    // ASCII folds to its lower case, one unit for one: offsets map to themselves.
    if (ASCII.test(original)) {
      this.folded = original.toLowerCase();
      return;
    }
    // Polish letters fold one unit for one (ą → a): the offsets stay the same and no map is needed.
    // Only text where some character folds to another length ("ß", a decomposed accent) keeps one.
    let folded = '';
    let origin: number[] | null = null;
    for (let i = 0; i < original.length; ) {
      const code = original.charCodeAt(i);
      if (code < 0x80) {
        folded += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : original[i];
        origin?.push(i);
        i++;
        continue;
      }
      const width = original.codePointAt(i)! > 0xffff ? 2 : 1;
      const piece = fold(original.slice(i, i + width));
      if (piece.length !== width && !origin) origin = Array.from({ length: folded.length }, (_, k) => k);
      if (origin) for (let k = 0; k < piece.length; k++) origin.push(i);
      folded += piece;
      i += width;
    }
    this.folded = folded;
    this.origin = origin;
  }

  /** The original [start, end) that the folded [start, end) came from, trailing combining marks included. */
  toOriginal(start: number, end: number): { start: number; end: number } {
    if (!this.origin) return { start, end };
    const originalStart = this.origin[start];
    const last = this.origin[end - 1];
    let originalEnd = last + (this.original.codePointAt(last)! > 0xffff ? 2 : 1);
    while (originalEnd < this.original.length && /^\p{M}$/u.test(this.original[originalEnd])) originalEnd++;
    return { start: originalStart, end: originalEnd };
  }
}

/** The matcher's fold, to a fixed point: it folds its input again, and "ẞ" → "ß" → "ss" must not shift offsets then. */
function fold(value: string): string {
  let folded = folds.get(value);
  if (folded === undefined) {
    folded = value;
    for (let next = once(folded); next !== folded; next = once(folded)) folded = next;
    if (folds.size < MAX_CACHED_FOLDS) folds.set(value, folded);
  }
  return folded;
}

/** Folds of single code points: a text draws its non-ASCII characters from a few dozen. */
const folds = new Map<string, string>();
const MAX_CACHED_FOLDS = 10_000;

function once(value: string): string {
  return foldDiacritics(value).toLowerCase();
}

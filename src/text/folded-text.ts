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
  private readonly origin: number[] = [];
  private readonly identity: boolean = false;

  constructor(readonly original: string) {
    // ASCII folds to its lower case, one unit for one: offsets map to themselves.
    if (ASCII.test(original)) {
      this.folded = original.toLowerCase();
      this.identity = true;
      return;
    }
    let folded = '';
    for (let i = 0; i < original.length; ) {
      const codePoint = original.codePointAt(i)!;
      const width = codePoint > 0xffff ? 2 : 1;
      const piece = fold(original.slice(i, i + width));
      for (let k = 0; k < piece.length; k++) this.origin.push(i);
      folded += piece;
      i += width;
    }
    this.folded = folded;
  }

  /** The original [start, end) that the folded [start, end) came from, trailing combining marks included. */
  toOriginal(start: number, end: number): { start: number; end: number } {
    if (this.identity) return { start, end };
    const originalStart = this.origin[start];
    const last = this.origin[end - 1];
    let originalEnd = last + (this.original.codePointAt(last)! > 0xffff ? 2 : 1);
    while (originalEnd < this.original.length && /^\p{M}$/u.test(this.original[originalEnd])) originalEnd++;
    return { start: originalStart, end: originalEnd };
  }
}

/** The matcher's fold, to a fixed point: it folds its input again, and "ẞ" → "ß" → "ss" must not shift offsets then. */
function fold(value: string): string {
  let current = value;
  for (let next = once(current); next !== current; next = once(current)) current = next;
  return current;
}

function once(value: string): string {
  return foldDiacritics(value).toLowerCase();
}

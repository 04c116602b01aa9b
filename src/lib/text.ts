/** Text helpers shared by the parser, the resolver and the API: folding, slugs, list splitting. */

const EXTRA_FOLDS: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss' };

// biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII includes the control characters.
export const ASCII = /^[\x00-\x7f]*$/;

/**
 * Removes diacritics, including the Polish ł that Unicode does not decompose. Canonical
 * decomposition works character by character and every mark it yields is dropped, so folding each
 * code point on its own gives the same text as folding the whole.
 */
export function foldDiacritics(value: string): string {
  if (ASCII.test(value)) return value;
  let folded = '';
  for (const char of value) folded += char.charCodeAt(0) < 0x80 ? char : foldCharacter(char);
  return folded;
}

/** The fold of one non-ASCII code point, remembered: the seed folds millions of characters drawn from a few dozen distinct ones. */
export function foldCharacter(char: string): string {
  let folded = codePointFolds.get(char);
  if (folded === undefined) {
    folded = char
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[łŁøØđĐß]/g, (c) => EXTRA_FOLDS[c] ?? c);
    if (codePointFolds.size < MAX_CACHED_FOLDS) codePointFolds.set(char, folded);
  }
  return folded;
}

const codePointFolds = new Map<string, string>();
const MAX_CACHED_FOLDS = 10_000;

/** The key two spellings of one name share: folded, lower-case, punctuation as single spaces. */
export function normalizeName(value: string): string {
  return foldDiacritics(value)
    .toLowerCase()
    .replace(/[^a-z0-9+#]+/g, ' ')
    .trim();
}

/** Stable ASCII kebab-case. */
export function slugify(value: string): string {
  return foldDiacritics(value)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[+]/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export class UnbalancedTextError extends Error {}

/** Splits on a separator outside parentheses and quotes. */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inQuote = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuote = !inQuote;
    else if (!inQuote && c === '(') depth++;
    else if (!inQuote && c === ')') {
      depth--;
      if (depth < 0) throw new UnbalancedTextError(`unbalanced ")" at column ${i + 1}`);
    }
    if (!inQuote && depth === 0 && text.startsWith(separator, i)) {
      parts.push(current);
      current = '';
      i += separator.length - 1;
      continue;
    }
    current += c;
  }
  if (depth !== 0) throw new UnbalancedTextError('unbalanced "(": a parenthesis is never closed');
  if (inQuote) throw new UnbalancedTextError('unbalanced quote: a quotation is never closed');
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

export interface ListItem {
  /** The item without its trailing parenthesis. */
  core: string;
  /** What a trailing "( … )" held, if any. */
  paren: string | null;
  /** The item as written. */
  raw: string;
}

/** Parses "core (paren)" where the parenthesis, if any, closes the item. */
export function parseListItem(raw: string): ListItem {
  const text = raw.trim();
  if (text.endsWith(')')) {
    let depth = 0;
    for (let i = text.length - 1; i >= 0; i--) {
      if (text[i] === ')') depth++;
      else if (text[i] === '(') {
        depth--;
        if (depth === 0) {
          const core = text.slice(0, i).trim();
          const paren = text.slice(i + 1, -1).trim();
          if (core.length > 0) return { core, paren, raw: text };
          break;
        }
      }
    }
  }
  return { core: text, paren: null, raw: text };
}

/** Splits a comma list that ends a sentence: "a, b (c, d), e." */
export function splitList(text: string): ListItem[] {
  return splitTopLevel(text.replace(/\.\s*$/, ''), ',').map(parseListItem);
}

/** The first sentence of a paragraph; abbreviations like "np." are followed by lower case and do not end it. */
export function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(?=\s+["„]?\p{Lu}|\s*$)/su.exec(text);
  return (match ? match[1] : text).trim();
}

/** Quoted strings, straight or Polish quotes, in order. */
export function quotedStrings(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/"([^"]+)"|„([^”]+)”/g)) found.push((m[1] ?? m[2]).trim());
  return found;
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

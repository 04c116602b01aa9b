import { ASCII, foldCharacter } from '../lib/text.js';
import { searchStems } from '../text/morphology.js';

/**
 * Folds accents character by character, keeping every character whose fold is not exactly one
 * UTF-16 unit (ß, decomposed marks): the result has the original's length, so an offset into the
 * folded text (what FTS5 indexes and snippets) is the same offset into the original (what we show).
 * The FTS5 tokenizer (unicode61 remove_diacritics 2) folds the rest; this is for ł, which it keeps.
 */
export function foldForSearch(text: string): string {
  if (ASCII.test(text)) return text;
  let folded = '';
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) {
      folded += char;
      continue;
    }
    const f = foldCharacter(char);
    folded += f.length === char.length ? f : char;
  }
  return folded;
}

/** FTS5's unicode61 token characters are letters and digits; everything else separates tokens. */
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/** The user's words as FTS5 would tokenize them: folded, lower-case, split on anything but letters and digits. */
export function searchTokens(query: string): string[] {
  return foldForSearch(query.normalize('NFC'))
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(SEPARATORS)
    .filter((token) => token.length > 0);
}

/** An FTS5 string literal: the only escape inside "…" is a doubled quote. */
const quote = (token: string) => `"${token.replace(/"/g, '""')}"`;

/**
 * Every token must match as a word prefix ("kube" finds Kubernetes), or through the shared morphology
 * as a prefix of a stem it may be a case form of ("Kubernetesem" finds Kubernetes, "Scientists" finds
 * Data Scientist, "wzorców" finds "wzorce"): the same analysis extraction and gap analysis use. A token
 * that is also a whole word matches twice, which bm25 counts, so exact words rank above the rest.
 * User text only ever reaches FTS5 as quoted strings, never as query syntax.
 */
export function fullTextMatch(tokens: string[]): string {
  return tokens.map((t) => `(${[quote(t), ...prefixes(t)].join(' OR ')})`).join(' AND ');
}

/** Name completion: every token a word prefix, or a stem of it one. */
export function prefixMatch(tokens: string[]): string {
  return prefixGroups(tokens)
    .map((group) => `(${group.map((prefix) => `${quote(prefix)}*`).join(' OR ')})`)
    .join(' AND ');
}

/** The prefixes prefixMatch asks for: one group per token (any of its prefixes), all groups required. */
export function prefixGroups(tokens: string[]): string[][] {
  return tokens.map((t) => [t, ...searchStems(t)]);
}

function prefixes(token: string): string[] {
  return [`${quote(token)}*`, ...searchStems(token).map((stem) => `${quote(stem)}*`)];
}

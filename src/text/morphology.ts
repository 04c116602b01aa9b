/**
 * One analysis of Polish and English word forms, shared by search, suggest, extraction, gap analysis
 * and the seed: a word written in any case ("Kubernetesem", "wzorców", "Scientists") is reduced to
 * the stems it may come from, and from a stem to the nominative forms a vocabulary lists.
 *
 * No maintained Polish stemmer on npm fits (the dictionaries are GPL/LGPL data sets of hundreds of
 * megabytes or unmaintained ports), and what must be recognised is narrow: foreign names declined like
 * Polish nouns, the document's own noun and adjective phrases, English plurals. So this is a small
 * suffix analyzer; forms it cannot derive stay data, in seed/vocabulary.json.
 *
 * Words are expected folded (lower case, no diacritics), as `foldWord` gives them.
 */
import { foldDiacritics } from '../lib/text.js';

/** Case endings (folded: "ów" is "ow", "ą" is "a"), Polish noun and adjective, then English plurals. */
const ENDINGS = [
  'owych', 'owymi', 'owego', 'owemu', 'owie', 'owej', 'owym', 'owa', 'owe', 'owy',
  'ami', 'ach', 'iem', 'owi', 'ego', 'emu', 'ych', 'ymi', 'imi', 'ich',
  'ej', 'ym', 'im', 'ie', 'em', 'om', 'ow', 'es',
  'a', 'u', 'e', 'y', 'i', 'o', 's',
];
/** Consonant changes before an ending, undone: Docker → Dockerze, Azure → Azurze. */
const SOFTENED: [string, string][] = [
  ['rze', 'r'],
  ['ies', 'y'],
];
/** Endings a stem takes back in the forms a vocabulary lists (nominative singular and plural). */
const NOMINATIVE = ['', 'a', 'e', 'y', 'i', 'o', 'ie', 'owe', 'owy', 'owa'];
/** Shorter stems say too little: "as" is not a form of "a". */
const MIN_STEM = 3;

export function foldWord(word: string): string {
  return foldDiacritics(word).toLowerCase();
}

/**
 * Whether a word can be declined at all: letters only (Latin, once folded), not an acronym ("SQL",
 * "AWS"), no digits. `original` is the word as written, `folded` its fold.
 */
export function isInflectable(original: string, folded = foldWord(original)): boolean {
  return folded.length > MIN_STEM && LETTERS.test(folded) && original !== original.toUpperCase();
}
const LETTERS = /^[a-z]+$/;

const stemCache = new Map<string, string[]>();
const MAX_CACHED_STEMS = 50_000;

/** The stems a folded word may be a case form of, longest first; never the word itself. */
export function stems(folded: string): string[] {
  let cached = stemCache.get(folded);
  if (cached === undefined) {
    cached = computeStems(folded);
    if (stemCache.size < MAX_CACHED_STEMS) stemCache.set(folded, cached);
  }
  return cached;
}

function computeStems(folded: string): string[] {
  const found = new Set<string>();
  for (const [ending, restored] of SOFTENED) {
    if (folded.endsWith(ending) && folded.length - ending.length + restored.length >= MIN_STEM) found.add(folded.slice(0, -ending.length) + restored);
  }
  for (const ending of ENDINGS) {
    const stem = folded.slice(0, -ending.length);
    // Case endings follow a consonant (or the y of "NumPy"): "Azurea" is no case of "Azure".
    if (folded.endsWith(ending) && stem.length >= MIN_STEM && !/[aeou]$/.test(stem)) found.add(stem);
  }
  found.delete(folded);
  return [...found].sort((a, b) => b.length - a.length);
}

/**
 * The base forms a word written in the text may stand for: the word itself first, then each stem with
 * each nominative ending ("wzorców" → "wzorce", "komunikacji" → "komunikacja", "Azurze" → "azure").
 * `original` is the word as written, for the acronym test; `folded` its fold.
 */
export function baseForms(original: string, folded: string): string[] {
  if (!isInflectable(original, folded)) return [folded];
  const forms = new Set<string>([folded]);
  for (const stem of [folded, ...stems(folded)]) for (const ending of NOMINATIVE) forms.add(stem + ending);
  return [...forms];
}

/**
 * The keys a listed (base) word is found under: itself, and itself without each nominative ending it
 * has ("wzorce" → "wzorc"). A text word matches it when the word or one of its stems is such a key,
 * which is `baseForms` read backwards: a few lookups per word instead of dozens of candidate strings.
 */
export function baseKeys(folded: string): string[] {
  const keys = new Set<string>([folded]);
  for (const ending of NOMINATIVE) {
    if (ending && folded.endsWith(ending) && folded.length - ending.length >= MIN_STEM) keys.add(folded.slice(0, -ending.length));
  }
  return [...keys];
}

/** Stems that search looks up as word prefixes: only the shortest that are no prefix of another (they cover the rest). */
export function searchStems(folded: string): string[] {
  if (folded.length <= MIN_STEM || !/^\p{L}+$/u.test(folded)) return [];
  const all = stems(folded).sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const stem of all) if (!kept.some((k) => stem.startsWith(k))) kept.push(stem);
  return kept.filter((stem) => !folded.startsWith(stem) || stem.length < folded.length);
}

/** Polish case endings written after a hyphen on acronyms and names: "SQL-a", "API-em", "AWS-ie". */
export const HYPHEN_ENDINGS = new Set(['a', 'u', 'em', 'ie', 'owi', 'ach', 'ami', 'om', 'y', 'ow', 'e', 'iem', 'ze']);

import { foldDiacritics } from '../lib/text.js';

/**
 * A light tolerance for Polish case endings on single-word technology names ("Pythona", "Dockerem",
 * "Kubernetesie", "Grafaną"), beyond the inflected aliases the vocabulary lists. Deliberately narrow:
 * - only one word of at least MIN_LENGTH letters and nothing else, so acronyms ("SQL", "AWS"),
 *   short names ("R", "Go") and names with digits or punctuation stay exact;
 * - not all upper-case (Poles write "SQL-a", which the word boundary already handles);
 * - a closed list of endings, never "any letters", so "Java" never becomes "JavaScript".
 */
const MIN_LENGTH = 4;
/** After a consonant: genitive, dative, instrumental, locative, and the plural cases. */
const CONSONANT_ENDINGS = ['a', 'u', 'em', 'ie', 'owi', 'ów', 'ach', 'ami', 'om'];
/** Names ending in "-a" (Grafana) decline like feminine nouns: the "a" is replaced. */
const FEMININE_ENDINGS = ['y', 'ie', 'ę', 'ą', 'o'];
/** "-r" softens to "-rze" in the locative (Docker → Dockerze). */
const SOFTENING: Record<string, string> = { r: 'rze' };

export function polishInflections(name: string): string[] {
  if (!/^\p{L}+$/u.test(name) || name.length < MIN_LENGTH || name === name.toUpperCase()) return [];
  const last = foldDiacritics(name.slice(-1)).toLowerCase();
  if (last === 'a') return FEMININE_ENDINGS.map((ending) => name.slice(0, -1) + ending);
  if (/[eiouy]/.test(last)) return []; // "Azure", "Tableau": loanwords that Polish leaves undeclined.
  const forms = CONSONANT_ENDINGS.map((ending) => name + ending);
  if (SOFTENING[last]) forms.push(name.slice(0, -1) + SOFTENING[last]);
  return forms;
}

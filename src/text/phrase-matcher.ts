import { FoldedText } from './folded-text.js';
import { HYPHEN_ENDINGS, baseKeys, foldWord, isInflectable, stems } from './morphology.js';

export interface Phrase<T> {
  /** A surface form: a name, an alias or a curated inflected form. */
  form: string;
  target: T;
  /**
   * A common word or short abbreviation ("Excel", "Spark", "TF", "scikit"): found in free text only
   * where context makes it a name, that is written in its own letter case (not merely at a sentence's
   * start), or listed next to another technology.
   */
  contextual?: boolean;
}

export interface PhraseMatch<T> {
  target: T;
  /** The input as written, exactly `text.slice(start, end)`. */
  matched: string;
  /** UTF-16 offsets into the input, end exclusive. */
  start: number;
  end: number;
}

interface Node<T> {
  /** The next word as listed, keyed by the punctuation before it and the word. */
  children: Map<string, Node<T>>;
  /** The same children under each base key of their word (src/text/morphology.ts `baseKeys`). */
  byStem: Map<string, Node<T>[]>;
  phrase?: { target: T; form: string; contextual: boolean };
}

interface Word {
  /** Folded offsets. */
  start: number;
  end: number;
  folded: string;
  /** Whether case endings apply (not an acronym, letters only); worked out on first need. */
  inflectable?: boolean;
}

type Best<T> = { last: number; phrase: NonNullable<Node<T>['phrase']>; inflected: boolean };
/** One walk's state: the best phrase so far, and the text it reads. */
type Walk<T> = { found?: Best<T>; text: string; folded: FoldedText };

const emptyNode = <T>(): Node<T> => ({ children: new Map(), byStem: new Map() });

/** A word: letters, digits, underscore, and a trailing "+" or "#" ("C++", "C#"). */
const WORD = /[\p{L}\p{N}_]+[+#]*/gu;
/**
 * What may stand between two names of one list: separators, conjunctions, and other capitalised
 * names the vocabulary may not know ("Spark, Kafka i Airflow", "PyTorch/TensorFlow").
 */
const LIST_GAP = /^(?:[\s,;/&()+|-]|\b(?:i|oraz|lub|albo|and|or|a także|as well as)\b|\p{Lu}[\p{L}\p{N}.+#]*)*$/u;

/**
 * Finds known phrases in free text, word by word, through the shared morphology: each word of the
 * text stands for its base forms ("Kubernetesem" → "kubernetes"), so one listed form finds every
 * case of it. Longest phrase first, never two matches over the same words. Between words a phrase's
 * punctuation must be the text's ("scikit-learn"), whitespace runs count as one space. A contextual
 * form that a hyphen joins to a further word is part of a longer name and is not taken ("scikit-image"),
 * except before a Polish case ending ("SQL-a").
 */
export class PhraseMatcher<T> {
  private readonly root: Node<T> = emptyNode();
  /** Listed forms as written (folded): most exact lookups are one of them, and need no scan. */
  private readonly listed = new Map<string, T>();
  private readonly longest: number;

  constructor(phrases: Iterable<Phrase<T>>) {
    let longest = 0;
    for (const p of phrases) {
      const keys = phraseKeys(p.form);
      if (keys.length === 0) continue;
      let node = this.root;
      for (const { gap, word } of keys) {
        let child = node.children.get(gap + word);
        if (!child) {
          child = emptyNode();
          node.children.set(gap + word, child);
          for (const key of baseKeys(word)) {
            const list = node.byStem.get(gap + key);
            if (list) list.push(child);
            else node.byStem.set(gap + key, [child]);
          }
        }
        node = child;
      }
      if (!node.phrase) node.phrase = { target: p.target, form: p.form.trim(), contextual: Boolean(p.contextual) };
      if (!this.listed.has(foldWord(p.form.trim()))) this.listed.set(foldWord(p.form.trim()), node.phrase.target);
      else if (p.contextual) node.phrase.contextual = true;
      longest = Math.max(longest, keys.length);
    }
    this.longest = longest;
  }

  /** Every match in text order; contextual forms only where the context makes them names. */
  find(text: string): PhraseMatch<T>[] {
    const candidates = this.scan(text);
    const kept = candidates.filter((c) => !c.contextual || c.caseFits);
    // A contextual form with no case of its own counts when it stands in one list with a name that does.
    return candidates
      .filter((c) => !c.contextual || c.caseFits || kept.some((k) => k !== c && adjacent(text, c, k)))
      .map(({ target, matched, start, end }) => ({ target, matched, start, end }));
  }

  /** The target whose phrase is this whole text (any case, any inflection), if any. */
  exact(text: string): T | undefined {
    const trimmed = text.trim();
    const listed = this.listed.get(foldWord(trimmed));
    if (listed !== undefined) return listed;
    // One phrase from the first word to the last, nothing around it: one walk, not a scan of every position.
    const { folded, words } = this.words(trimmed);
    if (words.length === 0 || words[0].start !== 0 || words[words.length - 1].end !== folded.folded.length) return undefined;
    const best = this.longestAt(folded.folded, words, 0, trimmed, folded);
    return best && best.last === words.length - 1 ? best.phrase.target : undefined;
  }

  private words(text: string): { folded: FoldedText; words: Word[] } {
    const folded = new FoldedText(text);
    return { folded, words: tokenize(folded.folded) };
  }

  private scan(text: string): (PhraseMatch<T> & { contextual: boolean; caseFits: boolean })[] {
    const { folded, words } = this.words(text);
    const f = folded.folded;
    const found: (PhraseMatch<T> & { contextual: boolean; caseFits: boolean })[] = [];
    for (let i = 0; i < words.length; ) {
      if (i > 0 && joinedByHyphen(f, words[i - 1], words[i])) {
        i++;
        continue;
      }
      const best = this.longestAt(f, words, i, text, folded);
      if (!best) {
        i++;
        continue;
      }
      const lastWord = best.last;
      // A common word joined by a hyphen to a further word is part of a longer name ("scikit-image"),
      // unless that word is a Polish case ending ("SQL-a"); a name stays one ("Docker-free", "Python-based").
      const next = words[lastWord + 1];
      if (best.phrase.contextual && next && joinedByHyphen(f, words[lastWord], next) && !HYPHEN_ENDINGS.has(f.slice(next.start, next.end))) {
        i = lastWord + 2;
        continue;
      }
      const { start, end } = folded.toOriginal(words[i].start, words[lastWord].end);
      const matched = text.slice(start, end);
      found.push({
        target: best.phrase.target,
        matched,
        start,
        end,
        contextual: best.phrase.contextual,
        // English does not decline "spark": a Polish case ending on it ("Sparkiem") is context enough.
        caseFits: best.phrase.contextual ? caseFits(best.phrase.form, matched, text, start, best.inflected) : true,
      });
      i = lastWord + 1;
    }
    return found;
  }

  /** The longest phrase that starts at word i, trying each word's base forms, the word as written first. */
  private longestAt(f: string, words: Word[], i: number, text: string, folded: FoldedText): Best<T> | undefined {
    const best: Walk<T> = { text, folded };
    this.walk(f, words, i, this.root, i, false, best);
    return best.found;
  }

  private walk(f: string, words: Word[], i: number, node: Node<T>, j: number, inflected: boolean, best: Walk<T>): void {
    if (node.phrase && (!best.found || j - 1 > best.found.last)) best.found = { last: j - 1, phrase: node.phrase, inflected };
    if (j >= words.length || j - i >= this.longest) return;
    const gap = j === i ? '' : normalizeGap(f.slice(words[j - 1].end, words[j].start));
    if (gap === null) return;
    const word = words[j];
    const exact = node.children.get(gap + word.folded);
    if (exact) this.walk(f, words, i, exact, j + 1, inflected, best);
    if (node.byStem.size === 0) return;
    // The word may be a case form of a listed word: look it and its stems up among the listed words' base keys.
    const keys = stems(word.folded);
    for (let k = -1; k < keys.length; k++) {
      const children = node.byStem.get(gap + (k < 0 ? word.folded : keys[k]));
      if (!children || !this.inflectable(word, best)) continue;
      for (const child of children) if (child !== exact) this.walk(f, words, i, child, j + 1, true, best);
    }
  }

  /** Whether case endings apply to the word, worked out only when a stem of it is listed. */
  private inflectable(word: Word, walk: Walk<T>): boolean {
    if (word.inflectable === undefined) {
      const original = walk.folded.toOriginal(word.start, word.end);
      word.inflectable = isInflectable(walk.text.slice(original.start, original.end), word.folded);
    }
    return word.inflectable;
  }
}

/** WORD, by hand: the seed tokenizes millions of words, and a regular expression's match objects cost more than the scan. */
function tokenize(f: string): Word[] {
  const words: Word[] = [];
  for (let i = 0; i < f.length; ) {
    let end = i;
    while (end < f.length && isWordUnit(f, end)) end += unitWidth(f, end);
    if (end === i) {
      i += unitWidth(f, i);
      continue;
    }
    while (end < f.length && (f[end] === '+' || f[end] === '#')) end++;
    words.push({ start: i, end, folded: f.slice(i, end) });
    i = end;
  }
  return words;
}

/** Per BMP code unit: 0 not yet known, 1 a word character, 2 not. */
const bmpWord = new Uint8Array(0x10000);
const WORD_CHAR = /^[\p{L}\p{N}_]$/u;

function isWordUnit(f: string, i: number): boolean {
  const c = f.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;
  if (unitWidth(f, i) === 2) return WORD_CHAR.test(f.slice(i, i + 2));
  if (bmpWord[c] === 0) bmpWord[c] = WORD_CHAR.test(f[i]) ? 1 : 2;
  return bmpWord[c] === 1;
}

function unitWidth(f: string, i: number): number {
  const c = f.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < f.length) {
    const d = f.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** The words of a form, each with the punctuation before it (none before the first). */
function phraseKeys(form: string): { gap: string; word: string }[] {
  const f = foldWord(form.trim());
  const keys: { gap: string; word: string }[] = [];
  let previousEnd = -1;
  for (const m of f.matchAll(WORD)) {
    const gap = previousEnd < 0 ? '' : normalizeGap(f.slice(previousEnd, m.index));
    if (gap === null) return [];
    keys.push({ gap, word: m[0] });
    previousEnd = m.index + m[0].length;
  }
  return keys;
}

/** Whitespace runs become one space; a gap with a line break or sentence end between words joins no phrase. */
function normalizeGap(gap: string): string | null {
  if (/[\n.!?;:,]/.test(gap)) return null;
  return gap.replace(/\s+/g, ' ');
}

function joinedByHyphen(f: string, a: Word, b: Word): boolean {
  return b.start === a.end + 1 && /[-‐‑]/.test(f[a.end]);
}

/** Written in the form's own case, and not merely capitalised by starting a sentence. */
function caseFits(form: string, matched: string, text: string, start: number, inflected: boolean): boolean {
  const formLetters = form.replace(/[^\p{L}]/gu, '');
  const allCaps = formLetters.length > 0 && formLetters === formLetters.toUpperCase();
  const head = matched.slice(0, form.length);
  if (allCaps) return head.replace(/[^\p{L}]/gu, '') === formLetters;
  if (head[0] !== form[0]) return false;
  if (form[0] === form[0].toLowerCase() || inflected) return true;
  return !sentenceStart(text, start);
}

function sentenceStart(text: string, start: number): boolean {
  const before = text.slice(0, start).replace(/[\s"„“'(\-–•*]+$/u, '');
  return before.length === 0 || /[.!?:\n]$/.test(before);
}

function adjacent(text: string, a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  return LIST_GAP.test(text.slice(first.end, second.start));
}

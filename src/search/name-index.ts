import type Database from 'better-sqlite3';
import { searchTokens } from './search-text.js';

/** FTS5's bm25 constants (fts5_aux.c). */
const K1 = 1.2;
const B = 0.75;

/**
 * The completion table (`search_names`) as a sorted token list with postings, so that choosing the
 * best candidates for a prefix query does not go through FTS5: bm25() read every matching row's size
 * from the index, 5 ms for a three-letter prefix that 7,000 names share on an ESCO-sized set. Scores
 * are FTS5's bm25 for the same query (`prefixMatch`), computed the way fts5_aux.c computes them (same
 * constants, same order of operations), so the candidates and their order are the ones
 * `ORDER BY bm25(search_names), entry_id` gives; `test/search.test.ts` compares both on every prefix.
 */
export class NameIndex {
  private constructor(
    /** Distinct tokens, sorted by UTF-16 code units (as prefix ranges need). */
    private readonly tokens: string[],
    /** Postings of tokens[t]: rows[postStart[t] .. postStart[t + 1]) with how often the token occurs in each. */
    private readonly postStart: Int32Array,
    private readonly postRow: Int32Array,
    private readonly postCount: Int32Array,
    /** Per row number: its rowid, entry and token count. */
    readonly rowids: Float64Array,
    private readonly entries: Int32Array,
    private readonly lengths: Int32Array,
    private readonly averageLength: number,
  ) {}

  static load(sqlite: Database.Database): NameIndex {
    const rows = sqlite.prepare('SELECT rowid, entry_id, name FROM search_names ORDER BY rowid').raw().all() as [number, number, string][];
    const rowids = new Float64Array(rows.length);
    const entries = new Int32Array(rows.length);
    const lengths = new Int32Array(rows.length);
    const postings = new Map<string, number[]>();
    let totalTokens = 0;
    rows.forEach(([rowid, entryId, name], r) => {
      rowids[r] = rowid;
      entries[r] = entryId;
      const tokens = searchTokens(name);
      lengths[r] = tokens.length;
      totalTokens += tokens.length;
      for (const token of tokens) {
        const list = postings.get(token) ?? postings.set(token, []).get(token)!;
        // Rows are visited in order: a repeat of the token in this row is the list's last row.
        if (list.length >= 2 && list[list.length - 2] === r) list[list.length - 1]++;
        else list.push(r, 1);
      }
    });
    const tokens = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const postStart = new Int32Array(tokens.length + 1);
    let size = 0;
    tokens.forEach((token, t) => {
      postStart[t] = size;
      size += postings.get(token)!.length / 2;
    });
    postStart[tokens.length] = size;
    const postRow = new Int32Array(size);
    const postCount = new Int32Array(size);
    tokens.forEach((token, t) => {
      const list = postings.get(token)!;
      for (let i = 0; i < list.length; i += 2) {
        postRow[postStart[t] + i / 2] = list[i];
        postCount[postStart[t] + i / 2] = list[i + 1];
      }
    });
    const index = new NameIndex(tokens, postStart, postRow, postCount, rowids, entries, lengths, rows.length ? totalTokens / rows.length : 0);
    // A few broad queries now, while the index is being built anyway: its loops are then compiled
    // before the first real ones (the first hundred completions otherwise ran 5× slower).
    for (const letter of 'aeiostp') index.best([[letter]], 200);
    return index;
  }

  /**
   * The `limit` best rows (row numbers) for prefix groups (every group must match, any prefix of a
   * group will do), ordered by bm25 then entry; null when a prefix is not a single token, which only
   * FTS5 itself can answer.
   */
  best(groups: string[][], limit: number): number[] | null {
    const phraseTokens: string[] = [];
    const groupOfPhrase: number[] = [];
    for (const [g, group] of groups.entries()) {
      for (const prefix of group) {
        const tokens = searchTokens(prefix);
        if (tokens.length !== 1) return null;
        phraseTokens.push(tokens[0]);
        groupOfPhrase.push(g);
      }
    }
    const rowCount = this.entries.length;
    const phraseCount = phraseTokens.length;
    // Typed scratch arrays, reused: the first requests after start run before the optimizing compiler
    // has seen this code, and Maps of thousands of rows cost ten times more there.
    if (this.frequency.length < rowCount * phraseCount) this.frequency = new Int32Array(rowCount * phraseCount);
    const frequency = this.frequency;
    const touched: number[] = [];
    const idf = new Float64Array(phraseCount);
    for (let p = 0; p < phraseCount; p++) {
      const [from, to] = this.range(phraseTokens[p]);
      let hits = 0;
      for (let i = this.postStart[from]; i < this.postStart[to]; i++) {
        const row = this.postRow[i];
        const at = row * phraseCount + p;
        if (frequency[at] === 0) {
          hits++;
          if (this.rowUntouched(row, p, phraseCount)) touched.push(row);
        }
        frequency[at] += this.postCount[i];
      }
      const value = Math.log((rowCount - hits + 0.5) / (hits + 0.5));
      idf[p] = value <= 0 ? 1e-6 : value;
    }
    // The best `limit` rows so far, best first: a prefix two letters long matches thousands of names on an
    // ESCO-sized set, and sorting them all to keep twenty was most of a broad completion's time.
    const keptRows: number[] = [];
    const keptScores: number[] = [];
    const entries = this.entries;
    // Ordered as `ORDER BY bm25(search_names), entry_id` (then row, which is unique): bm25 is negated, lower is better.
    const ahead = (score: number, row: number, i: number): boolean => {
      const other = keptScores[i];
      if (score !== other) return score < other;
      const otherRow = keptRows[i];
      return entries[row] !== entries[otherRow] ? entries[row] < entries[otherRow] : row < otherRow;
    };
    for (const row of touched) {
      // Rows matching every group: some phrase of each group occurs in them.
      let groupsHit = 0;
      let lastGroup = -1;
      for (let p = 0; p < phraseCount; p++) {
        if (frequency[row * phraseCount + p] > 0 && groupOfPhrase[p] !== lastGroup) {
          groupsHit++;
          lastGroup = groupOfPhrase[p];
        }
      }
      if (groupsHit === groups.length) {
        const size = this.lengths[row];
        let score = 0;
        for (let p = 0; p < phraseCount; p++) {
          const f = frequency[row * phraseCount + p];
          score += idf[p] * ((f * (K1 + 1.0)) / (f + K1 * (1 - B + (B * size) / this.averageLength)));
        }
        score = -1.0 * score;
        if (keptRows.length < limit || ahead(score, row, keptRows.length - 1)) {
          let lo = 0;
          let hi = keptRows.length;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (ahead(score, row, mid)) hi = mid;
            else lo = mid + 1;
          }
          keptRows.splice(lo, 0, row);
          keptScores.splice(lo, 0, score);
          if (keptRows.length > limit) {
            keptRows.pop();
            keptScores.pop();
          }
        }
      }
      for (let p = 0; p < phraseCount; p++) frequency[row * phraseCount + p] = 0;
    }
    return keptRows;
  }

  private frequency = new Int32Array(0);

  /** Whether no earlier phrase has counted this row yet (so it is listed once). */
  private rowUntouched(row: number, phrase: number, phraseCount: number): boolean {
    for (let p = 0; p < phrase; p++) if (this.frequency[row * phraseCount + p] !== 0) return false;
    return true;
  }

  /** Token numbers [from, to) of the tokens that start with `prefix`. */
  private range(prefix: string): [number, number] {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.tokens[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    let to = lo;
    while (to < this.tokens.length && this.tokens[to].startsWith(prefix)) to++;
    return [lo, to];
  }
}

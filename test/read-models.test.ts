import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeRegExp, foldDiacritics } from '../src/lib/text.js';
import { TermMatcher } from '../src/lib/term-matcher.js';
import { graphFromViews, readStoredGraph } from '../src/model/graph-index-store.js';
import { createSeededDatabase } from './helpers/seeded-app.js';

/**
 * The read models built for speed must say exactly what the slower, plainer definitions say: the
 * graph the seed stores is the graph the views give, and the term matcher finds what one big
 * alternation of every form finds.
 */
describe('the stored graph index', () => {
  let seeded: ReturnType<typeof createSeededDatabase>;
  let sqlite: Database.Database;
  beforeAll(() => {
    seeded = createSeededDatabase();
    sqlite = new Database(seeded.dbPath, { readonly: true });
  });
  afterAll(() => {
    sqlite.close();
    seeded.cleanup();
  });

  it('holds the graph views, node for node and edge for edge, in their order', () => {
    const stored = readStoredGraph(sqlite);
    expect(stored).not.toBeNull();
    const views = graphFromViews(sqlite);
    expect(stored!.nodeKey.length).toBeGreaterThan(50);
    expect(stored!.edgeFrom.length).toBeGreaterThan(50);
    expect(stored).toEqual(views);
  });
});

/** The matcher as it was first written: one alternation, longest form first, u-flag word boundaries. */
function referenceFind(forms: string[], text: string): { start: number; end: number; matched: string }[] {
  const fold = (value: string) => foldDiacritics(value).toLowerCase();
  const keys = [...new Set(forms.map(fold).filter((f) => f.length > 0))].sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (keys.length === 0) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${keys.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  const folded = fold(text);
  const same = folded.length === text.length;
  return [...folded.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, matched: same ? text.slice(m.index, m.index + m[0].length) : m[0] }));
}

describe('TermMatcher', () => {
  const pieces = ['SQL', 'NoSQL', 'C++', '.NET', 'Python', 'Pythona', 'Apache Spark', 'Spark', 'Zażółć', 'ł', 'é', 'E\u0301', 'ß', 'İ', '😀', '_', '1', ' ', ', ', '(', ')', '/', '-'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(''));

  it('finds what one alternation of every form finds, with the same offsets', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), text, (forms, input) => {
        const found = new TermMatcher(forms.map((form, i) => ({ form, target: i }))).find(input).map(({ start, end, matched }) => ({ start, end, matched }));
        expect(found).toEqual(referenceFind(forms, input));
      }),
      { numRuns: 500 },
    );
  });

  it('takes the longest form at a position, on word boundaries only', () => {
    const matcher = new TermMatcher(['SQL', 'Apache Spark', 'Spark'].map((form) => ({ form, target: form })));
    expect(matcher.find('NoSQL, SQL i Apache Spark (Spark)').map((m) => [m.target, m.matched, m.start])).toEqual([
      ['SQL', 'SQL', 7],
      ['Apache Spark', 'Apache Spark', 13],
      ['Spark', 'Spark', 27],
    ]);
  });
});

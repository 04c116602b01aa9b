import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PhraseMatcher } from '../src/text/phrase-matcher.js';
import { graphFromViews, readStoredGraph } from '../src/model/graph-index-store.js';
import { createSeededDatabase } from './helpers/seeded-app.js';

/**
 * The read models built for speed must say exactly what the slower, plainer definitions say: the
 * graph the seed stores is the graph the views give; the phrase matcher's offsets are the input's.
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

describe('PhraseMatcher', () => {
  const pieces = ['SQL', 'NoSQL', 'C++', '.NET', 'Python', 'Pythona', 'Apache Spark', 'Spark', 'Sparkiem', 'Zażółć', 'ł', 'é', 'E\u0301', 'ß', 'İ', '😀', '_', '1', ' ', ', ', '(', ')', '/', '-'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(''));

  it('reports matches in order, never overlapping, each exactly the input between its offsets', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), fc.boolean(), text, (forms, contextual, input) => {
        const found = new PhraseMatcher(forms.map((form, i) => ({ form, target: i, contextual: contextual && i === 0 }))).find(input);
        let previousEnd = 0;
        for (const m of found) {
          expect(m.start).toBeGreaterThanOrEqual(previousEnd);
          expect(m.end).toBeGreaterThan(m.start);
          expect(input.slice(m.start, m.end)).toBe(m.matched);
          previousEnd = m.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('takes the longest form at a position, on word boundaries only, in any case ending', () => {
    const matcher = new PhraseMatcher(['SQL', 'Apache Spark', 'Spark'].map((form) => ({ form, target: form })));
    expect(matcher.find('NoSQL, SQL i Apache Spark (Spark), Sparkiem').map((m) => [m.target, m.matched, m.start])).toEqual([
      ['SQL', 'SQL', 7],
      ['Apache Spark', 'Apache Spark', 13],
      ['Spark', 'Spark', 27],
      ['Spark', 'Sparkiem', 35],
    ]);
  });
});

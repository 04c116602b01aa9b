import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadOnlyDatabase, type OpenDatabase } from '../src/db/open-database.js';
import { NameIndex } from '../src/search/name-index.js';
import { prefixGroups, prefixMatch, searchTokens } from '../src/search/search-text.js';
import { createSeededDatabase } from './helpers/seeded-app.js';

let seeded: ReturnType<typeof createSeededDatabase>;
let opened: OpenDatabase;

beforeAll(() => {
  seeded = createSeededDatabase();
  opened = openReadOnlyDatabase(seeded.dbPath);
});

afterAll(() => {
  opened?.sqlite.close();
  seeded?.cleanup();
});

describe('the in-memory name index', () => {
  it('chooses the same completion candidates, in the same order, as FTS5 bm25 on every prefix of every name', () => {
    const index = NameIndex.load(opened.sqlite);
    const fts = opened.sqlite.prepare('SELECT rowid FROM search_names WHERE search_names MATCH ? ORDER BY bm25(search_names), entry_id LIMIT 200').pluck();
    const queries = new Set<string>(['kubernetesem', 'data scientists', 'wzorców', 'py', 'ml o']);
    for (const name of opened.sqlite.prepare('SELECT name FROM search_names').pluck().all() as string[]) {
      const words = searchTokens(name);
      for (const word of words) for (let k = 1; k <= word.length; k++) queries.add(word.slice(0, k));
      if (words.length > 1) queries.add(`${words[0]} ${words[1].slice(0, 2)}`);
    }
    expect(queries.size).toBeGreaterThan(300);
    let compared = 0;
    for (const query of queries) {
      const tokens = searchTokens(query);
      const best = index.best(prefixGroups(tokens), 200);
      if (best === null) continue;
      compared++;
      expect(best.map((row) => index.rowids[row]), query).toEqual(fts.all(prefixMatch(tokens)));
    }
    expect(compared).toBe(queries.size);
  });
});

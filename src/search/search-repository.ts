import type Database from 'better-sqlite3';
import type { Db } from '../db/open-database.js';
import type { Lang } from '../lib/language.js';
import { SEARCH_KINDS, type SearchKind } from './search-entries.js';
import { ELLIPSIS, MARK_CLOSE, MARK_OPEN, renderSnippet } from './snippet.js';
import { NameIndex } from './name-index.js';
import { fullTextMatch, prefixGroups, prefixMatch, searchTokens } from './search-text.js';

/**
 * bm25 column weights (name, aliases, body): a word in a node's name outweighs the same word in an
 * alias, which outweighs it in a text, so "python" finds the technology before the tasks that use it.
 */
const WEIGHTS = { name: 20, aliases: 8, body: 1 };
const SNIPPET_TOKENS = 16;
const SNIPPET_MARKERS = { open: MARK_OPEN, close: MARK_CLOSE, ellipsis: ELLIPSIS };
/** Completion ranks in JavaScript; this bounds the rows it looks at for one-letter prefixes. */
const SUGGEST_CANDIDATES = 200;
/** Completion order between nodes with equally good names. */
const SUGGEST_KIND_ORDER: SearchKind[] = ['role', 'technology', 'skill', 'responsibility', 'category', 'concept', 'comparison', 'task'];

export interface SearchQuery {
  tokens: string[];
  kind?: SearchKind;
  lang: Lang;
  limit: number;
  offset: number;
}

interface EntryRow {
  kind: SearchKind;
  key: string;
  slug: string;
  name_pl: string;
  name_en: string | null;
  url: string | null;
  document: string;
  line: number;
}

interface HitRow extends EntryRow {
  rid: number;
  lang: Lang;
  snippet: string;
  name: string;
  aliases: string;
  body: string;
  name_text: string;
  aliases_text: string;
  body_text: string;
}

interface NameRow extends EntryRow {
  entry_id: number;
  folded: string;
  name_text: string;
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;

/** Reads the search tables the seed wrote (migrations/0002_search_index.sql). */
export function createSearchRepository(db: Db) {
  // FTS5 tables and auxiliary functions are outside drizzle's query builder: prepare them on the driver once.
  const sqlite = (db as Db & { $client: Database.Database }).$client;

  // Ranking reads only numbers for every hit; snippets and texts are read for the page alone.
  const rankStatement = sqlite.prepare(`
    SELECT entry_id, lang = @lang AS preferred, bm25(search_index, ${WEIGHTS.name}, ${WEIGHTS.aliases}, ${WEIGHTS.body}) AS score, rowid
      FROM search_index
     WHERE search_index MATCH @match`);

  const pageStatement = sqlite.prepare(`
    SELECT i.rowid AS rid, i.lang, snippet(search_index, -1, @open, @close, @ellipsis, ${SNIPPET_TOKENS}) AS snippet,
           i.name, i.aliases, i.body, i.name_text, i.aliases_text, i.body_text,
           e.kind, e.key, e.slug, e.name_pl, e.name_en, e.url, d.file AS document, e.line
      FROM search_index i JOIN search_entries e ON e.id = i.entry_id JOIN documents d ON d.id = e.document_id
     WHERE search_index MATCH @match AND i.rowid IN (SELECT value FROM json_each(@rowids))`);

  let entryKinds: Uint8Array | undefined;
  /** Each entry's kind (its number in SEARCH_KINDS, plus one), read on the first search by kind. */
  const kindOf = (entryId: number): SearchKind | undefined => {
    if (!entryKinds) {
      const rows = sqlite.prepare('SELECT id, kind FROM search_entries').raw().all() as [number, SearchKind][];
      entryKinds = new Uint8Array(rows.reduce((max, [id]) => Math.max(max, id), 0) + 1);
      for (const [id, kind] of rows) entryKinds[id] = SEARCH_KINDS.indexOf(kind) + 1;
    }
    return SEARCH_KINDS[entryKinds[entryId] - 1];
  };

  /**
   * One hit per node: its row in the asked language when that row matches, else the other
   * language's; ranked by that row's bm25 score, then by entry. Returns the page and the total.
   */
  function rank(match: string, lang: Lang, kind: SearchKind | undefined, limit: number, offset: number) {
    const best = new Map<number, { preferred: number; score: number; rowid: number; entryId: number }>();
    for (const [entryId, preferred, score, rowid] of rankStatement.raw().all({ match, lang }) as [number, number, number, number][]) {
      if (kind && kindOf(entryId) !== kind) continue;
      const current = best.get(entryId);
      if (!current || preferred > current.preferred || (preferred === current.preferred && score < current.score)) best.set(entryId, { preferred, score, rowid, entryId });
    }
    const hits = [...best.values()].sort((a, b) => a.score - b.score || a.entryId - b.entryId);
    return { total: hits.length, page: hits.slice(offset, offset + limit) };
  }

  // The candidates are chosen inside the full-text table and only they are joined: joining every match
  // first cost 9-25 ms for a common three-letter prefix on an ESCO-sized set (thousands of names).
  const suggestStatement = sqlite.prepare(`
    SELECT n.entry_id, n.folded, n.name_text, e.kind, e.key, e.slug, e.name_pl, e.name_en, e.url, d.file AS document, e.line
      FROM (SELECT entry_id, name AS folded, name_text, bm25(search_names) AS score
              FROM search_names
             WHERE search_names MATCH @match
             ORDER BY score, entry_id
             LIMIT ${SUGGEST_CANDIDATES}) n
      JOIN search_entries e ON e.id = n.entry_id JOIN documents d ON d.id = e.document_id
     ORDER BY n.score, n.entry_id`);

  // The same rows, chosen in memory by the name index (the statement above is its fallback).
  const candidateStatement = sqlite.prepare(`
    SELECT n.rowid AS rid, n.entry_id, n.name AS folded, n.name_text, e.kind, e.key, e.slug, e.name_pl, e.name_en, e.url, d.file AS document, e.line
      FROM search_names n JOIN search_entries e ON e.id = n.entry_id JOIN documents d ON d.id = e.document_id
     WHERE n.rowid IN (SELECT value FROM json_each(@rowids))`);
  let names: NameIndex | undefined;
  const suggestCandidates = (tokens: string[]): NameRow[] => {
    names ??= NameIndex.load(sqlite);
    const best = names.best(prefixGroups(tokens), SUGGEST_CANDIDATES);
    if (best === null) return suggestStatement.all({ match: prefixMatch(tokens) }) as NameRow[];
    const rowids = best.map((row) => names!.rowids[row]);
    const byRowid = new Map((candidateStatement.all({ rowids: JSON.stringify(rowids) }) as (NameRow & { rid: number })[]).map((row) => [row.rid, row]));
    return rowids.map((rowid) => byRowid.get(rowid)!);
  };

  const entryName = (row: EntryRow, lang: Lang) => (lang === 'en' ? (row.name_en ?? row.name_pl) : row.name_pl);
  const untranslated = (row: EntryRow, lang: Lang) => (lang === 'en' && row.name_en == null ? { untranslated: ['name'] } : {});

  return {
    search({ tokens, kind, lang, limit, offset }: SearchQuery) {
      const match = fullTextMatch(tokens);
      const { total, page } = rank(match, lang, kind, limit, offset);
      if (page.length === 0) return { total, items: [] };
      const rows = new Map(
        (pageStatement.all({ match, ...SNIPPET_MARKERS, rowids: JSON.stringify(page.map((hit) => hit.rowid)) }) as HitRow[]).map((row) => [row.rid, row]),
      );
      return {
        total,
        items: page.map((hit) => {
          const row = rows.get(hit.rowid)!;
          return {
            kind: row.kind,
            id: `${row.kind}:${row.key}`,
            slug: row.slug,
            name: entryName(row, lang),
            snippet: renderSnippet(row.snippet, [
              { folded: row.name, original: row.name_text },
              { folded: row.aliases, original: row.aliases_text },
              { folded: row.body, original: row.body_text },
            ]),
            snippetLang: row.lang,
            url: row.url,
            score: Math.round(-hit.score * 1000) / 1000,
            source: { document: row.document, line: row.line },
            ...untranslated(row, lang),
          };
        }),
      };
    },

    suggest(tokens: string[], lang: Lang, limit: number) {
      const rows = suggestCandidates(tokens);
      const typed = tokens.join(' ');
      // An exact name first, then names that start with what was typed, then names with a word that does.
      const closeness = (row: NameRow) => {
        const name = searchTokens(row.folded).join(' ');
        return name === typed ? 0 : name.startsWith(typed) ? 1 : 2;
      };
      const best = new Map<number, { row: NameRow; closeness: number }>();
      for (const row of rows) {
        const candidate = { row, closeness: closeness(row) };
        const current = best.get(row.entry_id);
        // Of one node's names, the closest to what was typed, then the shortest.
        if (!current || (candidate.closeness - current.closeness || row.name_text.length - current.row.name_text.length) < 0) {
          best.set(row.entry_id, candidate);
        }
      }
      return [...best.values()]
        .sort(
          (a, b) =>
            a.closeness - b.closeness ||
            SUGGEST_KIND_ORDER.indexOf(a.row.kind) - SUGGEST_KIND_ORDER.indexOf(b.row.kind) ||
            entryName(a.row, lang).length - entryName(b.row, lang).length ||
            entryName(a.row, lang).localeCompare(entryName(b.row, lang)),
        )
        .slice(0, limit)
        .map(({ row }) => ({
          kind: row.kind,
          id: `${row.kind}:${row.key}`,
          slug: row.slug,
          name: entryName(row, lang),
          matched: row.name_text,
          url: row.url,
        }));
    },
  };
}

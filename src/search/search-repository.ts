import type Database from 'better-sqlite3';
import type { Db } from '../db/open-database.js';
import type { Lang } from '../http/language.js';
import type { SearchKind } from './search-entries.js';
import { ELLIPSIS, MARK_CLOSE, MARK_OPEN, renderSnippet } from './snippet.js';
import { fullTextMatch, prefixMatch, searchTokens } from './search-text.js';

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
  lang: Lang;
  score: number;
  snippet: string;
  name: string;
  aliases: string;
  body: string;
  name_text: string;
  aliases_text: string;
  body_text: string;
  total: number;
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

  // One hit per node: its row in the asked language when that row matches, else the other language's.
  const searchStatement = sqlite.prepare(`
    WITH hits AS (
      SELECT i.entry_id, i.lang, bm25(search_index, ${WEIGHTS.name}, ${WEIGHTS.aliases}, ${WEIGHTS.body}) AS score,
             snippet(search_index, -1, @open, @close, @ellipsis, ${SNIPPET_TOKENS}) AS snippet,
             i.name, i.aliases, i.body, i.name_text, i.aliases_text, i.body_text
        FROM search_index i
       WHERE search_index MATCH @match
    ), best AS (
      SELECT h.*, row_number() OVER (PARTITION BY h.entry_id ORDER BY h.lang = @lang DESC, h.score) AS pick
        FROM hits h JOIN search_entries e ON e.id = h.entry_id
       WHERE @kind IS NULL OR e.kind = @kind
    )
    SELECT b.*, e.kind, e.key, e.slug, e.name_pl, e.name_en, e.url, d.file AS document, e.line, count(*) OVER () AS total
      FROM best b JOIN search_entries e ON e.id = b.entry_id JOIN documents d ON d.id = e.document_id
     WHERE b.pick = 1
     ORDER BY b.score, e.id
     LIMIT @limit OFFSET @offset`);

  const suggestStatement = sqlite.prepare(`
    SELECT n.entry_id, n.name AS folded, n.name_text, e.kind, e.key, e.slug, e.name_pl, e.name_en, e.url, d.file AS document, e.line
      FROM search_names n JOIN search_entries e ON e.id = n.entry_id JOIN documents d ON d.id = e.document_id
     WHERE search_names MATCH @match
     ORDER BY bm25(search_names), e.id
     LIMIT ${SUGGEST_CANDIDATES}`);

  const countStatement = sqlite.prepare(`
    SELECT count(DISTINCT i.entry_id) AS total
      FROM search_index i JOIN search_entries e ON e.id = i.entry_id
     WHERE search_index MATCH @match AND (@kind IS NULL OR e.kind = @kind)`);

  const entryName = (row: EntryRow, lang: Lang) => (lang === 'en' ? (row.name_en ?? row.name_pl) : row.name_pl);
  const untranslated = (row: EntryRow, lang: Lang) => (lang === 'en' && row.name_en == null ? { untranslated: ['name'] } : {});

  return {
    search({ tokens, kind, lang, limit, offset }: SearchQuery) {
      const rows = searchStatement.all({ match: fullTextMatch(tokens), ...SNIPPET_MARKERS, lang, kind: kind ?? null, limit, offset }) as HitRow[];
      // With an offset past the last hit there is no row to carry the total: count again.
      const total = rows[0]?.total ?? (offset > 0 ? (countStatement.get({ match: fullTextMatch(tokens), kind: kind ?? null }) as { total: number }).total : 0);
      return {
        total,
        items: rows.map((row) => ({
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
          score: Math.round(-row.score * 1000) / 1000,
          source: { document: row.document, line: row.line },
          ...untranslated(row, lang),
        })),
      };
    },

    suggest(tokens: string[], lang: Lang, limit: number) {
      const rows = suggestStatement.all({ match: prefixMatch(tokens) }) as NameRow[];
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

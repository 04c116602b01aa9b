import type Database from 'better-sqlite3';
import { drizzle } from '../db/drizzle.cjs';
import * as schema from '../db/schema.js';
import { LANGUAGES, type Lang } from '../lib/language.js';
import { collectSearchEntries, type Bilingual } from './search-entries.js';
import { foldForSearch } from './search-text.js';

/** Joins the several aliases or texts of one column; FTS5 treats it as a separator, readers as a list. */
export const FIELD_SEPARATOR = ' · ';

const pick = (text: Bilingual, lang: Lang) => (lang === 'en' ? (text.en ?? text.pl) : text.pl);

/**
 * Fills the search tables from the graph just written; the caller runs it inside the seed's
 * transaction, right after writeGraph. Every node gets one full-text row per language (the English
 * row falls back to Polish where a text has no translation) and one completion row per distinct name.
 * Prepared statements on the driver: at ESCO size this is a few hundred thousand inserts.
 */
export function writeSearchIndex(sqlite: Database.Database): void {
  const entries = collectSearchEntries(drizzle(sqlite, { schema }));
  const insertEntry = sqlite.prepare(`insert into search_entries (id, kind, key, slug, name_pl, name_en, url, document_id, line) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertText = sqlite.prepare(`insert into search_index (name, aliases, body, entry_id, lang, name_text, aliases_text, body_text) values (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertName = sqlite.prepare(`insert into search_names (name, entry_id, name_text) values (?, ?, ?)`);
  entries.forEach((entry, index) => {
    const id = index + 1;
    insertEntry.run(id, entry.kind, entry.key, entry.slug, entry.name.pl, entry.name.en, entry.url, entry.documentId, entry.line);

    const aliases = entry.aliases.join(FIELD_SEPARATOR);
    const foldedAliases = foldForSearch(aliases);
    for (const lang of LANGUAGES) {
      // A task's text is its name in the graph, but for ranking it is body text, not a name.
      const name = entry.kind === 'task' ? '' : pick(entry.name, lang);
      const body = entry.body.map((text) => pick(text, lang)).join(FIELD_SEPARATOR);
      insertText.run(foldForSearch(name), foldedAliases, foldForSearch(body), id, lang, name, aliases, body);
    }

    if (!entry.suggest) return;
    const names = new Set([entry.name.pl, entry.name.en ?? entry.name.pl, ...entry.aliases]);
    for (const name of names) insertName.run(foldForSearch(name), id, name);
  });
  sqlite.exec(`insert into search_index (search_index) values ('optimize')`);
  sqlite.exec(`insert into search_names (search_names) values ('optimize')`);
}

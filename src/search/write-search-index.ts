import { sql } from 'drizzle-orm';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as s from '../db/schema.js';
import { LANGUAGES, type Lang } from '../http/language.js';
import { collectSearchEntries, type Bilingual } from './search-entries.js';
import { foldForSearch } from './search-text.js';

/** Joins the several aliases or texts of one column; FTS5 treats it as a separator, readers as a list. */
export const FIELD_SEPARATOR = ' · ';

const pick = (text: Bilingual, lang: Lang) => (lang === 'en' ? (text.en ?? text.pl) : text.pl);

/**
 * Fills the search tables from the graph just written; the caller runs it inside the seed's
 * transaction, right after writeGraph. Every node gets one full-text row per language (the English
 * row falls back to Polish where a text has no translation) and one completion row per distinct name.
 */
export function writeSearchIndex(tx: BaseSQLiteDatabase<'sync', unknown, typeof s>): void {
  const entries = collectSearchEntries(tx);
  entries.forEach((entry, index) => {
    const id = index + 1;
    tx.run(sql`insert into search_entries (id, kind, key, slug, name_pl, name_en, url, document_id, line)
      values (${id}, ${entry.kind}, ${entry.key}, ${entry.slug}, ${entry.name.pl}, ${entry.name.en}, ${entry.url}, ${entry.documentId}, ${entry.line})`);

    const aliases = entry.aliases.join(FIELD_SEPARATOR);
    for (const lang of LANGUAGES) {
      // A task's text is its name in the graph, but for ranking it is body text, not a name.
      const name = entry.kind === 'task' ? '' : pick(entry.name, lang);
      const body = entry.body.map((text) => pick(text, lang)).join(FIELD_SEPARATOR);
      tx.run(sql`insert into search_index (name, aliases, body, entry_id, lang, name_text, aliases_text, body_text)
        values (${foldForSearch(name)}, ${foldForSearch(aliases)}, ${foldForSearch(body)}, ${id}, ${lang}, ${name}, ${aliases}, ${body})`);
    }

    if (!entry.suggest) return;
    const names = new Set([entry.name.pl, entry.name.en ?? entry.name.pl, ...entry.aliases]);
    for (const name of names) {
      tx.run(sql`insert into search_names (name, entry_id, name_text) values (${foldForSearch(name)}, ${id}, ${name})`);
    }
  });
  tx.run(sql`insert into search_index (search_index) values ('optimize')`);
  tx.run(sql`insert into search_names (search_names) values ('optimize')`);
}

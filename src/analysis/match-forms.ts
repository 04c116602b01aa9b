import type { Db } from '../db/open-database.js';
import * as s from '../db/schema.js';

export interface MatchForms {
  /** Per "kind:slug", the extra forms that find the entity in text (never served as names). */
  forms: Map<string, string[]>;
  /** Per "kind:slug", the names and forms that count only where context makes them names. */
  contextual: Map<string, string[]>;
}

/** The seed's match_forms table, grouped by entity. */
export function readMatchForms(db: Db): MatchForms {
  const forms = new Map<string, string[]>();
  const contextual = new Map<string, string[]>();
  for (const row of db.select().from(s.matchForms).orderBy(s.matchForms.id).all()) {
    const key = `${row.kind}:${row.slug}`;
    const into = row.contextual ? contextual : forms;
    into.set(key, [...(into.get(key) ?? []), row.form]);
    if (row.contextual) forms.set(key, [...(forms.get(key) ?? []), row.form]);
  }
  return { forms, contextual };
}

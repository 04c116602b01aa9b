import { PhraseMatcher } from '../text/phrase-matcher.js';
import { CURATED_VOCABULARY } from './curated-data.js';
import type { GraphModel } from './graph-model.js';
import type { ParsedDocument } from './parse-document.js';

/**
 * Gives every alias its provenance: the first document line that uses it, as written or in a case
 * the shared morphology recognises ("Inżynier AI" on the line that says "Inżynier AI tworzy…"), or else
 * the curated vocabulary, which is where a name no document uses ("Naukowiec AI") comes from.
 * One matcher over all aliases and one pass over the lines: linear at any size.
 */
export function assignAliasProvenance(model: GraphModel, documents: { id: number; parsed: ParsedDocument }[]): void {
  const rows = [...model.roleAliases, ...model.technologyAliases];
  const matcher = new PhraseMatcher(rows.map((row) => ({ form: row.alias, target: row.normalized })));
  const firstUse = new Map<string, { documentId: number; line: number }>();
  for (const { id, parsed } of documents) {
    parsed.lines.forEach((text, index) => {
      for (const m of matcher.find(text)) if (!firstUse.has(m.target)) firstUse.set(m.target, { documentId: id, line: index + 1 });
    });
  }
  for (const row of rows) {
    const use = firstUse.get(row.normalized);
    if (use) Object.assign(row, use, { curatedFile: null });
    else Object.assign(row, { documentId: null, line: null, curatedFile: CURATED_VOCABULARY });
  }
}

import { foldWord } from '../text/morphology.js';
import { PhraseMatcher } from '../text/phrase-matcher.js';
import type { GraphModel } from './graph-model.js';
import type { ParsedDocument } from './parse-document.js';

/**
 * Marks the technologies and skills whose served (Polish) name their source line does not contain,
 * as written or in any case ("Apache Airflow" on a line that says "Airflow", "relacyjne bazy danych"
 * on "Zarówno relacyjne (SQL)"): that name comes from the curated vocabulary, and the API says so.
 */
export function markCuratedNames(model: GraphModel, documents: { id: number; parsed: ParsedDocument }[]): void {
  const lines = new Map(documents.map(({ id, parsed }) => [id, parsed.lines]));
  const check = <R extends { id?: number; documentId: number; line: number; nameCurated?: boolean }>(rows: R[], nameOf: (row: R) => string) => {
    const matcher = new PhraseMatcher(rows.map((row) => ({ form: nameOf(row), target: foldWord(nameOf(row)) })));
    // Many entities share a line (a "Technologie:" list): each line is read once.
    const found = new Map<string, Set<string>>();
    for (const row of rows) {
      const key = `${row.documentId}:${row.line}`;
      let names = found.get(key);
      if (!names) {
        const text = lines.get(row.documentId)?.[row.line - 1] ?? '';
        names = new Set(matcher.find(text).map((m) => m.target));
        found.set(key, names);
      }
      row.nameCurated = !names.has(foldWord(nameOf(row)));
    }
  };
  check(model.technologies, (t) => t.name);
  check(model.skills, (s) => s.namePl);
}

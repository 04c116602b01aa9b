import type { Crosswalks } from './curated-data.js';
import type { GraphModel } from './graph-model.js';

/**
 * The curated crosswalks as rows of the roles the documents produced; a mapping of a role no
 * document names is left out (it has nothing to hang on), like an unused vocabulary entry.
 */
export function crosswalkRows(model: GraphModel, crosswalks: Crosswalks): GraphModel['roleCrosswalks'] {
  const roleIds = new Map(model.roles.map((r) => [r.slug, r.id as number]));
  const rows: GraphModel['roleCrosswalks'] = [];
  for (const [slug, mappings] of Object.entries(crosswalks.roles)) {
    const roleId = roleIds.get(slug);
    if (roleId === undefined) continue;
    mappings.forEach((m, i) => {
      const source = crosswalks.sources[m.source];
      rows.push({
        id: rows.length + 1,
        roleId,
        position: i + 1,
        scheme: m.scheme,
        code: m.code ?? null,
        uri: m.uri ?? null,
        label: m.label,
        match: m.match,
        // The published file as a reader can open it: the copy read; when no file was read, the standard and a note saying so.
        sourceFile: source.copy.startsWith('http') ? source.copy : `${source.standard}; ${source.copy}`,
        sourceRow: m.row,
      });
    });
  }
  return rows;
}

import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { NodeKind } from '../model/graph-vocabulary.js';
import { CURATED_SOURCES, type ExportData, type ExportNode } from './export-data.js';

/** One file per kind of entity, as the zip names them. */
export const ENTITY_FILES: Record<NodeKind, string> = {
  role: 'roles.csv',
  responsibility: 'responsibilities.csv',
  task: 'tasks.csv',
  technology: 'technologies.csv',
  skill: 'skills.csv',
  category: 'categories.csv',
  concept: 'concepts.csv',
  comparison: 'comparisons.csv',
};

const ENTITY_COLUMNS = ['id', 'name_pl', 'name_en', 'text_pl', 'text_en', 'alt_labels', 'document', 'line', 'updated_in'];

/** Who to credit: the documents, the curated files, and the taxonomies the crosswalks cite. */
const ATTRIBUTION = [
  'Crosswalks: ESCO classification, (c) European Union, https://esco.ec.europa.eu (occupations_en.csv, ISCOGroups_en.csv)',
  'Crosswalks: ISCO-08, International Labour Organization, as published in ESCO',
  'Crosswalks: O*NET-SOC 2019 Taxonomy, O*NET Resource Center, U.S. Department of Labor, Employment and Training Administration',
];

// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break.
const csv = (header: string[], rows: (string | number | null)[][]) => strToU8(stringify([header, ...rows], { record_delimiter: 'windows', quoted_match: /[\r\n]/ }));

/**
 * The CSV export: a zip of RFC 4180 files (UTF-8, header row). Every entry carries the data version's
 * release time, not the time of zipping, so one data version gives the same bytes on every replica.
 */
export function writeCsvZip(data: ExportData): Buffer {
  const mtime = new Date(data.madeAt);
  const files: Zippable = {};
  for (const [kind, file] of Object.entries(ENTITY_FILES) as [NodeKind, string][]) {
    files[file] = csv(ENTITY_COLUMNS, data.nodes.filter((n) => n.kind === kind).map(entityRow));
  }
  files['relations.csv'] = csv(['source_id', 'type', 'target_id', 'document', 'line'], data.relations.map((r) => [r.source, r.type, r.target, r.document, r.line]));
  files['crosswalks.csv'] = csv(
    ['role_id', 'scheme', 'code', 'uri', 'label', 'match', 'source_file', 'source_row', 'curated_file'],
    data.crosswalks.map((c) => [c.role, c.scheme, c.code, c.uri, c.label, c.match, c.source.file, c.source.row, c.source.curatedIn]),
  );
  files['metadata.csv'] = csv(['key', 'value'], [
    ['version', data.version],
    ['made_at', data.madeAt],
    ...data.documents.map((d) => ['document', `${d.file} sha256:${d.sha256} (${d.title})`]),
    ...CURATED_SOURCES.map((f) => ['curated_file', f]),
    ...ATTRIBUTION.map((a) => ['attribution', a]),
  ]);
  return Buffer.from(zipSync(files, { level: 6, mtime }));
}

function entityRow(n: ExportNode): (string | number | null)[] {
  // Several aliases in one field, separated by "|" (no alias holds one).
  return [n.id, n.namePl, n.nameEn, n.textPl, n.textEn, n.altLabels.join('|'), n.document, n.line, n.updatedIn];
}

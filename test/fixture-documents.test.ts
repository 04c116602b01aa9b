// Needs its own databases: seeded from the fixture documents beside the real one, and from malformed ones.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../src/seed/build-database.js';
import { DocumentFormatError } from '../src/seed/document-format-error.js';
import { parseDocument } from '../src/seed/parse-document.js';
import { DATA_ENGINEER_FIXTURE, MALFORMED_FIXTURE, REAL_DOCUMENT_PATH, documentsDirWith } from './helpers/documents.js';
import { createSeededApp, makeTempDir, seedInputsWithDocuments, type SeededApp } from './helpers/seeded-app.js';

/** A second document in the same format: the graph must grow by it, sharing the nodes both documents name. */
const fixture = readFileSync(DATA_ENGINEER_FIXTURE, 'utf8');
const fixtureLines = ['', ...fixture.split('\n')];
const FIXTURE_FILE = 'data-engineer.pl.txt';

let documentsDir: string;
let seeded: SeededApp;

async function getJson(url: string) {
  const response = await seeded.app.inject({ url });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response;
}

beforeAll(async () => {
  documentsDir = documentsDirWith(join(makeTempDir('rolegraph-docs-'), 'documents'), [REAL_DOCUMENT_PATH, DATA_ENGINEER_FIXTURE]);
  seeded = await createSeededApp({ documentsDir });
});

afterAll(async () => {
  await seeded?.close();
  rmSync(join(documentsDir, '..'), { recursive: true, force: true });
});

describe('the data-engineer fixture document', () => {
  it('parses in the same format', () => {
    const doc = parseDocument(FIXTURE_FILE, fixture);
    expect(doc).toMatchObject({ module: 1, point: 2, roleName: 'Data Engineer' });
    expect(doc.sections.map((s) => s.kind)).toEqual(['introduction', 'responsibilities', 'differences', 'skills', 'summary']);
    expect(doc.responsibilities.map((r) => r.technologies.line)).toEqual([23, 29, 35]);
    expect(doc.comparisons.map((c) => c.title)).toEqual(['Data Engineer vs. AI Engineer']);
  });
});

describe('seeding the real document with a second role', () => {
  it('adds data-engineer, described by its own document', async () => {
    expect(seeded.report.documents).toEqual(['ai-engineer.pl.txt', FIXTURE_FILE]);
    const roles = (await getJson('/roles')).json();
    expect(roles.total).toBeGreaterThanOrEqual(5);
    expect(roles.items.slice(0, 2).map((r: any) => r.slug)).toEqual(['ai-engineer', 'data-engineer']);
    const role = (await getJson('/roles/data-engineer')).json();
    expect(role.describedBy).toEqual({ document: FIXTURE_FILE, title: fixtureLines[1] });
    expect(role.definition.source).toEqual({ document: FIXTURE_FILE, line: 5 });
    expect(fixtureLines[5]).toContain(role.definition.text);
    // The name in parentheses after the role's name in the definition becomes an alias.
    expect((await getJson(`/roles/${encodeURIComponent('Inżynier Danych')}`)).json().slug).toBe('data-engineer');
    // The AI Engineer keeps its own document's definition.
    expect((await getJson('/roles/ai-engineer')).json().describedBy.document).toBe('ai-engineer.pl.txt');
  });

  it('keeps Apache Spark one node, used by responsibilities of both roles', async () => {
    const spark = (await getJson('/technologies/apache-spark')).json();
    expect(spark.responsibilities.map((r: any) => [r.role.slug, r.slug, r.source.document, r.source.line])).toEqual([
      ['ai-engineer', 'data-pipelines', 'ai-engineer.pl.txt', 21],
      ['data-engineer', 'data-pipelines', FIXTURE_FILE, 23],
      ['data-engineer', 'stream-processing', FIXTURE_FILE, 29],
    ]);
    for (const line of [23, 29]) expect(fixtureLines[line]).toMatch(/Technologie:.*Apache Spark/);
    expect(spark.roles.map((r: any) => r.slug)).toEqual(['ai-engineer', 'data-engineer']);
    const all = (await getJson('/technologies?limit=100')).json();
    expect(all.items.filter((t: any) => t.name === 'Apache Spark')).toHaveLength(1);
    // "Airflow" in the fixture resolves through the vocabulary to the same node as in the real document.
    const airflow = (await getJson('/technologies/airflow')).json();
    expect(airflow.slug).toBe('apache-airflow');
    expect(airflow.roles.map((r: any) => r.slug)).toEqual(['ai-engineer', 'data-engineer']);
    const sql = (await getJson('/technologies/sql')).json();
    expect(sql.responsibilities.map((r: any) => `${r.role.slug}/${r.slug}`)).toEqual(['ai-engineer/data-pipelines', 'data-engineer/data-modeling-and-storage']);
  });

  it('creates Kafka, which the vocabulary does not know, because it is written as a name', async () => {
    const kafka = (await getJson('/technologies/kafka')).json();
    expect(kafka).toMatchObject({ slug: 'kafka', name: 'Kafka', kind: 'tool', source: { document: FIXTURE_FILE, line: 23 } });
    expect(kafka.responsibilities.map((r: any) => r.slug)).toEqual(['data-pipelines', 'stream-processing']);
    expect(seeded.report.warnings.some((w) => w.includes('"Kafka"'))).toBe(true);
  });

  it('serves the new role’s responsibilities, skills and comparisons', async () => {
    const page = (await getJson('/roles/data-engineer/responsibilities')).json();
    expect(page.items.map((r: any) => [r.slug, r.source.line])).toEqual([
      ['data-pipelines', 17],
      ['stream-processing', 25],
      ['data-modeling-and-storage', 31],
    ]);
    expect(page.items[0].tasks.map((t: any) => t.source)).toEqual([
      { document: FIXTURE_FILE, line: 19 },
      { document: FIXTURE_FILE, line: 21 },
    ]);
    const one = (await getJson('/roles/data-engineer/responsibilities/stream-processing')).json();
    expect(one.technologies.map((t: any) => t.slug)).toEqual(['kafka', 'apache-spark']);

    const python = (await getJson('/skills/python')).json();
    expect(python.roles.map((r: any) => [r.role.slug, r.qualifier])).toEqual([
      ['ai-engineer', 'perfekcyjna znajomość'],
      ['data-engineer', 'bardzo dobra znajomość'],
    ]);

    const comparisons = (await getJson('/roles/ai-engineer/comparisons')).json();
    expect(comparisons.items.map((c: any) => c.slug)).toEqual(['ai-engineer-vs-data-scientist', 'ai-engineer-vs-data-analyst', 'data-engineer-vs-ai-engineer']);
    const mine = (await getJson('/roles/data-engineer')).json().comparisons;
    expect(mine).toEqual([expect.objectContaining({ slug: 'data-engineer-vs-ai-engineer', keyQuestion: 'Skąd wezmą się dane?', source: { document: FIXTURE_FILE, line: 41 } })]);
  });

  it('serves texts without a translation in Polish under lang=en and lists them in untranslated', async () => {
    const response = await getJson('/roles/data-engineer/responsibilities?lang=en');
    expect(response.headers['content-language']).toBe('en');
    const first = response.json().items[0];
    expect(first.tasks[0].text).toBe(fixtureLines[19].trim());
    expect(first.untranslated).toEqual(expect.arrayContaining(['tasks[0].text', 'tasks[1].text']));

    const role = (await getJson('/roles/data-engineer?lang=en')).json();
    expect(role.definition.text).toBe(fixtureLines[5].trim().replace(/^Definicja:\s+/, ''));
    expect(role.untranslated).toEqual(expect.arrayContaining(['definition.text', 'summary[0].text']));
    // Curated translations still apply where they exist: "Inżynier Budowy" is the real document's label too.
    expect(role.analogies[0].sides[1].label).toBe('Construction Engineer');
    expect(role.untranslated).not.toContain('analogies[0].sides[1].label');

    // Every text the seed reports as untranslated comes from the fixture: the real document is fully translated.
    expect(seeded.report.untranslated.length).toBeGreaterThan(0);
    for (const text of seeded.report.untranslated) expect(fixture, `"${text}"`).toContain(text);
  });
});

describe('a malformed fixture next to the real document', () => {
  it('fails the whole seed with the file and line of the problem', () => {
    const dir = makeTempDir();
    try {
      const inputs = seedInputsWithDocuments(documentsDirWith(join(dir, 'documents'), [REAL_DOCUMENT_PATH, MALFORMED_FIXTURE]));
      expect(() => seedDatabase(join(dir, 'rolegraph.db'), inputs)).toThrow(DocumentFormatError);
      expect(() => seedDatabase(join(dir, 'rolegraph.db'), inputs)).toThrow(/^ml-engineer\.pl\.txt:13: expected the responsibility to close with "Technologie: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Needs databases of its own where it tests seeding itself (reruns, a failed seed leaving the old file); the rest read the shared one.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/paths.js';
import { ensureSeeded, seedDatabase } from '../src/seed/build-database.js';
import { DEFAULT_SEED_INPUTS } from '../src/seed/data-version.js';
import { DocumentFormatError } from '../src/seed/document-format-error.js';
import { parseDocument } from '../src/seed/parse-document.js';
import { DATA_ENGINEER_FIXTURE, MALFORMED_FIXTURE, REAL_DOCUMENT_FILE, REAL_DOCUMENT_PATH, documentsDirWith, readRealDocument, realDocumentLines } from './helpers/documents.js';
import { createSeededDatabase, makeTempDir, seedInputsWithDocuments } from './helpers/seeded-app.js';

const parsed = parseDocument(REAL_DOCUMENT_FILE, readRealDocument());
const lines = realDocumentLines();

let dbPath: string;
let sqlite: Database.Database;

const all = <T>(query: string, ...params: unknown[]) => sqlite.prepare(query).all(...params) as T[];
const one = <T>(query: string, ...params: unknown[]) => sqlite.prepare(query).get(...params) as T;
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(() => {
  ({ dbPath } = createSeededDatabase());
  sqlite = new Database(dbPath, { readonly: true, fileMustExist: true });
});

afterAll(() => {
  sqlite?.close();
});

describe('seeding the real document', () => {
  it('creates one role per role the document names', () => {
    const named = new Set([
      parsed.roleName,
      ...parsed.analogies.flatMap((a) => a.sides.map((s) => s.roleName)),
      ...parsed.comparisons.flatMap((c) => [c.roleName, c.otherRoleName, ...c.sides.map((s) => s.roleName)]),
    ]);
    expect([...named].sort()).toEqual(['AI Engineer', 'AI Scientist', 'Data Analyst', 'Data Scientist']);
    expect(all<{ slug: string }>('select slug from roles order by id').map((r) => r.slug)).toEqual(['ai-engineer', 'ai-scientist', 'data-scientist', 'data-analyst']);
    // Only the role the document is about is described by it.
    expect(all<{ slug: string }>('select slug from roles where primary_document_id is not null').map((r) => r.slug)).toEqual(['ai-engineer']);
    expect(one<{ definition_line: number }>("select definition_line from roles where slug = 'ai-engineer'").definition_line).toBe(5);
  });

  it('has the responsibilities, tasks, skill categories and comparisons the document has', () => {
    const count = (table: string) => one<{ n: number }>(`select count(*) as n from ${table}`).n;
    expect(count('responsibilities')).toBe(parsed.responsibilities.length);
    expect(count('responsibilities')).toBe(5);
    expect(count('tasks')).toBe(parsed.responsibilities.reduce((n, r) => n + r.paragraphs.length, 0));
    expect(count('tasks')).toBe(15);
    expect(count('skill_categories')).toBe(8);
    expect(count('role_skill_categories')).toBe(parsed.skillCategories.length);
    expect(count('comparisons')).toBe(2);
    expect(count('comparison_sides')).toBe(4);
    expect(count('documents')).toBe(1);
    expect(all<{ slug: string; line: number }>('select slug, line from responsibilities order by position')).toEqual([
      { slug: 'data-pipelines', line: 17 },
      { slug: 'model-training-and-fine-tuning', line: 23 },
      { slug: 'model-deployment', line: 35 },
      { slug: 'mlops', line: 45 },
      { slug: 'monitoring-and-maintenance', line: 55 },
    ]);
  });

  it('stores each task with the text and line it has in the document', () => {
    const tasks = all<{ text_pl: string; line: number }>('select text_pl, line from tasks order by id');
    for (const t of tasks) expect(lines[t.line].trim()).toBe(t.text_pl);
  });

  it('links DVC, one technology, to both responsibilities that list it', () => {
    expect(all('select slug, name from technologies where lower(name) = ? or slug = ?', 'dvc', 'dvc')).toEqual([{ slug: 'dvc', name: 'DVC' }]);
    const links = all<{ slug: string; line: number }>(
      `select re.slug, rt.line from responsibility_technologies rt
         join responsibilities re on re.id = rt.responsibility_id
         join technologies t on t.id = rt.technology_id
        where t.slug = 'dvc' order by rt.line`,
    );
    expect(links).toEqual([
      { slug: 'data-pipelines', line: 21 },
      { slug: 'mlops', line: 53 },
    ]);
    for (const l of links) expect(lines[l.line]).toMatch(/Technologie:.*\bDVC\b/);
  });

  // Where the document ties each technology to a responsibility (its "Technologie:" list or a task's text) and to a skill line.
  const sharedTechnologies: [name: string, slug: string, responsibility: string, skill: string][] = [
    ['Docker', 'docker', 'model-deployment', 'docker'],
    ['Kubernetes', 'kubernetes', 'model-deployment', 'kubernetes'],
    ['FastAPI', 'fastapi', 'model-deployment', 'fastapi'],
    ['Flask', 'flask', 'model-deployment', 'flask'],
    ['PyTorch', 'pytorch', 'model-training-and-fine-tuning', 'pytorch'],
    ['TensorFlow', 'tensorflow', 'model-training-and-fine-tuning', 'tensorflow'],
    ['Scikit-learn', 'scikit-learn', 'model-training-and-fine-tuning', 'scikit-learn'],
    ['SQL', 'sql', 'data-pipelines', 'relational-databases'],
    ['NoSQL', 'nosql', 'data-pipelines', 'non-relational-databases'],
    ['AWS', 'aws', 'model-deployment', 'cloud-providers'],
    ['Azure', 'azure', 'model-deployment', 'cloud-providers'],
  ];

  it.each(sharedTechnologies)('resolves %s to one technology linked from a responsibility and from a skill', (name, slug, responsibility, skill) => {
    const rows = all<{ id: number; slug: string }>('select id, slug from technologies where lower(name) = lower(?)', name);
    expect(rows).toEqual([{ id: expect.any(Number), slug }]);
    const id = rows[0].id;
    const responsibilities = all<{ slug: string }>(
      `select re.slug from responsibility_technologies rt join responsibilities re on re.id = rt.responsibility_id where rt.technology_id = ?
       union
       select re.slug from task_technologies tt join tasks t on t.id = tt.task_id join responsibilities re on re.id = t.responsibility_id where tt.technology_id = ?`,
      id,
      id,
    ).map((r) => r.slug);
    expect(responsibilities).toContain(responsibility);
    const skills = all<{ slug: string }>('select s.slug from skill_technologies st join skills s on s.id = st.skill_id where st.technology_id = ?', id).map((r) => r.slug);
    expect(skills).toContain(skill);
    expect(all('select 1 from role_skills rs join skills s on s.id = rs.skill_id where s.slug = ?', skill)).not.toHaveLength(0);
  });

  it('never creates two technologies for one name', () => {
    const names = all<{ name: string }>('select name from technologies').map((t) => t.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    // No technology's name is another technology's alias.
    expect(all('select t.slug, a.alias from technologies t join technology_aliases a on lower(a.alias) = lower(t.name) and a.technology_id <> t.id')).toEqual([]);
  });

  it('makes GCP an alias of Google Cloud', () => {
    expect(one('select t.slug from technology_aliases a join technologies t on t.id = a.technology_id where a.alias = ?', 'GCP')).toEqual({ slug: 'google-cloud' });
    expect(all("select slug from technologies where lower(name) in ('gcp', 'google cloud platform')")).toEqual([]);
  });

  it('keeps plain text out of the technologies', () => {
    const names = all<{ name: string }>('select name from technologies').map((t) => t.name);
    expect(names.filter((n) => /bazami danych|serwisy chmurowe|narzędzia/i.test(n))).toEqual([]);
    expect(names.filter((n) => /^np\./i.test(n))).toEqual([]);
    // "praca z bazami danych (SQL, NoSQL)" survives as the context of the technologies it lists.
    expect(
      all<{ slug: string; context_pl: string }>(
        `select t.slug, rt.context_pl from responsibility_technologies rt join technologies t on t.id = rt.technology_id where rt.context_pl is not null order by rt.line, rt.position`,
      ),
    ).toEqual([
      { slug: 'sql', context_pl: 'praca z bazami danych' },
      { slug: 'nosql', context_pl: 'praca z bazami danych' },
      { slug: 'aws-sagemaker', context_pl: 'serwisy chmurowe' },
      { slug: 'google-ai-platform', context_pl: 'serwisy chmurowe' },
    ]);
    expect(all('select text_pl, line from responsibility_tool_notes')).toEqual([{ text_pl: 'narzędzia monitorujące dostawców chmurowych', line: 65 }]);
  });

  it('gives every row of every table a source document and a line inside it (an alias no document uses: its curated file)', () => {
    const curated = (table: string) =>
      all<{ name: string }>(`select name from pragma_table_info('${table}')`).some((c) => c.name === 'curated_file')
        ? ` and not (x.document_id is null and x.line is null and x.curated_file = 'seed/vocabulary.json')`
        : '';
    const tables = all<{ name: string }>("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '\\_\\_%' escape '\\'").map((t) => t.name);
    const withProvenance = tables.filter((t) => {
      const columns = all<{ name: string }>(`select name from pragma_table_info('${t}')`).map((c) => c.name);
      return columns.includes('document_id') && columns.includes('line');
    });
    for (const expected of ['roles', 'technologies', 'responsibilities', 'tasks', 'skills', 'skill_categories', 'role_skills', 'comparisons', 'comparison_sides', 'responsibility_technologies', 'skill_technologies']) {
      expect(withProvenance).toContain(expected);
    }
    const documentLines = one<{ line_count: number }>('select line_count from documents where file = ?', REAL_DOCUMENT_FILE).line_count;
    expect(documentLines).toBe(lines.length - 1);
    for (const table of withProvenance) {
      const bad = all(
        `select x.document_id, x.line from "${table}" x left join documents d on d.id = x.document_id
          where (d.id is null or x.line is null or x.line < 1 or x.line > d.line_count)${curated(table)}`,
      );
      expect(bad, `rows of ${table} without a valid source`).toEqual([]);
    }
  });

  it('points every provenance line at a line that has text', () => {
    const tables = ['roles', 'technologies', 'responsibilities', 'tasks', 'skills', 'skill_categories', 'role_skills', 'comparisons', 'comparison_sides', 'role_texts', 'analogies', 'analogy_sides'];
    for (const table of tables) {
      for (const { line } of all<{ line: number }>(`select distinct line from "${table}"`)) {
        expect(lines[line].trim(), `${table} line ${line}`).not.toBe('');
      }
    }
  });

  it('has an English translation for every text of the real document', () => {
    expect(one('select count(*) as n from roles where definition_en is null and definition_pl is not null')).toEqual({ n: 0 });
    expect(one('select count(*) as n from tasks where text_en is null')).toEqual({ n: 0 });
  });
});

describe('re-seeding', () => {
  it('is idempotent: the same ids and slugs, and no duplicates', () => {
    const snapshot = (path: string) => {
      const db = new Database(path, { readonly: true });
      try {
        return Object.fromEntries(
          ['roles', 'technologies', 'skills', 'responsibilities', 'skill_categories', 'comparisons'].map((t) => [t, db.prepare(`select id, slug from ${t} order by id`).all()]),
        );
      } finally {
        db.close();
      }
    };
    const first = snapshot(dbPath);
    const local = makeTempDir();
    try {
      const path = join(local, 'rolegraph.db');
      seedDatabase(path);
      const once = snapshot(path);
      seedDatabase(path);
      const twice = snapshot(path);
      expect(twice).toEqual(once);
      expect(once).toEqual(first);
      for (const [table, rows] of Object.entries(twice)) {
        const slugs = (rows as { slug: string }[]).map((r) => r.slug);
        expect(new Set(slugs).size, `duplicate slugs in ${table}`).toBe(slugs.length);
      }
      expect(readdirSync(local)).toEqual(['rolegraph.db']);
    } finally {
      rmSync(local, { recursive: true, force: true });
    }
  });

  it('leaves the old database byte for byte when a document is malformed, and no temporary file', () => {
    const local = makeTempDir();
    try {
      const path = join(local, 'rolegraph.db');
      seedDatabase(path);
      const before = sha256(path);
      const documentsDir = documentsDirWith(join(local, 'documents'), [REAL_DOCUMENT_PATH, MALFORMED_FIXTURE]);
      let thrown: unknown;
      try {
        seedDatabase(path, seedInputsWithDocuments(documentsDir));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DocumentFormatError);
      // The fixture's first responsibility (line 9) ends with a paragraph (line 13), not a "Technologie:" line.
      expect((thrown as DocumentFormatError).message).toMatch(/^ml-engineer\.pl\.txt:13: expected /);
      expect(sha256(path)).toBe(before);
      expect(readdirSync(local).sort()).toEqual(['documents', 'rolegraph.db']);
    } finally {
      rmSync(local, { recursive: true, force: true });
    }
  });

  it('leaves the old database byte for byte when building the new one fails halfway', () => {
    const local = makeTempDir();
    try {
      const path = join(local, 'rolegraph.db');
      seedDatabase(path);
      const before = sha256(path);
      // Documents parse fine; the failure comes after the temporary database file was created.
      const migrationsDir = join(local, 'migrations');
      cpSync(DEFAULT_SEED_INPUTS.migrationsDir, migrationsDir, { recursive: true });
      appendFileSync(join(migrationsDir, '0000_init.sql'), '\n--> statement-breakpoint\nTHIS IS NOT SQL;\n');
      expect(() => seedDatabase(path, { ...DEFAULT_SEED_INPUTS, migrationsDir })).toThrow();
      expect(sha256(path)).toBe(before);
      expect(readdirSync(local).sort()).toEqual(['migrations', 'rolegraph.db']);
    } finally {
      rmSync(local, { recursive: true, force: true });
    }
  });
});

describe('ensureSeeded', () => {
  it('seeds a missing database and then reports it up to date', () => {
    const local = makeTempDir();
    try {
      const path = join(local, 'nested', 'rolegraph.db');
      const report = ensureSeeded(path);
      expect(report).not.toBeNull();
      expect(report!.documents).toEqual([REAL_DOCUMENT_FILE]);
      expect(report!.counts.roles).toBe(4);
      expect(report!.warnings).toEqual([]);
      const before = sha256(path);
      expect(ensureSeeded(path)).toBeNull();
      expect(sha256(path)).toBe(before);
    } finally {
      rmSync(local, { recursive: true, force: true });
    }
  });

  it('re-seeds when the inputs change', () => {
    const local = makeTempDir();
    try {
      const path = join(local, 'rolegraph.db');
      expect(ensureSeeded(path)).not.toBeNull();
      const inputs = seedInputsWithDocuments(documentsDirWith(join(local, 'documents'), [REAL_DOCUMENT_PATH, DATA_ENGINEER_FIXTURE]));
      const report = ensureSeeded(path, inputs);
      expect(report?.documents).toEqual(['ai-engineer.pl.txt', 'data-engineer.pl.txt']);
      expect(ensureSeeded(path, inputs)).toBeNull();
    } finally {
      rmSync(local, { recursive: true, force: true });
    }
  });
});

describe('npm run seed (src/seed/cli.ts)', () => {
  it('seeds DATABASE_PATH, exits 0 and prints the counts', () => {
    const local = makeTempDir();
    try {
      const path = join(local, 'cli.db');
      const result = spawnSync('npx', ['tsx', 'src/seed/cli.ts'], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, DATABASE_PATH: path },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain(`seeded ${path}`);
      expect(result.stdout).toContain(REAL_DOCUMENT_FILE);
      expect(result.stdout).toMatch(/^ {2}roles: 4$/m);
      expect(result.stdout).toMatch(/^ {2}responsibilities: 5$/m);
      expect(result.stdout).toMatch(/^ {2}tasks: 15$/m);
      const db = new Database(path, { readonly: true });
      try {
        expect(db.prepare('select count(*) as n from roles').get()).toEqual({ n: 4 });
      } finally {
        db.close();
      }
    } finally {
      rmSync(local, { recursive: true, force: true });
    }
  });

  it('stops on a malformed document with path:line, exit code 1, and leaves the database as it was', () => {
    const local = makeTempDir();
    try {
      const path = join(local, 'cli.db');
      const documents = join(local, 'documents');
      mkdirSync(documents);
      copyFileSync(join(PROJECT_ROOT, 'seed', 'documents', REAL_DOCUMENT_FILE), join(documents, REAL_DOCUMENT_FILE));
      const run = () => spawnSync('npx', ['tsx', 'src/seed/cli.ts'], { cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_PATH: path, DOCUMENTS_DIR: documents }, encoding: 'utf8', timeout: 60_000 });
      expect(run().status).toBe(0);
      const before = readFileSync(path);
      writeFileSync(join(documents, 'ml-engineer.pl.txt'), 'Moduł 1, Punkt 2: Kim jest ML Engineer?\n\n1. Wprowadzenie\n\n   Definicja: trzy spacje.\n');
      const result = run();
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(`${join(documents, 'ml-engineer.pl.txt')}:5: expected indentation in multiples of 4 spaces, found 3`);
      expect(readFileSync(path).equals(before)).toBe(true);
    } finally {
      rmSync(local, { recursive: true, force: true });
    }
  });
});

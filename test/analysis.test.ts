import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { baseForms, foldWord } from '../src/text/morphology.js';
import { VocabularyIndex, type VocabularyData } from '../src/analysis/vocabulary-index.js';
import { realDocumentLines } from './helpers/documents.js';
import { useSeededApp } from './helpers/seeded-app.js';

const lines = realDocumentLines();
const seeded = useSeededApp();

async function request(options: InjectOptions): Promise<LightMyRequestResponse> {
  return seeded.app.inject(options);
}

async function json<T = any>(options: InjectOptions): Promise<T> {
  const response = await request(options);
  expect(response.statusCode, `${options.url}: ${response.body}`).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return response.json() as T;
}

async function problem(options: InjectOptions, status: number) {
  const response = await request(options);
  expect(response.statusCode, `${options.url}: ${response.body}`).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json();
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  return body;
}

const slugs = (items: { slug: string }[]) => items.map((x) => x.slug);
const gap = (have: unknown, role = 'ai-engineer') => ({ method: 'POST' as const, url: `/roles/${encodeURIComponent(role)}/gap`, payload: { have } });
const extract = (text: string, query = '') => json({ method: 'POST', url: `/extract${query}`, payload: { text } });

/** The tools a "Role: … Używa narzędzi takich jak A, B, C." comparison line of the document names. */
function documentTools(roleLabel: string): string[] {
  const line = lines.find((l) => l.trim().startsWith(`${roleLabel}:`) && l.includes('takich jak'));
  const match = /takich jak ([^.]+)\./.exec(line ?? '');
  if (!match) throw new Error(`no tool list for ${roleLabel}`);
  return match[1].split(',').map((s) => s.trim());
}

/** The "Technologie:" lines of the document, in order, as written. */
const technologyLines = lines.filter((l) => l.trim().startsWith('Technologie:'));

describe('GET /roles/{a}/compare/{b}', () => {
  it('splits technologies of ai-engineer and data-analyst into shared and distinct, with the stated differences', async () => {
    const body = await json({ url: '/roles/ai-engineer/compare/data-analyst' });
    expect(body.a.slug).toBe('ai-engineer');
    expect(body.b.slug).toBe('data-analyst');

    // The document ties Data Analyst to technologies only through its comparison tools.
    const analystTools = documentTools('Data Analyst');
    expect(analystTools).toEqual(['SQL', 'Excel', 'Tableau']);
    expect(slugs(body.technologies.shared)).toEqual(['sql']);
    expect(body.technologies.onlyB.map((t: any) => t.name)).toEqual(['Excel', 'Tableau']);
    expect(body.technologies.shared[0].via.b).toEqual(['comparison']);
    expect(body.technologies.shared[0].via.a).toContain('responsibility');
    for (const t of body.technologies.onlyB) expect(t.via).toEqual({ a: [], b: ['comparison'] });

    // onlyA is everything else tied to ai-engineer, as the role's own technology list says.
    const engineer = await json({ url: '/roles/ai-engineer/technologies?limit=100' });
    expect(slugs(body.technologies.onlyA)).toEqual(slugs(engineer.items).filter((s) => s !== 'sql'));
    expect(slugs(body.technologies.onlyA)).toEqual(expect.arrayContaining(['apache-spark', 'docker', 'kubernetes', 'python']));

    // Data Analyst has no skill list in the document, so every skill of ai-engineer is its own.
    expect(body.skills.shared).toEqual([]);
    expect(body.skills.onlyB).toEqual([]);
    expect(body.skills.onlyA.length).toBe(21);
    expect(body.skills.onlyA[0]).toMatchObject({ slug: 'python', category: { a: { slug: 'programming' }, b: null } });

    const stated = body.statedDifferences;
    expect(stated.slug).toBe('ai-engineer-vs-data-analyst');
    expect(stated.a.keyQuestion).toBe('Co się stanie?');
    expect(stated.b.keyQuestion).toBe('Co się stało?');
    expect(stated.b.tools.map((t: any) => t.name)).toEqual(analystTools);
    expect(slugs(stated.a.tools)).toEqual(['python']);
    expect(lines[stated.b.source.line]).toContain(stated.b.focus);
    expect(lines[stated.a.source.line]).toContain('Co się stanie?');
  });

  it('keeps a and b as asked when the document compares them the other way round', async () => {
    const body = await json({ url: '/roles/data-analyst/compare/ai-engineer' });
    expect(body.statedDifferences.a.keyQuestion).toBe('Co się stało?');
    expect(body.statedDifferences.b.keyQuestion).toBe('Co się stanie?');
    expect(body.technologies.onlyA.map((t: any) => t.name)).toEqual(['Excel', 'Tableau']);
    expect(slugs(body.technologies.shared)).toEqual(['sql']);
  });

  it('serves English texts with ?lang=en', async () => {
    const response = await request({ url: '/roles/ai-engineer/compare/data-analyst?lang=en' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-language']).toBe('en');
    const body = response.json();
    const untranslated: string[] = body.untranslated ?? [];
    if (!untranslated.includes('statedDifferences.b.keyQuestion')) expect(body.statedDifferences.b.keyQuestion).not.toBe('Co się stało?');
  });

  it('says null when no document contrasts the two roles', async () => {
    const body = await json({ url: '/roles/ai-scientist/compare/data-analyst' });
    expect(body.statedDifferences).toBeNull();
    expect(body.technologies.shared).toEqual([]);
    expect(body.technologies.onlyA).toEqual([]);
  });

  it('resolves roles by alias', async () => {
    const body = await json({ url: `/roles/${encodeURIComponent('Inżynier AI')}/compare/${encodeURIComponent('Analityk Danych')}` });
    expect(body.a.slug).toBe('ai-engineer');
    expect(body.b.slug).toBe('data-analyst');
  });

  it('answers 404 naming an unknown role, and 400 when both name the same role', async () => {
    expect((await problem({ url: '/roles/ai-engineer/compare/astronaut' }, 404)).detail).toContain('astronaut');
    expect((await problem({ url: '/roles/astronaut/compare/ai-engineer' }, 404)).detail).toContain('astronaut');
    const same = await problem({ url: `/roles/ai-engineer/compare/${encodeURIComponent('Inżynier AI')}` }, 400);
    expect(same.invalidParams).toEqual([expect.objectContaining({ name: 'b', in: 'path' })]);
    await problem({ url: '/roles/ai-engineer/compare/data-analyst?colour=red' }, 400);
  });
});

describe('POST /roles/{role}/gap', () => {
  it('resolves inputs by slug, name or alias in any case, and lists the rest as unrecognized', async () => {
    const body = await json(gap(['python', 'k8s', 'Docker', 'Apache Spark', 'Cobol']));
    expect(body.unrecognized).toEqual(['Cobol']);
    expect(body.recognized.map((r: any) => [r.input, slugs(r.technologies), slugs(r.skills)])).toEqual([
      ['python', ['python'], ['python']],
      ['k8s', ['kubernetes'], ['kubernetes']],
      ['Docker', ['docker'], ['docker']],
      ['Apache Spark', ['apache-spark'], []],
    ]);
  });

  it('computes per-responsibility, per-category and overall ratios that the document bears out', async () => {
    const body = await json(gap(['python', 'k8s', 'Docker', 'Apache Spark', 'Cobol']));
    const had = new Set(['python', 'kubernetes', 'docker', 'apache-spark']);

    // The response is self-consistent: matched + missing = required, ratio = matched / required.
    for (const group of [...body.responsibilities, ...body.skillCategories]) {
      expect([...slugs(group.matched), ...slugs(group.missing)].sort()).toEqual(slugs(group.required).sort());
      expect(group.ratio).toBe(group.matched.length / group.required.length);
    }

    // Against the document: each responsibility requires its "Technologie:" line, and the line's
    // technologies the candidate has are exactly Apache Spark (data pipelines), Docker and Kubernetes (deployment).
    expect(body.responsibilities).toHaveLength(technologyLines.length);
    const perLine = technologyLines.map((l) => ['Apache Spark', 'Docker', 'Kubernetes'].filter((name) => new RegExp(`\\b${name}\\b`).test(l)).length);
    expect(body.responsibilities.map((r: any) => r.matched.length)).toEqual(perLine);
    expect(body.responsibilities.map((r: any) => r.ratio)).toEqual([1 / 5, 0 / 4, 2 / 6, 0 / 4, 0 / 2]);
    for (const r of body.responsibilities) for (const t of r.matched) expect(had.has(t.slug)).toBe(true);

    // Distinct technologies over all responsibilities: 21 list entries, DVC listed twice.
    expect(technologyLines.filter((l) => l.includes('DVC'))).toHaveLength(2);
    expect(body.coverage.technologies).toEqual({ matched: 3, required: 20, ratio: 3 / 20 });
    // The skill set (section 4) lists 21 skills; Python, Docker and Kubernetes are had.
    const containers = body.skillCategories.find((c: any) => c.slug === 'containerization-and-orchestration');
    expect(containers.ratio).toBe(1);
    expect(containers.matched.map((s: any) => [s.slug, s.matchedBy])).toEqual([
      ['docker', ['Docker']],
      ['kubernetes', ['k8s']],
    ]);
    expect(body.coverage.skills).toEqual({ matched: 3, required: 21, ratio: 3 / 21 });
    expect(body.coverage.overall).toEqual({ matched: 6, required: 41, ratio: 6 / 41 });

    // `missing` holds exactly the groups with something missing, and nothing had.
    expect(slugs(body.missing.responsibilities)).toEqual(slugs(body.responsibilities));
    expect(slugs(body.missing.skillCategories)).not.toContain('containerization-and-orchestration');
    for (const group of body.missing.responsibilities) for (const t of group.technologies) expect(had.has(t.slug)).toBe(false);
  });

  it('counts a skill as had through a technology it involves', async () => {
    const body = await json(gap(['GCP', 'TESTOWANIE KODU', 'apache-airflow', 'Komunikacja']));
    expect(body.unrecognized).toEqual([]);
    const skill = (slug: string) => body.skillCategories.flatMap((c: any) => c.matched).find((s: any) => s.slug === slug);
    expect(skill('cloud-providers')?.matchedBy).toEqual(['GCP']);
    expect(skill('code-testing')?.matchedBy).toEqual(['TESTOWANIE KODU']);
    expect(skill('communication')?.matchedBy).toEqual(['Komunikacja']);
    expect(body.responsibilities[0].matched.map((t: any) => t.slug)).toEqual(['apache-airflow']);
  });

  it('treats accents as optional', async () => {
    const body = await json(gap(['rozwiazywanie problemow', 'Inżynieria danych']));
    expect(body.recognized.map((r: any) => slugs(r.skills))).toEqual([['problem-solving']]);
    expect(body.unrecognized).toEqual(['Inżynieria danych']);
  });

  it('rejects blank entries, empty and oversized lists, unknown keys, and answers 404 for an unknown role', async () => {
    const blank = await problem(gap(['python', 'k8s', 'Docker', 'Apache Spark', 'Cobol', '  ']), 400);
    expect(blank.invalidParams).toEqual([expect.objectContaining({ name: 'have.5', in: 'body' })]);
    await problem(gap([]), 400);
    await problem(gap(Array.from({ length: 201 }, (_, i) => `t${i}`)), 400);
    await problem(gap(['x'.repeat(101)]), 400);
    await problem(gap('python'), 400);
    const extra = await problem({ method: 'POST', url: '/roles/ai-engineer/gap', payload: { have: ['python'], want: ['rust'] } }, 400);
    expect(extra.detail).toContain('want');
    expect((await problem(gap(['python'], 'astronaut'), 404)).detail).toContain('astronaut');
  });

  it('accepts 200 entries of 100 characters', async () => {
    const body = await json(gap(Array.from({ length: 200 }, (_, i) => `${i}`.padEnd(100, 'x'))));
    expect(body.unrecognized).toHaveLength(200);
  });
});

describe('POST /extract', () => {
  const polish =
    'Szukamy inżyniera ze znajomością Pythona, Dockera i Kubernetesa, doświadczenie z Apache Spark oraz bazami NoSQL. ' +
    'Mile widziane: praca na Kubernetesie, dashboardy w Grafanie, wdrożenia na Google Cloud, wzorce projektowe i komunikacja w zespole. ' +
    'Dołączysz do zespołu, w którym AI Engineer współpracuje z Data Scientistami.';

  it('finds technologies, skills and roles in a Polish job ad, with exact offsets', async () => {
    const body = await extract(polish);
    expect(slugs(body.technologies)).toEqual(['python', 'docker', 'kubernetes', 'apache-spark', 'nosql', 'grafana', 'google-cloud']);
    const forms = Object.fromEntries(body.technologies.map((t: any) => [t.slug, t.mentions.map((m: any) => m.matched)]));
    expect(forms).toMatchObject({ python: ['Pythona'], docker: ['Dockera'], kubernetes: ['Kubernetesa', 'Kubernetesie'], 'apache-spark': ['Apache Spark'], grafana: ['Grafanie'] });
    expect(slugs(body.technologies)).not.toContain('sql');
    expect(slugs(body.skills)).toEqual(expect.arrayContaining(['python', 'docker', 'kubernetes', 'design-patterns', 'communication']));
    expect(slugs(body.roles)).toEqual(['ai-engineer', 'data-scientist']);
    for (const entity of [...body.technologies, ...body.skills, ...body.roles]) {
      for (const m of entity.mentions) expect(polish.slice(m.start, m.end)).toBe(m.matched);
    }
  });

  it('finds them in an English CV, longest name first', async () => {
    const cv =
      'Data engineer with 5 years of Python and PySpark. Built CI pipelines in GitHub Actions and served models on Google Cloud Platform ' +
      'and AWS SageMaker; tracked experiments in MLflow. Worked next to a Data Analyst on SQL reports; strong problem solving and communication skills.';
    const body = await extract(cv, '?lang=en');
    expect(slugs(body.technologies)).toEqual(['python', 'apache-spark', 'github-actions', 'google-cloud', 'aws-sagemaker', 'mlflow', 'sql']);
    const byslug = Object.fromEntries(body.technologies.map((t: any) => [t.slug, t.mentions.map((m: any) => m.matched)]));
    expect(byslug['google-cloud']).toEqual(['Google Cloud Platform']);
    expect(byslug['aws-sagemaker']).toEqual(['AWS SageMaker']);
    expect(slugs(body.technologies)).not.toContain('aws');
    expect(slugs(body.skills)).toEqual(expect.arrayContaining(['python', 'problem-solving', 'communication']));
    expect(body.skills.find((s: any) => s.slug === 'problem-solving').name).toBe('problem solving');
    expect(slugs(body.roles)).toEqual(['data-analyst']);
    for (const entity of [...body.technologies, ...body.skills, ...body.roles]) {
      for (const m of entity.mentions) expect(cv.slice(m.start, m.end)).toBe(m.matched);
    }
  });

  it('respects word boundaries', async () => {
    const body = await extract('NoSQL, MySQL-like stores, Pythonista, Dockerfile, SQL-a i PyTorch.');
    expect(slugs(body.technologies)).toEqual(['nosql', 'sql', 'pytorch']);
    expect(body.technologies[1].mentions.map((m: any) => m.matched)).toEqual(['SQL']);
  });

  it('keeps UTF-16 offsets exact after emoji and decomposed accents', async () => {
    const text = '🚀 Cafe\u0301 team: Pytho\u0301n? no — Pythonem i Kubernetesem, Doc\u030Cker-free, zero ẞ. Dockerze!';
    const body = await extract(text);
    const mentions = body.technologies.flatMap((t: any) => t.mentions.map((m: any) => ({ slug: t.slug, ...m })));
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.matched);
    expect(mentions.map((m: any) => m.matched).sort()).toEqual(['Doc\u030Cker', 'Dockerze', 'Kubernetesem', 'Pytho\u0301n', 'Pythonem'].sort());
  });

  it('returns empty lists for a text that names nothing', async () => {
    expect(await extract('Lubię koty i długie spacery.')).toEqual({ technologies: [], skills: [], roles: [] });
  });

  it('rejects empty, too long and unknown-key bodies with 400', async () => {
    await problem({ method: 'POST', url: '/extract', payload: { text: '' } }, 400);
    const long = await problem({ method: 'POST', url: '/extract', payload: { text: 'a'.repeat(20_001) } }, 400);
    expect(long.invalidParams[0]).toMatchObject({ name: 'text', in: 'body' });
    await problem({ method: 'POST', url: '/extract', payload: { text: 'Python', lang: 'en' } }, 400);
    await json({ method: 'POST', url: '/extract', payload: { text: 'ą'.repeat(20_000) } });
  });
});

describe('request bodies', () => {
  const routes = ['/extract', '/roles/ai-engineer/gap'];

  it.each(routes)('%s: malformed JSON is a 400 problem', async (url) => {
    await problem({ method: 'POST', url, payload: '{"text": "Python"', headers: { 'content-type': 'application/json' } }, 400);
  });

  it.each(routes)('%s: a body over the limit is a 413 problem', async (url) => {
    const payload = JSON.stringify({ text: 'x'.repeat(140 * 1024) });
    await problem({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } }, 413);
  });

  it.each(routes)('%s: another content type is a 415 problem', async (url) => {
    await problem({ method: 'POST', url, payload: 'Python, Docker', headers: { 'content-type': 'text/plain' } }, 415);
    await problem({ method: 'POST', url, payload: 'text=Python', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415);
  });

  it('a body that escapes every character of the longest text still fits the limit', async () => {
    const payload = `{"text":"${'\\u0105'.repeat(20_000)}"}`;
    expect(payload.length).toBeGreaterThan(64 * 1024);
    await json({ method: 'POST', url: '/extract', payload, headers: { 'content-type': 'application/json' } });
  });
});

describe('the operations in the OpenAPI document', () => {
  it('documents the three operations with their error responses', async () => {
    const spec = await json({ url: '/openapi.json' });
    const compare = spec.paths['/roles/{a}/compare/{b}'].get;
    const gapOp = spec.paths['/roles/{role}/gap'].post;
    const extractOp = spec.paths['/extract'].post;
    expect([compare.operationId, gapOp.operationId, extractOp.operationId]).toEqual(['compareRoles', 'analyzeGap', 'extractEntities']);
    for (const op of [compare, gapOp, extractOp]) expect(op.tags).toEqual(['analysis']);
    expect(Object.keys(compare.responses)).toEqual(expect.arrayContaining(['200', '400', '404']));
    expect(Object.keys(gapOp.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '413', '415']));
    expect(Object.keys(extractOp.responses)).toEqual(expect.arrayContaining(['200', '400', '413', '415']));
    expect(Object.keys(gapOp.responses['413'].content)).toEqual(['application/problem+json']);
  });
});

describe('VocabularyIndex (built from plain data)', () => {
  const data: VocabularyData = {
    technologies: [
      { slug: 'java', name: 'Java', aliases: [] },
      { slug: 'javascript', name: 'JavaScript', aliases: ['JS'] },
      { slug: 'sql', name: 'SQL', aliases: [] },
      { slug: 'nosql', name: 'NoSQL', aliases: [] },
      { slug: 'r', name: 'R', aliases: [] },
      { slug: 'python', name: 'Python', aliases: ['Pythona'] },
      { slug: 'docker', name: 'Docker', aliases: [] },
      { slug: 'grafana', name: 'Grafana', aliases: [] },
      { slug: 'azure', name: 'Azure', aliases: [] },
      { slug: 'apache-spark', name: 'Apache Spark', aliases: ['Spark'] },
    ],
    skills: [{ slug: 'python', names: ['Python'], technologies: ['python'] }],
    roles: [],
  };
  const index = new VocabularyIndex(data);
  const found = (text: string) => index.find(text).map((m) => [m.matched, m.entities.map((e) => `${e.kind}:${e.slug}`).join(',')]);

  it('inflects single-word names with Polish endings only', () => {
    expect(found('Pythonem, Pythonie, Dockerze, Dockerem, Grafaną, Sparku')).toEqual([
      ['Pythonem', 'technology:python,skill:python'],
      ['Pythonie', 'technology:python,skill:python'],
      ['Dockerze', 'technology:docker'],
      ['Dockerem', 'technology:docker'],
      ['Grafaną', 'technology:grafana'],
      ['Sparku', 'technology:apache-spark'],
    ]);
    expect(found('Pythonista, Dockerfile, Azurea')).toEqual([]);
  });

  it('never finds a name inside a longer word', () => {
    expect(found('JavaScript i Java')).toEqual([
      ['JavaScript', 'technology:javascript'],
      ['Java', 'technology:java'],
    ]);
    expect(found('NoSQL')).toEqual([['NoSQL', 'technology:nosql']]);
    expect(found('Rust, React, Ruby, R, R-ze')).toEqual([
      ['R', 'technology:r'],
      ['R', 'technology:r'],
    ]);
  });

  it('leaves acronyms and short names exact', () => {
    const bases = (word: string) => baseForms(word, foldWord(word));
    expect(bases('SQL')).toEqual(['sql']);
    expect(bases('R')).toEqual(['r']);
    for (const form of ['Javy', 'Javie', 'Javę', 'Javą', 'Javo']) expect(bases(form)).toContain('java');
    expect(bases('Dockerze')).toContain('docker');
    expect(bases('Azurea')).not.toContain('azure');
  });

  it('resolves identifiers by form, slug or slugified name', () => {
    expect(index.resolve('  PYTHONA ')).toEqual([
      { kind: 'technology', slug: 'python' },
      { kind: 'skill', slug: 'python' },
    ]);
    expect(index.resolve('apache-spark')).toEqual([{ kind: 'technology', slug: 'apache-spark' }]);
    expect(index.resolve('Apache_Spark')).toEqual([{ kind: 'technology', slug: 'apache-spark' }]);
    expect(index.resolve('Cobol')).toEqual([]);
  });
});

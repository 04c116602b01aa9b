// One test seeds a database of its own: the real document plus the data-engineer fixture, where two roles share skills.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_ENGINEER_FIXTURE, REAL_DOCUMENT_PATH, documentsDirWith } from './helpers/documents.js';
import { injectGet } from './helpers/inject.js';
import { expectProblem } from './helpers/problems.js';
import { createSeededApp, makeTempDir, type SeededApp } from './helpers/seeded-app.js';

/** GET /skills/{skill}/roles: the crosswalk of GET /roles/{role}/skills, on the real seeded data. */

let seeded: SeededApp;
const get = injectGet(() => seeded.app);

beforeAll(async () => {
  seeded = await createSeededApp();
});

afterAll(async () => {
  await seeded?.close();
});

async function json(url: string) {
  const response = await get(url);
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  return response.json();
}

/** Each role's skill slugs as its own skills list (GET /roles/{role}/skills) gives them, in GET /roles order. */
async function skillsByRole(): Promise<[string, Set<string>][]> {
  const roles = (await json('/roles?limit=100')).items as { slug: string }[];
  const byRole: [string, Set<string>][] = [];
  for (const { slug } of roles) {
    const categories = (await json(`/roles/${slug}/skills?limit=100`)).items as { skills: { slug: string }[] }[];
    byRole.push([slug, new Set(categories.flatMap((c) => c.skills.map((s) => s.slug)))]);
  }
  return byRole;
}

describe('GET /skills/{skill}/roles', () => {
  it('lists each role whose skills name the skill, once, in GET /roles order, in a page envelope', async () => {
    const byRole = await skillsByRole();
    const skills = (await json('/skills?limit=100')).items as { slug: string }[];
    expect(skills.length).toBeGreaterThan(10);
    for (const { slug: skill } of skills) {
      const expected = byRole.filter(([, slugs]) => slugs.has(skill)).map(([role]) => role);
      const page = await json(`/skills/${skill}/roles?limit=100`);
      expect(page).toMatchObject({ total: expected.length, limit: 100, offset: 0 });
      expect(page.items.map((r: { slug: string }) => r.slug), skill).toEqual(expected);
    }
  });

  it('gives each role its link and the lines that name the skill, as GET /skills/{skill} does', async () => {
    const skill = await json('/skills/python');
    const page = await json('/skills/python/roles?limit=100');
    for (const item of page.items) {
      expect(item).toMatchObject({ id: `role:${item.slug}`, url: `/roles/${item.slug}` });
      const lines = skill.roles.filter((r: { role: { slug: string } }) => r.role.slug === item.slug).map(({ role: _role, ...line }: Record<string, unknown>) => line);
      expect(item.requirements).toEqual(lines);
      for (const requirement of item.requirements) expect(requirement.source).toMatchObject({ document: 'ai-engineer.pl.txt', line: expect.any(Number) });
    }
  });

  it('pages with limit and offset', async () => {
    const all = (await json('/skills/python/roles?limit=100')).items;
    const page = await json('/skills/python/roles?limit=1&offset=1');
    expect(page).toMatchObject({ total: all.length, limit: 1, offset: 1 });
    expect(page.items).toEqual(all.slice(1, 2));
  });

  it('serves Polish (the source) or English, and says which', async () => {
    const pl = await get('/skills/python/roles?lang=pl');
    const en = await get('/skills/python/roles?lang=en');
    expect(pl.headers['content-language']).toBe('pl');
    expect(en.headers['content-language']).toBe('en');
    const [plRole] = pl.json().items;
    const [enRole] = en.json().items;
    expect(enRole.slug).toBe(plRole.slug);
    expect(enRole.requirements[0].category.name).not.toBe(plRole.requirements[0].category.name);
    expect(enRole.requirements[0].source).toEqual(plRole.requirements[0].source);
  });

  it('resolves the skill as the other skill routes do (id, slug or name)', async () => {
    const bySlug = await json('/skills/python/roles');
    expect(await json('/skills/skill:python/roles')).toEqual(bySlug);
    expect(await json('/skills/Python/roles')).toEqual(bySlug);
  });

  it('answers an unknown skill with a 404 problem naming it, in either language', async () => {
    const pl = expectProblem(await get('/skills/cobol-on-mars/roles'), 404);
    expect(pl.detail).toContain('cobol-on-mars');
    const en = expectProblem(await get('/skills/cobol-on-mars/roles?lang=en'), 404);
    expect(en.detail).toContain('cobol-on-mars');
    expect(en.detail).not.toBe(pl.detail);
    expectProblem(await get('/skills/python/roles?limit=0'), 400);
  });

  it('lists every role that needs a skill two documents name', async () => {
    const dir = makeTempDir('rolegraph-docs-');
    const twoDocuments = await createSeededApp({ documentsDir: documentsDirWith(join(dir, 'documents'), [REAL_DOCUMENT_PATH, DATA_ENGINEER_FIXTURE]) });
    try {
      const page = (url: string) => twoDocuments.app.inject(url).then((r) => r.json());
      const skills = (await page('/skills?limit=100')).items as { slug: string }[];
      const shared = [];
      for (const { slug } of skills) {
        const [skill, roles] = await Promise.all([page(`/skills/${slug}`), page(`/skills/${slug}/roles?limit=100`)]);
        const expected = [...new Set(skill.roles.map((r: { role: { slug: string } }) => r.role.slug))];
        expect(roles.items.map((r: { slug: string }) => r.slug), slug).toEqual(expected);
        if (expected.length > 1) shared.push(slug);
      }
      expect(shared.length).toBeGreaterThan(0);
    } finally {
      await twoDocuments.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

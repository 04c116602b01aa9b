import type { App } from '../../src/app.js';

/** Values the seeded data actually holds, read through the API itself, so valid requests reach real entities. */
export interface ValidValues {
  roles: string[];
  /** Role names and aliases (`Inżynier AI`), which resolve too. */
  roleNames: string[];
  technologies: string[];
  technologyNames: string[];
  skills: string[];
  skillNames: string[];
  /** [role slug, responsibility slug] pairs. */
  responsibilities: [string, string][];
  nodeIds: string[];
  /** Words from names, for search and suggest. */
  words: string[];
  /** Data versions the change feed knows: the releases and the current data version. */
  versions: string[];
}

async function getJson<T>(app: App, url: string): Promise<T> {
  const response = await app.inject({ method: 'GET', url });
  if (response.statusCode !== 200) throw new Error(`GET ${url} answered ${response.statusCode}: ${response.body}`);
  return response.json() as T;
}

export async function collectValidValues(app: App): Promise<ValidValues> {
  type Named = { slug: string; name: string; aliases?: { name: string }[] };
  const roles = (await getJson<{ items: Named[] }>(app, '/roles?limit=100')).items;
  const technologies = (await getJson<{ items: Named[] }>(app, '/technologies?limit=100')).items;
  const skills = (await getJson<{ items: Named[] }>(app, '/skills?limit=100')).items;
  const roleDetails = await Promise.all(roles.map((r) => getJson<Named>(app, `/roles/${encodeURIComponent(r.slug)}`)));
  const responsibilities: [string, string][] = [];
  for (const role of roles) {
    const page = await getJson<{ items: { slug: string }[] }>(app, `/roles/${encodeURIComponent(role.slug)}/responsibilities?limit=100`);
    for (const item of page.items) responsibilities.push([role.slug, item.slug]);
  }
  const graph = await getJson<{ nodes: { id: string; name: string }[] }>(app, '/graph');
  const releases = (await getJson<{ items: { version: string }[] }>(app, '/versions?limit=100')).items.map((v) => v.version);
  const { dataVersion } = await getJson<{ dataVersion: string }>(app, '/meta');
  const names = [...roles, ...technologies, ...skills].map((e) => e.name);
  const words = [...new Set(names.flatMap((n) => n.split(/[\s,()/]+/)).filter((w) => w.length > 1))];
  return {
    roles: roles.map((r) => r.slug),
    roleNames: roleDetails.flatMap((r) => [r.name, ...(r.aliases ?? []).map((a) => a.name)]),
    technologies: technologies.map((t) => t.slug),
    technologyNames: technologies.flatMap((t) => [t.name, ...(t.aliases ?? []).map((a) => a.name)]),
    skills: skills.map((s) => s.slug),
    skillNames: skills.map((s) => s.name),
    responsibilities,
    nodeIds: graph.nodes.map((n) => n.id),
    words,
    versions: [...new Set([...releases, dataVersion])],
  };
}

/** URLs whose representations every replica must answer byte for byte alike (same data, any process). */
export const SAMPLE_URLS = [
  '/roles',
  '/roles?lang=en',
  '/roles/ai-engineer',
  '/roles/ai-engineer?format=jsonld',
  '/roles/ai-engineer/responsibilities',
  '/roles/ai-engineer/skills?lang=en',
  '/roles/ai-engineer/technologies',
  '/roles/ai-engineer/comparisons',
  '/roles/ai-engineer/compare/data-scientist',
  '/technologies?limit=5&offset=5',
  '/technologies/dvc?format=jsonld',
  '/skills/python',
  '/search?q=python',
  '/search/suggest?q=py',
  '/graph',
  '/graph?format=dot',
  '/graph/nodes/technology:dvc/neighbors?depth=2',
  '/graph/path?from=technology:dvc&to=role:ai-engineer',
  '/openapi.json',
  '/roles/no-such-role',
];

/** Headers a shared cache keys or revalidates on: these must match across replicas too. */
export const CACHE_HEADERS = ['etag', 'content-type', 'content-encoding', 'cache-control', 'vary', 'content-language', 'content-length'];

/**
 * /meta describes one database file: `seededAt` is when that file was built, so replicas of one image
 * (one file) share it while separately seeded copies do not; everything else in /meta must match.
 */
export function comparableMeta(body: string): unknown {
  const { seededAt: _seededAt, ...rest } = JSON.parse(body) as Record<string, unknown>;
  return rest;
}

import { existsSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/** One request per operation whose answer is the operation's example: small, deterministic, from the real seeded data. */
export const EXAMPLE_REQUESTS: Record<string, { method?: 'GET' | 'POST'; url: string; payload?: unknown }> = {
  listRoles: { url: '/roles?limit=2&lang=en' },
  getRole: { url: '/roles/data-analyst?lang=en' },
  getRoleJsonLd: { url: '/roles/data-analyst/jsonld?lang=en' },
  listRoleResponsibilities: { url: '/roles/ai-engineer/responsibilities?limit=1&lang=en' },
  getRoleResponsibility: { url: '/roles/ai-engineer/responsibilities/mlops?lang=en' },
  listRoleSkills: { url: '/roles/ai-engineer/skills?limit=1&lang=en' },
  listRoleTechnologies: { url: '/roles/ai-engineer/technologies?limit=2&lang=en' },
  listRoleComparisons: { url: '/roles/ai-engineer/comparisons?limit=1&lang=en' },
  listTechnologies: { url: '/technologies?limit=2&lang=en' },
  getTechnology: { url: '/technologies/dvc?lang=en' },
  getTechnologyJsonLd: { url: '/technologies/dvc/jsonld?lang=en' },
  listSkills: { url: '/skills?limit=2&lang=en' },
  getSkill: { url: '/skills/kubernetes?lang=en' },
  getSkillJsonLd: { url: '/skills/kubernetes/jsonld?lang=en' },
  search: { url: '/search?q=mlops&limit=2&lang=en' },
  suggest: { url: '/search/suggest?q=kube&lang=en' },
  getGraph: { url: '/graph?role=data-analyst&kinds=role,comparison&lang=en' },
  getGraphCytoscape: { url: '/graph/cytoscape?role=data-analyst&kinds=role,comparison&lang=en' },
  getGraphDot: { url: '/graph/dot?role=data-analyst&kinds=role,comparison&lang=en' },
  getNeighbors: { url: '/graph/nodes/technology:airflow/neighbors?lang=en' },
  getPath: { url: '/graph/path?from=technology:dvc&to=role:data-analyst' },
  compareRoles: { url: '/roles/data-scientist/compare/data-analyst?lang=en' },
  analyzeGap: { method: 'POST', url: '/roles/data-analyst/gap?lang=en', payload: { have: ['python', 'sql', 'Cobol'] } },
  extractEntities: { method: 'POST', url: '/extract?lang=en', payload: { text: 'Szukamy inżyniera ze znajomością Pythona, Dockera i Kubernetesa.' } },
  mcp: { method: 'POST', url: '/mcp', payload: { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'shortest_path', arguments: { from: 'technology:dvc', to: 'role:data-analyst', lang: 'en' } } } },
  listProblemTypes: { url: '/problems?lang=en' },
  listVersions: { url: '/versions?limit=1' },
  getProblemType: { url: '/problems/not-found?lang=en' },
};

type Doc = { paths: Record<string, Record<string, { operationId?: string; responses: Record<string, { content?: Record<string, { example?: unknown }> }> }>> };

function operations(doc: Doc) {
  return Object.values(doc.paths).flatMap((item) => Object.values(item).filter((o) => o && typeof o === 'object' && o.operationId));
}

/**
 * Answers each example request and writes the answer as the example of the operation's 2xx response.
 * Takes any Fastify instance that can inject (not app.ts's `App`): app.ts registers the routes that
 * import this module, and a type import back up would close a circle.
 */
export async function addExamples<T>(app: Pick<FastifyInstance, 'inject'>, document: T): Promise<T> {
  for (const operation of operations(document as Doc)) {
    const request = EXAMPLE_REQUESTS[operation.operationId!];
    if (!request) continue;
    let response = await app.inject({ method: request.method ?? 'GET', url: request.url, payload: request.payload as object | undefined });
    // A busy machine can trip the overload guard (503 with Retry-After): wait and ask again.
    for (let attempt = 0; attempt < 5 && response.statusCode === 503; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      response = await app.inject({ method: request.method ?? 'GET', url: request.url, payload: request.payload as object | undefined });
    }
    if (response.statusCode !== 200) throw new Error(`example request ${request.url} answered ${response.statusCode}: ${response.body}`);
    const mediaType = String(response.headers['content-type']).split(';')[0];
    const content = operation.responses['200']?.content?.[mediaType];
    if (!content) throw new Error(`${operation.operationId} documents no 200 ${mediaType} response`);
    content.example = mediaType.endsWith('json') ? response.json() : response.body;
  }
  return document;
}

let committed: Map<string, unknown> | undefined;

/**
 * The examples of the committed spec (openapi/openapi.json, written by `npm run openapi` from the
 * real data), added to the document the server serves; none when the file is not deployed.
 */
export function withCommittedExamples<T>(document: T, file: string): T {
  if (!committed) {
    committed = new Map();
    if (existsSync(file)) {
      for (const operation of operations(JSON.parse(readFileSync(file, 'utf8')) as Doc)) {
        for (const [mediaType, content] of Object.entries(operation.responses['200']?.content ?? {})) {
          if (content.example !== undefined) committed.set(`${operation.operationId} ${mediaType}`, content.example);
        }
      }
    }
  }
  for (const operation of operations(document as Doc)) {
    for (const [mediaType, content] of Object.entries(operation.responses['200']?.content ?? {})) {
      const example = committed.get(`${operation.operationId} ${mediaType}`);
      if (example !== undefined) content.example = example;
    }
  }
  return document;
}

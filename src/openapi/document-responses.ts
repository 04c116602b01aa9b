/**
 * What the route schemas cannot say about responses, added to the generated document in one pass:
 * a description on every response, the headers every response carries, the statuses raised outside
 * the handlers, path parameters before query parameters, and no ±2^53 bounds on integers.
 */

type Json = Record<string, unknown>;
interface Response extends Json {
  description?: string;
  headers?: Record<string, { $ref: string }>;
  content?: Record<string, { schema?: { $ref?: string } }>;
}
interface Operation extends Json {
  summary?: string;
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Record<string, Response>;
}
type Doc = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Json>; headers?: Json; responses?: Json } };

const header = (description: string, schema: Json = { type: 'string' }) => ({ description, schema });

/** The response headers this API sends, documented once under components.headers. */
const HEADERS = {
  ETag: header('A strong validator of this representation; send it back in If-None-Match to get a 304 while it is current.'),
  'Cache-Control': header('How long the response may be reused (CACHE_CONTROL; by default public, max-age=300, stale-while-revalidate=86400).'),
  Vary: header('The request headers the representation depends on: Accept, Accept-Language, Accept-Encoding (and Origin when CORS is narrowed).'),
  'Content-Language': header('The language of the response texts, `pl` or `en`, as negotiated from `?lang=` and Accept-Language.', { type: 'string', enum: ['pl', 'en'] }),
  'X-Request-Id': header('The id of this request in the server logs: the client\'s own X-Request-Id when it sent a sane one, else a fresh UUID.'),
  Link: header('RFC 8288 links to the first, previous, next and last pages of this list (`rel="first"`, `"prev"`, `"next"`, `"last"`).'),
  'RateLimit-Limit': header('Requests a client may send per window.', { type: 'integer', minimum: 0 }),
  'RateLimit-Remaining': header('Requests left in the current window.', { type: 'integer', minimum: 0 }),
  'RateLimit-Reset': header('Seconds until the window resets.', { type: 'integer', minimum: 0 }),
  'Retry-After': header('Seconds to wait before retrying.', { type: 'integer', minimum: 0 }),
} satisfies Record<string, Json>;

type HeaderName = keyof typeof HEADERS;
const ref = (name: HeaderName) => ({ $ref: `#/components/headers/${name}` });
const RATE_LIMIT: HeaderName[] = ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'];

/** Statuses Node's HTTP parser or the server's limits raise before any handler: possible on every operation, or on those with a body. */
const PARSER_STATUSES: Record<string, { description: string; withBody?: boolean }> = {
  '408': { description: 'The request was not received in full within the server\'s request timeout.', withBody: true },
  '413': { description: 'The request body is larger than the server accepts (128 KiB).', withBody: true },
  '415': { description: 'The request body is not application/json.', withBody: true },
  '431': { description: 'The request headers are larger than the server accepts.' },
};

/**
 * Representations a main path still negotiates (Accept, `?format=`) but documents as operations of
 * their own, so the main operation keeps one success type. Recorded on its 200 response under
 * `x-negotiated-representations` (media type → the operation and its schema): clients that read only
 * `content` see no union, validators and readers still find every answer the path can give.
 */
const NEGOTIATED: Record<string, Record<string, string>> = {
  getRole: { 'application/ld+json': 'getRoleJsonLd' },
  getTechnology: { 'application/ld+json': 'getTechnologyJsonLd' },
  getSkill: { 'application/ld+json': 'getSkillJsonLd' },
  getGraph: { 'application/vnd.cytoscape+json': 'getGraphCytoscape', 'text/vnd.graphviz': 'getGraphDot', 'image/svg+xml': 'getGraphSvg' },
  getNeighbors: { 'application/vnd.cytoscape+json': 'getNeighborsCytoscape', 'text/vnd.graphviz': 'getNeighborsDot', 'image/svg+xml': 'getNeighborsSvg' },
};

function recordNegotiated(doc: Doc): void {
  const byId = new Map(Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => [op?.operationId as string, op] as const)));
  for (const [operationId, alternates] of Object.entries(NEGOTIATED)) {
    const response = byId.get(operationId)?.responses['200'];
    if (!response) continue;
    response['x-negotiated-representations'] = Object.fromEntries(
      Object.entries(alternates).flatMap(([mediaType, sibling]) => {
        const schema = byId.get(sibling)?.responses['200']?.content?.[mediaType]?.schema;
        return schema ? [[mediaType, { operationId: sibling, schema }]] : [];
      }),
    );
  }
}

export function documentResponses<T>(document: T): T {
  const doc = document as unknown as Doc;
  doc.components ??= {};
  doc.components.headers = { ...(doc.components.headers ?? {}), ...HEADERS };
  const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  for (const item of Object.values(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!operation || typeof operation !== 'object' || !operation.responses) continue;
      for (const [status, { description, withBody }] of Object.entries(PARSER_STATUSES)) {
        if (withBody && !operation.requestBody) continue;
        operation.responses[status] ??= { description, content: problem };
      }
      operation.responses = Object.fromEntries(Object.entries(operation.responses).sort(([a], [b]) => a.localeCompare(b)));
      const rateLimited = '429' in operation.responses;
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!response.description || response.description === 'Default Response') response.description = describe(response, operation, doc);
        response.headers = { ...(response.headers ?? {}), ...Object.fromEntries(headersOf(status, method, response, rateLimited).map((name) => [name, ref(name)])) };
        if (Object.keys(response.headers).length === 0) delete response.headers;
      }
      // Path parameters first: they identify the resource, the query refines it.
      if (operation.parameters) operation.parameters = [...operation.parameters].sort((a, b) => Number(b.in === 'path') - Number(a.in === 'path'));
    }
  }
  recordNegotiated(doc);
  tidySchemas(doc);
  return document;
}

function describe(response: Response, operation: Operation, doc: Doc): string {
  const target = Object.values(response.content ?? {})[0]?.schema?.$ref;
  const component = target ? doc.components?.schemas?.[target.split('/').pop()!] : undefined;
  const description = component?.description;
  return typeof description === 'string' ? description : `${operation.summary ?? 'The result'}.`;
}

function headersOf(status: string, method: string, response: Response, rateLimited: boolean): HeaderName[] {
  const always: HeaderName[] = ['X-Request-Id', ...(rateLimited ? RATE_LIMIT : [])];
  if (status === '304') return ['ETag', 'Cache-Control', 'Vary', ...always];
  if (status.startsWith('2')) {
    const cached: HeaderName[] = method === 'get' ? ['ETag', 'Cache-Control', 'Vary'] : ['Vary'];
    const page = Object.values(response.content ?? {}).some((c) => c.schema?.$ref?.endsWith('Page'));
    return [...cached, 'Content-Language', ...(page ? (['Link'] as HeaderName[]) : []), ...always];
  }
  const retry: HeaderName[] = status === '429' || status === '503' ? ['Retry-After'] : [];
  return ['Content-Language', ...retry, ...always];
}

/**
 * zod writes `.int()` as ±(2^53 − 1) bounds: they say nothing a client needs and read as real limits.
 * A tuple (`prefixItems`, bounded by maxItems) gets an explicit `items`, which OpenAPI linters expect of every array.
 */
function tidySchemas(value: unknown): void {
  if (Array.isArray(value)) value.forEach(tidySchemas);
  else if (value && typeof value === 'object') {
    const o = value as Json;
    if (o.minimum === Number.MIN_SAFE_INTEGER) delete o.minimum;
    if (o.maximum === Number.MAX_SAFE_INTEGER) delete o.maximum;
    if (o.type === 'array' && 'prefixItems' in o && (!('items' in o) || o.items === false) && 'maxItems' in o) o.items = {};
    Object.values(o).forEach(tidySchemas);
  }
}

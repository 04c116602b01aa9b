import { existsSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/** A request whose answer is the operation's example: small, deterministic, from the real seeded data. */
export interface ExampleRequest {
  method?: 'GET' | 'POST';
  url: string;
  payload?: unknown;
}

/** The key a route's schema carries its example request under, next to its operationId (an OpenAPI extension). */
export const EXAMPLE_REQUEST_KEY = 'x-example-request';

declare module 'fastify' {
  interface FastifySchema {
    [EXAMPLE_REQUEST_KEY]?: ExampleRequest;
  }
}

type Operation = { operationId?: string; [EXAMPLE_REQUEST_KEY]?: ExampleRequest; responses: Record<string, { content?: Record<string, { example?: unknown }> }> };
type Doc = { paths: Record<string, Record<string, Operation>> };

function operations(doc: Doc): Operation[] {
  return Object.values(doc.paths).flatMap((item) => Object.values(item).filter((o) => o && typeof o === 'object' && o.operationId));
}

/** The example request of each operation, by operationId, as the routes' schemas carry them (in `app.swagger()`). */
export function exampleRequests(document: unknown): Map<string, ExampleRequest> {
  return new Map(operations(document as Doc).flatMap((o) => (o[EXAMPLE_REQUEST_KEY] ? [[o.operationId!, o[EXAMPLE_REQUEST_KEY]] as const] : [])));
}

/** The spec published carries the examples, not the requests that made them. */
function withoutExampleRequests(document: Doc): void {
  for (const operation of operations(document)) delete operation[EXAMPLE_REQUEST_KEY];
}

/**
 * Answers each operation's example request (the route's schema carries it, see EXAMPLE_REQUEST_KEY) and writes the answer as the example of the operation's 2xx response.
 * Takes any Fastify instance that can inject (not app.ts's `App`): app.ts registers the routes that
 * import this module, and a type import back up would close a circle.
 */
export async function addExamples<T>(app: Pick<FastifyInstance, 'inject'>, document: T): Promise<T> {
  for (const operation of operations(document as Doc)) {
    const request = operation[EXAMPLE_REQUEST_KEY];
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
  withoutExampleRequests(document as Doc);
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
  withoutExampleRequests(document as Doc);
  return document;
}

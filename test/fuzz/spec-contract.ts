import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';

/** The parts of an OpenAPI 3.1 document the fuzzer reads. */
export interface SchemaObject {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
  $ref?: string;
  [key: string]: unknown;
}

export interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema: SchemaObject;
}

interface MediaTypeObject {
  schema?: SchemaObject;
}

interface ResponseObject {
  description?: string;
  content?: Record<string, MediaTypeObject>;
  /** What the path still negotiates but documents as another operation (see src/openapi/document-responses.ts). */
  'x-negotiated-representations'?: Record<string, MediaTypeObject & { operationId: string }>;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { operationId?: string; parameters?: Parameter[]; requestBody?: { content: Record<string, MediaTypeObject> }; responses: Record<string, ResponseObject> }>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

export interface Operation {
  id: string;
  method: 'GET' | 'POST';
  /** The OpenAPI path template, e.g. `/roles/{role}`. */
  path: string;
  parameters: Parameter[];
  /** The request body's schema (resolved one level), for the operations that take one. */
  body?: SchemaObject;
  responses: Record<string, ResponseObject>;
}

export interface CheckedResponse {
  method: string;
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** The decoded (decompressed) body. */
  body: Buffer;
}

// ajv-formats is CommonJS: under NodeNext its default import is the module object, whose default is the plugin.
const addFormats = ajvFormats.default.default;

const SPEC_ID = 'spec';

/** A JSON pointer segment, escaped for use inside a URI fragment. */
const pointerSegment = (segment: string) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));

export const baseMediaType = (contentType: unknown) => String(contentType ?? '').split(';')[0].trim().toLowerCase();

/**
 * The contract the app publishes about itself: its operations, and a check of any response against
 * the status codes, media types and schemas the document gives for that operation. The schemas are
 * the document's own (components and all, through an Ajv 2020 instance that holds the whole spec),
 * so a response is held to what a client generated from /openapi.json would expect.
 */
export class SpecContract {
  readonly operations: Operation[];
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly spec: OpenApiDocument) {
    this.ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
    addFormats(this.ajv);
    // OpenAPI keywords Ajv does not know are annotations here.
    this.ajv.addKeyword('example');
    this.ajv.addSchema(spec as object, SPEC_ID);
    this.operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => method === 'get' || method === 'post')
        .map(([method, op]): Operation => ({
          id: op.operationId ?? `${method} ${path}`,
          method: method.toUpperCase() as 'GET' | 'POST',
          path,
          parameters: (op.parameters ?? []).map((p) => ({ ...p, schema: this.resolve(p.schema) })),
          body: op.requestBody ? this.resolve(op.requestBody.content['application/json']?.schema ?? {}) : undefined,
          responses: op.responses,
        })),
    );
  }

  operation(id: string): Operation {
    const found = this.operations.find((op) => op.id === id);
    if (!found) throw new Error(`The spec has no operation ${id}`);
    return found;
  }

  /** Follows a local `$ref` (one level deep is all the parameters and bodies use). */
  resolve(schema: SchemaObject): SchemaObject {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = this.spec.components?.schemas?.[name];
    if (!target) throw new Error(`Unresolvable ${schema.$ref}`);
    return this.resolve(target);
  }

  /**
   * Everything wrong with `response` as an answer to `op` according to the spec; empty when it
   * conforms. HEAD is held to its GET operation's statuses and headers, with an empty body.
   */
  violations(op: Operation, response: CheckedResponse): string[] {
    const problems: string[] = [];
    const status = String(response.statusCode);
    // 501 is an answer some protocols prescribe (oEmbed's unsupported format), not a failure, when the operation documents it.
    if (response.statusCode >= 500 && !(response.statusCode === 501 && op.responses['501'])) problems.push(`status ${status} is a server error`);
    const documented = op.responses[status] ?? op.responses.default;
    if (!documented) {
      problems.push(`status ${status} is not documented for ${op.id} (documented: ${Object.keys(op.responses).join(', ')})`);
      return problems;
    }
    const content = documented.content;
    if (!content || Object.keys(content).length === 0) {
      if (response.body.length > 0) problems.push(`status ${status} documents no content, but the body has ${response.body.length} bytes`);
      return problems;
    }
    const mediaType = baseMediaType(response.headers['content-type']);
    const negotiated = !content[mediaType] && !!documented['x-negotiated-representations']?.[mediaType];
    const media = content[mediaType] ?? documented['x-negotiated-representations']?.[mediaType];
    if (!media) {
      problems.push(`content-type "${response.headers['content-type']}" is not documented for ${op.id} ${status} (documented: ${Object.keys(content).join(', ')})`);
      return problems;
    }
    if (response.method === 'HEAD') {
      if (response.body.length > 0) problems.push(`HEAD answered with a ${response.body.length}-byte body`);
      return problems;
    }
    const text = response.body.toString('utf8');
    if (!mediaType.includes('json')) {
      // text/plain, text/vnd.graphviz: the schema is a string, and any text is one.
      return problems;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      problems.push(`the ${mediaType} body is not JSON: ${text.slice(0, 200)}`);
      return problems;
    }
    const validate = this.validator(op, status in op.responses ? status : 'default', mediaType, negotiated);
    if (!validate(parsed)) {
      problems.push(`the body does not match the ${op.id} ${status} ${mediaType} schema: ${this.ajv.errorsText(validate.errors, { separator: '; ' })}\n${text.slice(0, 500)}`);
    }
    if (mediaType === 'application/problem+json' && (parsed as { status?: unknown }).status !== response.statusCode) {
      problems.push(`the problem says status ${(parsed as { status?: unknown }).status}, the response ${response.statusCode}`);
    }
    return problems;
  }

  /** Compiles every response schema now, so the first fuzzed requests do not wait for it. */
  compileAll(): void {
    for (const op of this.operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        for (const mediaType of Object.keys(response.content ?? {})) if (mediaType.includes('json')) this.validator(op, status, mediaType);
      }
    }
  }

  private validator(op: Operation, status: string, mediaType: string, negotiated = false): ValidateFunction {
    const where = negotiated ? 'x-negotiated-representations' : 'content';
    const pointer = ['paths', op.path, op.method.toLowerCase(), 'responses', status, where, mediaType, 'schema'].map(pointerSegment).join('/');
    const ref = `${SPEC_ID}#/${pointer}`;
    let validate = this.validators.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.validators.set(ref, validate);
    }
    return validate;
  }
}

import fc from 'fast-check';
import {
  ACCEPT_ENCODING_VALUES,
  ACCEPT_LANGUAGE_VALUES,
  ACCEPT_VALUES,
  CONTENT_TYPES,
  HOSTILE_NUMBERS,
  HOSTILE_STRINGS,
  IF_NONE_MATCH_GARBAGE,
  ORIGIN_VALUES,
  RAW_QUERY_TAILS,
  RAW_URL_TOKENS,
  TEN_KB,
} from './hostile-values.js';
import type { Operation, Parameter, SchemaObject, SpecContract } from './spec-contract.js';
import type { ValidValues } from './valid-values.js';
import { PROBLEM_KEYS } from '../../src/http/problems.js';

export interface FuzzRequest {
  operation: string;
  method: 'GET' | 'HEAD' | 'POST';
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** Repeat the request with If-None-Match set to the ETag of its answer: it must be a 304. */
  revalidate: boolean;
}

/** ETags seen in earlier responses: a request picks one by index, so a run stays reproducible from its seed. */
export type EtagPool = readonly string[];

interface Pools {
  contract: SpecContract;
  values: ValidValues;
  etags: EtagPool;
}

const enumOf = (contract: SpecContract, component: string): string[] => (contract.spec.components?.schemas?.[component]?.enum ?? []) as string[];

const wellFormed = (value: string) => (value as string & { toWellFormed(): string }).toWellFormed();
const encode = (value: string) => encodeURIComponent(wellFormed(value));

const hostile = fc.constantFrom(...HOSTILE_STRINGS);
const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme-ascii', maxLength: 40 }));

/** A comma-separated list drawn from `items`, sometimes with a stray entry or empty element. */
const csvOf = (items: string[]) =>
  fc.tuple(fc.subarray(items, { minLength: 1 }), fc.constantFrom('', '', '', ',', ',bogus', ' ,', ',,')).map(([picked, tail]) => picked.join(',') + tail);

/** Values the spec allows for a parameter, drawn from the seeded data where the schema alone says too little. */
function validValue(param: Parameter, pools: Pools): fc.Arbitrary<string> {
  const { values, contract } = pools;
  const schema: SchemaObject = param.schema;
  if (schema.enum) return fc.constantFrom(...schema.enum.map(String));
  if (schema.type === 'integer') return fc.integer({ min: schema.minimum ?? -1000, max: Math.min(schema.maximum ?? 1000, (schema.minimum ?? 0) + 1000) }).map(String);
  switch (param.name) {
    case 'role':
      return param.in === 'path' ? fc.constantFrom(...values.roles, ...values.roleNames) : fc.constantFrom(...values.roles);
    case 'a':
    case 'b':
      return fc.constantFrom(...values.roles, ...values.roleNames);
    case 'responsibility':
      return fc.constantFrom(...values.responsibilities.map(([, r]) => r));
    case 'since':
      return fc.constantFrom(...values.versions);
    case 'technology':
      return fc.constantFrom(...values.technologies, ...values.technologyNames);
    case 'skill':
      return fc.constantFrom(...values.skills, ...values.skillNames);
    case 'node':
    case 'from':
    case 'to':
      return fc.oneof(fc.constantFrom(...values.nodeIds), fc.constantFrom(...values.technologyNames, ...values.roleNames));
    case 'type':
      return fc.constantFrom(...PROBLEM_KEYS);
    case 'url':
      // oEmbed's url: a role URL of this API as app.inject addresses it (Host localhost:80).
      return fc
        .constantFrom(...values.roles, ...values.roleNames)
        .chain((role) => fc.constantFrom(`http://localhost/roles/${encode(role)}`, `http://localhost/embed/roles/${encode(role)}?lang=en`, `http://localhost/roles/${encode(role)}/card`));
    case 'q':
      return fc.oneof(
        fc.constantFrom(...values.words),
        fc.constantFrom(...values.words).chain((w) => fc.integer({ min: 1, max: w.length }).map((n) => w.slice(0, n))),
        fc.subarray(values.words, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' ')),
      );
    case 'kinds':
      return csvOf(enumOf(contract, 'GraphNodeKind'));
    case 'edge':
      return csvOf(enumOf(contract, 'GraphEdgeType'));
    default:
      return anyText.filter((s) => s.length >= (schema.minLength ?? 0));
  }
}

/** Values the spec does not allow (or that only just fit), plus the classic hostile inputs. */
function invalidValue(param: Parameter, pools: Pools): fc.Arbitrary<string> {
  const schema = param.schema;
  const choices: fc.Arbitrary<string>[] = [hostile, anyText, fc.constantFrom(...HOSTILE_NUMBERS)];
  if (schema.type === 'integer') {
    const min = schema.minimum ?? 0;
    const max = schema.maximum ?? 1000;
    choices.push(fc.constantFrom(String(min - 1), String(max + 1), String(max), String(min), `${min}.5`), fc.bigInt().map(String), fc.double().map(String));
  }
  if (schema.enum) choices.push(fc.constantFrom(...schema.enum.map((v) => String(v).toUpperCase()), ...schema.enum.map((v) => ` ${v}`)));
  if (schema.maxLength !== undefined) choices.push(fc.constant('a'.repeat(schema.maxLength + 1)));
  if (schema.pattern) choices.push(fc.constantFrom(...pools.values.nodeIds).map((id) => id.toUpperCase()), fc.constantFrom(...pools.values.roles));
  return fc.oneof(...choices);
}

function paramValue(param: Parameter, pools: Pools): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: validValue(param, pools) }, { weight: 1, arbitrary: invalidValue(param, pools) });
}

/** A path segment: the value percent-encoded, or now and then a raw token the router has to cope with. */
function pathSegment(param: Parameter, pools: Pools): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 9, arbitrary: paramValue(param, pools).map((value) => (value === '' || value === '.' || value === '..' ? `${value}x` : encode(value))) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_URL_TOKENS.filter((t) => !/^(\.|%2e)+$/i.test(t))) },
  );
}

const UNKNOWN_PARAMETERS = ['foo', 'LANG', 'Limit', 'limit ', '__proto__', 'constructor', 'q[]', 'x'.repeat(100)];

/** Valid parameters only, each present or not: the requests that reach the handlers. */
function validQueryString(op: Operation, pools: Pools): fc.Arbitrary<string> {
  const query = op.parameters.filter((p) => p.in === 'query');
  return fc
    .tuple(...query.map((p) => (p.required ? validValue(p, pools).map((v) => [v]) : fc.option(validValue(p, pools), { nil: undefined, freq: 2 }).map((v) => (v === undefined ? [] : [v])))))
    .map((values) => {
      const pairs = query.flatMap((param, i) => values[i].map((v) => `${param.name}=${encode(v)}`));
      return pairs.length > 0 ? `?${pairs.join('&')}` : '';
    });
}

/** Any mix of valid, invalid, repeated, raw and unknown parameters. */
function hostileQueryString(op: Operation, pools: Pools): fc.Arbitrary<string> {
  const query = op.parameters.filter((p) => p.in === 'query');
  const perParameter = query.map((param) =>
    fc
      .oneof(
        { weight: param.required ? 0 : 2, arbitrary: fc.constant<string[]>([]) },
        { weight: 5, arbitrary: paramValue(param, pools).map((v) => [`${param.name}=${encode(v)}`]) },
        // Repeated: the query parser turns it into an array.
        { weight: 1, arbitrary: fc.tuple(paramValue(param, pools), paramValue(param, pools)).map(([a, b]) => [`${param.name}=${encode(a)}`, `${param.name}=${encode(b)}`]) },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_URL_TOKENS).map((raw) => [`${param.name}=${raw}`]) },
      ),
  );
  const extras = fc.oneof(
    { weight: 8, arbitrary: fc.constant<string[]>([]) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...UNKNOWN_PARAMETERS), paramValue({ in: 'query', name: 'x', schema: { type: 'string' } }, pools)).map(([k, v]) => [`${encode(k)}=${encode(v)}`]) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERY_TAILS).map((tail) => [tail]) },
    { weight: 1, arbitrary: fc.integer({ min: 15, max: 40 }).map((n) => Array.from({ length: n }, (_, i) => `p${i}=1`)) },
  );
  return fc.tuple(fc.tuple(...perParameter), extras).map(([parts, extra]) => {
    const all = [...parts.flat(), ...extra];
    return all.length > 0 ? `?${all.join('&')}` : '';
  });
}

function headersArbitrary(pools: Pools): fc.Arbitrary<Record<string, string>> {
  const etag = fc.nat().map((i) => pools.etags[i % Math.max(1, pools.etags.length)] ?? '"none"');
  const ifNoneMatch = fc.oneof(
    fc.constantFrom(...IF_NONE_MATCH_GARBAGE),
    etag,
    etag.map((e) => `W/${e}`),
    fc.tuple(etag, fc.constantFrom(...IF_NONE_MATCH_GARBAGE)).map(([e, g]) => `${g}, ${e}`),
  );
  // Each header is sent about half the time; Accept-Encoding less often, as compressing every response costs most of the run time.
  const headers = fc.record(
    {
      accept: fc.oneof(fc.constantFrom(...ACCEPT_VALUES), fc.string({ unit: 'grapheme-ascii', maxLength: 30 })),
      'accept-language': fc.oneof(fc.constantFrom(...ACCEPT_LANGUAGE_VALUES), fc.string({ unit: 'grapheme-ascii', maxLength: 20 })),
      'accept-encoding': fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...ACCEPT_ENCODING_VALUES) }),
      'if-none-match': ifNoneMatch,
      origin: fc.constantFrom(...ORIGIN_VALUES),
      'x-request-id': fc.oneof(fc.string({ unit: 'grapheme-ascii', maxLength: 80 }), fc.constant('r'.repeat(TEN_KB))),
    },
    { requiredKeys: [] },
  );
  return headers.map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>);
}

const MCP_TOOLS = ['search', 'get_role', 'list_responsibilities', 'get_technology', 'get_skill', 'neighbors', 'shortest_path', 'compare_roles', 'skill_gap', 'extract_entities', 'no_such_tool'];

/**
 * MCP messages (POST /mcp): mostly tool calls whose every argument is a seeded name, a hostile string or
 * random text (each tool reads the arguments it takes), with a random `lang` and `depth`; and the
 * cheap methods. A tool refusing its arguments still answers 200 with an error result.
 */
function mcpMessage(entry: fc.Arbitrary<string>, sentence: fc.Arbitrary<string>): fc.Arbitrary<Record<string, unknown>> {
  const call = fc
    .record({ id: fc.nat(), name: fc.constantFrom(...MCP_TOOLS), word: entry, other: entry, text: sentence, lang: fc.constantFrom('pl', 'en', 'de', undefined), depth: fc.constantFrom(1, 2, 3, 0, 99, '2', undefined) })
    .map(({ id, name, word, other, text, lang, depth }) => ({
      jsonrpc: '2.0',
      id,
      method: 'tools/call',
      params: { name, arguments: { q: word, role: word, technology: word, skill: word, node: word, from: word, to: other, a: word, b: other, have: [word, other], text, lang, depth } },
    }));
  const other = fc.record({ id: fc.nat(), method: fc.constantFrom('ping', 'resources/templates/list', 'prompts/list', 'no/such/method') }).map(({ id, method }) => ({ jsonrpc: '2.0', id, method }));
  return fc.oneof({ weight: 6, arbitrary: call }, { weight: 1, arbitrary: other });
}

/** POST bodies: valid ones from the schema and the seeded names, and every way a body can be wrong. */
function bodyArbitrary(op: Operation, pools: Pools): fc.Arbitrary<{ payload?: string; contentType?: string }> {
  const { values } = pools;
  const schema = op.body ?? {};
  const properties = (schema.properties ?? {}) as Record<string, SchemaObject>;
  const names = [...values.technologyNames, ...values.skillNames, ...values.technologies, ...values.skills, ...values.roleNames];
  const entry = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: fc.constantFrom(...names).map((n) => n.toUpperCase()) },
    { weight: 1, arbitrary: hostile },
    { weight: 1, arbitrary: anyText },
  );
  const sentence = fc.array(fc.oneof(fc.constantFrom(...names), fc.constantFrom(...values.words), anyText, hostile), { minLength: 1, maxLength: 30 }).map((parts) => parts.join(' '));
  const validObject: fc.Arbitrary<Record<string, unknown>> =
    'jsonrpc' in properties
      ? mcpMessage(entry, sentence)
      : 'have' in properties
        ? fc.array(entry, { minLength: 1, maxLength: 12 }).map((have) => ({ have }))
        : fc.oneof({ weight: 9, arbitrary: sentence.map((text) => ({ text })) }, { weight: 1, arbitrary: fc.constantFrom(20_000, 20_001).map((n) => ({ text: 'Python i Docker. '.repeat(n).slice(0, n) })) });
  const key = 'jsonrpc' in properties ? 'method' : 'have' in properties ? 'have' : 'text';
  const json = fc.oneof(
    { weight: 8, arbitrary: validObject.map((o) => JSON.stringify(o)) },
    // Unknown keys next to a valid body.
    { weight: 1, arbitrary: fc.tuple(validObject, fc.constantFrom('extra', 'HAVE', 'Text', '__proto__', 'constructor', '')).map(([o, k]) => JSON.stringify({ ...o, [k]: 1 })) },
    // Wrong types, anywhere.
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify({ [key]: v })) },
    { weight: 1, arbitrary: fc.constantFrom('[]', 'null', '"python"', '42', 'true', '{}', `{"${key}":null}`, `{"${key}":[]}`, `{"${key}":[""]}`, `{"${key}":["   "]}`, `{"${key}":""}`, `{"${key}":[1,2,3]}`, `{"${key}":{"0":"python"}}`) },
    // Prototype pollution attempts.
    { weight: 1, arbitrary: fc.constantFrom(`{"__proto__":{"polluted":1},"${key}":["python"]}`, `{"constructor":{"prototype":{"polluted":1}},"${key}":"python"}`) },
    // Huge arrays and bodies over the limit.
    { weight: 1, arbitrary: fc.integer({ min: 201, max: 20_000 }).map((n) => JSON.stringify({ [key]: Array.from({ length: n }, (_, i) => `python${i}`) })) },
    { weight: 1, arbitrary: fc.constantFrom(130 * 1024, 300 * 1024).map((n) => JSON.stringify({ [key]: 'x'.repeat(n) })) },
    // Not JSON at all.
    { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom('{', `{"${key}":`, '{"have":["python"]', 'nul', "{'have':['python']}", '\u0000', '', '{"have":["python"]}garbage', '\ufeff{"text":"x"}')) },
  );
  const contentType = fc.oneof({ weight: 8, arbitrary: fc.constant('application/json') }, { weight: 3, arbitrary: fc.constantFrom(...CONTENT_TYPES) }, { weight: 1, arbitrary: fc.constant(undefined) });
  return fc.oneof(
    { weight: 20, arbitrary: fc.record({ payload: json, contentType }) },
    { weight: 1, arbitrary: fc.record({ contentType }) },
  );
}

/** Every kind of request the fuzzer sends to one operation. */
export function requestArbitrary(op: Operation, pools: Pools): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const anyPath = fc.tuple(...pathParams.map((p) => pathSegment(p, pools))).map((segments) =>
    pathParams.reduce((url, param, i) => url.replace(`{${param.name}}`, segments[i]), op.path),
  );
  // Half the requests are entirely valid, so the handlers (not just validation) get fuzzed through headers and bodies.
  const target = fc.oneof(
    fc.tuple(validPath(op, pools), validQueryString(op, pools)),
    fc.tuple(op.path.includes('{responsibility}') ? fc.oneof(anyPath, responsibilityPath(op, pools)) : anyPath, hostileQueryString(op, pools)),
  );
  const method = op.method === 'GET' ? fc.oneof({ weight: 6, arbitrary: fc.constant<'GET'>('GET') }, { weight: 1, arbitrary: fc.constant<'HEAD'>('HEAD') }) : fc.constant<'POST'>('POST');
  const body = op.method === 'POST' ? bodyArbitrary(op, pools) : fc.constant({} as { payload?: string; contentType?: string });
  return fc
    .record({ method, target, headers: headersArbitrary(pools), body, revalidate: fc.boolean() })
    .map(({ method, target: [path, query], headers, body, revalidate }) => ({
      operation: op.id,
      method,
      url: path + query,
      headers: body.contentType === undefined ? headers : { ...headers, 'content-type': body.contentType },
      payload: body.payload,
      revalidate: method !== 'POST' && revalidate,
    }));
}

/** A responsibility under the role it belongs to (independent picks would nearly always be a 404). */
function responsibilityPath(op: Operation, pools: Pools): fc.Arbitrary<string> {
  return fc.constantFrom(...pools.values.responsibilities).map(([role, responsibility]) => op.path.replace('{role}', encode(role)).replace('{responsibility}', encode(responsibility)));
}

/** Requests the spec fully allows (valid parameters, sensible headers): what the response cache stores. */
export function validGetArbitrary(op: Operation, pools: Pools): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      path: validPath(op, pools),
      query: validQueryString(op, pools),
      accept: fc.constantFrom('application/json', 'application/ld+json', '*/*', 'application/vnd.cytoscape+json', 'text/vnd.graphviz'),
      language: fc.constantFrom('pl', 'en', 'en-US,en;q=0.9', 'de'),
    })
    .map(({ path, query, accept, language }) => ({
      operation: op.id,
      method: 'GET' as const,
      url: path + query,
      headers: { accept, 'accept-language': language },
      revalidate: false,
    }));
}

function validPath(op: Operation, pools: Pools): fc.Arbitrary<string> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  if (op.path.includes('{responsibility}')) return responsibilityPath(op, pools);
  return fc.tuple(...pathParams.map((p) => validValue(p, pools))).map((segments) => pathParams.reduce((url, param, i) => url.replace(`{${param.name}}`, encode(segments[i])), op.path));
}

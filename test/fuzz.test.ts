import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { tableCounts } from './fuzz/entity-counts.js';
import { requestArbitrary, validGetArbitrary, type FuzzRequest } from './fuzz/request-arbitraries.js';
import { describeExchange, sendRequest, type Exchange } from './fuzz/send-request.js';
import { SpecContract, type OpenApiDocument, type Operation } from './fuzz/spec-contract.js';
import { collectValidValues } from './fuzz/valid-values.js';
import { createSeededApp } from './helpers/seeded-app.js';

/**
 * Schema-driven fuzzing: every operation of the app's own OpenAPI document gets random valid and
 * hostile requests, and every answer is held to what the document promises for that operation.
 * Deterministic: FUZZ_SEED picks another run, FUZZ_RUNS its size.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_129);
const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 10_500);
const CACHE_RUNS = Math.max(50, Math.round(TOTAL_RUNS / 30));
const MIN_REQUESTS = Number(process.env.FUZZ_MIN_REQUESTS ?? 10_000);

/** Computed per request (uptime, metrics, seed time): never cached, so no ETag to revalidate against. */
const LIVE_OPERATIONS = new Set(['getHealth', 'getReady', 'getMeta', 'getMetrics']);

const seeded = await createSeededApp();
const { app } = seeded;
const contract = new SpecContract(app.swagger() as unknown as OpenApiDocument);
contract.compileAll();
const values = await collectValidValues(app);
const etags: string[] = [];
const countsBefore = tableCounts(seeded.dbPath);
let requestsSent = 0;
let injectMs = 0;
let checkMs = 0;
const statusesSeen = new Map<string, Map<number, number>>();

afterAll(() => seeded.close());

/**
 * The overload guard judges the event loop by its mean delay over the last second; seeding, the
 * first graph build and compiling the spec's schemas just blocked it, and on a loaded machine long
 * enough to count as overload. Fuzzing starts once the guard has seen a calm second.
 */
async function untilCalm(timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await new Promise((resolve) => setTimeout(resolve, 1100)); // one sampling interval of the guard
  while (app.isUnderPressure() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}
await untilCalm();

/**
 * app.inject never goes through the event loop's timer phase on its own: back to back, thousands of
 * injected requests starve it, and the overload guard (which samples event-loop delay with a timer)
 * rightly answers 503. A real server turns the loop on every socket read; so does the fuzzer.
 */
const turnEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function send(request: FuzzRequest): Promise<Exchange> {
  await turnEventLoop();
  const started = performance.now();
  const exchange = await sendRequest(app, request);
  injectMs += performance.now() - started;
  requestsSent++;
  const byStatus = statusesSeen.get(request.operation) ?? new Map<number, number>();
  byStatus.set(exchange.response.statusCode, (byStatus.get(exchange.response.statusCode) ?? 0) + 1);
  statusesSeen.set(request.operation, byStatus);
  const etag = exchange.response.headers.etag;
  if (typeof etag === 'string' && etags.length < 500 && !etags.includes(etag)) etags.push(etag);
  return exchange;
}

/** What HTTP itself requires beyond the spec's schemas: a 304 names the representation it confirms (RFC 9110 §15.4.5). */
function httpViolations(op: Operation, { response }: Exchange): string[] {
  const problems: string[] = [];
  if (response.statusCode === 304 && typeof response.headers.etag !== 'string') problems.push('a 304 without an ETag');
  if (response.statusCode === 200 && response.method !== 'POST' && !LIVE_OPERATIONS.has(op.id) && typeof response.headers.etag !== 'string') problems.push(`a cacheable ${op.id} 200 without an ETag`);
  return problems;
}

function expectConforms(op: Operation, exchange: Exchange): void {
  const started = performance.now();
  const violations = [...contract.violations(op, exchange.response), ...httpViolations(op, exchange)];
  checkMs += performance.now() - started;
  if (violations.length > 0) throw new Error(`${violations.join('\n')}\n${describeExchange(exchange)}`);
}

/** Runs a property with this suite's seed, saying how to replay it when it fails. */
async function check<T>(name: string, seed: number, numRuns: number, property: fc.IAsyncProperty<T>): Promise<void> {
  const details = await fc.check(property, { seed, numRuns, endOnFailure: false });
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    const counterexample = JSON.stringify(details.counterexample, (_key, value: unknown) => (typeof value === 'string' && value.length > 300 ? `${value.slice(0, 300)}… (${value.length} chars)` : value));
    throw new Error(
      `${name} failed after ${details.numRuns} runs (FUZZ_SEED=${SEED}; fast-check seed ${seed}, path "${details.counterexamplePath}", shrunk ${details.numShrinks} times):\n${cause}\n\ncounterexample: ${counterexample}`,
    );
  }
}

const fuzzed = contract.operations;
const runsPerOperation = Math.ceil(TOTAL_RUNS / fuzzed.length);

describe('schema-driven fuzzing of every operation in the OpenAPI document', () => {
  it('the document lists the operations to fuzz, the POST ones with a body schema', () => {
    expect(fuzzed.length).toBeGreaterThanOrEqual(20);
    for (const op of fuzzed.filter((o) => o.method === 'POST')) expect(op.body?.type).toBe('object');
  });

  fuzzed.forEach((op, index) => {
    it(`${op.method} ${op.path} (${op.id}): ${runsPerOperation} random requests, each answered as the spec documents`, async () => {
      await check(
        op.id,
        SEED + index,
        runsPerOperation,
        fc.asyncProperty(requestArbitrary(op, { contract, values, etags }), async (request) => {
          const first = await send(request);
          expectConforms(op, first);
          const etag = first.response.headers.etag;
          if (request.revalidate && first.response.statusCode === 200 && typeof etag === 'string') {
            // The same request again, conditional on what it got: nothing has changed, so 304 and no body.
            const again = await send({ ...request, headers: { ...request.headers, 'if-none-match': etag } });
            expectConforms(op, again);
            if (again.response.statusCode !== 304) throw new Error(`revalidating with its own ETag ${etag} did not give 304\n${describeExchange(again)}`);
          }
        }),
      );
    });
  });

  it('the response cache: a repeated GET is byte-identical to the first and still matches the spec', async () => {
    const cacheable = fuzzed.filter((op) => op.method === 'GET' && !LIVE_OPERATIONS.has(op.id) && op.responses['200']?.content);
    const perOperation = fc.oneof(...cacheable.map((op) => validGetArbitrary(op, { contract, values, etags }).map((request) => ({ op, request }))));
    await check(
      'response cache',
      SEED - 1,
      CACHE_RUNS,
      fc.asyncProperty(perOperation, fc.constantFrom('gzip', 'br'), async ({ op, request }, encoding) => {
        const first = await send(request);
        expectConforms(op, first);
        fc.pre(first.response.statusCode === 200);
        const second = await send(request);
        expectConforms(op, second);
        expect(second.response.statusCode).toBe(200);
        expect(second.raw.equals(first.raw), `cached bytes differ from the first response\n${describeExchange(second)}`).toBe(true);
        expect(second.response.headers.etag).toBe(first.response.headers.etag);
        expect(second.response.headers['content-type']).toBe(first.response.headers['content-type']);
        expect(second.response.headers['content-language']).toBe(first.response.headers['content-language']);
        // The compressed copy the cache keeps decodes to the same bytes.
        const compressed = await send({ ...request, headers: { ...request.headers, 'accept-encoding': encoding } });
        expectConforms(op, compressed);
        expect(compressed.response.body.equals(first.raw), `the ${encoding} copy decodes to other bytes\n${describeExchange(compressed)}`).toBe(true);
        // HEAD answers with the GET's headers and no body.
        const head = await send({ ...request, method: 'HEAD' });
        expectConforms(op, head);
        expect(head.response.statusCode).toBe(200);
        expect(head.raw.length).toBe(0);
        expect(head.response.headers.etag).toBe(first.response.headers.etag);
        expect(head.response.headers['content-type']).toBe(first.response.headers['content-type']);
      }),
    );
  });

  it(`sent at least ${MIN_REQUESTS} requests, and the data is exactly as before`, () => {
    const summary = [...statusesSeen].map(([op, byStatus]) => `${op}: ${[...byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')}`);
    console.info(`fuzz: ${requestsSent} requests (inject ${Math.round(injectMs)} ms, checks ${Math.round(checkMs)} ms), FUZZ_SEED=${SEED}\n${summary.join('\n')}`);
    expect(requestsSent).toBeGreaterThanOrEqual(MIN_REQUESTS);
    expect(tableCounts(seeded.dbPath)).toEqual(countsBefore);
    // The `__proto__` and `constructor.prototype` bodies polluted nothing.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Every operation was reached with valid input at least once: the fuzzer is not just bouncing off validation.
    for (const op of fuzzed) expect(statusesSeen.get(op.id)?.get(200) ?? 0, `${op.id} never answered 200`).toBeGreaterThan(0);
  });
});

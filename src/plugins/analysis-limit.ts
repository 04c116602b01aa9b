import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AnalysisGate } from '../analysis/analysis-gate.js';
import { AnalysisPool } from '../analysis/analysis-pool.js';
import type { AnalysisTask } from '../analysis/analysis-task.js';
import type { DataSource } from '../data/data-source.js';
import { sendProblem } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The handler does CPU-bound work: it is admitted at the analysis gate once its body has arrived, and runs on the pool. */
    cpuBound?: boolean;
  }
  interface FastifyInstance {
    /**
     * The analysis service (extract, gap) on its worker pool, against the data served now: the one way to
     * run an analysis. The answer is JSON text already encoded by the operation's response schema.
     */
    analyze(task: AnalysisTask): Promise<string>;
    /** The gate CPU-bound routes pass; the MCP endpoint's analysis tools pass the same one. */
    analysisGate: AnalysisGate;
  }
}

export const ANALYSIS_RETRY_AFTER_SECONDS = 2;

export interface AnalysisLimitOptions {
  data: DataSource;
  /** Analyses admitted at once (running or waiting); more get 503 with Retry-After. */
  capacity: number;
  /** Worker threads: analyses computed at once. */
  threads: number;
  /** A worker with no task for this long exits; 0: workers live as long as the server. */
  idleTimeoutMs: number;
  /** How long an analysis request's body may take to arrive, from its headers; then 408 and the connection closes. */
  bodyTimeoutMs: number;
}

/** One request's place at the gate: its turn comes later, and is passed on once whatever happens. */
interface Admission {
  client: string;
  hasTurn: boolean;
  finished: boolean;
  released: boolean;
}
const admissionOf = Symbol('analysis gate admission');
const bodyTimerOf = Symbol('analysis body deadline');
type WithAdmission = { [admissionOf]?: Admission; [bodyTimerOf]?: NodeJS.Timeout };

/**
 * Routes marked `config: { cpuBound: true }` reach the gate only once their body has arrived and been
 * validated: a body sent slowly (or never) holds the client's own socket until the body deadline (408),
 * never a place in the queue. One address holds at most 80 % of the places (others always find one:
 * 12 of the default 64), and waiting analyses take turns by address.
 */
export default fp<AnalysisLimitOptions>(
  async (app, { data, capacity, threads, idleTimeoutMs, bodyTimeoutMs }) => {
    const pool = new AnalysisPool(threads, idleTimeoutMs);
    const gate = new AnalysisGate(capacity, threads, Math.ceil(capacity * 0.8));
    app.decorate('analyze', (task: AnalysisTask) => pool.run(data.current, task));
    app.decorate('analysisGate', gate);
    // Workers start on the first analysis, not at warm-up (src/plugins/warm-up.ts says why), and exit after idleTimeoutMs without one.
    app.addHook('onClose', () => pool.close());

    const release = (admission: Admission) => {
      if (admission.released) return;
      admission.released = true;
      gate.release(admission.client);
    };
    // However the exchange ends (answered, failed, or the client went away): a turn already given is
    // passed on now; one still to come is passed on as soon as it comes.
    const finish = (request: FastifyRequest) => {
      const state = request as WithAdmission;
      clearTimeout(state[bodyTimerOf]);
      const admission = state[admissionOf];
      if (!admission || admission.finished) return;
      admission.finished = true;
      if (admission.hasTurn) release(admission);
    };

    const startBodyDeadline = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      (request as WithAdmission)[bodyTimerOf] = setTimeout(() => {
        if (reply.sent) return;
        // The body is still arriving: the connection cannot be reused for another request, so it closes after this answer.
        reply.header('connection', 'close');
        sendProblem(request, reply, {
          type: 'request-timeout',
          detail: {
            pl: `Treść żądania analizy nie dotarła w ciągu ${bodyTimeoutMs / 1000} s.`,
            en: `The analysis request's body did not arrive within ${bodyTimeoutMs / 1000} s.`,
          },
        });
      }, bodyTimeoutMs);
      reply.raw.once('close', () => finish(request));
      done();
    };
    const bodyArrived = (request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
      clearTimeout((request as WithAdmission)[bodyTimerOf]);
      done();
    };
    const awaitTurn = async (request: FastifyRequest, reply: FastifyReply) => {
      const client = request.ip;
      const turn = gate.enter(client);
      if (turn === false) {
        reply.header('retry-after', String(ANALYSIS_RETRY_AFTER_SECONDS));
        return sendProblem(request, reply, {
          type: 'overloaded',
          detail: {
            pl: `Trwa lub czeka już ${gate.capacity} analiz (lub Twoja część z nich); spróbuj ponownie za ${ANALYSIS_RETRY_AFTER_SECONDS} s.`,
            en: `${gate.capacity} analyses (or your share of them) are already running or waiting; retry in ${ANALYSIS_RETRY_AFTER_SECONDS} s.`,
          },
        });
      }
      const admission: Admission = { client, hasTurn: false, finished: false, released: false };
      (request as WithAdmission)[admissionOf] = admission;
      await turn;
      admission.hasTurn = true;
      // Nobody is waiting for this answer any more: the turn passes on without computing it.
      if (admission.finished) {
        release(admission);
        return reply.hijack();
      }
    };

    app.addHook('onRoute', (route) => {
      if (!route.config?.cpuBound) return;
      const prepend = <T>(hook: T, existing: T | T[] | undefined): T[] => (existing ? [hook, ...(Array.isArray(existing) ? existing : [existing])] : [hook]);
      route.onRequest = prepend(startBodyDeadline as never, route.onRequest as never);
      route.preValidation = prepend(bodyArrived as never, route.preValidation as never);
      route.preHandler = prepend(awaitTurn as never, route.preHandler as never);
    });
    app.addHook('onResponse', (request, _reply, done) => {
      finish(request);
      done();
    });
  },
  { name: 'analysis-limit', dependencies: ['errors'] },
);

import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AnalysisGate } from '../analysis/analysis-gate.js';
import { sendProblem } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The handler does CPU-bound work: it runs through the analysis gate (one at a time, bounded queue). */
    cpuBound?: boolean;
  }
  interface FastifyInstance {
    /** The gate CPU-bound routes pass; the MCP endpoint's analysis tools pass the same one. */
    analysisGate: AnalysisGate;
  }
}

export const ANALYSIS_RETRY_AFTER_SECONDS = 2;

/** One request's place at the gate: admitted at arrival, its turn later, released once whatever happens. */
interface Admission {
  turn: Promise<void>;
  hasTurn: boolean;
  finished: boolean;
  released: boolean;
}
const admissionOf = Symbol('analysis gate admission');
type WithAdmission = { [admissionOf]?: Admission };

/**
 * Routes marked `config: { cpuBound: true }` are admitted at the gate when they arrive, before their body
 * is read or parsed: a refusal (503 with Retry-After) then costs next to nothing, which matters when
 * hundreds of large bodies a second are being refused. The handler waits for its turn.
 */
export default fp<{ capacity: number }>(
  async (app, { capacity }) => {
    const gate = new AnalysisGate(capacity);
    app.decorate('analysisGate', gate);
    const release = (admission: Admission) => {
      if (admission.released) return;
      admission.released = true;
      gate.release();
    };
    // However the exchange ends (answered, failed, refused by validation, or the client went away): a
    // turn already given is passed on now; one still to come is passed on as soon as it comes.
    const finish = (request: FastifyRequest) => {
      const admission = (request as WithAdmission)[admissionOf];
      if (!admission || admission.finished) return;
      admission.finished = true;
      if (admission.hasTurn) release(admission);
    };

    const admit = (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
      const turn = gate.enter();
      if (turn === false) {
        reply.header('retry-after', String(ANALYSIS_RETRY_AFTER_SECONDS));
        sendProblem(request, reply, {
          type: 'overloaded',
          detail: {
            pl: `Trwa lub czeka już ${gate.capacity} analiz; spróbuj ponownie za ${ANALYSIS_RETRY_AFTER_SECONDS} s.`,
            en: `${gate.capacity} analyses are already running or waiting; retry in ${ANALYSIS_RETRY_AFTER_SECONDS} s.`,
          },
        });
        return;
      }
      const admission: Admission = { turn, hasTurn: false, finished: false, released: false };
      (request as WithAdmission)[admissionOf] = admission;
      void turn.then(() => {
        admission.hasTurn = true;
        if (admission.finished) release(admission);
      });
      reply.raw.once('close', () => finish(request));
      done();
    };
    const awaitTurn = async (request: FastifyRequest, reply: FastifyReply) => {
      const admission = (request as WithAdmission)[admissionOf];
      if (!admission) return;
      await admission.turn;
      // Nobody is waiting for this answer any more: the turn passes on without computing it.
      if (admission.finished) reply.hijack();
    };

    app.addHook('onRoute', (route) => {
      if (!route.config?.cpuBound) return;
      const prepend = <T>(hook: T, existing: T | T[] | undefined): T[] => (existing ? [hook, ...(Array.isArray(existing) ? existing : [existing])] : [hook]);
      route.onRequest = prepend(admit as never, route.onRequest as never);
      route.preHandler = prepend(awaitTurn as never, route.preHandler as never);
    });
    app.addHook('onResponse', (request, _reply, done) => {
      finish(request);
      done();
    });
  },
  { name: 'analysis-limit', dependencies: ['errors'] },
);

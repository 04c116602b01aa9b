import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AnalysisGate } from '../analysis/analysis-gate.js';
import { sendProblem } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The handler does CPU-bound work: it runs through the analysis gate (one at a time, bounded queue). */
    cpuBound?: boolean;
  }
}

export const ANALYSIS_RETRY_AFTER_SECONDS = 2;
const holding = Symbol('holds the analysis turn');

/** Routes marked `config: { cpuBound: true }` pass the gate before their handler; a full gate answers 503 with Retry-After. */
export default fp<{ capacity: number }>(
  async (app, { capacity }) => {
    const gate = new AnalysisGate(capacity);
    app.addHook('onRoute', (route) => {
      if (!route.config?.cpuBound) return;
      const preHandler = async (request: FastifyRequest, reply: FastifyReply) => {
        const turn = gate.enter();
        if (turn === false) {
          reply.header('retry-after', String(ANALYSIS_RETRY_AFTER_SECONDS));
          return sendProblem(request, reply, {
            type: '/problems/overloaded',
            title: 'Service unavailable',
            status: 503,
            detail: `${gate.capacity} analyses are already running or waiting; retry in ${ANALYSIS_RETRY_AFTER_SECONDS} s.`,
          });
        }
        // Released once, however the exchange ends (sent, failed, or the client went away).
        let hasTurn = false;
        let gone = false;
        reply.raw.once('close', () => {
          if (hasTurn) release(reply);
          else gone = true;
        });
        await turn;
        hasTurn = true;
        (reply as unknown as Record<symbol, boolean>)[holding] = true;
        if (gone) {
          // Nobody is waiting for this answer: the turn passes on without computing it.
          release(reply);
          reply.hijack();
        }
      };
      const existing = route.preHandler;
      route.preHandler = existing ? [preHandler, ...(Array.isArray(existing) ? existing : [existing])] : [preHandler];
    });
    const release = (reply: FastifyReply) => {
      const state = reply as unknown as Record<symbol, boolean>;
      if (!state[holding]) return;
      state[holding] = false;
      gate.release();
    };
    app.addHook('onResponse', (_request, reply, done) => {
      release(reply);
      done();
    });
  },
  { name: 'analysis-limit', dependencies: ['errors'] },
);

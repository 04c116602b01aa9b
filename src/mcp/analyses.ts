import type { AnalysisGate } from '../analysis/analysis-gate.js';
import { extractEntities } from '../analysis/extract-entities.js';
import { analyzeGap } from '../analysis/skill-gap.js';
import type { DataSource } from '../data/data-source.js';
import type { Lang } from '../lib/language.js';
import { DomainError } from '../model/domain-errors.js';
import type { Extraction, SkillGap } from '../schemas/analysis.js';

/** The CPU-bound analyses the MCP tools run: the one place to point elsewhere (a worker pool, say). */
export interface Analyses {
  gap(role: string, have: string[], lang: Lang): Promise<SkillGap>;
  extract(text: string, lang: Lang): Promise<Extraction>;
}

export const RETRY_AFTER_SECONDS = 2;

/** The gate was full: the tool call is refused, as `POST /extract` is with a 503. */
class AnalysesBusyError extends DomainError {
  readonly kind = 'unavailable';
  constructor(capacity: number) {
    super({
      pl: `Trwa lub czeka już ${capacity} analiz; spróbuj ponownie za ${RETRY_AFTER_SECONDS} s.`,
      en: `${capacity} analyses are already running or waiting; retry in ${RETRY_AFTER_SECONDS} s.`,
    });
  }
}

/**
 * The same analysis code as `POST /roles/{role}/gap` and `POST /extract`, through the same gate: one
 * analysis at a time, a bounded queue, the excess refused at once.
 */
export function gatedAnalyses(data: DataSource, gate: AnalysisGate): Analyses {
  // One share of the gate for all tool calls, as for one client address.
  const client = 'mcp';
  async function run<T>(work: () => T): Promise<T> {
    const turn = gate.enter(client);
    if (turn === false) throw new AnalysesBusyError(gate.capacity);
    try {
      await turn;
      return work();
    } finally {
      gate.release(client);
    }
  }
  return {
    gap: (role, have, lang) =>
      run(() => {
        const context = data.current.analysis;
        return analyzeGap(context.roles, context.vocabulary, context.refs, role, have, lang);
      }),
    extract: (text, lang) =>
      run(() => {
        const context = data.current.analysis;
        return extractEntities(context.vocabulary, context.refs, text, lang);
      }),
  };
}

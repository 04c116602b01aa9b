import { z } from 'zod';
import type { Lang } from '../lib/language.js';
import { extractionSchema, skillGapSchema } from '../schemas/analysis.js';
import type { AnalysisContext } from './analysis-service.js';
import { extractEntities } from './extract-entities.js';
import { analyzeGap } from './skill-gap.js';

/** One CPU-bound analysis, as plain data: it crosses to a worker thread by structured clone. */
export type AnalysisTask = { kind: 'extract'; text: string; lang: Lang } | { kind: 'gap'; role: string; have: string[]; lang: Lang };

/**
 * Runs a task against one database's analysis state (in a worker, or on the main thread when there is no
 * file to open) and returns the answer as JSON text, encoded by the operation's response schema as the
 * route's serializer would: for a large text, checking and stringifying thousands of mentions costs
 * about as much as finding them, so that is done off the event loop too.
 */
export function runAnalysis(analysis: AnalysisContext, task: AnalysisTask): string {
  return task.kind === 'extract'
    ? JSON.stringify(z.encode(extractionSchema, extractEntities(analysis.vocabulary, analysis.refs, task.text, task.lang)))
    : JSON.stringify(z.encode(skillGapSchema, analyzeGap(analysis.roles, analysis.vocabulary, analysis.refs, task.role, task.have, task.lang)));
}

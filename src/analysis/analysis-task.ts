import type { Lang } from '../http/language.js';
import type { Extraction, SkillGap } from '../schemas/analysis.js';
import type { AnalysisContext } from './analysis-service.js';
import { extractEntities } from './extract-entities.js';
import { analyzeGap } from './skill-gap.js';

/** One CPU-bound analysis, as plain data: it crosses to a worker thread by structured clone. */
export type AnalysisTask = { kind: 'extract'; text: string; lang: Lang } | { kind: 'gap'; role: string; have: string[]; lang: Lang };

export type AnalysisResult<T extends AnalysisTask> = T extends { kind: 'extract' } ? Extraction : SkillGap;

/** Runs a task against one database's analysis state: in a worker, or on the main thread when there is no file to open. */
export function runAnalysis(analysis: AnalysisContext, task: AnalysisTask): Extraction | SkillGap {
  return task.kind === 'extract'
    ? extractEntities(analysis.vocabulary, analysis.refs, task.text, task.lang)
    : analyzeGap(analysis.roles, analysis.vocabulary, analysis.refs, task.role, task.have, task.lang);
}

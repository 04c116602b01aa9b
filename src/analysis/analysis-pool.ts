import { Piscina } from 'piscina';
import type { AnalysedData as DataContext } from './analysis-service.js';
import { runAnalysis, type AnalysisTask } from './analysis-task.js';
import type { WorkerAnswer, WorkerTask } from './analysis-worker.js';

/**
 * The analysis service: every extract and gap analysis goes through `run`, from the REST routes or any
 * other caller. A 20,000-character extraction takes tens of milliseconds of CPU: on worker threads the
 * event loop keeps answering health checks and cached GETs meanwhile. A database without a file
 * (in-memory) is analysed on the calling thread.
 */
export class AnalysisPool {
  private readonly pool: Piscina<WorkerTask, WorkerAnswer>;

  /**
   * Each worker starts on first need (not at warm-up: see `src/plugins/warm-up.ts`) and exits after `idleTimeoutMs` without a task (0: never):
   * a worker holds 40–45 MB resident (its own V8 heap, SQLite handle and vocabulary index), which a replica
   * answering only GETs does not need. Starting one again costs its start and vocabulary build, once.
   */
  constructor(
    readonly threads: number,
    idleTimeoutMs: number,
  ) {
    // Under tsx (npm start, tests) this module is TypeScript and so is its worker, which needs tsx's
    // loader of its own; built (dist/), both are JavaScript and the worker inherits the process's flags.
    const typescript = import.meta.url.endsWith('.ts');
    this.pool = new Piscina({
      filename: new URL(`./analysis-worker.${typescript ? 'ts' : 'js'}`, import.meta.url).href,
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: idleTimeoutMs === 0 ? Number.POSITIVE_INFINITY : idleTimeoutMs,
      // Workers yield the cores to the event loop (Linux thread priority): health checks and cached GETs
      // are answered at once even while every core is analysing, on a machine as busy as it gets.
      niceIncrement: 10,
      ...(typescript ? { execArgv: ['--import', 'tsx'] } : {}),
    });
  }

  /** The answer as JSON text, checked against the operation's response schema. */
  async run(data: DataContext, task: AnalysisTask): Promise<string> {
    const databasePath = data.db.$client.name;
    if (databasePath && databasePath !== ':memory:') {
      const answer = await this.pool.run({ task, databasePath, dataVersion: data.dataVersion });
      if ('json' in answer) return answer.json;
    }
    // No file, or the file already holds the next data version: answer from the data this request arrived under.
    return runAnalysis(data.analysis, task);
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}

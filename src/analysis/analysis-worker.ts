import { DataContext } from '../data/data-context.js';
import { openReadOnlyDatabase } from '../db/open-database.js';
import { runAnalysis, type AnalysisTask } from './analysis-task.js';

/** What the main thread sends: the task, and the database file and data version it must be answered from. */
export interface WorkerTask {
  task: AnalysisTask;
  databasePath: string;
  dataVersion: string;
}

/** `stale`: the file now holds another data version than the one asked for (a re-seed is being swapped in). */
export type WorkerAnswer = { json: string } | { stale: true };

/**
 * A piscina worker: opens the same read-only SQLite file the server serves, builds the vocabulary index
 * once (on its first task) and keeps it until the data version changes.
 */
let open: { path: string; context: DataContext } | undefined;

export default function analyzeInWorker({ task, databasePath, dataVersion }: WorkerTask): WorkerAnswer {
  if (!open || open.path !== databasePath || open.context.dataVersion !== dataVersion) {
    open?.context.close();
    const { sqlite, db } = openReadOnlyDatabase(databasePath);
    open = { path: databasePath, context: new DataContext(db, sqlite) };
  }
  if (open.context.dataVersion !== dataVersion) return { stale: true };
  return { json: runAnalysis(open.context.analysis, task) };
}

import { runTs } from './children.js';
import { entry } from './spawn-server.js';

export interface SeedTiming {
  /** wall time of the seed CLI process (node start + tsx + parsing + writing), s */
  wallS: number;
  /** what the CLI itself reports for seedDatabase, s */
  seedS: number;
  dataVersion: string;
}

/** `DOCUMENTS_DIR=… DATABASE_PATH=… tsx src/seed/cli.ts`, timed from outside. */
export async function timeSeed(documentsDir: string, databasePath: string): Promise<SeedTiming> {
  const { ms, output } = await runTs(entry('seed/cli'), [], { DOCUMENTS_DIR: documentsDir, DATABASE_PATH: databasePath, LOG_LEVEL: 'warn' });
  const reported = / \(data version (\w+)\) from .* in (\d+) ms/.exec(output);
  return { wallS: ms / 1000, seedS: reported ? Number(reported[2]) / 1000 : NaN, dataVersion: reported?.[1] ?? '?' };
}

/** `npm run synth -- --roles … --out …`, timed. */
export async function runSynth(out: string, counts: { roles: number; skills: number; relations: number; seed: number }): Promise<number> {
  const args = ['--roles', String(counts.roles), '--skills', String(counts.skills), '--relations', String(counts.relations), '--seed', String(counts.seed), '--out', out];
  const { ms } = await runTs('src/synth/cli.ts', args, {});
  return ms / 1000;
}

import { type Child as StartedChild, childrenAlive, killAllChildren, startChild } from '../helpers/child-process.js';

export { killAllChildren };

export interface Child extends StartedChild {
  pid: number;
}

const OUTPUT_TAIL = 256 * 1024;

/**
 * Runs an entry point of this project with `node --import tsx` (one process, so its pid is the server's own),
 * or with plain node for compiled JavaScript.
 */
export function spawnTs(script: string, args: string[], env: Record<string, string>, opts: { tsx?: boolean; nodeFlags?: readonly string[] } = {}): Child {
  const tsx = opts.tsx ?? script.endsWith('.ts');
  const child = startChild(process.execPath, [...(opts.nodeFlags ?? []), ...(tsx ? ['--import', 'tsx'] : []), script, ...args], env, OUTPUT_TAIL);
  if (child.process.pid === undefined) throw new Error(`could not start ${script}`);
  return { ...child, pid: child.process.pid };
}

/** Runs a script to completion; rejects with its output when it fails. Returns wall time in ms and its output. */
export async function runTs(script: string, args: string[], env: Record<string, string>): Promise<{ ms: number; output: string }> {
  const started = performance.now();
  const child = spawnTs(script, args, env);
  const { code, signal } = await child.exited;
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`${script} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${child.output()}`);
  return { ms, output: child.output() };
}

let installed = false;
/** Kills every child on exit, on an uncaught error and on Ctrl-C / SIGTERM of the bench itself. */
export function installCleanup(): void {
  if (installed) return;
  installed = true;
  process.on('exit', killAllChildren);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.error(`\nbench: ${signal}, stopping ${childrenAlive()} child process(es)`);
      killAllChildren();
      process.exit(130);
    });
  }
}

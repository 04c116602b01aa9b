import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/paths.js';

/** Every child the bench started and that has not exited yet: killed on exit, error and Ctrl-C. */
const alive = new Set<ChildProcess>();

export interface Child {
  process: ChildProcess;
  pid: number;
  /** The last few KB the child wrote to stdout/stderr, for error messages. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends `signal`, waits for exit; SIGKILL after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const OUTPUT_TAIL = 256 * 1024;

/**
 * Runs an entry point of this project with `node --import tsx` (one process, so its pid is the server's own),
 * or with plain node for compiled JavaScript.
 */
export function spawnTs(script: string, args: string[], env: Record<string, string>, opts: { tsx?: boolean; nodeFlags?: readonly string[] } = {}): Child {
  const tsx = opts.tsx ?? script.endsWith('.ts');
  const child = spawn(process.execPath, [...(opts.nodeFlags ?? []), ...(tsx ? ['--import', 'tsx'] : []), script, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start ${script}`);
  alive.add(child);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      alive.delete(child);
      resolve({ code, signal });
    });
  });
  return {
    process: child,
    pid: child.pid,
    output: () => tail,
    exited,
    async stop(signal = 'SIGTERM', timeoutMs = 15_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
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

export function killAllChildren(): void {
  for (const child of alive) child.kill('SIGKILL');
  alive.clear();
}

let installed = false;
/** Kills every child on exit, on an uncaught error and on Ctrl-C / SIGTERM of the bench itself. */
export function installCleanup(): void {
  if (installed) return;
  installed = true;
  process.on('exit', killAllChildren);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.error(`\nbench: ${signal}, stopping ${alive.size} child process(es)`);
      killAllChildren();
      process.exit(130);
    });
  }
}

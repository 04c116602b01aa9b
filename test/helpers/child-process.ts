import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/paths.js';

/**
 * Child processes the scripts under test/ start (bench servers, replicas, Redis, nginx): one place
 * that keeps their output's tail, waits for their exit, stops them, and kills what is left at the end.
 */
const alive = new Set<ChildProcess>();

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Child {
  process: ChildProcess;
  /** The last bytes it wrote to stdout and stderr, for error messages. */
  output(): string;
  /** Resolves when it exits; a command that cannot be started resolves with code -1 and the reason in output(). */
  exited: Promise<ChildExit>;
  /** Sends `signal` and waits for the exit; SIGKILL after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<ChildExit>;
}

export function startChild(command: string, args: string[], env: Record<string, string> = {}, outputTailBytes = 16 * 1024): Child {
  const child = spawn(command, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  alive.add(child);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-outputTailBytes);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<ChildExit>((resolve) => {
    child.once('exit', (code, signal) => {
      alive.delete(child);
      resolve({ code, signal });
    });
    child.once('error', (error) => {
      tail += `\n${error.message}`;
      alive.delete(child);
      resolve({ code: -1, signal: null });
    });
  });
  return {
    process: child,
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

export function childrenAlive(): number {
  return alive.size;
}

export function killAllChildren(): void {
  for (const child of alive) child.kill('SIGKILL');
  alive.clear();
}

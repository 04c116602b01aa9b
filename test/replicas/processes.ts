import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/paths.js';

/** Every child started here and not yet exited: killed when this script exits, however it exits. */
const alive = new Set<ChildProcess>();
const extraCleanups: (() => void)[] = [];

export interface Child {
  name: string;
  process: ChildProcess;
  exited: Promise<number | null>;
  /** The last few KB it wrote, for error messages. */
  output(): string;
  /** Sends `signal` and waits for the exit; SIGKILL after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
}

export function startChild(name: string, command: string, args: string[], env: Record<string, string> = {}): Child {
  const child = spawn(command, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  alive.add(child);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-16_384);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      alive.delete(child);
      resolve(code);
    });
    child.once('error', (error) => {
      tail += `\n${error.message}`;
      alive.delete(child);
      resolve(-1);
    });
  });
  return {
    name,
    process: child,
    exited,
    output: () => tail,
    async stop(signal = 'SIGTERM', timeoutMs = 15_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** rolegraph's real server entry, run from the sources as `npm start` does. */
export function startServer(name: string, env: Record<string, string>): Child {
  return startChild(name, process.execPath, ['--import', 'tsx', 'src/server.ts'], env);
}

export function onCleanup(cleanup: () => void): void {
  extraCleanups.push(cleanup);
}

function killEverything(): void {
  for (const child of alive) child.kill('SIGKILL');
  alive.clear();
  for (const cleanup of extraCleanups.splice(0)) cleanup();
}

/** Kills every child on exit, on Ctrl-C / SIGTERM, and after `limitMs` whatever the state. */
export function installCleanup(limitMs: number): void {
  process.on('exit', killEverything);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.error(`\ntest:replicas: ${signal}, stopping`);
      process.exit(130);
    });
  }
  setTimeout(() => {
    console.error(`\ntest:replicas: FAILED, still running after ${limitMs / 1000} s`);
    process.exit(1);
  }, limitMs).unref();
}

import { type Child as StartedChild, killAllChildren, startChild as startProcess } from '../helpers/child-process.js';

const extraCleanups: (() => void)[] = [];

export interface Child extends StartedChild {
  name: string;
}

export function startChild(name: string, command: string, args: string[], env: Record<string, string> = {}): Child {
  return { name, ...startProcess(command, args, env) };
}

/** rolegraph's real server entry, run from the sources as `npm start` does. */
export function startServer(name: string, env: Record<string, string>): Child {
  return startChild(name, process.execPath, ['--import', 'tsx', 'src/server.ts'], env);
}

export function onCleanup(cleanup: () => void): void {
  extraCleanups.push(cleanup);
}

function killEverything(): void {
  killAllChildren();
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

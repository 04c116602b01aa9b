import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { PROJECT_ROOT } from '../../src/paths.js';

/**
 * The real server process (src/server.ts) on a real socket, for tests of what only the process does:
 * seeding at start, hot data swap, signals. It runs on the Node that runs the tests (process.execPath).
 */

export interface Server {
  child: ChildProcess;
  url: string;
  logs: Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();

export async function startServer(databasePath: string, env: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: databasePath, LOG_LEVEL: 'info', RATE_LIMIT_MAX: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time; stderr: ${stderr}`)), 90_000);
    let buffered = '';
    let listening: string | undefined;
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (!line.trim()) continue;
        let entry: Record<string, unknown>;
        try {
          entry = JSON.parse(line) as Record<string, unknown>;
        } catch {
          continue;
        }
        logs.push(entry);
        const match = /^Server listening at (http:\/\/127\.0\.0\.1:\d+)$/.exec(String(entry.msg));
        if (match) listening = match[1];
        // Handed over once ready (warmed up), as a load balancer would send it traffic.
        if (entry.msg === 'warmed up: ready' && listening !== undefined) {
          clearTimeout(timer);
          resolve(listening);
        }
      }
    });
    void exited.then(({ code }) => reject(new Error(`server exited with ${code} before listening; stderr: ${stderr}`)));
  });
  return { child, url, logs, exited };
}

/** One request on a fresh connection (no keep-alive pool): status and full body, or the socket error's code. */
export function fetchOnce(url: string, headers: Record<string, string> = {}, onSent?: () => void): Promise<{ status: number; body: Buffer } | { error: string }> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks) }));
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
      res.on('aborted', () => resolve({ error: 'aborted mid-response' }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.on('finish', () => onSent?.());
    req.end();
  });
}

export async function dataVersion(server: Server): Promise<string> {
  const response = await fetchOnce(`${server.url}/meta`);
  if ('error' in response || response.status !== 200) throw new Error(`/meta: ${JSON.stringify(response)}`);
  return (JSON.parse(response.body.toString()) as { dataVersion: string }).dataVersion;
}

export async function waitFor<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await probe();
  }
  return value;
}

/** Kills every server a test file started and left running (afterAll). */
export function killServers(): void {
  for (const child of running) child.kill('SIGKILL');
}

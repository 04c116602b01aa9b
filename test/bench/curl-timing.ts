import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOST } from './http-probe.js';

export interface TimedTransfer {
  status: number;
  ms: number;
}

/** A double-quoted string in a curl config file: backslash and quote escaped. */
const quoted = (value: string) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/**
 * Every path asked once, in order, by ONE curl process: one transfer at a time (no --parallel) on one
 * keep-alive connection that curl reuses from URL to URL, as a real client would. Timed by curl itself
 * (`%{time_total}`: start of the transfer → last body byte): a Node client in the bench process adds its own
 * event-loop and GC pauses (p50 18.7 vs 10.9 ms, p99 34.5 vs 17.7 ms on the same 390 KB answers), and the
 * issue's targets were measured with curl. The bodies go to /dev/null, as sent (no --compressed).
 */
export async function timeWithCurl(port: number, paths: string[], headers: Record<string, string>): Promise<TimedTransfer[]> {
  if (paths.length === 0) return [];
  const dir = mkdtempSync(join(tmpdir(), 'rolegraph-bench-curl-'));
  try {
    const config = join(dir, 'urls.curlrc');
    writeFileSync(config, paths.map((path) => `url = ${quoted(`http://${HOST}:${port}${path}`)}\noutput = "/dev/null"\n`).join(''));
    const args = [
      '-q', // first: ignore ~/.curlrc
      '--silent',
      '--show-error',
      '--globoff',
      '--noproxy',
      '*',
      '--max-time',
      '120',
      ...Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
      '--write-out',
      '%{http_code} %{time_total}\\n',
      '--config',
      config,
    ];
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile('curl', args, { maxBuffer: 16 * 1024 * 1024 }, (error, out, stderr) => {
        if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') reject(new Error('curl is not installed (apt-get install curl): the bench times the uncached ESCO-sized requests with it'));
        // A failed transfer still prints its write-out line (status 000), counted as failed by the caller;
        // curl's exit status then only names the last failure.
        else if (error && !out) reject(new Error(`curl failed: ${stderr || error.message}`));
        else resolve(out);
      });
    });
    const lines = stdout.trim().split('\n');
    if (lines.length !== paths.length) throw new Error(`curl printed ${lines.length} timings for ${paths.length} URLs: ${stdout.slice(0, 300)}`);
    return lines.map((line) => {
      const [code, seconds] = line.trim().split(' ');
      return { status: Number(code), ms: Number(seconds) * 1000 };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

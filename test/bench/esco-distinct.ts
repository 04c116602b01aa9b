import { timeWithCurl } from './curl-timing.js';
import { getJson } from './http-probe.js';
import type { RunningServer } from './spawn-server.js';
import { percentile } from './stats.js';

/**
 * Uncached speed: a repeated URL is a cache hit and proves nothing about search. Here every URL is asked
 * once, one at a time, by one client with no other load: each answer is computed. The client is curl on one
 * keep-alive connection (see timeWithCurl), not the bench's own Node process.
 */
export interface DistinctRow {
  name: string;
  /** 'after /ready': a freshly started server's first requests once /ready is green; 'warm': a server that has served for a while. */
  phase: string;
  example: string;
  urls: number;
  p50: number;
  p99: number;
  max: number;
  failed: number;
  maxP99Ms: number;
  ok: boolean;
}

interface Page<T> {
  items: T[];
  total: number;
}

const TARGETS = { search: 10, suggest: 10, neighbors: 25, path: 25 };

async function names(server: RunningServer, list: string, count: number): Promise<{ slug: string; name: string }[]> {
  const all: { slug: string; name: string }[] = [];
  const first = await getJson<Page<{ slug: string; name: string }>>(server.port, `${list}?limit=100`);
  // Spread over the whole list, not its first page.
  const step = Math.max(100, Math.floor(first.total / Math.ceil(count / 100)));
  for (let offset = 0; offset < first.total && all.length < count; offset += step) {
    all.push(...(await getJson<Page<{ slug: string; name: string }>>(server.port, `${list}?limit=100&offset=${offset}`)).items);
  }
  return all;
}

/** At least `count` distinct URLs per endpoint, from real names and slugs of the served set. */
export async function distinctUrls(server: RunningServer, count: number): Promise<Record<keyof typeof TARGETS, string[]>> {
  const technologies = await names(server, '/technologies', count * 2);
  const skills = await names(server, '/skills', count * 2);
  const words = new Set<string>();
  const prefixes = new Set<string>();
  for (const { name } of [...technologies, ...skills]) {
    for (const word of name.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (word.length >= 3) words.add(word);
      if (word.length >= 4) prefixes.add(word.slice(0, 2 + (word.length % 3)));
    }
  }
  const take = (items: Iterable<string>) => [...items].slice(0, count);
  const nodes = technologies.map((t) => `technology:${t.slug}`);
  return {
    search: take([...words].map((w) => `/search?q=${encodeURIComponent(w)}`)),
    suggest: take([...prefixes].map((p) => `/search/suggest?q=${encodeURIComponent(p)}`)),
    neighbors: take(nodes.map((n) => `/graph/nodes/${n}/neighbors?depth=2`)),
    path: take(nodes.slice(0, count).map((from, i) => `/graph/path?from=${from}&to=${nodes[(i + Math.floor(nodes.length / 2)) % nodes.length]}`)),
  };
}

export async function measureDistinct(server: RunningServer, urls: Record<keyof typeof TARGETS, string[]>, count: number, headers: Record<string, string>, phase: string): Promise<DistinctRow[]> {
  const rows: DistinctRow[] = [];
  for (const name of Object.keys(TARGETS) as (keyof typeof TARGETS)[]) {
    const transfers = await timeWithCurl(server.port, urls[name], headers);
    const times = transfers.map((t) => t.ms);
    const failed = transfers.filter((t) => t.status !== 200).length;
    const slowest = times
      .map((ms, i) => ({ ms, url: urls[name][i] }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3);
    const sorted = Float64Array.from(times).sort();
    const row: DistinctRow = {
      name: name === 'neighbors' ? 'neighbors depth 2' : name,
      phase,
      example: urls[name][0] ?? '–',
      urls: urls[name].length,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? NaN,
      failed,
      maxP99Ms: TARGETS[name],
      ok: false,
    };
    row.ok = row.urls >= Math.min(count, 150) && row.p99 <= row.maxP99Ms && failed === 0;
    console.error(`  distinct ${phase} ${row.name.padEnd(18)} ${row.urls} URLs p50 ${row.p50.toFixed(2)} p99 ${row.p99.toFixed(2)} max ${row.max.toFixed(1)} ms, ${failed} failed; slowest ${slowest.map((s) => `${s.url} ${s.ms.toFixed(1)}`).join(', ')}`);
    rows.push(row);
  }
  return rows;
}

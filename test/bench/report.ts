import { cpus, platform, release, totalmem } from 'node:os';

export type Cell = string | number;

/** A markdown table; numbers are printed as given (format them first). */
export function table(header: string[], rows: Cell[][]): string {
  const line = (cells: Cell[]) => `| ${cells.map(String).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export const fmt = {
  int: (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–'),
  ms: (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n).toString()) : '–'),
  s: (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–'),
  mb: (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–'),
  ratio: (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '–'),
  kb: (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`,
};

export const mark = (ok: boolean | null) => (ok === null ? '–' : ok ? '✅' : '❌');

export function machine(): string {
  const cpu = cpus();
  return [
    `- date: ${new Date().toISOString()}`,
    `- machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${platform()} ${release()}`,
    `- node ${process.version}; server and load generator share these cores`,
  ].join('\n');
}

import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCUMENTS_DIR } from '../../src/paths.js';

/** The real course document and the fixture documents written for the tests. */
export const REAL_DOCUMENT_FILE = 'ai-engineer.pl.txt';
export const REAL_DOCUMENT_PATH = join(DOCUMENTS_DIR, REAL_DOCUMENT_FILE);
export const FIXTURE_DOCUMENTS_DIR = fileURLToPath(new URL('../fixtures/documents', import.meta.url));
export const DATA_ENGINEER_FIXTURE = join(FIXTURE_DOCUMENTS_DIR, 'data-engineer.pl.txt');
export const MALFORMED_FIXTURE = join(FIXTURE_DOCUMENTS_DIR, 'malformed', 'ml-engineer.pl.txt');

export function readRealDocument(): string {
  return readFileSync(REAL_DOCUMENT_PATH, 'utf8');
}

/** The real document's lines, 1-based: `lines[5]` is line 5. */
export function realDocumentLines(): string[] {
  return ['', ...readRealDocument().split('\n')];
}

/** The real document with one 1-based line replaced (the line numbers of the rest stay as they were). */
export function withLine(source: string, line: number, text: string): string {
  const lines = source.split('\n');
  if (line < 1 || line > lines.length) throw new Error(`no line ${line}`);
  lines[line - 1] = text;
  return lines.join('\n');
}

/** Creates `dir` holding copies of the given document files (the seed reads every .txt in a folder). */
export function documentsDirWith(dir: string, files: string[]): string {
  mkdirSync(dir, { recursive: true });
  for (const file of files) cpSync(file, join(dir, basename(file)));
  return dir;
}

export function writeDocument(dir: string, name: string, source: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
}

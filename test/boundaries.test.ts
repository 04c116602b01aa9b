import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import compressionPlugin from '../src/plugins/compression.js';
import swaggerPlugin from '../src/plugins/swagger.js';
import { PROJECT_ROOT } from '../src/paths.js';

/** Every project file a module imports, transitively (relative imports only). */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts').replace(/\.cjs$/, '.cts')));
    }
  };
  visit(resolve(PROJECT_ROOT, entry));
  return new Set([...seen].map((f) => relative(PROJECT_ROOT, f)));
}

describe('plugins', () => {
  it('declare what they need instead of relying on registration order', async () => {
    const bare = Fastify();
    await expect(bare.register(compressionPlugin, { threshold: 1024 }).ready()).rejects.toThrow(/response-cache/);
    await bare.close();
    const noStandardResponses = Fastify();
    await expect(noStandardResponses.register(swaggerPlugin).ready()).rejects.toThrow(/standard-responses/);
    await noStandardResponses.close();
  });
});

describe('module boundaries', () => {
  it('serving code never imports seed code: nothing the app reaches lives in src/seed/', () => {
    const app = reachable('src/app.ts');
    expect(app.size).toBeGreaterThan(50);
    expect([...app].filter((f) => f.startsWith(join('src', 'seed')))).toEqual([]);
    // The data format both sides share lives in src/model/.
    expect(app).toContain(join('src', 'model', 'graph-index-store.ts'));
    expect(reachable('src/seed/build-database.ts')).toContain(join('src', 'model', 'graph-index-store.ts'));
  });

  it('builds entity URLs in one module: no hand-built /roles/, /technologies/ or /skills/ links elsewhere', () => {
    const offenders = [...reachable('src/app.ts')].filter((file) => {
      if (file === join('src', 'model', 'ids.ts')) return false;
      return /`\/(roles|technologies|skills)\/\$\{/.test(readFileSync(join(PROJECT_ROOT, file), 'utf8'));
    });
    expect(offenders).toEqual([]);
  });
});

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { PROJECT_ROOT } from '../paths.js';
import { generateDocuments } from './generate-documents.js';
import { createRandom } from './random.js';

/** `npm run synth -- --roles 3000 --skills 14000 --relations 130000 --seed 42 [--technologies 2000] [--out data/synth/documents]` */
const count = (max: number) => z.coerce.number().int().min(1).max(max);
const argsSchema = z.object({
  roles: count(100_000).default(3000),
  skills: count(1_000_000).default(14_000),
  relations: count(10_000_000).default(130_000),
  technologies: count(100_000).default(2000),
  seed: z.coerce.number().int().default(42),
  out: z.string().default('data/synth/documents'),
});

const { values } = parseArgs({
  options: Object.fromEntries(['roles', 'skills', 'relations', 'technologies', 'seed', 'out'].map((k) => [k, { type: 'string' as const }])),
});
const parsed = argsSchema.safeParse(values);
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  process.exit(1);
}
const options = parsed.data;
if (options.roles < 2) {
  console.error('--roles: at least 2 (each document compares its role with another)');
  process.exit(1);
}
const out = resolve(PROJECT_ROOT, options.out);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const documents = generateDocuments(options, createRandom(options.seed));
for (const doc of documents) writeFileSync(join(out, doc.file), doc.text);
console.log(`wrote ${documents.length} documents to ${out}`);

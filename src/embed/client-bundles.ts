import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The browser code served under /embed/: TypeScript in ./client, bundled by esbuild once per process. */
export const CLIENT_ENTRIES = { 'rolegraph.js': 'rolegraph', 'explorer.js': 'explorer', 'frame.js': 'frame' } as const;
export type ClientAsset = keyof typeof CLIENT_ENTRIES;

export interface BuiltAsset {
  body: Buffer;
  /** A digest of the bytes: the versioned URL's `v` and the strong ETag. */
  version: string;
}

let bundles: Promise<Map<ClientAsset, BuiltAsset>> | undefined;

export function clientBundles(): Promise<Map<ClientAsset, BuiltAsset>> {
  bundles ??= buildBundles();
  return bundles;
}

async function buildBundles(): Promise<Map<ClientAsset, BuiltAsset>> {
  const built = new Map<ClientAsset, BuiltAsset>();
  for (const [asset, entry] of Object.entries(CLIENT_ENTRIES) as [ClientAsset, string][]) {
    const result = await build({
      entryPoints: [entryFile(entry)],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2020',
      platform: 'browser',
      write: false,
      legalComments: 'none',
    });
    const body = Buffer.from(result.outputFiles[0].contents);
    built.set(asset, { body, version: createHash('sha256').update(body).digest('base64url').slice(0, 16) });
  }
  return built;
}

/** From src/ (tsx) the sources are TypeScript; from dist/ (compiled) they are tsc's JavaScript. */
function entryFile(name: string): string {
  const ts = fileURLToPath(new URL(`./client/${name}.ts`, import.meta.url));
  return existsSync(ts) ? ts : fileURLToPath(new URL(`./client/${name}.js`, import.meta.url));
}

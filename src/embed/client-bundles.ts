import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, stop } from 'esbuild';
import { PAGE_CARD_CSS } from './card-style.js';
import { EXPLORER_CSS } from './explorer-style.js';

/**
 * The browser code and styles served under /embed/: TypeScript in ./client bundled by esbuild once per
 * process (modules for the elements and the explorer; classic scripts for the two halves of the
 * iframe card, so `document.currentScript` works), and stylesheets kept as external files so pages
 * need no inline style.
 */
const SCRIPTS = {
  'rolegraph.js': { entry: 'rolegraph', format: 'esm' },
  'explorer.js': { entry: 'explorer', format: 'esm' },
  'frame.js': { entry: 'frame', format: 'iife' },
  'resize.js': { entry: 'resize', format: 'iife' },
} as const;
const STYLES = { 'card.css': PAGE_CARD_CSS, 'explorer.css': EXPLORER_CSS } as const;

export const EMBED_ASSETS = [...Object.keys(SCRIPTS), ...Object.keys(STYLES)] as [EmbedAsset, ...EmbedAsset[]];
export type EmbedAsset = keyof typeof SCRIPTS | keyof typeof STYLES;

export interface BuiltAsset {
  body: Buffer;
  contentType: string;
  /** A digest of the bytes: the versioned URL's `v` and the strong ETag. */
  version: string;
  /** Subresource Integrity of the bytes (`sha384-…`), for the snippets' `integrity`. */
  integrity: string;
}

let bundles: Promise<Map<EmbedAsset, BuiltAsset>> | undefined;

export function clientBundles(): Promise<Map<EmbedAsset, BuiltAsset>> {
  bundles ??= buildBundles();
  return bundles;
}

/** The esbuild options of the elements' module, shared with the npm package's build. */
export function moduleBuildOptions(entry: string, format: 'esm' | 'iife' = 'esm'): BuildOptions & { write: false } {
  return {
    entryPoints: [entryFile(entry)],
    bundle: true,
    minify: true,
    format,
    target: 'es2022',
    platform: 'browser',
    write: false,
    legalComments: 'none',
  };
}

async function buildBundles(): Promise<Map<EmbedAsset, BuiltAsset>> {
  const built = new Map<EmbedAsset, BuiltAsset>();
  for (const [asset, { entry, format }] of Object.entries(SCRIPTS) as [keyof typeof SCRIPTS, (typeof SCRIPTS)[keyof typeof SCRIPTS]][]) {
    const result = await build(moduleBuildOptions(entry, format));
    built.set(asset, described(Buffer.from(result.outputFiles[0].contents), 'text/javascript; charset=utf-8'));
  }
  for (const [asset, css] of Object.entries(STYLES) as [keyof typeof STYLES, string][]) built.set(asset, described(Buffer.from(css.trim()), 'text/css; charset=utf-8'));
  // esbuild's service is a child process of its own (about 20 MB resident): the bundles are built once, so it can go.
  await stop();
  return built;
}

function described(body: Buffer, contentType: string): BuiltAsset {
  return {
    body,
    contentType,
    version: createHash('sha256').update(body).digest('base64url').slice(0, 16),
    integrity: `sha384-${createHash('sha384').update(body).digest('base64')}`,
  };
}

/** From src/ (tsx) the sources are TypeScript; from dist/ (compiled) they are tsc's JavaScript. */
function entryFile(name: string): string {
  const ts = fileURLToPath(new URL(`./client/${name}.ts`, import.meta.url));
  return existsSync(ts) ? ts : fileURLToPath(new URL(`./client/${name}.js`, import.meta.url));
}

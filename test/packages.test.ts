import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/paths.js';
import { buildPackages } from '../src/packaging/build-packages.js';
import { ELEMENTS } from '../src/packaging/element-manifest.js';
import { hostPage, startHostSite, type HostSite } from './browser/host-page.js';
import { createSeededApp, type SeededApp } from './helpers/seeded-app.js';

/**
 * The packages as a frontend developer gets them: built by the one script, packed by `npm pack`,
 * installed with React 19 into a scratch React + TypeScript app in a temporary directory (outside this
 * project, so nothing resolves from its node_modules), type-checked there and rendered in Chromium.
 */
const APP_SOURCES = join(PROJECT_ROOT, 'test', 'fixtures', 'scratch-app');
const REACT = ['react@19.3.1', 'react-dom@19.3.1', '@types/react@19.3.3', '@types/react-dom@19.3.0'];

interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

/** expect.poll with room for a loaded machine (its default gives up after a second). */
const poll = <T>(check: () => T | Promise<T>) => expect.poll(check, { timeout: 15_000 });

let dir: string;
let packed: Record<'elements' | 'client', Packed>;
let app: string;

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rolegraph-packages-'));
  const built = await buildPackages(join(dir, 'npm'));
  const pack = (path: string) => (JSON.parse(npm(['pack', '--json', '--pack-destination', dir], path)) as Packed[])[0];
  packed = { elements: pack(built.elements), client: pack(built.client) };
  app = join(dir, 'app');
  mkdirSync(join(app, 'src'), { recursive: true });
  writeFileSync(join(app, 'package.json'), '{ "name": "scratch-app", "private": true, "type": "module" }\n');
  for (const file of ['app.tsx', 'main.tsx']) copyFileSync(join(APP_SOURCES, file), join(app, 'src', file));
  // From the registry through npm's cache (--prefer-offline): nothing here is published, the tarballs are local.
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--save-exact', join(dir, packed.elements.filename), join(dir, packed.client.filename), ...REACT], app);
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the npm packages', () => {
  it('pack the files their package.json names, and report their sizes', () => {
    const list = (p: Packed) => p.files.map((f) => f.path).sort();
    expect(list(packed.elements)).toEqual(['README.md', 'api.d.ts', 'custom-elements.json', 'index.d.ts', 'package.json', 'react.d.ts', 'react.js', 'rolegraph.js']);
    expect(list(packed.client)).toEqual(['README.md', 'api.d.ts', 'index.d.ts', 'index.js', 'package.json']);
    for (const [name, p] of Object.entries(packed)) {
      console.info(`${p.filename}: ${p.size} B packed, ${p.unpackedSize} B unpacked (${p.files.map((f) => `${f.path} ${f.size} B`).join(', ')})`);
      expect(p.size, name).toBeLessThan(200 * 1024);
    }
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules', '@rolegraph', 'elements', 'custom-elements.json'), 'utf8'));
    expect(manifest.schemaVersion).toBe('2.1.0');
    expect(manifest.modules[0].declarations.map((d: { tagName: string }) => d.tagName)).toEqual(['rolegraph-role', 'rolegraph-search']);
    expect(manifest.modules[0].declarations[0].events.map((e: { name: string }) => e.name)).toEqual(['rolegraph-load', 'rolegraph-error']);
  });

  it('type-check in a scratch React + TypeScript app with no declaration of its own, and reject misuse', () => {
    const files = ['app.tsx', 'main.tsx'].map((f) => join(app, 'src', f));
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx: ts.JsxEmit.ReactJSX,
      // The packages' own declarations are checked too.
      skipLibCheck: false,
      noUnusedLocals: true,
    });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName.slice(app.length) ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    // The three @ts-expect-error lines in app.tsx would be errors themselves if the types let the misuse through.
    expect(errors).toEqual([]);
  }, 120_000);

  it('render in Chromium: the card from the elements package, data through the typed client', async () => {
    const bundle = await build({
      entryPoints: [join(app, 'src', 'main.tsx')],
      absWorkingDir: app,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    let seeded: SeededApp | undefined;
    let host: HostSite | undefined;
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      seeded = await createSeededApp();
      await seeded.app.listen({ port: 0, host: '127.0.0.1' });
      const api = `http://127.0.0.1:${(seeded.app.server.address() as AddressInfo).port}`;
      host = await startHostSite();
      host.pages.set('/app.js', { body: bundle.outputFiles[0].text, type: 'text/javascript; charset=utf-8' });
      host.pages.set('/', hostPage('Scratch app', `<div id="root" data-api="${api}"></div><script type="module" src="/app.js"></script>`));
      const page = await browser.newPage();
      page.setDefaultTimeout(15_000);
      const errors: string[] = [];
      page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${host.origin}/`);
      // React 19 attached `onrolegraph-load` as a listener for the element's event.
      await poll(() => page.locator('#loaded').textContent()).toBe(`${api}/roles/ai-engineer`);
      await poll(() => page.locator('#count').textContent()).toBe('5');
      expect(await page.locator('rolegraph-role [part~="responsibility"]').count()).toBe(5);
      // The manifest describes what the elements really have: every part drawn and every attribute observed.
      for (const element of ELEMENTS) {
        const actual = await page.locator(element.tagName).evaluate((e) => ({
          parts: [...new Set([...e.shadowRoot!.querySelectorAll('[part]')].flatMap((n) => n.getAttribute('part')!.split(' ')))],
          observed: (customElements.get(e.localName) as unknown as { observedAttributes: string[] }).observedAttributes,
        }));
        expect(element.cssParts.map((p) => p.name)).toEqual(expect.arrayContaining(actual.parts));
        expect(element.attributes.map((a) => a.name)).toEqual(expect.arrayContaining(actual.observed));
      }
      await page.screenshot({ path: join(PROJECT_ROOT, 'test-results', 'screenshots', 'scratch-react-app.png'), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await host?.close();
      await seeded?.close();
    }
  }, 120_000);
});

import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_RESERVE_CSS } from '../src/embed/snippets.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { hostPage, startHostSite, strictCsp, type HostSite } from './browser/host-page.js';
import { App } from './browser/react-app.js';
import { createSeededApp, type SeededApp } from './helpers/seeded-app.js';

/** Debian's chromium (installed by .ci/run); never a downloaded browser. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
/** expect.poll with room for a loaded machine (its default gives up after a second). */
const poll = <T>(check: () => T | Promise<T>) => expect.poll(check, { timeout: 15_000 });

/** Browser tests share two cores with everything else: a loaded machine must slow them, not fail them. */
const BROWSER_TEST_TIMEOUT = 120_000;
const SCREENSHOTS_DIR = join(PROJECT_ROOT, 'test-results', 'screenshots');

let seeded: SeededApp;
let api: string;
let host: HostSite;
let browser: Browser;
const names: Record<'pl' | 'en', string[]> = { pl: [], en: [] };

beforeAll(async () => {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  seeded = await createSeededApp();
  await seeded.app.listen({ port: 0, host: '127.0.0.1' });
  api = `http://127.0.0.1:${(seeded.app.server.address() as AddressInfo).port}`;
  host = await startHostSite();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  for (const lang of ['pl', 'en'] as const) {
    const card = (await (await fetch(`${api}/roles/ai-engineer/card?lang=${lang}`)).json()) as { responsibilities: { name: string }[] };
    names[lang] = card.responsibilities.map((r) => r.name);
  }
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await seeded?.close();
});

interface Probes {
  violations: string[];
  cls: number;
  /** Each shift: when (ms after navigation) and its score. */
  shifts: string[];
}

/**
 * Installed by the browser driver in every frame before the page's own scripts, so a page's CSP does
 * not apply to it: records CSP refusals and sums the layout shifts (the CLS of the page's life so far).
 */
function installProbes() {
  const probes = { violations: [] as string[], cls: 0, shifts: [] as string[] };
  (window as unknown as { probes: Probes }).probes = probes;
  document.addEventListener('securitypolicyviolation', (event) => probes.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) {
        probes.cls += entry.value;
        probes.shifts.push(`${Math.round(entry.startTime)}ms:${entry.value.toFixed(4)}`);
      }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** A page that fails the test on any console error (a CSP refusal, a failed fetch, a script error). */
async function open(url: string, options: { setup?: (page: Page) => Promise<void>; colorScheme?: 'light' | 'dark' } = {}): Promise<{ page: Page; errors: string[]; warnings: string[] }> {
  // A context per page: axe-core opens helper pages in the page's context.
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('close', () => void context.close().catch(() => undefined));
  await page.addInitScript(installProbes);
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
    if (message.type() === 'warning') warnings.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await options.setup?.(page);
  await page.goto(url);
  return { page, errors, warnings };
}

const probesOf = (target: Page | Frame) => target.evaluate(() => (window as unknown as { probes: Probes }).probes);

/** The element's state: a property and a custom state, never an attribute on the host. */
const stateOf = (element: Locator) => element.evaluate((e) => (e as HTMLElement & { state: string }).state);

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const component = () => `<script type="module" src="${api}/embed/rolegraph.js"></script>`;
/** Records when the card is drawn, from the page's own clock. */
const readyProbe = `<script>document.addEventListener('rolegraph-load', () => { window.cardReadyAt = window.cardReadyAt || performance.now(); });</script>`;

describe('on a page of another origin', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it.each([
    ['pl', 'ai-engineer'],
    ['en', 'role:ai-engineer'],
  ] as const)('the web component draws the AI Engineer card with its five responsibilities (%s, slug="%s")', async (lang, slug) => {
    host.pages.set(`/component-${lang}.html`, hostPage('Role card', `${readyProbe}${component()}<rolegraph-role slug="${slug}" lang="${lang}"></rolegraph-role>`, lang));
    const { page, errors } = await open(`${host.origin}/component-${lang}.html`);
    const card = page.locator('rolegraph-role');
    await poll(() => stateOf(card)).toBe('ready');
    expect(await card.locator('[part~="responsibility"] .name').allTextContents()).toEqual(names[lang]);
    expect(await card.locator('[part~="technology"]').first().getAttribute('href')).toMatch(new RegExp(`^${api}/\\?node=technology:[a-z0-9-]+&lang=${lang}$`));
    const readyAt = await page.evaluate(() => (window as unknown as { cardReadyAt: number }).cardReadyAt);
    console.info(`card drawn ${Math.round(readyAt)} ms after navigation start (${lang})`);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, `web-component-${lang}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('both elements inherit --rolegraph-* from :root, take them on the element and ::part(), and theme="auto" follows a dark colour scheme', async () => {
    const style = `<style>:root{--rolegraph-accent:rgb(128, 0, 64);--rolegraph-border:rgb(9, 9, 9)} #own{--rolegraph-chip:rgb(1, 2, 3)} rolegraph-role::part(title){letter-spacing:2px}</style>`;
    host.pages.set(
      '/component-theme.html',
      hostPage('Themed card', `${style}${component()}<rolegraph-search lang="pl" theme="auto"></rolegraph-search><rolegraph-role slug="Inżynier AI" lang="pl"></rolegraph-role><rolegraph-role id="own" slug="ai-engineer" lang="pl" theme="auto"></rolegraph-role>`),
    );
    const { page } = await open(`${host.origin}/component-theme.html`);
    const [card, own] = [page.locator('rolegraph-role').first(), page.locator('#own')];
    await poll(() => stateOf(card)).toBe('ready');
    await poll(() => stateOf(own)).toBe('ready');
    expect(await card.locator('[part~="responsibility"] .name').allTextContents()).toEqual(names.pl);
    const css = (locator: Locator, property: string) => locator.evaluate((e, p) => getComputedStyle(e).getPropertyValue(p), property);
    // From :root, in both elements alike.
    expect(await css(card.locator('[part~="technology"]').first(), 'color')).toBe('rgb(128, 0, 64)');
    expect(await css(card.locator('[part~="card"]'), 'border-top-color')).toBe('rgb(9, 9, 9)');
    expect(await css(page.locator('rolegraph-search [part~="input"]'), 'border-top-color')).toBe('rgb(9, 9, 9)');
    // On the element, and through ::part().
    expect(await css(own.locator('[part~="technology"]').first(), 'background-color')).toBe('rgb(1, 2, 3)');
    expect(await css(card.locator('[part~="technology"]').first(), 'background-color')).toBe('rgb(238, 242, 247)');
    expect(await css(card.locator('[part~="title"]'), 'letter-spacing')).toBe('2px');
    // theme="auto": light now, dark when the reader prefers dark; the default theme stays light.
    expect(await css(own.locator('[part~="card"]'), 'background-color')).toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await css(own.locator('[part~="card"]'), 'background-color')).toBe('rgb(13, 17, 23)');
    expect(await css(page.locator('rolegraph-search [part~="input"]'), 'background-color')).toBe('rgb(13, 17, 23)');
    expect(await css(card.locator('[part~="card"]'), 'background-color')).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'web-component-themed-dark.png'), fullPage: true });
    await card.evaluate((element) => element.setAttribute('lang', 'en'));
    await poll(() => card.locator('[part~="responsibility"] .name').allTextContents()).toEqual(names.en);
    await page.close();
  });

  /** Loads a page with two cards of the same role, their response held back until the skeletons are painted. */
  async function layoutOf(path: string, head: string) {
    const cardRequests: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holdCards = async (page: Page) => {
      page.on('request', (request) => {
        if (/\/roles\/[^/]+\/card/.test(request.url())) cardRequests.push(request.url());
      });
      await page.route(/\/roles\/[^/]+\/card/, async (route) => {
        await held;
        await route.continue();
      });
    };
    const text = '<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>';
    host.pages.set(path, hostPage('Layout', `${head}${text}${component()}<rolegraph-role slug="ai-engineer" lang="en"></rolegraph-role>${text}<rolegraph-role slug="role:ai-engineer" lang="en-GB"></rolegraph-role>${text.repeat(3)}`));
    const { page, errors } = await open(`${host.origin}${path}`, { setup: holdCards });
    const cards = page.locator('rolegraph-role');
    await poll(() => stateOf(cards.nth(1))).toBe('loading');
    await page.waitForTimeout(300);
    const loading = await cards.first().evaluate((e) => e.getBoundingClientRect().height);
    if (!head) await page.screenshot({ path: join(SCREENSHOTS_DIR, 'web-component-loading.png') });
    release();
    await poll(() => stateOf(cards.nth(1))).toBe('ready');
    await page.waitForTimeout(300);
    const { cls, shifts } = await probesOf(page);
    const ready = await cards.first().evaluate((e) => e.getBoundingClientRect().height);
    console.info(`${path}: CLS ${cls.toFixed(4)} (card ${Math.round(loading)} px loading, ${Math.round(ready)} px ready; shifts at ${shifts.join(', ') || 'none'})`);
    return { page, errors, cards, cls, cardRequests };
  }

  it('reserves the card height while loading (CLS < 0.1), fetches a card once for every element showing it, and writes no attribute on its host', async () => {
    const { page, errors, cards, cls, cardRequests } = await layoutOf('/layout.html', '');
    expect(cls).toBeLessThan(0.1);
    expect(cardRequests).toEqual([`${api}/roles/ai-engineer/card?lang=en`]);
    expect(await cards.evaluateAll((elements) => elements.map((e) => e.getAttributeNames()))).toEqual([
      ['slug', 'lang'],
      ['slug', 'lang'],
    ]);
    expect(await cards.first().evaluate((e) => e.matches(':state(ready)'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
    // What is left is the element's upgrade (nothing to nearly 440 px): the host rule docs/embedding.md gives reserves that too.
    const reserved = await layoutOf('/layout-reserved.html', `<style>${HOST_RESERVE_CSS}</style>`);
    expect(reserved.cls).toBeLessThan(0.02);
    await reserved.page.close();
  });

  it('a failed load emits rolegraph-error with retry(), and rolegraph-load carries absolute URLs', async () => {
    let failures = 1;
    const flaky = async (page: Page) => {
      await page.route(/\/roles\/[^/]+\/card/, (route) => (failures-- > 0 ? route.abort('connectionreset') : route.continue()));
    };
    const listen = `<script>
      document.addEventListener('rolegraph-error', (e) => { window.failed = { status: e.detail.status, message: e.detail.message }; });
      document.addEventListener('rolegraph-load', (e) => { window.loaded = { url: e.detail.url, role: e.detail.card.links.role }; });
    </script>`;
    host.pages.set('/flaky.html', hostPage('Flaky network', `${listen}${component()}<rolegraph-role slug="ai-engineer" lang="en"></rolegraph-role>`));
    const { page } = await open(`${host.origin}/flaky.html`, { setup: flaky });
    const card = page.locator('rolegraph-role');
    await poll(() => stateOf(card)).toBe('error');
    expect(await page.evaluate(() => (window as unknown as { failed: unknown }).failed)).toEqual({ status: 0, message: 'The card could not be loaded.' });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'web-component-error.png') });
    await card.getByRole('button', { name: 'Try again' }).click();
    await poll(() => stateOf(card)).toBe('ready');
    expect(await page.evaluate(() => (window as unknown as { loaded: unknown }).loaded)).toEqual({ url: `${api}/?node=role:ai-engineer&lang=en`, role: `${api}/roles/ai-engineer` });
    await page.close();
  });

  it('React 19 hydrates a server-rendered card with no warning', async () => {
    const bundle = await build({
      entryPoints: [join(PROJECT_ROOT, 'test', 'browser', 'hydrate.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      // React's development build: it is the one that reports hydration mismatches.
      define: { 'process.env.NODE_ENV': '"development"' },
    });
    host.pages.set('/hydrate.js', { body: bundle.outputFiles[0].text, type: 'text/javascript; charset=utf-8' });
    const html = renderToString(createElement(App, { api }));
    host.pages.set('/react.html', hostPage('React', `${component()}<div id="root" data-api="${api}">${html}</div><script type="module" src="/hydrate.js"></script>`));
    const { page, errors, warnings } = await open(`${host.origin}/react.html`);
    await poll(() => page.evaluate(() => (window as unknown as { hydrated?: boolean }).hydrated)).toBe(true);
    await poll(() => stateOf(page.locator('rolegraph-role'))).toBe('ready');
    await page.waitForTimeout(200);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    await page.close();
  });

  it('an unknown role shows a readable error', async () => {
    host.pages.set('/unknown.html', hostPage('Unknown role', `${component()}<rolegraph-role slug="astronaut" lang="en"></rolegraph-role>`));
    const { page } = await open(`${host.origin}/unknown.html`);
    const card = page.locator('rolegraph-role');
    await poll(() => stateOf(card)).toBe('error');
    expect(await card.getByRole('alert').textContent()).toBe('No role "astronaut" was found.');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'web-component-unknown-role.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it.each(['pl', 'en'] as const)('the iframe card shows the five responsibilities and sizes its frame (%s)', async (lang) => {
    const resize = `<script>addEventListener('message', (e) => { if (e.data && e.data.type === 'rolegraph:height') document.querySelector('iframe').height = e.data.height; });</script>`;
    host.pages.set(`/iframe-${lang}.html`, hostPage('Iframe card', `${resize}<iframe src="${api}/embed/roles/ai-engineer?lang=${lang}" title="AI Engineer" width="560" height="150" style="border:0"></iframe>`, lang));
    const { page, errors } = await open(`${host.origin}/iframe-${lang}.html`);
    const frame = page.frameLocator('iframe');
    await poll(() => frame.locator('li.responsibility > .name').allTextContents()).toEqual(names[lang]);
    // The card is taller than the 150 px the host started with: its height message resized the frame to fit.
    await poll(async () => Number(await page.locator('iframe').getAttribute('height'))).toBeGreaterThan(300);
    const contentHeight = await frame.locator('body').evaluate((body) => Math.ceil(body.getBoundingClientRect().height));
    expect(Number(await page.locator('iframe').getAttribute('height'))).toBe(contentHeight);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, `iframe-card-${lang}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the search element suggests Kubernetes for "kube", by keyboard too, and emits rolegraph-select', async () => {
    const listen = `<script>document.addEventListener('rolegraph-select', (e) => { window.selected = e.detail; });</script>`;
    host.pages.set('/search.html', hostPage('Search', `${listen}${component()}<rolegraph-search lang="en"></rolegraph-search>`));
    const { page, errors } = await open(`${host.origin}/search.html`);
    const box = page.getByRole('combobox');
    await box.fill('kube');
    const options = page.getByRole('option');
    await poll(() => options.allTextContents()).toContainEqual(expect.stringContaining('Kubernetes'));
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'search-suggestions.png') });
    expect(await seriousViolations(page)).toEqual([]);
    const position = (await options.allTextContents()).findIndex((text) => text.startsWith('Kubernetes'));
    for (let i = 0; i <= position; i++) await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(`o${position}`);
    await box.press('Enter');
    await poll(() => page.evaluate(() => (window as unknown as { selected?: { id: string } }).selected?.id)).toBe('technology:kubernetes');
    expect(await page.evaluate(() => (window as unknown as { selected: { url: string } }).selected.url)).toBe(`${api}/technologies/kubernetes`);
    expect(await box.inputValue()).toBe('Kubernetes');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    // The live region says what was chosen, not "No suggestions".
    expect(await page.locator('rolegraph-search [role=status]').textContent()).toBe('Selected: Kubernetes (technology)');
    // ArrowDown opens the closed list again, on its first option; End and Home go to the last and the first.
    await box.press('ArrowDown');
    await poll(() => box.getAttribute('aria-expanded')).toBe('true');
    expect(await box.getAttribute('aria-activedescendant')).toBe('o0');
    await box.press('End');
    expect(await box.getAttribute('aria-activedescendant')).toBe(`o${(await options.count()) - 1}`);
    await box.press('Home');
    expect(await box.getAttribute('aria-activedescendant')).toBe('o0');
    expect(await page.locator('rolegraph-search [part~="option"]').count()).toBe(await options.count());
    // Polish: the kinds are Polish too.
    await page.locator('rolegraph-search').evaluate((element) => element.setAttribute('lang', 'pl'));
    await box.fill('kube');
    await poll(() => page.locator('rolegraph-search .kind').first().textContent()).toBe('technologia');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a page hosting the web component, the iframe card and the search element has no serious or critical axe violation', async () => {
    host.pages.set(
      '/all.html',
      hostPage(
        'Everything',
        `${component()}<rolegraph-search lang="pl"></rolegraph-search><rolegraph-role slug="ai-engineer" lang="pl"></rolegraph-role><iframe src="${api}/embed/roles/ai-engineer?lang=en&theme=dark" title="AI Engineer" width="560" height="700"></iframe>`,
        'pl',
      ),
    );
    const { page, errors } = await open(`${host.origin}/all.html`);
    await poll(() => stateOf(page.locator('rolegraph-role'))).toBe('ready');
    await poll(() => page.frameLocator('iframe').locator('li.responsibility').count()).toBe(5);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'host-page.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("this server's own pages", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("need no inline script or style: the explorer and the iframe card under script-src and style-src 'self'", async () => {
    // The policy the server is moving to (no 'unsafe-inline' outside /docs), put on its responses here.
    const strict = async (page: Page) => {
      await page.route(`${api}/**`, async (route) => {
        const response = await route.fetch();
        const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors *";
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
      });
    };
    const explorer = await open(`${api}/?node=role:ai-engineer&lang=en`, { setup: strict });
    await poll(() => stateOf(explorer.page.locator('rolegraph-role'))).toBe('ready');
    await explorer.page.locator('#picture svg').waitFor();
    await explorer.page.locator('#embed pre').first().waitFor();
    expect(await explorer.page.locator('.top').evaluate((header) => getComputedStyle(header).backgroundColor)).toBe('rgb(27, 31, 36)');
    expect((await probesOf(explorer.page)).violations).toEqual([]);
    expect(explorer.errors).toEqual([]);
    await explorer.page.close();
    const card = await open(`${api}/embed/roles/ai-engineer?lang=en&theme=dark`, { setup: strict });
    expect(await card.page.locator('.card').evaluate((c) => getComputedStyle(c).backgroundColor)).toBe('rgb(13, 17, 23)');
    expect((await probesOf(card.page)).violations).toEqual([]);
    expect(card.errors).toEqual([]);
    await card.page.close();
  });
});

describe('the iframe card on its own', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('has no serious or critical axe violation in either theme, and works with JavaScript off', async () => {
    for (const theme of ['light', 'dark']) {
      const { page } = await open(`${api}/embed/roles/ai-engineer?lang=en&theme=${theme}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    }
    // theme=auto follows the reader's colour scheme.
    const dark = await open(`${api}/embed/roles/ai-engineer?lang=en&theme=auto`, { colorScheme: 'dark' });
    expect(await dark.page.locator('.card').evaluate((card) => getComputedStyle(card).backgroundColor)).toBe('rgb(13, 17, 23)');
    await dark.page.screenshot({ path: join(SCREENSHOTS_DIR, 'iframe-card-auto-dark.png'), fullPage: true });
    await dark.page.close();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
  page.setDefaultTimeout(8000);
    await page.goto(`${api}/embed/roles/ai-engineer?lang=pl`);
    expect(await page.locator('li.responsibility > .name').allTextContents()).toEqual(names.pl);
    await context.close();
  });

  it('answers an unknown role with an HTML page in the card style and the language asked for (a BCP 47 tag)', async () => {
    host.pages.set('/iframe-missing.html', hostPage('Missing role', `<iframe src="${api}/embed/roles/astronaut?lang=pl-PL" title="Karta roli" width="560" height="200"></iframe>`, 'pl'));
    const { page } = await open(`${host.origin}/iframe-missing.html`);
    const frame = page.frameLocator('iframe');
    await poll(() => frame.getByRole('alert').textContent()).toBe('Nie znaleziono roli „astronaut”.');
    expect(await frame.locator('html').getAttribute('lang')).toBe('pl');
    expect(await frame.locator('.card').evaluate((card) => getComputedStyle(card).borderTopStyle)).toBe('solid');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'iframe-card-unknown-role-pl.png') });
    await page.close();
  });
});

describe('the explorer', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('searches, shows the card and the clickable neighbourhood, switches language, deep-links, and goes back', async () => {
    const cardRequests: string[] = [];
    const { page, errors } = await open(`${api}/?lang=en`, {
      setup: async (p) => void p.on('request', (request) => void (/\/roles\/[^/]+\/card/.test(request.url()) && cardRequests.push(request.url()))),
    });
    await page.getByRole('combobox').fill('ai engineer');
    await poll(() => page.getByRole('option').allTextContents()).toContainEqual(expect.stringContaining('AI Engineer'));
    await page.getByRole('option').filter({ hasText: 'AI Engineer' }).first().click();
    await poll(() => new URL(page.url()).searchParams.get('node')).toBe('role:ai-engineer');
    const card = page.locator('rolegraph-role');
    await poll(() => stateOf(card)).toBe('ready');
    expect(await card.locator('[part~="responsibility"] .name').allTextContents()).toEqual(names.en);
    await page.locator('#picture svg').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'explorer-role-en.png'), fullPage: true });

    // Clicking a node of the picture opens it, with a URL of its own.
    await page.locator('#picture g.node', { has: page.locator('title', { hasText: /^responsibility:ai-engineer\.mlops$/ }) }).locator('a').click();
    await poll(() => new URL(page.url()).searchParams.get('node')).toBe('responsibility:ai-engineer.mlops');
    await poll(() => page.locator('#entity-heading').textContent()).toContain('MLOps');
    // Its neighbourhood is drawn in turn, Kubeflow among it.
    await page.locator('#picture g.node title', { hasText: /^technology:kubeflow$/ }).waitFor({ state: 'attached' });
    // The back button returns to the role.
    await page.goBack();
    await poll(() => new URL(page.url()).searchParams.get('node')).toBe('role:ai-engineer');
    await poll(() => page.locator('#entity-heading').textContent()).toContain('AI Engineer');
    // PL/EN switch.
    await page.getByRole('button', { name: 'PL' }).click();
    await poll(() => page.locator('rolegraph-role [part~="responsibility"] .name').allTextContents()).toEqual(names.pl);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
    // A deep link opens the same entity in a fresh page.
    // One request per card and language, however often the explorer draws the card again.
    expect(cardRequests.sort()).toEqual([`${api}/roles/ai-engineer/card?lang=en`, `${api}/roles/ai-engineer/card?lang=pl`]);
    const deep = await open(page.url());
    await poll(() => stateOf(deep.page.locator('rolegraph-role'))).toBe('ready');
    expect(await deep.page.locator('rolegraph-role [part~="responsibility"] .name').allTextContents()).toEqual(names.pl);
    await deep.page.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('its "Embed this" snippets work pasted into a plain page on another origin', async () => {
    const { page } = await open(`${api}/?node=role:ai-engineer&lang=en`);
    await page.locator('#embed pre').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'explorer-embed-panel.png'), fullPage: true });
    const [componentSnippet, iframeSnippet, oembedUrl] = await page.locator('#embed code').allTextContents();
    await page.close();

    // Pinned, with integrity, and nothing inline.
    expect(componentSnippet).toMatch(/src="[^"]+\/embed\/rolegraph\.js\?v=[\w-]+" integrity="sha384-[^"]+" crossorigin="anonymous"/);
    expect(iframeSnippet).toMatch(/src="[^"]+\/embed\/resize\.js\?v=[\w-]+" integrity="sha384-[^"]+" crossorigin="anonymous"/);
    expect(`${componentSnippet}${iframeSnippet}`).not.toMatch(/style=|<script>/);
    // Pasted unchanged into a page under the strict policy docs/embedding.md gives.
    host.pages.set('/pasted.html', { body: hostPage('Pasted snippets', `${componentSnippet}\n${iframeSnippet}`), headers: { 'content-security-policy': strictCsp(api) } });
    const pasted = await open(`${host.origin}/pasted.html`);
    await poll(() => stateOf(pasted.page.locator('rolegraph-role'))).toBe('ready');
    expect(await pasted.page.locator('rolegraph-role [part~="responsibility"] .name').allTextContents()).toEqual(names.en);
    await poll(() => pasted.page.frameLocator('iframe').locator('li.responsibility > .name').allTextContents()).toEqual(names.en);
    // The card is shorter than the snippet's 640 px: its height message shrank the frame.
    await poll(async () => Number(await pasted.page.locator('iframe').getAttribute('height'))).toBeLessThan(640);
    // Styled (its constructable stylesheet applied), the frame without its border, and not one CSP refusal.
    const chip = pasted.page.locator('rolegraph-role [part~="technology"]').first();
    expect(await chip.evaluate((a) => getComputedStyle(a).backgroundColor)).toBe('rgb(238, 242, 247)');
    expect(await pasted.page.locator('iframe').evaluate((f) => getComputedStyle(f).borderTopWidth)).toBe('0px');
    await pasted.page.screenshot({ path: join(SCREENSHOTS_DIR, 'strict-csp-host-page.png'), fullPage: true });
    expect((await probesOf(pasted.page)).violations).toEqual([]);
    const frame = pasted.page.frames().find((f) => f.url().startsWith(`${api}/embed/`))!;
    expect((await probesOf(frame)).violations).toEqual([]);
    expect(pasted.errors).toEqual([]);
    await pasted.page.close();

    const oembed = (await (await fetch(oembedUrl)).json()) as { type: string; html: string };
    expect(oembed.type).toBe('rich');
    expect(oembed.html).toContain(`${api}/embed/roles/ai-engineer?lang=en`);
  });
});

import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/paths.js';
import { hostPage, startHostSite, type HostSite } from './browser/host-page.js';
import { createSeededApp, type SeededApp } from './helpers/seeded-app.js';

/** Debian's chromium (installed by .ci/run); never a downloaded browser. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
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

/** A page that fails the test on any console error (a CSP refusal, a failed fetch, a script error). */
async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  // A context per page: axe-core opens helper pages in the page's context.
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  page.on('close', () => void context.close().catch(() => undefined));
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, errors };
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const component = () => `<script type="module" src="${api}/embed/rolegraph.js"></script>`;
/** Records when the card is drawn, from the page's own clock. */
const readyProbe = `<script>document.addEventListener('rolegraph-load', () => { window.cardReadyAt = window.cardReadyAt || performance.now(); });</script>`;

describe('on a page of another origin', () => {
  it.each([
    ['pl', 'ai-engineer'],
    ['en', 'role:ai-engineer'],
  ] as const)('the web component draws the AI Engineer card with its five responsibilities (%s, slug="%s")', async (lang, slug) => {
    host.pages.set(`/component-${lang}.html`, hostPage('Role card', `${readyProbe}${component()}<rolegraph-role slug="${slug}" lang="${lang}"></rolegraph-role>`, lang));
    const { page, errors } = await open(`${host.origin}/component-${lang}.html`);
    const card = page.locator('rolegraph-role');
    await expect.poll(() => card.getAttribute('data-state')).toBe('ready');
    expect(await card.locator('[part~="responsibility"] .name').allTextContents()).toEqual(names[lang]);
    expect(await card.locator('[part~="technology"]').first().getAttribute('href')).toMatch(new RegExp(`^${api}/\\?node=technology:[a-z0-9-]+&lang=${lang}$`));
    const readyAt = await page.evaluate(() => (window as unknown as { cardReadyAt: number }).cardReadyAt);
    console.info(`card drawn ${Math.round(readyAt)} ms after navigation start (${lang})`);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, `web-component-${lang}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the web component follows lang changes and can be themed from outside', async () => {
    host.pages.set(
      '/component-theme.html',
      hostPage('Themed card', `<style>rolegraph-role{--rolegraph-accent:rgb(128, 0, 64)} rolegraph-role::part(title){letter-spacing:2px}</style>${component()}<rolegraph-role slug="Inżynier AI" lang="pl"></rolegraph-role>`),
    );
    const { page } = await open(`${host.origin}/component-theme.html`);
    const card = page.locator('rolegraph-role');
    await expect.poll(() => card.getAttribute('data-state')).toBe('ready');
    expect(await card.locator('[part~="responsibility"] .name').allTextContents()).toEqual(names.pl);
    expect(await card.locator('[part~="technology"]').first().evaluate((a) => getComputedStyle(a).color)).toBe('rgb(128, 0, 64)');
    expect(await card.locator('[part~="title"]').evaluate((h) => getComputedStyle(h).letterSpacing)).toBe('2px');
    await card.evaluate((element) => element.setAttribute('lang', 'en'));
    await expect.poll(() => card.locator('[part~="responsibility"] .name').allTextContents()).toEqual(names.en);
    await page.close();
  });

  it('an unknown role shows a readable error', async () => {
    host.pages.set('/unknown.html', hostPage('Unknown role', `${component()}<rolegraph-role slug="astronaut" lang="en"></rolegraph-role>`));
    const { page } = await open(`${host.origin}/unknown.html`);
    const card = page.locator('rolegraph-role');
    await expect.poll(() => card.getAttribute('data-state')).toBe('error');
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
    await expect.poll(() => frame.locator('li.responsibility > .name').allTextContents()).toEqual(names[lang]);
    // The card is taller than the 150 px the host started with: its height message resized the frame to fit.
    await expect.poll(async () => Number(await page.locator('iframe').getAttribute('height'))).toBeGreaterThan(300);
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
    await expect.poll(() => options.allTextContents()).toContainEqual(expect.stringContaining('Kubernetes'));
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'search-suggestions.png') });
    expect(await seriousViolations(page)).toEqual([]);
    const position = (await options.allTextContents()).findIndex((text) => text.startsWith('Kubernetes'));
    for (let i = 0; i <= position; i++) await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(`o${position}`);
    await box.press('Enter');
    await expect.poll(() => page.evaluate(() => (window as unknown as { selected?: { id: string } }).selected?.id)).toBe('technology:kubernetes');
    expect(await box.inputValue()).toBe('Kubernetes');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
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
    await expect.poll(() => page.locator('rolegraph-role').getAttribute('data-state')).toBe('ready');
    await expect.poll(() => page.frameLocator('iframe').locator('li.responsibility').count()).toBe(5);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'host-page.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the iframe card on its own', () => {
  it('has no serious or critical axe violation in either theme, and works with JavaScript off', async () => {
    for (const theme of ['light', 'dark']) {
      const { page } = await open(`${api}/embed/roles/ai-engineer?lang=en&theme=${theme}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    }
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
  page.setDefaultTimeout(8000);
    await page.goto(`${api}/embed/roles/ai-engineer?lang=pl`);
    expect(await page.locator('li.responsibility > .name').allTextContents()).toEqual(names.pl);
    await context.close();
  });
});

describe('the explorer', () => {
  it('searches, shows the card and the clickable neighbourhood, switches language, deep-links, and goes back', async () => {
    const { page, errors } = await open(`${api}/`.replace(/\/$/, '/?lang=en'));
    await page.getByRole('combobox').fill('ai engineer');
    await expect.poll(() => page.getByRole('option').allTextContents()).toContainEqual(expect.stringContaining('AI Engineer'));
    await page.getByRole('option').filter({ hasText: 'AI Engineer' }).first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('node')).toBe('role:ai-engineer');
    const card = page.locator('rolegraph-role');
    await expect.poll(() => card.getAttribute('data-state')).toBe('ready');
    expect(await card.locator('[part~="responsibility"] .name').allTextContents()).toEqual(names.en);
    await page.locator('#picture svg').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'explorer-role-en.png'), fullPage: true });

    // Clicking a node of the picture opens it, with a URL of its own.
    await page.locator('#picture g.node', { has: page.locator('title', { hasText: /^responsibility:ai-engineer\.mlops$/ }) }).locator('a').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('node')).toBe('responsibility:ai-engineer.mlops');
    await expect.poll(() => page.locator('#entity-heading').textContent()).toContain('MLOps');
    // Its neighbourhood is drawn in turn, Kubeflow among it.
    await page.locator('#picture g.node title', { hasText: /^technology:kubeflow$/ }).waitFor({ state: 'attached' });
    // The back button returns to the role.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('node')).toBe('role:ai-engineer');
    await expect.poll(() => page.locator('#entity-heading').textContent()).toContain('AI Engineer');
    // PL/EN switch.
    await page.getByRole('button', { name: 'PL' }).click();
    await expect.poll(() => page.locator('rolegraph-role [part~="responsibility"] .name').allTextContents()).toEqual(names.pl);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
    // A deep link opens the same entity in a fresh page.
    const deep = await open(page.url());
    await expect.poll(() => deep.page.locator('rolegraph-role').getAttribute('data-state')).toBe('ready');
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

    host.pages.set('/pasted.html', hostPage('Pasted snippets', `${componentSnippet}\n${iframeSnippet}`));
    const pasted = await open(`${host.origin}/pasted.html`);
    await expect.poll(() => pasted.page.locator('rolegraph-role').getAttribute('data-state')).toBe('ready');
    expect(await pasted.page.locator('rolegraph-role [part~="responsibility"] .name').allTextContents()).toEqual(names.en);
    await expect.poll(() => pasted.page.frameLocator('iframe').locator('li.responsibility > .name').allTextContents()).toEqual(names.en);
    // The card is shorter than the snippet's 640 px: its height message shrank the frame.
    await expect.poll(async () => Number(await pasted.page.locator('iframe').getAttribute('height'))).toBeLessThan(640);
    expect(pasted.errors).toEqual([]);
    await pasted.page.close();

    const oembed = (await (await fetch(oembedUrl)).json()) as { type: string; html: string };
    expect(oembed.type).toBe('rich');
    expect(oembed.html).toContain(`${api}/embed/roles/ai-engineer?lang=en`);
  });
});

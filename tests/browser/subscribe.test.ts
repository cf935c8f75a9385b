import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { buildSite, builtSite } from '../helpers/build.ts';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';
import { makeContentRoot, projectRoot } from '../helpers/content.ts';
import { serveDist } from '../helpers/serve.ts';

const screenshots = join(projectRoot, 'test-artifacts', 'screenshots');
mkdirSync(screenshots, { recursive: true });

const servers: { close: () => Promise<void> }[] = [];
const contexts: BrowserContext[] = [];

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await Promise.all(servers.map((server) => server.close()));
});

async function open(site: string, path = '', options: Parameters<typeof launchBrowser>[0] = {}): Promise<Page> {
  const dir = site.startsWith('/') ? site : builtSite(site);
  const server = await serveDist(dir, site === 'base-path' ? '/status/' : '/');
  servers.push(server);
  const context = await launchBrowser(options);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(server.url + path);
  return page;
}

const isOpen = (page: Page) =>
  page.locator('details.subscribe').evaluate((details) => (details as HTMLDetailsElement).open);
const feedLink = (page: Page) => page.locator('.subscribe-panel').getByRole('link', { name: 'Atom' }).first();

/** Tab from the top of the page until the subscribe button has focus. */
async function tabToSubscribe(page: Page): Promise<void> {
  for (let presses = 0; presses < 10; presses++) {
    await page.keyboard.press('Tab');
    if (await page.locator('details.subscribe summary').evaluate((summary) => summary === document.activeElement))
      return;
  }
  throw new Error('Tab never reached the subscribe button');
}

describe('the subscribe menu in Chromium', () => {
  test.each([true, false])('opens and closes by keyboard (JavaScript %s)', async (javaScriptEnabled) => {
    const page = await open('sample', '', { javaScriptEnabled });
    await tabToSubscribe(page);
    expect(await feedLink(page).isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    expect(await isOpen(page)).toBe(true);
    expect(await feedLink(page).isVisible()).toBe(true);
    // The panel's links come next in tab order.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.subscribe-panel') !== null)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    expect(await isOpen(page)).toBe(false);
  });

  test.each([true, false])('opens and closes by pointer (JavaScript %s)', async (javaScriptEnabled) => {
    const page = await open('sample', '', { javaScriptEnabled });
    const summary = page.locator('details.subscribe summary');
    await summary.click();
    expect(await feedLink(page).isVisible()).toBe(true);
    await summary.click();
    expect(await isOpen(page)).toBe(false);
  });

  test('with JavaScript, Escape closes it and returns focus to its button, and a click elsewhere closes it', async () => {
    const page = await open('sample');
    await tabToSubscribe(page);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    expect(await isOpen(page)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await page.locator('details.subscribe summary').click();
    await page.locator('main h1').first().click();
    expect(await isOpen(page)).toBe(false);
  });

  test.each([
    ['sample', ''],
    ['major-outage', 'components/api/'],
  ])('%s %s: open menu has zero axe-core violations, light and dark', async (site, path) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await open(site, path, { colorScheme });
      await page.locator('details.subscribe summary').click();
      expect(await axeViolations(page)).toEqual([]);
    }
  });

  test('at 320 px the open menu fits the screen without horizontal scroll', async () => {
    const page = await open('sample', 'components/api/', { width: 320 });
    await page.locator('details.subscribe summary').click();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const box = (await page.locator('.subscribe-panel').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    await page.screenshot({ path: join(screenshots, 'subscribe-320.png') });
  });

  test('screen readers hear a button-like summary and a labelled list of feeds', async () => {
    const page = await open('sample');
    await page.locator('details.subscribe summary').click();
    const snapshot = await page.locator('details.subscribe').ariaSnapshot();
    expect(snapshot).toContain('Subscribe to updates');
    expect(snapshot).toMatch(/- list "Feeds for the whole page"/);
    expect(snapshot).toMatch(/- link "RSS"/);
    expect(snapshot).toMatch(/- link "Maintenance calendar"/);
    await page.screenshot({
      path: join(screenshots, 'subscribe-open.png'),
      clip: { x: 0, y: 0, width: 1280, height: 520 },
    });
  });
});

describe("the operator's public/custom.css in Chromium", () => {
  test('overrides the built-in styles', async () => {
    const root = makeContentRoot({});
    mkdirSync(join(root, 'public'));
    writeFileSync(join(root, 'public', 'custom.css'), ':root { --bg: #ffeedd; }\n');
    const outDir = join(mkdtempSync(join(tmpdir(), 'statusmark-custom-css-')), 'dist');
    const result = buildSite(root, outDir, '2026-11-23T12:00:00Z');
    expect(result.exitCode, result.output).toBe(0);
    const page = await open(outDir);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 238, 221)');
  });
});

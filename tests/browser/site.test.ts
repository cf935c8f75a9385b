import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtSite } from '../helpers/build.ts';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/content.ts';
import { serveDist } from '../helpers/serve.ts';

const screenshots = join(projectRoot, 'test-artifacts', 'screenshots');
mkdirSync(screenshots, { recursive: true });

const servers: { close: () => Promise<void> }[] = [];
const contexts: BrowserContext[] = [];

async function open(site: string, path = '', options: Parameters<typeof launchBrowser>[0] = {}): Promise<Page> {
  const base = site === 'base-path' ? '/status/' : '/';
  const server = await serveDist(builtSite(site), base);
  servers.push(server);
  const context = await launchBrowser(options);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(server.url + path);
  return page;
}

let shared: BrowserContext;

beforeAll(async () => {
  shared = await launchBrowser();
  contexts.push(shared);
});

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await Promise.all(servers.map((server) => server.close()));
});

const pageTypes: [string, string, string][] = [
  ['home', 'major-outage', ''],
  ['sample-home', 'sample', ''],
  ['incident', 'major-outage', 'incidents/2026-11-18-old-outage/'],
  ['component', 'reopened-incident', 'components/api/'],
  ['history', 'major-outage', 'history/'],
  ['maintenance', 'maintenance-in-progress', 'maintenance/'],
  ['not-found', 'major-outage', 'no-such-page/'],
  ['many-components', 'many-components', ''],
];

describe('every page type in Chromium', () => {
  test.each(pageTypes)('%s has zero axe-core violations, light and dark', async (name, site, path) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await open(site, path, { colorScheme });
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(screenshots, `${name}-${colorScheme}.png`), fullPage: true });
    }
  });

  test.each(pageTypes)('%s has no horizontal scroll at 320 px', async (_name, site, path) => {
    const page = await open(site, path, { width: 320 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

/** Tab presses from each component's name to the next one's, in page order. */
async function tabsBetweenComponentNames(page: Page): Promise<number[]> {
  const names = page.locator('.comp .row a');
  const count = await names.count();
  const presses: number[] = [];
  await names.first().focus();
  for (let index = 1; index < count; index++) {
    let pressed = 0;
    do {
      await page.keyboard.press('Tab');
      pressed++;
    } while (pressed < 10 && !(await names.nth(index).evaluate((element) => element === document.activeElement)));
    presses.push(pressed);
  }
  return presses;
}

describe('keyboard and screen reader on the home page (issue 14)', () => {
  test.each([
    ['sample', 10],
    ['many-components', 50],
  ])('%s: from one component name to the next takes at most 2 Tab presses', async (site, components) => {
    const page = await open(site);
    const presses = await tabsBetweenComponentNames(page);
    expect(presses).toHaveLength(components - 1);
    expect(Math.max(...presses)).toBeLessThanOrEqual(2);
  });

  test.each(['sample', 'many-components'])('%s: each bar is announced as one summary of its 90 days', async (site) => {
    const page = await open(site);
    const rows = page.locator('.comp');
    for (let index = 0; index < (await rows.count()); index++) {
      const row = rows.nth(index);
      const name = await row.locator('.row a').innerText();
      const bar = row.locator('.bar');
      expect(await bar.getAttribute('aria-label')).toMatch(
        new RegExp(
          `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, last 90 days: \\d+ days? Operational.*; ([\\d.]+% uptime|No data)$`,
        ),
      );
      // The name link and the bar link, nothing else per day: no list items, buttons or images.
      const snapshot = await row.ariaSnapshot();
      expect(snapshot.match(/^\s*- '?link /gm)).toHaveLength(2);
      expect(snapshot).not.toMatch(/- (listitem|button|img|list)\b/);
    }
  });

  test('a component page bar is one image with the same summary, and its days are a list with anchors', async () => {
    const page = await open('reopened-incident', 'components/api/');
    const bar = page.getByRole('img', { name: /^API, last 90 days: 88 days Operational, 2 days Partial Outage; / });
    expect(await bar.count()).toBe(1);
    expect(await page.locator('.bar a, .bar button').count()).toBe(0);
    // Newest first: the open incident's day, then the day it started.
    expect(await page.locator('#days + ul > li').evaluateAll((days) => days.map((day) => day.id))).toEqual([
      'day-2026-11-23',
      'day-2026-11-22',
    ]);
  });
});

describe('what a customer sees', () => {
  test('the banner names the overall state for each fixture', async () => {
    for (const [site, banner] of [
      ['all-operational', 'All Systems Operational'],
      ['major-outage', 'Partial System Outage'],
      ['maintenance-in-progress', 'Service Under Maintenance'],
      ['base-path', 'Partial System Outage'],
    ]) {
      const page = await open(site!);
      expect(await page.locator('.banner h1').innerText()).toBe(banner);
    }
  });

  test('works without JavaScript: a bar leads to its days with incidents, and each day to its incidents', async () => {
    const page = await open('reopened-incident', '', { javaScriptEnabled: false });
    expect(await page.locator('h2#active + article h3').innerText()).toBe('Login failures');
    expect(await page.locator('time[data-local]').first().innerText()).toMatch(/CET$/);
    await page.getByRole('link', { name: /^API, last 90 days: / }).click();
    await page.waitForURL(/components\/api\/#days$/);
    const day = page.locator('#day-2026-11-22');
    expect(await day.innerText()).toContain('22 Nov 2026: Partial Outage, 1 incident');
    await day.getByRole('link', { name: 'Login failures' }).click();
    await page.waitForURL(/incidents\/2026-11-22-login-failures\/$/);
    expect(await page.locator('h1').innerText()).toBe('Login failures');
  });

  test('a collapsed group still shows its worst status in its summary', async () => {
    const page = await open('major-outage');
    const group = page.locator('details.group', { hasText: 'Core' });
    await group.locator('summary').click();
    expect(await group.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    expect(await group.locator('summary').innerText()).toContain('Major Outage');
  });

  test('honours dark mode', async () => {
    const dark = await open('all-operational', '', { colorScheme: 'dark' });
    const light = await open('all-operational', '', { colorScheme: 'light' });
    const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background(dark)).toBe('rgb(13, 17, 23)');
    expect(await background(light)).toBe('rgb(255, 255, 255)');
  });

  test("shows times in the reader's zone when JavaScript runs, keeping the page zone as a tooltip", async () => {
    const page = await open('major-outage', 'incidents/2026-11-18-old-outage/');
    const time = page.locator('li#update-1 time');
    expect(await time.getAttribute('title')).toBe('18 Nov 2026, 23:30 CET');
    expect(await time.innerText()).toMatch(/UTC$/);
  });

  test('the update anchor link jumps to that update', async () => {
    const page = await open('major-outage', 'incidents/2026-11-18-old-outage/#update-2');
    expect(await page.locator('li#update-2 h3').innerText()).toContain('Identified');
    expect(await page.evaluate(() => location.hash)).toBe('#update-2');
  });
});

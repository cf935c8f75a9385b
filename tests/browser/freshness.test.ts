import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { maintenanceStatusAt } from '../../src/domain/timeline.ts';
import { loadRepository } from '../../src/node/load-repository.ts';
import { english } from '../../src/domain/strings.ts';
import { builtSite, fixtureClock, fixtureRoot } from '../helpers/build.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveDist } from '../helpers/serve.ts';

// The fixtures are built at this clock; maintenance-in-progress sets `stale_after: 2h`, the others keep the 1 h default.
// major-outage and maintenance-in-progress have something open: their next rebuild is due at 13:00.
const built = Date.parse(fixtureClock('major-outage'));
const minutes = (count: number) => count * 60_000;

const servers: { close: () => Promise<void> }[] = [];
const contexts: BrowserContext[] = [];
afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await Promise.all(servers.map((server) => server.close()));
});

/** Opens a built fixture with the browser's clock set to `at` (the build's clock stays fixed in the page). */
async function openAt(
  site: string,
  at: number,
  options: { javaScriptEnabled?: boolean; running?: boolean; path?: string } = {},
) {
  const server = await serveDist(builtSite(site));
  servers.push(server);
  const context = await launchBrowser({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  contexts.push(context);
  const page = await context.newPage();
  if (options.running) await page.clock.install({ time: at });
  else await page.clock.setFixedTime(at);
  await page.goto(new URL(options.path ?? '', server.url).href);
  return page;
}

const notice = (page: Page) => page.locator('main > p.stale-notice');
const maintenanceLabel = (page: Page, title: string) =>
  page.locator('article.card', { hasText: title }).locator('p.meta strong').first();

describe('issue 15: the page does not pretend to be fresh', () => {
  test('the staleness notice appears past the threshold and not before', async () => {
    expect(await notice(await openAt('major-outage', built + minutes(59))).count()).toBe(0);
    const late = await openAt('major-outage', built + minutes(3 * 60 + 5));
    expect(await notice(late).innerText()).toBe('This page was last refreshed 3 hours ago.');
    expect(await notice(late).getAttribute('role')).toBe('status');
  });

  test('the threshold comes from page.stale_after in components.yml', async () => {
    expect(await notice(await openAt('maintenance-in-progress', built + minutes(170))).count()).toBe(0);
    const late = await openAt('maintenance-in-progress', built + minutes(185));
    expect(await notice(late).innerText()).toBe('This page was last refreshed 3 hours ago.');
  });

  test('issue 23: the notice counts from the rebuild the page was due for, not from its build', async () => {
    // A quiet page is next rebuilt at midnight in Berlin (23:00 UTC): no notice all afternoon.
    expect(await notice(await openAt('all-operational', built + minutes(5 * 60))).count()).toBe(0);
    expect(await notice(await openAt('all-operational', Date.parse('2026-11-23T23:55:00Z'))).count()).toBe(0);
    const late = await openAt('all-operational', Date.parse('2026-11-24T00:05:00Z'));
    expect(await notice(late).innerText()).toBe('This page was last refreshed 12 hours ago.');
  });

  test('relative times and the notice update while the page stays open', async () => {
    const page = await openAt('major-outage', built + minutes(10), { running: true });
    const ago = page.locator('[data-ago]').first();
    expect(await ago.innerText()).toBe('1 hour ago');
    expect(await notice(page).count()).toBe(0);
    await page.clock.runFor(minutes(3 * 60));
    expect(await ago.innerText()).toBe('4 hours ago');
    expect(await notice(page).innerText()).toBe('This page was last refreshed 3 hours ago.');
  });

  test('a maintenance window that opened after the build reads "In Progress", worded as the next build would', async () => {
    const at = Date.parse('2026-11-30T03:00:00Z');
    const page = await openAt('maintenance-in-progress', at);
    const { repository } = loadRepository(fixtureRoot('maintenance-in-progress'), at);
    for (const incident of repository!.incidents) {
      const nextBuild = english.updateStatus[maintenanceStatusAt(incident, at)];
      expect(await maintenanceLabel(page, incident.title).innerText()).toBe(nextBuild);
    }
    expect(await maintenanceLabel(page, 'Network switch replacement').innerText()).toBe('In Progress');
    expect(await maintenanceLabel(page, 'Database version upgrade').innerText()).toBe('Completed');
  });

  test('a maintenance whose window ended after the build reads "Completed" alone and leaves the scheduled-maintenance section (issue 22)', async () => {
    // Both maintenances of this fixture are over by the evening of 30 November.
    const after = Date.parse('2026-11-30T20:00:00Z');
    const page = await openAt('maintenance-in-progress', after, { path: 'incidents/2026-11-30-network-upgrade/' });
    const facts = await page.locator('dl.facts').innerText();
    expect(facts).toMatch(/Completed/);
    expect(facts).not.toMatch(/Under Maintenance/);
    const home = await openAt('maintenance-in-progress', after);
    expect(await home.locator('article.card:visible', { hasText: 'Network switch replacement' }).count()).toBe(0);
    expect(await home.getByRole('heading', { name: 'Scheduled maintenance' }).count()).toBe(0);
    const list = await openAt('maintenance-in-progress', after, { path: 'maintenance/' });
    expect(await list.locator('article.card:visible').count()).toBe(0);
    expect(await list.locator('p.muted:visible', { hasText: 'No maintenance is scheduled.' }).count()).toBe(3);
    // While its window is open the card reads "In Progress · Under Maintenance" under that heading.
    const during = await openAt('maintenance-in-progress', Date.parse('2026-11-30T03:00:00Z'));
    const open = during.locator('section[aria-labelledby="maintenance"] article.card:visible', {
      hasText: 'Network switch replacement',
    });
    expect(await open.locator('p.meta').first().innerText()).toMatch(/^In Progress · Under Maintenance · /);
  });

  test('with JavaScript disabled the page is exactly as built and complete', async () => {
    const html = readFileSync(join(builtSite('major-outage'), 'index.html'), 'utf8');
    const page = await openAt('major-outage', built + minutes(5 * 60), { javaScriptEnabled: false });
    expect(await notice(page).count()).toBe(0);
    expect(await page.locator('[data-ago]').first().innerText()).toBe(/data-ago="[^"]+">([^<]+)</.exec(html)![1]);
    expect(await page.locator('.banner h1').innerText()).toBe('Partial System Outage');
    expect(await page.locator('footer time[data-local]').innerText()).toMatch(/23 Nov 2026, 13:00 CET/);
    const maintenance = await openAt('maintenance-in-progress', Date.parse('2026-11-30T03:00:00Z'), {
      javaScriptEnabled: false,
    });
    expect(await maintenanceLabel(maintenance, 'Network switch replacement').innerText()).toBe('Scheduled');
  });
});

describe('the sample looks alive whenever it is opened (issue 22)', () => {
  const sampleBuilt = Date.parse(fixtureClock('sample'));
  const longAfter = sampleBuilt + 400 * 24 * 60 * minutes(1);

  test('opened a year after its clock, it is fresh: no notice, times as built, upcoming maintenance still scheduled', async () => {
    const html = readFileSync(join(builtSite('sample'), 'index.html'), 'utf8');
    const page = await openAt('sample', longAfter, { running: true });
    expect(await notice(page).count()).toBe(0);
    expect(await page.locator('[data-ago]').first().innerText()).toBe(/data-ago="[^"]+">([^<]+)</.exec(html)![1]);
    expect(await maintenanceLabel(page, 'Object storage migration').innerText()).toBe('Scheduled');
    // Its clock runs from the build's while the page stays open.
    await page.clock.runFor(minutes(3 * 60));
    expect(await notice(page).innerText()).toBe('This page was last refreshed 3 hours ago.');
  });

  test('a real site built with a fixed clock keeps the notice when opened late', async () => {
    const page = await openAt('major-outage', built + 400 * 24 * 60 * minutes(1));
    expect(await notice(page).innerText()).toBe('This page was last refreshed 400 days ago.');
  });
});

import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/content.ts';
import { buildLanguageSite } from '../helpers/languages.ts';
import { serveDist } from '../helpers/serve.ts';

const screenshots = join(projectRoot, 'test-artifacts', 'screenshots');
mkdirSync(screenshots, { recursive: true });

let server: { url: string; close: () => Promise<void> };
let context: BrowserContext;

beforeAll(async () => {
  const outDir = join(mkdtempSync(join(tmpdir(), 'statusmark-rtl-')), 'dist');
  const result = buildLanguageSite('ar', outDir);
  if (result.exitCode !== 0) throw new Error(result.output);
  server = await serveDist(outDir);
  context = await launchBrowser();
});

afterAll(async () => {
  await context?.close();
  await server?.close();
});

async function open(path: string, width = 1280): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(server.url + path);
  return page;
}

/** Where today's day (the last day of the bar, drawn as its own status) appears on screen. */
async function todayAndFirstDay(page: Page) {
  return page.evaluate(() => {
    const bar = document.querySelector('.bar svg')!;
    const box = bar.getBoundingClientRect();
    const parent = bar.parentElement!.getBoundingClientRect();
    // The partial-outage day is today (the last unit of the viewBox): find it on screen.
    const today = bar.querySelector('.c-partial_outage')!.getBoundingClientRect();
    return { barLeft: Math.max(box.left, parent.left), barRight: Math.min(box.right, parent.right), today };
  });
}

describe('an Arabic page, right to left, in Chromium', () => {
  test.each([
    ['home', ''],
    ['incident', 'incidents/2026-11-23-qzx-down/'],
    ['component', 'components/web/'],
    ['maintenance', 'maintenance/'],
  ])('the %s page has zero axe-core violations', async (name, path) => {
    const page = await open(path);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, `rtl-ar-${name}.png`), fullPage: true });
    await page.close();
  });

  test('the 90-day bar keeps today at the reading end: the left, where Arabic lines end', async () => {
    for (const width of [1280, 360]) {
      const page = await open('components/web/', width);
      const { barLeft, barRight, today } = await todayAndFirstDay(page);
      expect(today.left - barLeft).toBeLessThan(barRight - today.right);
      expect(today.left).toBeGreaterThanOrEqual(barLeft - 1);
      // The axis agrees: "today" is printed at the left end, "90 days ago" at the right.
      const axis = await page.evaluate(() =>
        [...document.querySelectorAll('.axis > span')]
          .filter((span) => span.getBoundingClientRect().width > 0)
          .map((span) => ({ text: span.textContent, left: span.getBoundingClientRect().left })),
      );
      const todayLabel = axis.find((label) => label.text === 'اليوم')!;
      expect(Math.min(...axis.map((label) => label.left))).toBe(todayLabel.left);
      await page.screenshot({ path: join(screenshots, `rtl-ar-component-${width}.png`), fullPage: true });
      await page.close();
    }
  });

  test('the timeline rule runs down the right side, where Arabic lines start', async () => {
    const page = await open('incidents/2026-11-23-qzx-down/');
    const border = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('.timeline')!);
      return { right: style.borderRightWidth, left: style.borderLeftWidth };
    });
    expect(border).toEqual({ right: '3px', left: '0px' });
    await page.close();
  });
});

import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/content.ts';
import { buildLanguagesSite } from '../helpers/languages.ts';
import { serveDist } from '../helpers/serve.ts';

const screenshots = join(projectRoot, 'test-artifacts', 'screenshots');
mkdirSync(screenshots, { recursive: true });

let server: { url: string; close: () => Promise<void> };
let context: BrowserContext;

beforeAll(async () => {
  const outDir = join(mkdtempSync(join(tmpdir(), 'statusmark-pseudo-')), 'dist');
  // A second language puts the language switcher in every page's header, so it is measured too.
  const result = buildLanguagesSite(['en-XA', 'ar'], outDir);
  if (result.exitCode !== 0) throw new Error(result.output);
  server = await serveDist(outDir);
  context = await launchBrowser();
});

afterAll(async () => {
  await context?.close();
  await server?.close();
});

const pages = [
  ['home', ''],
  ['incident', 'incidents/2026-11-23-qzx-down/'],
  ['resolved incident with a postmortem', 'incidents/2026-11-18-qzx-old/'],
  ['maintenance', 'incidents/2026-11-23-qzx-window/'],
  ['maintenance list', 'maintenance/'],
  ['component', 'components/web/'],
  ['history', 'history/'],
  ['history month', 'history/2026-11/'],
  ['404', '404.html'],
  ['Arabic home, right to left', 'ar/'],
  ['Arabic incident', 'ar/incidents/2026-11-23-qzx-down/'],
] as const;

/**
 * Every piece of text that reaches past the right edge of the viewport, or past the edge of an
 * ancestor that clips it, or that is squeezed into a column a few letters wide, as
 * `selector: "text"`; every <details> is opened first, so the subscribe menu and collapsed
 * groups are measured too.
 */
function overflowingText(): string[] {
  for (const details of document.querySelectorAll('details')) details.open = true;
  const describe = (element: Element) =>
    element.tagName.toLowerCase() +
    (element.id ? `#${element.id}` : '') +
    [...element.classList].map((name) => `.${name}`).join('');
  const pathOf = (element: Element) => {
    const parts: string[] = [];
    for (let node: Element | null = element; node && node !== document.body; node = node.parentElement)
      parts.unshift(describe(node));
    return parts.slice(-3).join(' > ');
  };
  const clipEdge = (element: Element) => {
    let edge = window.innerWidth;
    for (let node = element.parentElement; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.overflowX !== 'visible') edge = Math.min(edge, node.getBoundingClientRect().right);
    }
    return edge;
  };
  const offenders: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    const element = node.parentElement;
    if (!text || !element || element.closest('script, style, .skip')) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || element.getClientRects().length === 0) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const right = Math.max(...[...range.getClientRects()].map((rect) => rect.right));
    // Right-to-left text that overflows runs off the left edge instead.
    const left = Math.min(...[...range.getClientRects()].map((rect) => rect.left));
    // Lines (distinct tops) against letters: a column squeezed to a letter or two a line.
    const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    if (text.length >= 8 && lines > text.length / 4)
      offenders.push(`${pathOf(element)}: "${text}" squeezed into ${lines} lines`);
    if (right > clipEdge(element) + 0.5)
      offenders.push(`${pathOf(element)}: "${text}" (right edge ${Math.round(right)})`);
    if (left < -0.5 && !element.closest('.vh'))
      offenders.push(`${pathOf(element)}: "${text}" (left edge ${Math.round(left)})`);
  }
  return offenders;
}

describe('the pseudo-locale (accented, 40 % longer) fits narrow phones', () => {
  test.each([320, 390])(
    'at %i px, no page type scrolls sideways and no text runs off the screen or is squeezed',
    async (width) => {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 800 });
      const problems: string[] = [];
      for (const [name, path] of pages) {
        await page.goto(server.url + path);
        expect(await page.getAttribute('html', 'lang')).toBe(path.startsWith('ar/') ? 'ar' : 'en-XA');
        expect(await page.locator('nav.languages a').count(), name).toBe(1);
        await page.screenshot({
          path: join(screenshots, `pseudo-en-XA-${name.replace(/ /g, '-')}-${width}.png`),
          fullPage: true,
        });
        // Measured with every <details> open (see overflowingText), so open menus count too.
        const result = await page.evaluate(overflowingText);
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        if (scrollWidth > innerWidth)
          problems.push(`${name}: the page is ${scrollWidth} px wide in a ${innerWidth} px viewport`);
        problems.push(...result.map((offender) => `${name}: ${offender}`));
      }
      await page.close();
      expect(problems).toEqual([]);
    },
  );
});

describe('the language switcher', () => {
  test('passes axe’s WCAG 2.2 AA rules in light and dark mode, on both sides of the switch', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 800 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const path of ['', 'ar/']) {
        await page.goto(server.url + path);
        expect(await axeViolations(page), `${path || 'en-XA'}, ${colorScheme}`).toEqual([]);
      }
    }
    await page.close();
  });

  test('works without JavaScript: its links lead to the same page in the other language and back', async () => {
    const noScript = await launchBrowser({ javaScriptEnabled: false, width: 320 });
    const page = await noScript.newPage();
    await page.goto(`${server.url}incidents/2026-11-23-qzx-down/`);
    await page.locator('nav.languages a[hreflang="ar"]').click();
    expect(new URL(page.url()).pathname).toBe('/ar/incidents/2026-11-23-qzx-down/');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.locator('nav.languages a[hreflang="en-XA"]').click();
    expect(new URL(page.url()).pathname).toBe('/incidents/2026-11-23-qzx-down/');
    expect(await page.getAttribute('html', 'lang')).toBe('en-XA');
    await noScript.close();
  });
});

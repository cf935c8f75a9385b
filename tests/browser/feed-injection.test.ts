import Parser from 'rss-parser';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deriveStatusState } from '../../src/domain/derive.ts';
import { renderAtom, renderJsonFeed, renderRss, type FeedContext } from '../../src/serialize/feeds.ts';
import { createPermalinks } from '../../src/domain/permalinks.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { fixtureComponentsFile, makeIncident } from '../helpers/model.ts';
import { xssPayloads } from '../helpers/xss-payloads.ts';

const links = createPermalinks('/', 'https://status.fixture.example');
const now = Date.parse('2026-11-23T12:00:00Z');

/** Every payload as an incident title and message, and as page and component names. */
function hostileContext(payload: string, component?: boolean): FeedContext {
  const components = {
    ...fixtureComponentsFile,
    page: { ...fixtureComponentsFile.page, name: payload, description: payload },
    components: fixtureComponentsFile.components.map((item) => ({ ...item, name: payload })),
  };
  const incidents = xssPayloads.map((title, index) =>
    makeIncident(`incident-${index}`, {
      title,
      impact: 'minor',
      components: ['api'],
      updates: [{ at: new Date(now - (index + 1) * 60_000).toISOString(), status: 'investigating', message: title }],
    }),
  );
  const state = deriveStatusState(components, incidents, now);
  return { state, links, component: component ? { id: 'api', name: payload } : undefined };
}

interface Field {
  where: string;
  html: string;
}

/** The fields readers render as HTML, and the plain-text titles, read with a real XML parser (Chromium's). */
async function feedFields(page: Page, xml: string): Promise<{ error: string; html: Field[]; titles: string[] }> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'application/xml');
    const error = doc.querySelector('parsererror')?.textContent ?? '';
    const html: Field[] = [];
    const titles: string[] = [];
    const byName = (name: string) => [...doc.getElementsByTagName(name)];
    for (const element of [...byName('description'), ...byName('content:encoded')])
      html.push({ where: `rss ${element.tagName}`, html: element.textContent ?? '' });
    for (const element of [...doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', '*')]) {
      const type = element.getAttribute('type');
      if (type === 'html') html.push({ where: `atom ${element.localName}`, html: element.textContent ?? '' });
      if (type === 'xhtml') html.push({ where: `atom ${element.localName}`, html: element.innerHTML });
    }
    for (const element of byName('title'))
      if (element.getAttribute('type') !== 'html') titles.push(element.textContent ?? '');
    return { error, html, titles };
  }, xml);
}

/** What renderMarkdown's sanitizer lets through; anything else in a rendered field came from a payload. */
const allowedTags = 'p br a em strong code pre ul ol li blockquote h2 h3 h4 hr table thead tbody tr th td del'
  .toUpperCase()
  .split(' ');

/** Renders each field as HTML in the page and reports any element, handler or script URL that came out of it. */
async function renderAsHtml(page: Page, fields: Field[]): Promise<string[]> {
  return page.evaluate(
    async ({ list, allowed }) => {
      const fired: string[] = [];
      (window as unknown as { alert: (value: unknown) => void }).alert = (value) => fired.push(String(value));
      const found: string[] = [];
      for (const field of list) {
        const container = document.createElement('div');
        container.innerHTML = field.html;
        document.body.append(container);
        for (const element of container.querySelectorAll('*')) {
          if (!allowed.includes(element.tagName)) found.push(`${field.where}: <${element.tagName.toLowerCase()}>`);
          for (const attribute of element.attributes) {
            if (/^on/i.test(attribute.name) || /^\s*(javascript|data):/i.test(attribute.value))
              found.push(`${field.where}: ${attribute.name}="${attribute.value}"`);
          }
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      return [...found, ...fired.map((value) => `alert(${value}) ran`)];
    },
    { list: fields, allowed: allowedTags },
  );
}

let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
});

afterAll(async () => {
  await browser.close();
});

describe('author text in feeds (issue #11 item 5)', () => {
  test.each([
    ['the page feeds', false],
    ['a component feed', true],
  ])('%s render no payload as HTML in any field readers treat as HTML', async (_name, component) => {
    const context = hostileContext('<img src=x onerror=alert(0)>', component);
    const found: string[] = [];
    for (const xml of [await renderRss(context), renderAtom(context)]) {
      const fields = await feedFields(page, xml);
      expect(fields.error).toBe('');
      expect(fields.html.length).toBeGreaterThan(xssPayloads.length);
      found.push(...(await renderAsHtml(page, fields.html)));
    }
    const json = JSON.parse(renderJsonFeed(context)) as { items: { content_html: string }[] };
    found.push(
      ...(await renderAsHtml(
        page,
        json.items.map((item) => ({ where: 'json content_html', html: item.content_html })),
      )),
    );
    expect(found).toEqual([]);
  });

  test.each(xssPayloads.map((payload) => [payload]))(
    'the title %s reads as the same plain text in every feed',
    async (payload) => {
      const context = hostileContext(payload);
      const expected = `[Investigating] ${payload}`;
      const parser = new Parser();
      const rss = await parser.parseString(await renderRss(context));
      const atom = await parser.parseString(renderAtom(context));
      const json = JSON.parse(renderJsonFeed(context)) as { title: string; items: { title: string }[] };
      const index = xssPayloads.indexOf(payload);
      const pick = (titles: (string | undefined)[]) => titles[index];
      expect(pick(rss.items.map((item) => item.title))).toBe(expected);
      expect(pick(json.items.map((item) => item.title))).toBe(expected);
      expect(json.title).toBe(payload);
      expect(rss.title).toBe(payload);
      // Atom titles are type="html": what a reader displays is the HTML's text.
      const atomTitle = pick(atom.items.map((item) => item.title))!;
      const shown = await page.evaluate((html) => {
        const element = document.createElement('div');
        element.innerHTML = html;
        return { text: element.textContent, elements: element.children.length };
      }, atomTitle);
      expect(shown).toEqual({ text: expected, elements: 0 });
    },
  );
});

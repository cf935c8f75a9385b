import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { loadSiteData } from '../../src/site/site-data.ts';
import { renderEmbedData } from '../../src/site/embed-data.ts';
import { axeViolations, launchBrowser } from '../helpers/browser.ts';
import { builtSite, fixtureClock, fixtureRoot } from '../helpers/build.ts';
import { buildLanguagesSite } from '../helpers/languages.ts';
import { serveHostPages, serveStaticHost, type StaticHost } from '../helpers/static-host.ts';
import { xssPayloads } from '../helpers/xss-payloads.ts';

// The status site and the operator's app on two origins (two ports), as a status page on GitHub
// Pages and an app on its own domain; the status host answers like GitHub Pages (CORS, max-age, ETag).
const hostPages = new Map<string, string>();
let host: { url: string; close: () => Promise<void> };
let status: StaticHost;
const contexts: BrowserContext[] = [];
/** One browser for the tests that need no settings of their own (each has its own page and host page). */
let shared: BrowserContext;
const minute = 60_000;

beforeAll(async () => {
  host = await serveHostPages(hostPages);
  status = await serveStaticHost(builtSite('major-outage'));
  shared = await launchBrowser();
  contexts.push(shared);
});

// A page left open keeps polling, and one waiting on a status site that never answers holds the
// browser's cache lock on embed.json: each test closes its pages.
afterEach(async () => {
  await Promise.all(contexts.flatMap((context) => context.pages()).map((page) => page.close()));
});

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await host?.close();
  await status?.close();
});

interface HostPage {
  /** Attributes of the script tag, e.g. `data-components="api"`. */
  attributes?: string;
  /** Markup before the script tag. */
  body?: string;
  head?: string;
  /** Another status site (default: the shared one). */
  site?: StaticHost;
}

let pageCount = 0;
/** The operator's page, with the one line from the README and some content of its own. */
function hostPage(options: HostPage = {}): string {
  const path = `/app-${++pageCount}.html`;
  const site = options.site ?? status;
  hostPages.set(
    path,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme app</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script>document.documentElement.dataset.globals = Object.getOwnPropertyNames(window).join(' ');</script>
${options.head ?? ''}</head><body><main><h1>Acme dashboard</h1>
${'<p>Your projects, invoices and settings live here. Nothing on this page waits for the status page.</p>'.repeat(6)}
${options.body ?? ''}</main>
<script src="${site.url}embed.js" async ${options.attributes ?? ''}></script></body></html>`,
  );
  return new URL(path, host.url).href;
}

interface Opened {
  page: Page;
  /** Console messages the page itself wrote (not Chromium's own "Failed to load resource" lines). */
  messages: string[];
  errors: string[];
  /** alert(), confirm() or prompt() calls: none may ever come from the notice. */
  dialogs: string[];
}

async function open(
  url: string,
  options: { colorScheme?: 'light' | 'dark'; width?: number; context?: BrowserContext; clockAt?: number } = {},
): Promise<Opened> {
  const own = options.colorScheme !== undefined || options.width !== undefined || options.clockAt !== undefined;
  let context = options.context ?? (own ? undefined : shared);
  if (!context) {
    context = await launchBrowser({ colorScheme: options.colorScheme, width: options.width });
    contexts.push(context);
  }
  const page = await context.newPage();
  const messages: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => void (dialogs.push(dialog.message()), dialog.dismiss()));
  page.on('console', (message) => {
    if (!message.text().startsWith('Failed to load resource')) messages.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  if (options.clockAt !== undefined) await page.clock.setFixedTime(options.clockAt);
  const loaded = page.waitForResponse((response) => response.url().endsWith('/embed.json'), { timeout: 10_000 });
  await page.goto(url);
  await loaded.catch(() => undefined);
  await page.waitForTimeout(150);
  return { page, messages, errors, dialogs };
}

const region = (page: Page) => page.locator('statusmark-notice [role=status]');
const noticeText = (page: Page) => region(page).innerText();

describe('issue 27: the notice in the operator’s own app', () => {
  test('shows an open incident: full title linked to the status page, status, first sentence, time', async () => {
    const { page, messages, errors } = await open(hostPage());
    await expect.poll(() => noticeText(page)).toContain('API unavailable in all regions');
    const text = await noticeText(page);
    expect(text).toContain('Investigating');
    expect(text).toContain('The API is returning errors for all requests.');
    expect(text).not.toContain('alert');
    const link = region(page).locator('a').first();
    expect(await link.getAttribute('href')).toBe(`${status.url}incidents/2026-11-23-api-down/`);
    expect(await region(page).locator('time').innerText()).toMatch(/2026/);
    expect(await page.locator('statusmark-notice').count()).toBe(1);
    expect(await region(page).getAttribute('dir')).toBe('ltr');
    expect(messages).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('shows nothing and shifts nothing for an all-clear site', async () => {
    const allClear = await serveStaticHost(builtSite('all-operational'));
    try {
      const { page, messages } = await open(hostPage({ site: allClear }));
      expect(await region(page).innerHTML()).toBe('');
      const box = await page.locator('statusmark-notice').boundingBox();
      expect(box?.width ?? 0).toBe(0);
      expect(await layoutShift(page)).toBe(0);
      expect(messages).toEqual([]);
    } finally {
      await allClear.close();
    }
  });

  test('floats over the page without shifting its layout (CLS 0)', async () => {
    const { page } = await open(hostPage());
    await expect.poll(() => noticeText(page)).toContain('API unavailable');
    expect(await layoutShift(page)).toBe(0);
    const box = (await region(page).locator('.box').boundingBox())!;
    // bottom-right by default, inside the viewport.
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    expect(box.x).toBeGreaterThan(640);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
  });

  test.each([
    ['api', true],
    ['database', false],
    ['database, webhooks', true],
  ])('data-components="%s" shows only what concerns those components (shown: %s)', async (ids, shown) => {
    const { page } = await open(hostPage({ attributes: `data-components="${ids}"` }));
    expect((await noticeText(page)).includes('API unavailable')).toBe(shown);
  });

  test('data-position="top" and "bottom-left" place it there', async () => {
    const top = await open(hostPage({ attributes: 'data-position="top"' }));
    const topBox = (await region(top.page).locator('.box').boundingBox())!;
    expect(topBox.y).toBeLessThan(40);
    const left = await open(hostPage({ attributes: 'data-position="bottom-left"' }));
    const leftBox = (await region(left.page).locator('.box').boundingBox())!;
    expect(leftBox.x).toBeLessThan(40);
    expect(leftBox.y + leftBox.height).toBeGreaterThan(800);
  });

  test('a <statusmark-notice> the page placed receives the notice, shown once, not twice', async () => {
    const { page } = await open(
      hostPage({
        body: '<section id="status"><statusmark-notice></statusmark-notice></section>',
        // The script pasted twice by mistake.
        attributes: `></script><script src="${status.url}embed.js" async`,
      }),
    );
    await expect.poll(() => noticeText(page)).toContain('API unavailable');
    expect(await page.locator('statusmark-notice').count()).toBe(1);
    expect(await page.locator('#status statusmark-notice [role=status] .box').count()).toBe(1);
    expect(await page.locator('statusmark-notice').getAttribute('position')).toBeNull();
  });

  test('a dismissed notice stays dismissed after reload and comes back with a newer update (no cookies)', async () => {
    const deploy = mkdtempSync(join(tmpdir(), 'statusmark-embed-deploy-'));
    cpSync(builtSite('major-outage'), deploy, { recursive: true });
    const own = await serveStaticHost(deploy);
    try {
      const url = hostPage({ site: own });
      const { page } = await open(url);
      await expect.poll(() => noticeText(page)).toContain('API unavailable');
      const dismiss = region(page).getByRole('button', { name: 'Dismiss' });
      await dismiss.focus();
      await page.keyboard.press('Enter');
      expect(await region(page).innerHTML()).toBe('');
      const reloaded = page.waitForResponse((response) => response.url().endsWith('/embed.json'));
      await page.reload();
      await reloaded;
      await page.waitForTimeout(150);
      expect(await region(page).innerHTML()).toBe('');
      expect(await page.context().cookies()).toEqual([]);
      // The next deploy: the incident has a second update.
      writeFileSync(join(deploy, 'embed.json'), embedDataWithSecondUpdate());
      await page.reload();
      await expect.poll(() => noticeText(page)).toContain('We found a faulty configuration change.');
    } finally {
      await own.close();
    }
  });

  test('polls every minute only while the tab is visible, revalidating, and once on becoming visible', async () => {
    const context = await launchBrowser();
    contexts.push(context);
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.clock.install();
    const before = status.requests.length;
    const url = hostPage();
    await page.goto(url);
    await expect.poll(() => noticeText(page)).toContain('API unavailable');
    // The page, the script and one embed.json: no fonts, no images, nothing else.
    expect(requests).toEqual([new URL(url).pathname, '/embed.js', '/embed.json']);
    const embedRequests = () => status.requests.slice(before).filter((request) => request.path === '/embed.json');
    await page.clock.runFor(minute);
    await expect.poll(() => embedRequests().length).toBe(2);
    // Revalidated, not read from the cache GitHub Pages allows for ten minutes.
    expect(embedRequests()[1]!.ifNoneMatch).toMatch(/^"/);
    await setVisibility(page, 'hidden');
    await page.clock.runFor(10 * minute);
    expect(embedRequests().length).toBe(2);
    await setVisibility(page, 'visible');
    await expect.poll(() => embedRequests().length).toBe(3);
    await page.clock.runFor(minute / 2);
    expect(embedRequests().length).toBe(3);
    expect(requests.filter((path) => path !== '/embed.json')).toEqual([new URL(url).pathname, '/embed.js']);
  });

  test('keeps its looks on a host page with aggressive global CSS, and leaves the page’s own styles alone', async () => {
    const aggressive = `<style>
      * { font: 40px/0 serif !important; color: #f0f !important; background: #ff0 !important; position: static !important;
          display: inline !important; visibility: visible; margin: 30px !important; box-sizing: content-box !important; }
      div, p, a, button, strong, time, section { display: none !important; }
      html, body, main, h1 { display: block !important; }
    </style>`;
    const { page } = await open(hostPage({ head: aggressive }));
    await expect.poll(() => noticeText(page)).toContain('API unavailable');
    const looks = await region(page).evaluate((element) => {
      const box = element.querySelector('.box')!;
      const title = element.querySelector('.title a')!;
      const host = (element.getRootNode() as ShadowRoot).host;
      return {
        host: getComputedStyle(host).position,
        box: getComputedStyle(box).backgroundColor,
        size: getComputedStyle(title).fontSize,
        color: getComputedStyle(element).color,
      };
    });
    expect(looks).toEqual({ host: 'fixed', box: 'rgb(255, 255, 255)', size: '15px', color: 'rgb(27, 31, 36)' });
    const button = (await region(page).getByRole('button', { name: 'Dismiss' }).boundingBox())!;
    expect(button.width).toBeGreaterThanOrEqual(24);
    expect(button.height).toBeGreaterThanOrEqual(24);
    // The page's own paragraphs keep the page's rules: nothing of the notice's styles leaks out.
    expect(
      await page
        .locator('main > p')
        .first()
        .evaluate((element) => getComputedStyle(element).display),
    ).toBe('none');
    expect(await page.locator('h1').evaluate((element) => getComputedStyle(element).fontSize)).toBe('40px');
  });

  test.each(['light', 'dark'] as const)('passes axe (WCAG 2.2 AA) inside the host page, %s scheme', async (scheme) => {
    const { page } = await open(hostPage(), { colorScheme: scheme });
    await expect.poll(() => noticeText(page)).toContain('API unavailable');
    // Past the fade-in, so contrast is measured at full opacity.
    await page.waitForTimeout(400);
    expect(await axeViolations(page)).toEqual([]);
    const background = await region(page)
      .locator('.box')
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).toBe(scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(28, 33, 40)');
  });

  test('is announced politely and usable at 320 px (400 % zoom) with a long title wrapped, never cut', async () => {
    const long = `${'Payment processing delayed for customers in every region '.repeat(3)}Supercalifragilisticexpialidocious-and-more`;
    const json = JSON.parse(readFileSync(join(builtSite('major-outage'), 'embed.json'), 'utf8')) as {
      items: { title: string }[];
    };
    json.items[0]!.title = long;
    status.answer('/embed.json', { status: 200, body: JSON.stringify(json) });
    try {
      const { page } = await open(hostPage(), { width: 320 });
      await expect.poll(() => noticeText(page)).toContain('Supercalifragilistic');
      expect(await region(page).getAttribute('role')).toBe('status');
      const layout = await region(page).evaluate((element) => {
        const title = element.querySelector('.title a')!;
        const box = element.querySelector('.box')!.getBoundingClientRect();
        return {
          title: title.textContent,
          right: box.right,
          left: box.left,
          scrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth,
        };
      });
      expect(layout.title).toBe(long);
      expect(layout.left).toBeGreaterThanOrEqual(0);
      expect(layout.right).toBeLessThanOrEqual(320);
      expect(layout.scrolls).toBe(false);
    } finally {
      status.answer('/embed.json', undefined);
    }
  });

  test('respects prefers-reduced-motion', async () => {
    const page = await shared.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(hostPage());
    await expect.poll(() => noticeText(page)).toContain('API unavailable');
    const animation = await region(page)
      .locator('.box')
      .evaluate((element) => getComputedStyle(element).animationName);
    expect(animation).toBe('none');
  });

  test('adds no global but the custom element', async () => {
    const { page } = await open(hostPage());
    await expect.poll(() => noticeText(page)).toContain('API unavailable');
    const added = await page.evaluate(() => {
      const before = new Set(document.documentElement.dataset.globals!.split(' '));
      return Object.getOwnPropertyNames(window).filter((name) => !before.has(name));
    });
    expect(added).toEqual([]);
    expect(await page.evaluate(() => typeof customElements.get('statusmark-notice'))).toBe('function');
  });

  test('a maintenance shows from an hour before its window until its end, decided by the script', async () => {
    const maintenance = await serveStaticHost(builtSite('maintenance-in-progress'));
    try {
      const url = hostPage({ site: maintenance });
      // One browser whose clock each visit sets.
      const context = await launchBrowser();
      contexts.push(context);
      const at = (clockAt: number) => open(url, { clockAt, context });
      const during = await at(Date.parse(fixtureClock('maintenance-in-progress')));
      expect(await noticeText(during.page)).toContain('Database version upgrade');
      expect(await noticeText(during.page)).toContain('In Progress');
      // A week later, two hours before the next window: nothing; half an hour before: announced.
      const early = await at(Date.parse('2026-11-30T00:00:00Z'));
      expect(await region(early.page).innerHTML()).toBe('');
      const soon = await at(Date.parse('2026-11-30T01:30:00Z'));
      expect(await noticeText(soon.page)).toContain('Network switch replacement');
      expect(await noticeText(soon.page)).toContain('Scheduled');
      const after = await at(Date.parse('2026-11-30T04:00:00Z'));
      expect(await region(after.page).innerHTML()).toBe('');
    } finally {
      await maintenance.close();
    }
  });
});

describe('issue 27: bad answers from the status site leave the host page alone', () => {
  test.each([
    ['a 404', { status: 404, body: '<!doctype html><h1>Not found</h1>', type: 'text/html' }],
    ['a 500', { status: 500, body: 'Internal Server Error', type: 'text/plain' }],
    ['an HTML page', { status: 200, body: '<!doctype html><title>Login</title>', type: 'text/html' }],
    ['garbage', { status: 200, body: '{"items": [{"title": ', type: 'application/json' }],
    ['JSON of the wrong shape', { status: 200, body: '[1, "two", null]' }],
    ['null', { status: 200, body: 'null' }],
  ] as const)('%s: hidden, at most one console warning, no exception', async (_name, answer) => {
    status.answer('/embed.json', answer);
    try {
      const { page, messages, errors } = await open(hostPage());
      expect(await region(page).innerHTML()).toBe('');
      expect(errors).toEqual([]);
      expect(messages.length).toBeLessThanOrEqual(1);
      for (const message of messages) expect(message).toMatch(/^warning: Statusmark notice: /);
    } finally {
      status.answer('/embed.json', undefined);
    }
  });

  test('a status site that never answers does not delay the page load', async () => {
    status.answer('/embed.json', 'hang');
    try {
      const page = await shared.newPage();
      const started = Date.now();
      await page.goto(hostPage(), { waitUntil: 'load', timeout: 5_000 });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(await region(page).innerHTML()).toBe('');
    } finally {
      status.answer('/embed.json', undefined);
    }
  });

  test('an unreachable status site: no notice, the page works, no exception', async () => {
    const gone = await serveStaticHost(builtSite('major-outage'));
    const url = hostPage({ site: gone });
    await gone.close();
    const page = await shared.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url, { waitUntil: 'load', timeout: 5_000 });
    expect(await page.locator('h1').innerText()).toBe('Acme dashboard');
    expect(await page.locator('statusmark-notice').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('a hostile embed.json shows text only and links only to the status page’s own origin', async () => {
    const hostile = {
      lang: '"><img src=x onerror=alert(1)>',
      locale: 'xx-<script>',
      dir: 'rtl;<b>',
      home: 'javascript:alert(1)',
      strings: {
        dismiss: xssPayloads[0],
        more: { other: '<b>{count}</b> more' },
        status: { investigating: xssPayloads[1] },
      },
      items: [
        {
          id: xssPayloads[2],
          kind: '<img src=x onerror=alert(2)>',
          title: xssPayloads.join(' '),
          url: 'javascript:alert(3)',
          status: 'investigating',
          text: xssPayloads[5],
          at: '<time>',
          components: ['api'],
        },
        { title: 'Foreign link', url: 'https://evil.example/phish', status: '__proto__', components: ['api'] },
        { title: 'Protocol-relative', url: '//evil.example/x', status: 'toString', components: ['api'] },
        { title: { toString: 'x' }, url: '/' },
        null,
        'item',
      ],
      more: '1e9',
    };
    const body = JSON.stringify(hostile).replace(/\}$/, ',"__proto__":{"polluted":true}}');
    status.answer('/embed.json', { status: 200, body });
    try {
      const { page, errors, dialogs } = await open(hostPage());
      await expect.poll(() => noticeText(page)).toContain(xssPayloads[0]!);
      expect(await noticeText(page)).toContain(xssPayloads[5]!);
      expect(await region(page).locator('img, script, svg, iframe, b, details, math').count()).toBe(0);
      const hrefs = await region(page)
        .locator('a')
        .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href.startsWith(status.url)).toBe(true);
      expect(await region(page).getByRole('button').getAttribute('aria-label')).toBe(xssPayloads[0]);
      expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted)).toBeUndefined();
      await page.waitForTimeout(200);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      status.answer('/embed.json', undefined);
    }
  });
});

describe('issue 27: the notice speaks the page’s language', () => {
  let languages: StaticHost;
  beforeAll(async () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'statusmark-embed-ar-')), 'dist');
    const built = buildLanguagesSite(
      ['en', 'ar'],
      outDir,
      '  language_strings:\n    ar:\n      dismissNotice: إخفاء التنبيه\n',
    );
    if (built.exitCode !== 0) throw new Error(built.output);
    languages = await serveStaticHost(outDir);
  });
  afterAll(() => languages?.close());

  test('data-lang="ar": Arabic words with page.language_strings, right to left', async () => {
    const { page } = await open(hostPage({ site: languages, attributes: 'data-lang="ar"' }));
    await expect.poll(() => noticeText(page)).toContain('Qzxv vrk');
    expect(await region(page).getAttribute('dir')).toBe('rtl');
    expect(await region(page).getAttribute('lang')).toBe('ar');
    expect(await region(page).getByRole('button', { name: 'إخفاء التنبيه' }).count()).toBe(1);
    expect(await region(page).locator('a').first().getAttribute('href')).toMatch(
      /\/ar\/incidents\/2026-11-23-qzx-down\/$/,
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  test('without data-lang: the page’s first language', async () => {
    const { page } = await open(hostPage({ site: languages }));
    await expect.poll(() => noticeText(page)).toContain('Qzxv vrk');
    expect(await region(page).getAttribute('dir')).toBe('ltr');
    expect(await region(page).getByRole('button', { name: 'Dismiss' }).count()).toBe(1);
  });
});

/** The layout shift the page has had so far (CLS without session windows: every shift counts). */
function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) total += (entry as PerformanceEntry & { value: number }).value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 300);
      }),
  );
}

/** Chromium keeps a headless tab visible: the page is told it was hidden or shown, as a tab switch would. */
async function setVisibility(page: Page, state: 'visible' | 'hidden'): Promise<void> {
  await page.evaluate((next) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => next });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

/** major-outage's embed.json after its next deploy, built the way the build builds it. */
function embedDataWithSecondUpdate(): string {
  const root = mkdtempSync(join(tmpdir(), 'statusmark-embed-update-'));
  cpSync(fixtureRoot('major-outage'), root, { recursive: true });
  const file = join(root, 'incidents', '2026-11-23-api-down.md');
  const text = readFileSync(file, 'utf8').replace(
    '    next_update: 2026-11-23T12:30:00Z\n',
    '    next_update: 2026-11-23T12:30:00Z\n  - at: 2026-11-23T11:40:00Z\n    status: identified\n    message: We found a faulty configuration change. It is being rolled back.\n',
  );
  writeFileSync(file, text);
  const { state, model } = loadSiteData({ STATUS_ROOT: root, STATUS_NOW: fixtureClock('major-outage') });
  return renderEmbedData(state, model);
}

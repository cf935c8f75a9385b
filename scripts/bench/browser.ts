import { chromium, type Browser, type Page } from 'playwright-core';
import { serveGzipped } from './serve.ts';

export interface HomePageFigures {
  domElements: number;
  /** Most Tab presses from one component's name to the next. */
  maxTabs: number;
  /** Bars whose accessible tree is one link named by the summary sentence, and nothing per day. */
  summaryBars: number;
  bars: number;
  /** Bars whose link leads to a component page that lists its days with incidents (`#days`). */
  barsLeadingToDays: number;
  /** Medians of three cold loads with 6× CPU throttling and Slow 4G, in milliseconds. */
  firstContentfulPaint: number;
  bannerVisible: number;
  /** The same without throttling. */
  unthrottled: { firstContentfulPaint: number; bannerVisible: number };
}

// Chrome DevTools' "Slow 4G" preset (formerly "Fast 3G"): 1.6 Mbit/s down, 750 kbit/s up, 562.5 ms latency.
const slow4g = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1000 * 1000 * 0.9) / 8,
  uploadThroughput: (750 * 1000 * 0.9) / 8,
};

async function coldLoad(browser: Browser, url: string, throttled: boolean): Promise<{ fcp: number; banner: number }> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', slow4g);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  }
  // The first animation frame in which the banner's heading has a box on screen.
  await page.addInitScript(() => {
    const check = () => {
      const heading = document.querySelector('.banner h1');
      const box = heading?.getBoundingClientRect();
      if (box && box.height > 0 && box.top < innerHeight) {
        (window as unknown as { bannerVisibleAt: number }).bannerVisibleAt = performance.now();
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(
    () => 'bannerVisibleAt' in window && performance.getEntriesByName('first-contentful-paint').length > 0,
  );
  const timings = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
    banner: (window as unknown as { bannerVisibleAt: number }).bannerVisibleAt,
  }));
  await context.close();
  return timings;
}

async function maxTabsBetweenNames(page: Page): Promise<number> {
  const names = page.locator('.comp .row a');
  const count = await names.count();
  let most = 0;
  await names.first().focus();
  for (let index = 1; index < count; index++) {
    let pressed = 0;
    do {
      await page.keyboard.press('Tab');
      pressed++;
    } while (pressed < 100 && !(await names.nth(index).evaluate((element) => element === document.activeElement)));
    most = Math.max(most, pressed);
  }
  return most;
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Measures a built site's home page in Chromium: DOM size, keyboard and screen-reader shape, throttled paint. */
export async function measureHomePage(outDir: string): Promise<HomePageFigures> {
  const server = await serveGzipped(outDir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    const domElements = await page.evaluate(() => document.getElementsByTagName('*').length);
    const maxTabs = await maxTabsBetweenNames(page);
    const rows = page.locator('.comp');
    const bars = await rows.count();
    let summaryBars = 0;
    let barsLeadingToDays = 0;
    for (let index = 0; index < bars; index++) {
      const row = rows.nth(index);
      const name = await row.locator('.row a').innerText();
      const snapshot = await row.ariaSnapshot();
      const links = snapshot.match(/^\s*- '?link /gm) ?? [];
      const label = (await row.locator('a.bar').getAttribute('aria-label')) ?? '';
      if (
        links.length === 2 &&
        label.startsWith(`${name}, last 90 days: `) &&
        !/- (listitem|button|img)\b/.test(snapshot)
      )
        summaryBars++;
      const href = await row.locator('a.bar').getAttribute('href');
      if (href?.endsWith('#days')) {
        const target = await context.newPage();
        await target.goto(new URL(href, server.url).href);
        if ((await target.locator('#days').count()) === 1) barsLeadingToDays++;
        await target.close();
      }
    }
    await context.close();
    const loads = [];
    const fast = [];
    for (let run = 0; run < 3; run++) {
      loads.push(await coldLoad(browser, server.url, true));
      fast.push(await coldLoad(browser, server.url, false));
    }
    return {
      domElements,
      maxTabs,
      summaryBars,
      bars,
      barsLeadingToDays,
      firstContentfulPaint: median(loads.map((load) => load.fcp)),
      bannerVisible: median(loads.map((load) => load.banner)),
      unthrottled: {
        firstContentfulPaint: median(fast.map((load) => load.fcp)),
        bannerVisible: median(fast.map((load) => load.banner)),
      },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

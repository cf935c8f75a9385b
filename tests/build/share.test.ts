import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderFavicon } from '../../src/serialize/favicon.ts';
import { loadSiteData } from '../../src/site/site-data.ts';
import type { SiteModel } from '../../src/site/views.ts';
import { buildSite, builtSite, fixtureClock, fixtureRoot, fixtureSiteNames } from '../helpers/build.ts';
import { fixtureComponents, incidentFile, makeContentRoot } from '../helpers/content.ts';
import { listFiles, readDist } from '../helpers/dist.ts';
import { pngSize } from '../helpers/png.ts';

const sites = [...fixtureSiteNames, 'sample'];

function modelOf(site: string): SiteModel {
  // STATUSMARK_DEV skips the per-process cache, so each fixture gets its own model.
  return loadSiteData({ STATUS_ROOT: fixtureRoot(site), STATUS_NOW: fixtureClock(site), STATUSMARK_DEV: '1' }).model;
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&amp;/g, '&');

/** `<meta property|name="…" content="…">` of a page, by key. */
function metaTags(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const [, key, content] of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g))
    tags.set(key!, decode(content!));
  return tags;
}

const htmlPages = (site: string) => listFiles(builtSite(site)).filter((file) => file.endsWith('.html'));

/** The dist/ file an absolute URL of the site points to. */
function distFile(model: SiteModel, url: string): string {
  const prefix = model.links.absolute(model.links.home());
  expect(url.startsWith(prefix), `${url} is outside ${prefix}`).toBe(true);
  const path = url.slice(prefix.length);
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

describe('link previews', () => {
  test.each(sites)('%s: every page carries Open Graph and Twitter tags matching the model', (site) => {
    const model = modelOf(site);
    for (const file of htmlPages(site)) {
      const tags = metaTags(readDist(builtSite(site), file));
      const slug = /^incidents\/([^/]+)\/index\.html$/.exec(file)?.[1];
      const expected = slug ? model.incidentBySlug.get(slug)!.preview : model.preview;
      expect(tags.get('og:title'), file).toBe(expected.title);
      expect(tags.get('og:description'), file).toBe(expected.description);
      expect(tags.get('og:image'), file).toBe(expected.image);
      expect(tags.get('twitter:card'), file).toBe('summary_large_image');
      expect(tags.get('twitter:image'), file).toBe(expected.image);
      expect(existsSync(join(builtSite(site), distFile(model, expected.image))), `${file}: ${expected.image}`).toBe(
        true,
      );
      if (slug) {
        const incident = model.incidentBySlug.get(slug)!;
        expect(tags.get('og:title')).toBe(incident.title);
        expect(tags.get('og:description')).toContain(`${incident.statusLabel} · ${incident.impactLabel}`);
      } else expect(tags.get('og:title')).toContain(model.overall.description);
    }
  });

  test.each(sites)('%s: every preview image is a 1200×630 PNG under 100 KB', (site) => {
    const images = listFiles(builtSite(site)).filter((file) => file.startsWith('og/'));
    expect(images).toContain('og/home.png');
    for (const file of images) {
      const bytes = readFileSync(join(builtSite(site), file));
      expect(pngSize(bytes), file).toEqual({ width: 1200, height: 630 });
      expect(bytes.length, file).toBeLessThan(100 * 1024);
    }
  });

  test('only the incidents the home page and feeds show get a card of their own', () => {
    const model = modelOf('sample');
    const cards = listFiles(builtSite('sample'))
      .filter((file) => file.startsWith('og/incidents/'))
      .map((file) => file.slice('og/incidents/'.length, -'.png'.length));
    expect(cards).toEqual([...model.previewSlugs].sort());
    const shown = readDist(builtSite('sample'), 'index.html') + readDist(builtSite('sample'), 'rss.xml');
    for (const slug of cards) expect(shown, slug).toContain(`/incidents/${slug}/`);
  });
});

describe('status favicon', () => {
  test('changes with the overall status across fixture sites', () => {
    const icons = ['all-operational', 'major-outage', 'maintenance-in-progress', 'reopened-incident'].map((site) => {
      const svg = readDist(builtSite(site), 'favicon.svg');
      expect(svg).toBe(renderFavicon(modelOf(site).overall.indicator));
      return svg;
    });
    expect(new Set(icons).size).toBe(4);
  });

  test('comes as a 32 px PNG and a 180 px apple-touch icon, linked from every page', () => {
    const dir = builtSite('base-path');
    expect(pngSize(readFileSync(join(dir, 'favicon-32x32.png')))).toEqual({ width: 32, height: 32 });
    expect(pngSize(readFileSync(join(dir, 'apple-touch-icon.png')))).toEqual({ width: 180, height: 180 });
    for (const file of htmlPages('base-path')) {
      const html = readDist(dir, file);
      expect(html).toContain('<link rel="icon" href="/status/favicon.svg" type="image/svg+xml">');
      expect(html).toContain('<link rel="apple-touch-icon" href="/status/apple-touch-icon.png">');
    }
  });
});

describe('the subscribe menu', () => {
  test('offers every feed, the calendar as webcal:// and the Slack command on every page', () => {
    for (const file of htmlPages('base-path')) {
      const html = readDist(builtSite('base-path'), file);
      const menu = /<details class="subscribe">([\s\S]*?)<\/details>/.exec(html)?.[1];
      expect(menu, file).toBeDefined();
      for (const feed of ['rss.xml', 'atom.xml', 'feed.json']) expect(menu).toContain(`href="/status/${feed}"`);
      expect(menu).toContain('href="webcal://status.fixture.example/status/maintenance.ics"');
      expect(menu).toMatch(
        /<code>\/feed subscribe https:\/\/status\.fixture\.example\/status\/(components\/[a-z-]+\/)?rss\.xml<\/code>/,
      );
      expect(menu).not.toContain('by email');
    }
  });

  test("a component page offers the component's own feeds first, and announces them for autodiscovery", () => {
    const html = readDist(builtSite('major-outage'), 'components/api/index.html');
    const menu = /<details class="subscribe">([\s\S]*?)<\/details>/.exec(html)![1]!;
    expect(menu.indexOf('href="/components/api/rss.xml"')).toBeLessThan(menu.indexOf('href="/rss.xml"'));
    expect(menu).toContain('/feed subscribe https://status.fixture.example/components/api/rss.xml');
    for (const href of ['/rss.xml', '/atom.xml', '/feed.json', '/components/api/rss.xml', '/components/api/atom.xml'])
      expect(html).toMatch(new RegExp(`<link rel="alternate" type="[^"]+" title="[^"]+" href="${href}">`));
  });

  test('offers email sign-up only when page.subscribe_email_url is set', () => {
    expect(readDist(builtSite('sample'), 'index.html')).toContain(
      '<a href="https://acme.example/status-emails">Get updates by email</a>',
    );
    expect(readDist(builtSite('major-outage'), 'index.html')).not.toContain('Get updates by email');
  });
});

describe('sitemap.xml and robots.txt', () => {
  test.each(sites)('%s: the sitemap lists every HTML page exactly once, as its canonical URL', (site) => {
    const dir = builtSite(site);
    const model = modelOf(site);
    const locs = [...readDist(dir, 'sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, url]) => decode(url!));
    expect(new Set(locs).size).toBe(locs.length);
    const canonicals = htmlPages(site)
      .filter((file) => file !== '404.html')
      .map((file) => /<link rel="canonical" href="([^"]+)">/.exec(readDist(dir, file))![1]!);
    expect([...locs].sort()).toEqual([...canonicals].sort());
    for (const url of locs) expect(existsSync(join(dir, distFile(model, url))), url).toBe(true);
    expect(readDist(dir, 'robots.txt')).toContain(`Sitemap: ${model.links.absolute(model.links.sitemap())}`);
  });

  test('sit under the base path', () => {
    expect(readDist(builtSite('base-path'), 'robots.txt')).toContain(
      'Sitemap: https://status.fixture.example/status/sitemap.xml',
    );
    expect(readDist(builtSite('base-path'), 'sitemap.xml')).toContain(
      '<loc>https://status.fixture.example/status/</loc>',
    );
  });
});

describe("the operator's public/ folder", () => {
  let outDir: string;
  const operatorIcon = '<svg xmlns="http://www.w3.org/2000/svg"><title>Operator icon</title></svg>';
  const hostileTitle = '<img src=x onerror=alert(1)> Checkout 🔥 & "payments"';

  beforeAll(() => {
    const components = fixtureComponents.replace(
      'timezone: Europe/Berlin\n',
      'timezone: Europe/Berlin\n  base_path: /status/\n  feed_entries: 1\n  subscribe_email_url: https://lists.fixture.example/join\n',
    );
    const update = (at: string, status: string) => `  - at: ${at}\n    status: ${status}\n    message: Noted.\n`;
    const root = makeContentRoot(
      {
        '2026-11-23-checkout.md': incidentFile(
          `title: '${hostileTitle}'\nimpact: major\ncomponents: [api]\nupdates:\n${update('2026-11-23T10:00:00Z', 'investigating')}`,
        ),
        '2026-09-01-old.md': incidentFile(
          `title: Long ago\nimpact: minor\ncomponents: [api]\nupdates:\n${update('2026-09-01T10:00:00Z', 'investigating')}${update('2026-09-01T11:00:00Z', 'resolved')}`,
        ),
      },
      components,
    );
    mkdirSync(join(root, 'public', 'brand'), { recursive: true });
    writeFileSync(join(root, 'public', 'favicon.svg'), operatorIcon);
    writeFileSync(join(root, 'public', 'custom.css'), 'body { outline: 0 }\n');
    writeFileSync(join(root, 'public', 'brand', 'logo.svg'), operatorIcon);
    outDir = join(mkdtempSync(join(tmpdir(), 'statusmark-public-')), 'dist');
    const result = buildSite(root, outDir, '2026-11-23T12:00:00Z');
    expect(result.exitCode, result.output).toBe(0);
  });

  test("an operator's favicon.svg wins over the generated one; the other icons are still generated", () => {
    expect(readFileSync(join(outDir, 'favicon.svg'), 'utf8')).toBe(operatorIcon);
    expect(pngSize(readFileSync(join(outDir, 'favicon-32x32.png')))).toEqual({ width: 32, height: 32 });
  });

  test('its files are copied and custom.css is linked under the base path', () => {
    expect(existsSync(join(outDir, 'brand', 'logo.svg'))).toBe(true);
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).toContain('<link rel="stylesheet" href="/status/custom.css">');
    // Built-in styles sit in a cascade layer, so the operator's unlayered rules win wherever they are linked.
    expect(html).toContain('<style>@layer statusmark{');
    expect(html).toContain('<a href="https://lists.fixture.example/join">Get updates by email</a>');
  });

  test('an incident title with HTML and emoji is text in the preview tags, and its card is drawn', () => {
    const html = readFileSync(join(outDir, 'incidents', '2026-11-23-checkout', 'index.html'), 'utf8');
    // Quoted attribute values may hold "<" safely; outside them no element may appear.
    expect(html.replace(/="[^"]*"/g, '=""')).not.toContain('<img');
    expect(metaTags(html).get('og:title')).toBe(hostileTitle);
    expect(metaTags(html).get('og:description')).toBe(
      'Investigating · Major impact · Last update 23 Nov 2026, 11:00 CET',
    );
    expect(pngSize(readFileSync(join(outDir, 'og', 'incidents', '2026-11-23-checkout.png')))).toEqual({
      width: 1200,
      height: 630,
    });
  });

  test('an old incident outside the feeds and the last week gets no card of its own', () => {
    expect(readdirSync(join(outDir, 'og', 'incidents'))).toEqual(['2026-11-23-checkout.png']);
    const tags = metaTags(readFileSync(join(outDir, 'incidents', '2026-09-01-old', 'index.html'), 'utf8'));
    expect(tags.get('og:image')).toBe('https://status.fixture.example/status/og/home.png');
  });
});

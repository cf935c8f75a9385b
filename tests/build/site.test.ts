import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { buildSite, builtSite, fixtureClock, fixtureSiteNames, fixtureSitesDir } from '../helpers/build.ts';
import { incidentFile, makeContentRoot } from '../helpers/content.ts';
import { listFiles, readDist, textOf } from '../helpers/dist.ts';
import { localTimeScript as localTimeScriptFor } from '../../src/site/local-time-script.ts';
import { subscribeScript } from '../../src/site/subscribe-script.ts';

const htmlFiles = (site: string) => listFiles(builtSite(site)).filter((file) => file.endsWith('.html'));
const home = (site: string) => readDist(builtSite(site), 'index.html');

describe('the home page banner', () => {
  test.each([
    ['all-operational', 'All Systems Operational'],
    // One component in major outage, one in partial outage: Statuspage reads "Partial System Outage".
    ['major-outage', 'Partial System Outage'],
    ['maintenance-in-progress', 'Service Under Maintenance'],
    ['reopened-incident', 'Minor Service Outage'],
  ])('%s reads "%s"', (site, banner) => {
    expect(home(site)).toMatch(new RegExp(`<h1>${banner}</h1>`));
  });
});

describe('what customers read', () => {
  test('an active incident shows its latest update, how long ago and the promised next update', () => {
    const text = textOf(home('major-outage'));
    expect(text).toContain('Active incidents API unavailable in all regions Investigating · Critical impact');
    expect(text).toContain('The API is returning errors for all requests.');
    expect(text).toMatch(/\( ?55 minutes ago ?\)/);
    expect(text).toContain('Next update by 23 Nov 2026, 13:30 CET');
  });

  test('quiet days in the last week say so, and past incidents are listed on their day', () => {
    const text = textOf(home('all-operational'));
    expect(text).toContain('23 Nov 2026 No incidents reported.');
    expect(text).toContain('20 Nov 2026 Brief webhook delays · Resolved');
  });

  test('maintenance in progress and upcoming are both announced', () => {
    const text = textOf(home('maintenance-in-progress'));
    expect(text).toContain('Scheduled maintenance Database version upgrade In Progress');
    expect(text).toContain('Network switch replacement Scheduled');
    expect(text).toContain('Database ◔︎ Under Maintenance');
  });

  test('the incident page shows the timeline newest first with anchors and the postmortem', () => {
    const html = readDist(builtSite('major-outage'), 'incidents/2026-11-18-old-outage/index.html');
    const text = textOf(html);
    expect(text.indexOf('Resolved 19 Nov 2026, 01:20 CET')).toBeLessThan(
      text.indexOf('Investigating 18 Nov 2026, 23:30 CET'),
    );
    expect(text).toContain('Duration 1 hr, 50 mins');
    expect(html).toContain('<li id="update-3">');
    expect(html).toContain(
      '<time class="meta" datetime="2026-11-18T22:30:00.000Z" data-local>18 Nov 2026, 23:30 CET</time>',
    );
    expect(text).toContain('Failover took 50 minutes because the replica was behind.');
    expect(text).toContain('Postmortem published 19 Nov 2026, 16:00 CET');
    expect(html).toContain('<h2 id="details">Postmortem</h2>');
  });

  test('the incident page shows where the impact changed in the timeline', () => {
    const text = textOf(readDist(builtSite('sample'), 'incidents/2026-11-21-login-failures/index.html'));
    expect(text).toContain('Impact Major impact');
    expect(text).toMatch(/Identified 21 Nov 2026, 08:55 CET # Impact changed from Major impact to Critical impact/);
    expect(text).toMatch(/Investigating 21 Nov 2026, 10:05 CET # Impact changed from Critical impact to Major impact/);
  });

  test('a showcase: false component has its own page but is not listed on the home page', () => {
    expect(textOf(home('major-outage'))).not.toContain('Status emails');
    expect(textOf(readDist(builtSite('major-outage'), 'components/status-emails/index.html'))).toContain(
      'Current status: ✓︎ Operational',
    );
  });

  test('a bar counts the days before a component existed (since) as "No data"', () => {
    const html = readDist(builtSite('major-outage'), 'components/webhooks/index.html');
    expect(html).toMatch(
      /aria-label="Webhooks, last 90 days: \d+ days Operational, \d+ days? [^"]*\d+ days No data; [\d.]+% uptime"/,
    );
    expect(html).toMatch(/<path class="c-no_data" d="M0 5h\d+"><\/path>/);
  });

  test('a component page shows status, uptime and the incidents that touched it', () => {
    const text = textOf(readDist(builtSite('major-outage'), 'components/database/index.html'));
    expect(text).toContain('Current status: ✓︎ Operational');
    expect(text).toMatch(/30-day uptime 99\.\d\d% 90-day uptime 99\.\d\d%/);
    expect(text).toContain('Incidents affecting Database Database failover');
  });

  test('a day with incidents has its own anchor on the component page, naming date, status, count and incidents', () => {
    const html = readDist(builtSite('reopened-incident'), 'components/api/index.html');
    expect(html).toMatch(
      /<li id="day-2026-11-22">.*22 Nov 2026: Partial Outage, 1 incident.*<a href="\/incidents\/2026-11-22-login-failures\/">Login failures<\/a>/s,
    );
  });

  test('each home page bar is one link to its days with incidents, named by one summary sentence', () => {
    const html = home('reopened-incident');
    expect(html).toMatch(
      /<a class="bar" href="\/components\/api\/#days" tabindex="-1" aria-label="API, last 90 days: 88 days Operational, 2 days Partial Outage; [\d.]+% uptime">/,
    );
    expect(html).not.toContain('popovertarget');
  });

  test('a quiet stretch of days is one run in the bar, whatever its length (regression: issue 14)', () => {
    const html = home('all-operational');
    expect(html).toMatch(/<path class="c-operational" d="M0 5h90"><\/path>\s*<\/svg>/);
  });
});

describe('the built dist/', () => {
  test('keeps the sample home page under 14 KB of HTML and CSS gzipped, with no external requests', () => {
    const html = home('sample');
    const gzipped = gzipSync(html, { level: 9 }).length;
    expect(gzipped).toBeLessThan(14 * 1024);
    expect(html).not.toMatch(/<link[^>]+rel="stylesheet"/);
    expect(html).not.toMatch(/(src|href)="https?:\/\/(?!status\.acme\.example|acme\.example)/);
    expect(html).not.toMatch(/@font-face|<img/);
  });

  test('ships only inline scripts under 2 KB', () => {
    for (const site of fixtureSiteNames) {
      for (const file of htmlFiles(site)) {
        const scripts = [...readDist(builtSite(site), file).matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
        for (const [, attributes, body] of scripts) {
          expect(attributes).not.toMatch(/src=/);
          expect(Buffer.byteLength(body!)).toBeLessThan(2048);
        }
      }
    }
  });

  test('never lets scripts, event handlers or javascript: URLs from markdown through', () => {
    for (const file of htmlFiles('major-outage')) {
      const html = readDist(builtSite('major-outage'), file)
        .replace(`<script>${localTimeScriptFor('en-GB')}</script>`, '')
        .replace(`<script>${subscribeScript}</script>`, '')
        .replace(/<script>\(function\(c\)\{var r=new Intl\.RelativeTimeFormat[\s\S]*?<\/script>/, '');
      expect(html).not.toMatch(/<script|onerror=|javascript:|<iframe|data:/i);
    }
    const incident = readDist(builtSite('major-outage'), 'incidents/2026-11-23-api-down/index.html');
    expect(incident).toContain('The API is returning errors for <strong>all</strong> requests.');
  });

  test('is valid HTML on every page', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:standard'],
      rules: { 'no-inline-style': 'off', 'long-title': 'off' },
    });
    for (const site of [...fixtureSiteNames, 'sample']) {
      for (const file of htmlFiles(site)) {
        const report = await validator.validateString(readDist(builtSite(site), file), file);
        const messages = report.results.flatMap((result) =>
          result.messages.map((message) => `${file}:${message.line} ${message.ruleId} ${message.message}`),
        );
        expect(messages).toEqual([]);
      }
    }
  });

  test('resolves every internal link and anchor', () => {
    for (const site of fixtureSiteNames) {
      const dir = builtSite(site);
      const base = site === 'base-path' ? '/status/' : '/';
      for (const file of htmlFiles(site)) {
        const html = readDist(dir, file);
        for (const [, url] of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
          if (/^(https?:|mailto:|webcal:)/.test(url!)) continue;
          const [path, anchor] = url!.startsWith('#')
            ? [`${base}${file.replace(/index\.html$/, '')}`, url!.slice(1)]
            : url!.split('#');
          expect(path!.startsWith(base), `${site}/${file}: ${url} is outside ${base}`).toBe(true);
          const relative = path!.slice(base.length);
          const target = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
          expect(existsSync(join(dir, target)), `${site}/${file} links to missing ${url}`).toBe(true);
          if (anchor && target.endsWith('.html'))
            expect(readDist(dir, target), `${site}/${file}: #${anchor}`).toContain(`id="${anchor}"`);
        }
      }
    }
  });

  test('serves the whole site under a base path', () => {
    const html = home('base-path');
    expect(html).toContain('<link rel="canonical" href="https://status.fixture.example/status/">');
    expect([...html.matchAll(/href="(\/[^"]*)"/g)].every(([, url]) => url!.startsWith('/status/'))).toBe(true);
  });

  test('has canonical, Open Graph and feed links on every page', () => {
    for (const file of htmlFiles('major-outage')) {
      const html = readDist(builtSite('major-outage'), file);
      expect(html).toContain('<link rel="canonical"');
      expect(html).toContain('<meta property="og:title"');
      expect(html).toContain('<link rel="alternate" type="application/rss+xml"');
    }
    expect(readDist(builtSite('major-outage'), 'components/api/index.html')).toContain(
      'href="/components/api/rss.xml"',
    );
  });
});

function hashTree(dir: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dir)) hash.update(file).update(readFileSync(join(dir, file)));
  return hash.digest('hex');
}

describe('builds', () => {
  test('are byte-identical for the same commit and build clock', () => {
    const name = 'reopened-incident';
    const again = buildSite(
      join(fixtureSitesDir, name),
      mkdtempSync(join(tmpdir(), 'statusmark-again-')),
      fixtureClock(name),
    );
    expect(again.exitCode).toBe(0);
    // The link-preview cards and status icons are rendered PNGs: they must be identical too.
    expect(listFiles(again.outDir)).toEqual(expect.arrayContaining(['og/home.png', 'favicon-32x32.png']));
    expect(listFiles(again.outDir).filter((file) => file.startsWith('og/incidents/')).length).toBeGreaterThan(0);
    expect(hashTree(again.outDir)).toBe(hashTree(builtSite(name)));
  });

  test("fail before writing anything when an incident is invalid, with the validator's message", () => {
    const root = makeContentRoot({ 'bad.md': incidentFile('title: Bad\nimpcat: major\nupdates: []\n') });
    const outDir = join(mkdtempSync(join(tmpdir(), 'statusmark-bad-')), 'dist');
    const result = buildSite(root, outDir, '2026-11-23T12:00:00Z');
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('incidents/bad.md:3:1 error UnknownKey "impcat" is not a known key.');
    expect(result.output).toContain('hint: Did you mean "impact"?');
    expect(existsSync(outDir)).toBe(false);
  });
});

import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { listFiles, readDist } from '../helpers/dist.ts';
import { languageComponents, languageSiteNow } from '../helpers/languages.ts';
import { renderStatuspageFile, statuspageFiles } from '../../src/serialize/statuspage.ts';
import { loadSiteData } from '../../src/site/site-data.ts';

/**
 * A German page that also speaks English, served below /status/: one incident translated in
 * full, one translated in part (its second update and title only), one not at all.
 */
const incidents: Record<string, string> = {
  '2026-11-23-api-down.md': `---
title: API nicht erreichbar
impact: major
components: [api]
translations:
  en:
    title: API unreachable
updates:
  - at: 2026-11-23T10:00:00Z
    status: investigating
    message: Wir untersuchen Fehler der API.
  - at: 2026-11-23T11:00:00Z
    status: identified
    message: Ein Lastverteiler ist ausgefallen.
    translations:
      en: A load balancer failed.
---
`,
  '2026-11-18-db-slow.md': `---
title: Datenbank langsam
impact: minor
components: [db]
postmortem_published: 2026-11-19T15:00:00Z
translations:
  en:
    title: Slow database
    postmortem: The disk filled up; we added an alert.
updates:
  - at: 2026-11-18T22:30:00Z
    status: investigating
    message: Abfragen sind langsam.
    translations:
      en: Queries are slow.
  - at: 2026-11-19T00:20:00Z
    status: resolved
    message: Behoben.
    translations:
      en: Fixed.
---
Die Festplatte war voll; wir haben einen Alarm ergänzt.
`,
  '2026-11-20-web-blip.md': `---
title: Kurze Störung der Weboberfläche
impact: minor
components: [web]
updates:
  - at: 2026-11-20T08:00:00Z
    status: resolved
    message: Die Weboberfläche war fünf Minuten lang langsam.
---
`,
};

let dist: string;

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'statusmark-two-languages-'));
  mkdirSync(join(root, 'incidents'));
  const components = languageComponents(
    '  languages: [de, en]\n  base_path: /status/\n  translations:\n    en:\n      name: Qzxvk in English',
  ).replace('    name: Qapi\n', '    name: Qapi\n    translations:\n      en:\n        name: Public API\n');
  writeFileSync(join(root, 'components.yml'), components);
  for (const [name, text] of Object.entries(incidents)) writeFileSync(join(root, 'incidents', name), text);
  dist = mkdtempSync(join(tmpdir(), 'statusmark-two-languages-dist-'));
  const result = buildSite(root, dist, languageSiteNow);
  expect(result.output).toContain('Complete!');
  expect(result.exitCode).toBe(0);
}, 180_000);

const origin = 'https://status.qzxvk.example';
const html = (file: string) => readDist(dist, file);
/** `/status/en/incidents/x/` → `en/incidents/x/index.html`. */
function fileFor(url: string): string {
  const path = url.replace(origin, '').replace(/^\/status\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}
const pages = () => listFiles(dist).filter((file) => file.endsWith('.html') && file !== '404.html');
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

describe('a page in two languages: page.languages [de, en] below base_path /status/', () => {
  test('every German page has its English sibling under /en/ and the other way round', () => {
    const german = pages().filter((file) => !file.startsWith('en/'));
    const english = pages()
      .filter((file) => file.startsWith('en/'))
      .map((file) => file.slice(3));
    expect(german.length).toBeGreaterThanOrEqual(10);
    expect(english).toEqual(german);
    expect(html('index.html')).toContain('<html lang="de"');
    expect(html('en/index.html')).toContain('<html lang="en"');
    expect(html('en/index.html')).toContain('Components');
    expect(html('index.html')).toContain('Komponenten');
  });

  test('each page links every translation with hreflang, and each link resolves to that page in that language', () => {
    for (const file of pages()) {
      const links = [...html(file).matchAll(/<link rel="alternate" hreflang[^>]*>/g)].map((match) => match[0]);
      const byLanguage: Record<string, string> = Object.fromEntries(
        links.map((tag) => [attribute(tag, 'hreflang') ?? '', attribute(tag, 'href') ?? '']),
      );
      expect(Object.keys(byLanguage).sort(), file).toEqual(['de', 'en', 'x-default']);
      expect(byLanguage['x-default']).toBe(byLanguage.de);
      expect(fileFor(byLanguage.de ?? '')).toBe(file.replace(/^en\//, ''));
      expect(fileFor(byLanguage.en ?? '')).toBe(file.startsWith('en/') ? file : `en/${file}`);
      for (const [language, url] of Object.entries(byLanguage)) {
        expect(url.startsWith(`${origin}/status/`), `${file} ${url}`).toBe(true);
        if (language !== 'x-default') expect(html(fileFor(url)), url).toContain(`<html lang="${language}"`);
      }
    }
  });

  test('issue 27: one embed.js for both languages, an embed.json in each, with translated titles and links', () => {
    expect(html('embed.js')).toContain('{de:``,en:`en/`}');
    expect(existsSync(join(dist, 'en', 'embed.js'))).toBe(false);
    const german = JSON.parse(html('embed.json')) as {
      lang: string;
      home: string;
      items: { title: string; url: string }[];
    };
    const english = JSON.parse(html('en/embed.json')) as typeof german;
    expect([german.lang, german.home, german.items[0]?.title, german.items[0]?.url]).toEqual([
      'de',
      '/status/',
      'API nicht erreichbar',
      '/status/incidents/2026-11-23-api-down/',
    ]);
    expect([english.lang, english.home, english.items[0]?.title, english.items[0]?.url]).toEqual([
      'en',
      '/status/en/',
      'API unreachable',
      '/status/en/incidents/2026-11-23-api-down/',
    ]);
  });

  test('a visible language switcher, plain links that need no JavaScript, names each language in itself', () => {
    const switcher = (file: string) => /<nav class="languages" aria-label="([^"]*)">([\s\S]*?)<\/nav>/.exec(html(file));
    const german = switcher('incidents/2026-11-23-api-down/index.html')!;
    expect(german[1]).toBe('Sprache');
    expect(german[2]).toMatch(
      /<a href="\/status\/en\/incidents\/2026-11-23-api-down\/" hreflang="en" lang="en">\s*English\s*<\/a>/,
    );
    expect(german[2]).toMatch(/<span lang="de" aria-current="page">\s*Deutsch\s*<\/span>/);
    const english = switcher('en/history/index.html')!;
    expect(english[1]).toBe('Language');
    expect(english[2]).toMatch(/<a href="\/status\/history\/" hreflang="de" lang="de">\s*Deutsch\s*<\/a>/);
  });

  test('translated text shows in English; untranslated text shows the German original marked lang="de"', () => {
    const page = html('en/incidents/2026-11-23-api-down/index.html');
    expect(page).toMatch(/<h1>API unreachable<\/h1>/);
    expect(page).toMatch(/<div class="prose">\s*<p>A load balancer failed\.<\/p>/);
    expect(page).toMatch(/<div class="prose" lang="de">\s*<p>Wir untersuchen Fehler der API\.<\/p>/);
    const untranslated = html('en/incidents/2026-11-20-web-blip/index.html');
    expect(untranslated).toMatch(/<h1 lang="de">Kurze Störung der Weboberfläche<\/h1>/);
    const postmortem = html('en/incidents/2026-11-18-db-slow/index.html');
    expect(postmortem).toMatch(/<div class="prose">\s*<p>The disk filled up; we added an alert\.<\/p>/);
    // Lists of incidents mark an untranslated title too.
    expect(html('en/history/index.html')).toMatch(/lang="de">\s*Kurze Störung der Weboberfläche/);
    // The German pages are the original: nothing is marked.
    const original = html('incidents/2026-11-23-api-down/index.html');
    expect(original).toContain('<h1>API nicht erreichbar</h1>');
    const main = /<main[\s\S]*<\/main>/.exec(original)![0];
    expect(main).not.toMatch(/\slang="/);
  });

  test('the page, component and group names are translated where components.yml gives a translation', async () => {
    expect(html('en/index.html')).toContain('<title>Qzxvk in English</title>');
    expect(html('index.html')).toContain('<title>Qzxvk</title>');
    expect(html('en/components/api/index.html')).toContain('<h1>Public API</h1>');
    expect(html('components/api/index.html')).toContain('<h1>Qapi</h1>');
    // Untranslated names stay as written.
    expect(html('en/components/db/index.html')).toContain('<h1>Qdbx</h1>');
    const feed = await new Parser().parseString(html('en/components/api/rss.xml'));
    expect(feed.title).toBe('Public API · Qzxvk in English');
    // The API is the first language's.
    expect(html('api/v2/components.json')).toContain('"name":"Qapi"');
    expect(html('api/v2/components.json')).not.toContain('Public API');
  });

  test('feeds exist per language, parse, and carry that language’s text', async () => {
    const parser = new Parser();
    const germanRss = await parser.parseString(html('rss.xml'));
    const englishRss = await parser.parseString(html('en/rss.xml'));
    expect(html('rss.xml')).toContain('<language>de</language>');
    expect(html('en/rss.xml')).toContain('<language>en</language>');
    expect(englishRss.link).toBe(`${origin}/status/en/`);
    const titles = (feed: typeof germanRss) => feed.items.map((item) => item.title);
    expect(titles(germanRss)).toContain('[Ursache identifiziert] API nicht erreichbar');
    expect(titles(englishRss)).toContain('[Identified] API unreachable');
    expect(englishRss.items.find((item) => item.title === '[Identified] API unreachable')!.link).toBe(
      `${origin}/status/en/incidents/2026-11-23-api-down/#update-2`,
    );
    const atom = await parser.parseString(html('en/components/api/atom.xml'));
    expect(atom.items.map((item) => item.title)).toContain('[Identified] API unreachable');
    const json = JSON.parse(html('en/feed.json')) as {
      language: string;
      items: { title: string; language?: string; content_html: string }[];
    };
    expect(json.language).toBe('en');
    const item = (title: string) => json.items.find((entry) => entry.title === title)!;
    expect(item('[Resolved] Slow database').language).toBeUndefined();
    // An untranslated update in the English feed says which language it is in, for readers and screen readers.
    expect(item('[Resolved] Kurze Störung der Weboberfläche').language).toBe('de');
    expect(item('[Resolved] Kurze Störung der Weboberfläche').content_html).toMatch(
      /^<div lang="de"><p>Die Weboberfläche war fünf Minuten lang langsam\.<\/p>/,
    );
    const germanJson = JSON.parse(html('feed.json')) as { items: { language?: string }[] };
    expect(germanJson.items.filter((entry) => entry.language)).toEqual([]);
    expect(html('en/maintenance.ics')).toContain('BEGIN:VCALENDAR');
  });

  test('one Statuspage-compatible API, at the root, in the first language', () => {
    expect(existsSync(join(dist, 'api/v2/summary.json'))).toBe(true);
    expect(listFiles(dist).filter((file) => file.startsWith('en/api'))).toEqual([]);
    const summary = JSON.parse(html('api/v2/summary.json')) as { page: { url: string }; incidents: { name: string }[] };
    expect(summary.page.url).toBe(`${origin}/status/`);
    expect(summary.incidents.map((incident) => incident.name)).toEqual(['API nicht erreichbar']);
  });

  test('the API is byte for byte the one a German-only page with the same incidents, untranslated, publishes', () => {
    const root = mkdtempSync(join(tmpdir(), 'statusmark-german-only-'));
    mkdirSync(join(root, 'incidents'));
    writeFileSync(join(root, 'components.yml'), languageComponents('  language: de\n  base_path: /status/'));
    // Each `translations:` block ends where the indentation returns to its own level.
    const untranslated = (text: string) => text.replace(/^( *)translations:\n(?:\1 +.*\n)*/gm, '');
    for (const [name, text] of Object.entries(incidents))
      writeFileSync(join(root, 'incidents', name), untranslated(text));
    // STATUSMARK_DEV: read this root afresh instead of the cached one.
    const { state, model } = loadSiteData({ STATUS_ROOT: root, STATUS_NOW: languageSiteNow, STATUSMARK_DEV: '1' });
    expect(state.incidents.every(({ incident }) => Object.keys(incident.translations).length === 0)).toBe(true);
    for (const file of statuspageFiles)
      expect(html(`api/v2/${file}`), file).toBe(renderStatuspageFile(state, model.links, file));
  });

  test('one sitemap lists the pages of both languages; icons and robots.txt stay at the root', () => {
    const sitemap = html('sitemap.xml');
    expect(sitemap).toContain(`<loc>${origin}/status/incidents/2026-11-23-api-down/</loc>`);
    expect(sitemap).toContain(`<loc>${origin}/status/en/incidents/2026-11-23-api-down/</loc>`);
    expect(listFiles(dist).filter((file) => file.startsWith('en/') && /favicon|robots|sitemap/.test(file))).toEqual([]);
    expect(html('en/index.html')).toContain('<link rel="icon" href="/status/favicon.svg"');
  });
});

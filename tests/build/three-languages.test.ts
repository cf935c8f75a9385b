import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { listFiles, readDist } from '../helpers/dist.ts';
import { languageComponents, languageSiteNow } from '../helpers/languages.ts';

/**
 * English at the domain root, Arabic (right to left) and Brazilian Portuguese (a folder name that
 * differs from its tag) beside it; enough incidents on one component for a second page of them and
 * several history months; one recent incident translated into Arabic in part only.
 */
function incidents(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < 26; index++) {
    const day = new Date(Date.UTC(2026, 7, 1) + index * 3 * 86_400_000).toISOString().slice(0, 10);
    files[`${day}-blip-${index}.md`] = `---
title: Blip ${index}
impact: minor
components: [api]
updates:
  - at: ${day}T10:00:00Z
    status: resolved
    message: Over.
---
`;
  }
  files['2026-11-22-api-slow.md'] = `---
title: Slow API
impact: minor
components: [api]
updates:
  - at: 2026-11-22T10:00:00Z
    status: investigating
    message: We are looking into slow responses.
    translations:
      ar: نحن نبحث في بطء الاستجابات.
  - at: 2026-11-22T11:00:00Z
    status: resolved
    message: Fixed.
---
`;
  return files;
}

let dist: string;

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'statusmark-three-languages-'));
  mkdirSync(join(root, 'incidents'));
  writeFileSync(join(root, 'components.yml'), languageComponents('  languages: [en, ar, pt-BR]\n  feed_entries: 3'));
  for (const [name, text] of Object.entries(incidents())) writeFileSync(join(root, 'incidents', name), text);
  dist = mkdtempSync(join(tmpdir(), 'statusmark-three-languages-dist-'));
  const result = buildSite(root, dist, languageSiteNow);
  expect(result.output).toContain('Complete!');
  expect(result.exitCode).toBe(0);
}, 240_000);

const origin = 'https://status.qzxvk.example';
const html = (file: string) => readDist(dist, file);
const pages = () => listFiles(dist).filter((file) => file.endsWith('.html'));

/** The file a site path (`/ar/components/api/2/`, `https://…/pt-br/feed.json`) is served from. */
function fileFor(url: string): string {
  const path = url.replace(origin, '').replace(/^\//, '').replace(/#.*$/, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

describe('a page in English, Arabic and Brazilian Portuguese at the domain root', () => {
  test('every link on every page, the 404 page and paginated ones included, leads to a file the build wrote', () => {
    expect(pages()).toEqual(
      expect.arrayContaining([
        'components/api/2/index.html',
        'ar/components/api/2/index.html',
        'pt-br/components/api/2/index.html',
        'pt-br/history/2026-08/index.html',
        '404.html',
      ]),
    );
    const broken: string[] = [];
    for (const file of pages())
      for (const [, url] of html(file).matchAll(
        /\s(?:href|src)="((?:https:\/\/status\.qzxvk\.example)?\/[^"/][^"]*)"/g,
      ))
        if (!existsSync(join(dist, fileFor(url!)))) broken.push(`${file}: ${url}`);
    expect(broken).toEqual([]);
  });

  test('the one 404 page names no translations, and its language switcher leads to each language’s home', () => {
    const page = html('404.html');
    expect(page).not.toMatch(/hreflang="(ar|pt-BR|x-default)" href/);
    const switcher = /<nav class="languages"[^>]*>([\s\S]*?)<\/nav>/.exec(page)![1];
    expect([...switcher!.matchAll(/href="([^"]*)"/g)].map((match) => match[1])).toEqual(['/ar/', '/pt-br/']);
  });

  test('Arabic pages alone are right to left; Portuguese lives in /pt-br/ and says pt-BR', () => {
    const tags = new Set(pages().map((file) => `${file.split('/')[0]} ${/<html[^>]*>/.exec(html(file))![0]}`));
    for (const tag of tags) {
      if (tag.startsWith('ar ')) expect(tag).toBe('ar <html lang="ar" dir="rtl">');
      else if (tag.startsWith('pt-br ')) expect(tag).toBe('pt-br <html lang="pt-BR" dir="ltr">');
      else expect(tag).toMatch(/ <html lang="en" dir="ltr">$/);
    }
    expect(html('pt-br/index.html')).toMatch(/<link rel="alternate" hreflang="pt-BR" href="https:\/\/[^"]*\/pt-br\/">/);
  });

  test('English left untranslated on an Arabic page keeps its own direction, on the page and in the feed', () => {
    const page = html('ar/incidents/2026-11-22-api-slow/index.html');
    expect(page).toMatch(/<h1 lang="en" dir="ltr">Slow API<\/h1>/);
    expect(page).toMatch(/<div class="prose" lang="en" dir="ltr"><p>Fixed\.<\/p>/);
    expect(page).toMatch(/<div class="prose"><p>نحن نبحث في بطء الاستجابات\.<\/p>/);
    expect(html('ar/components/api/index.html')).toMatch(
      /<a href="\/ar\/incidents\/2026-11-22-api-slow\/" lang="en" dir="ltr">Slow API<\/a>/,
    );
    expect(html('ar/index.html')).toMatch(/lang="en" dir="ltr">Slow API<\/a>/);
    const feed = JSON.parse(html('ar/feed.json')) as { items: { content_html: string }[] };
    expect(feed.items[0]!.content_html).toMatch(/^<div lang="en" dir="ltr"><p>Fixed\.<\/p><\/div>/);
    // Portuguese reads left to right like the English original: `lang` alone says what it is.
    expect(html('pt-br/incidents/2026-11-22-api-slow/index.html')).toMatch(/<h1 lang="en">Slow API<\/h1>/);
  });

  test('an incident title link holds just its title, one space before its status, as before languages', () => {
    expect(html('index.html')).toContain('>Slow API</a> <span class="meta">');
    expect(html('components/api/index.html')).toMatch(
      /<li> <a href="\/incidents\/2026-11-22-api-slow\/">Slow API<\/a> <\/li>/,
    );
  });
});

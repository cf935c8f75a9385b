import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { createDateFormat } from '../../src/domain/date-format.ts';
import { bundledLanguages, translations } from '../../src/domain/languages.ts';
import { english, placeholdersOf, type Plural } from '../../src/domain/strings.ts';
import { buildLanguageSite } from '../helpers/languages.ts';
import { decodePng } from '../helpers/png.ts';

/** Names that are the same in every language. */
const brandNames = ['RSS', 'Atom', 'JSON', 'API', 'Statusmark'];

/** Words a translation rightly shares with English (checked by a person, not by this test). */
const sameInEnglish: Partial<Record<string, string[]>> = {
  de: ['Status', 'Details'],
  fr: ['Impact', 'Page', 'maintenance', 'incident', 'incidents'],
  nl: ['Impact'],
  // Node has no en-XA data: Intl writes relative times ("90 days ago") in English, as it would for `en`.
  'en-XA': ['days'],
};

function leaves(entry: unknown): string[] {
  if (typeof entry === 'string') return [entry];
  return Object.values(entry as Record<string, unknown>).flatMap(leaves);
}

/** English phrases of the interface, cut at placeholders, that a translated page must not contain. */
function englishPhrases(language: string): string[] {
  const allowed = new Set([...brandNames, ...(sameInEnglish[language] ?? [])]);
  const table = translations[language as keyof typeof translations] as unknown as Record<string, unknown>;
  return Object.entries(english).flatMap(([key, entry]) => {
    const translated = new Set(leaves(table[key]));
    return leaves(entry)
      .filter((text) => !translated.has(text))
      .flatMap((text) => text.split(/\{\w+\}/))
      .map((fragment) => fragment.replace(/^[\s,.:;()-]+|[\s,.:;()-]+$/g, ''))
      .filter((fragment) => /[A-Za-z]{3}/.test(fragment) && !allowed.has(fragment));
  });
}

/**
 * What a reader (or a screen reader) gets from a page: text, labels, titles, alt text, and the
 * words the inline scripts write into the page later (the values of their settings objects).
 */
function visibleText(source: string): string {
  // iCalendar folds long lines (a line break and one space continue the line); iCalendar and JSON escape breaks as \n.
  const markup = source.replace(/\r\n[ \t]/g, '').replace(/\\n/g, ' ');
  const attributes = [...markup.matchAll(/\s(?:aria-label|title|alt|content)="([^"]*)"/g)].map((match) => match[1]);
  const scriptWords = [...markup.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].flatMap(([, script]) =>
    [...script!.matchAll(/:\s*"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]),
  );
  return [
    markup
      .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, ' ')
      .replace(/<!\[CDATA\[|\]\]>/g, ' ')
      .replace(/<[^>]*>/g, ' '),
    ...attributes,
    ...scriptWords,
  ]
    .join(' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\b(?:https?|mailto):\S+/g, ' ')
    .replace(/\s+/g, ' ');
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

const outDirs = new Map<string, string>();

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'statusmark-languages-'));
  for (const language of bundledLanguages) {
    const outDir = join(root, language);
    const result = buildLanguageSite(language, outDir);
    if (result.exitCode !== 0) throw new Error(`${language} build failed:\n${result.output}`);
    outDirs.set(language, outDir);
  }
  // One real build per bundled language, one after another: about 6 s each on an idle machine.
}, 900_000);

const translated = bundledLanguages.filter((language) => language !== 'en');

describe('every page type in every bundled language', () => {
  test.each(translated)('%s: no English words left on any page, feed, calendar or badge', (language) => {
    const dir = outDirs.get(language)!;
    const phrases = englishPhrases(language);
    const leftovers: string[] = [];
    const files = filesIn(dir).filter((file) => /\.(html|xml|ics|svg)$|feed\.json$/.test(file));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = visibleText(readFileSync(join(dir, file), 'utf8'));
      for (const phrase of phrases) {
        const pattern = new RegExp(`(^|[^\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');
        if (pattern.test(text)) leftovers.push(`${file}: "${phrase}"`);
      }
    }
    expect(leftovers).toEqual([]);
  });

  test.each(bundledLanguages)('%s: pages say which language and direction they are in', (language) => {
    const html = readFileSync(join(outDirs.get(language)!, 'index.html'), 'utf8');
    expect(html).toMatch(new RegExp(`<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}"`));
  });

  test.each(bundledLanguages)('%s: the link-preview card reads from the page direction’s side', (language) => {
    const card = decodePng(readFileSync(join(outDirs.get(language)!, 'og', 'home.png')));
    // The status mark is the only coloured thing below the top bar: left, or right on an Arabic page.
    const markColumns: number[] = [];
    for (let y = 84; y < 164; y++)
      for (let x = 0; x < card.width; x++) {
        const at = (y * card.width + x) * card.channels;
        const [red, green, blue] = [card.pixels[at]!, card.pixels[at + 1]!, card.pixels[at + 2]!];
        if (Math.max(red, green, blue) - Math.min(red, green, blue) > 80) markColumns.push(x);
      }
    const [from, to] = language === 'ar' ? [1024, 1104] : [96, 176];
    expect(markColumns.length).toBeGreaterThan(500);
    expect(markColumns.every((x) => x >= from && x < to)).toBe(true);
  });

  test('the inline scripts speak the page language: stale notice, maintenance words, local times', () => {
    const html = readFileSync(join(outDirs.get('de')!, 'index.html'), 'utf8');
    expect(html).toContain('"locale":"de","notice":"Diese Seite wurde zuletzt {ago} aktualisiert."');
    expect(html).toContain(
      '"labels":{"scheduled":"Geplant","in_progress":"Wird durchgeführt","completed":"Abgeschlossen"}',
    );
    expect(html).toContain('new Intl.DateTimeFormat("de",');
  });

  test('a German page writes dates, durations and percentages as Intl does in German', () => {
    const dir = outDirs.get('de')!;
    const format = createDateFormat('Europe/Berlin', 'de');
    const incident = visibleText(readFileSync(join(dir, 'incidents/2026-11-18-qzx-old/index.html'), 'utf8'));
    expect(incident).toContain(`Beginn ${format.dateTime(Date.parse('2026-11-18T22:30:00Z'))}`);
    expect(incident).toContain('19. Nov. 2026, 01:20 MEZ');
    expect(incident).toContain(`Dauer ${format.duration(110 * 60_000)}`);
    expect(incident).toContain('Dauer 1 Std., 50 Min.');
    const component = visibleText(readFileSync(join(dir, 'components/web/index.html'), 'utf8'));
    expect(component).toMatch(/\d{2},\d{2} % Verfügbarkeit/);
    expect(component).toContain('vor 90 Tagen');
  });

  test.each(translated)('%s: feeds parse, with the update labels in the language', async (language) => {
    const dir = outDirs.get(language)!;
    const table = translations[language];
    const parser = new Parser();
    for (const file of ['rss.xml', 'atom.xml']) {
      const feed = await parser.parseString(readFileSync(join(dir, file), 'utf8'));
      expect(feed.items.map((item) => item.title)).toContain(`[${table.updateStatus.identified}] Qzxv vrk`);
    }
    const json = JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8')) as { language: string };
    expect(json.language).toBe(language);
  });

  test('the Statuspage-compatible API stays in Statuspage’s English words', () => {
    const summaryIn = (language: string) => readFileSync(join(outDirs.get(language)!, 'api/v2/summary.json'), 'utf8');
    expect(summaryIn('en')).toContain('"description":"Partial System Outage"');
    for (const language of ['de', 'ja', 'ar']) expect(summaryIn(language)).toBe(summaryIn('en'));
  });
});

describe('the translation tables', () => {
  const keysOf = (entry: unknown, prefix = ''): string[] =>
    typeof entry === 'string' || (typeof entry === 'object' && entry !== null && 'other' in entry)
      ? [prefix]
      : Object.entries(entry as Record<string, unknown>).flatMap(([key, value]) =>
          keysOf(value, prefix ? `${prefix}.${key}` : key),
        );

  test.each(translated)('%s has every key and no other', (language) => {
    expect(keysOf(translations[language]).sort()).toEqual(keysOf(english).sort());
  });

  test.each(bundledLanguages)('%s has a form for every plural category a count up to 1000 needs', (language) => {
    const rules = new Intl.PluralRules(language);
    const categories = [...new Set(Array.from({ length: 1001 }, (_, count) => rules.select(count)))];
    const missing = Object.entries(translations[language]).flatMap(([key, entry]) =>
      typeof entry === 'object' && 'other' in entry
        ? categories
            .filter((category) => category !== 'zero' && !(category in entry))
            .map((category) => `${key}.${category}`)
        : [],
    );
    expect(missing).toEqual([]);
  });

  test.each(translated)('%s uses only the placeholders English has for each entry', (language) => {
    const wrong: string[] = [];
    const table = translations[language] as unknown as Record<string, unknown>;
    for (const [key, entry] of Object.entries(english)) {
      const allowed = new Set(leaves(entry).flatMap(placeholdersOf));
      for (const text of leaves(table[key]))
        for (const name of placeholdersOf(text)) if (!allowed.has(name)) wrong.push(`${key}: {${name}}`);
    }
    expect(wrong).toEqual([]);
  });

  test('every key is used by the code', () => {
    const sources = filesIn(join(import.meta.dirname, '../../src'))
      .filter((file) => /\.(ts|astro)$/.test(file) && !file.includes('translations'))
      .map((file) => readFileSync(join(import.meta.dirname, '../../src', file), 'utf8'))
      .join('\n');
    const unused = Object.keys(english).filter((key) => !new RegExp(`(strings|table)\\.${key}\\b`).test(sources));
    expect(unused).toEqual([]);
  });

  test('plural forms are chosen by Intl.PluralRules: Polish and Arabic', () => {
    const plural = (language: 'pl' | 'ar', count: number) => {
      const forms: Plural = translations[language].dayLabelWithIncidents;
      return (forms[new Intl.PluralRules(language).select(count)] ?? forms.other).replace('{count}', String(count));
    };
    expect([1, 2, 5, 22].map((count) => plural('pl', count))).toEqual([
      '{date}: {status}, 1 incydent',
      '{date}: {status}, 2 incydenty',
      '{date}: {status}, 5 incydentów',
      '{date}: {status}, 22 incydenty',
    ]);
    expect(plural('ar', 2)).toBe('{date}: {status}، عطلان');
    expect(plural('ar', 11)).toBe('{date}: {status}، 11 عطلًا');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validate } from '../../src/cli/validate.ts';
import { createDateFormat } from '../../src/domain/date-format.ts';
import { directionWithin, pageInLanguage, pageStrings } from '../../src/domain/languages.ts';
import { formatHuman } from '../../src/domain/problem-format.ts';
import { ComponentsFileSchema } from '../../src/domain/schema/index.ts';
import { parseYamlWithPositions } from '../../src/node/yaml-source.ts';
import { fixtureComponents, makeContentRoot, projectRoot } from '../helpers/content.ts';

const now = Date.parse('2026-11-23T12:00:00Z');
const withPage = (lines: string) =>
  fixtureComponents.replace('  timezone: Europe/Berlin\n', `  timezone: Europe/Berlin\n${lines}\n`);
const problemsFor = (components: string) => validate({ root: makeContentRoot({}, components), now }).problems;
const pageOf = (components: string) =>
  ComponentsFileSchema.parse(
    (parseYamlWithPositions('components.yml', components, 0) as { ok: true; value: { data: unknown } }).value.data,
  ).page;

describe('page language and locale', () => {
  test('defaults to English words with British dates, as before languages existed', () => {
    const page = pageOf(fixtureComponents);
    expect(page.language).toBe('en');
    expect(page.locale).toBe('en-GB');
  });

  test('dates and numbers follow the language unless locale says otherwise', () => {
    expect(pageOf(withPage('  language: de')).locale).toBe('de');
    expect(pageOf(withPage('  language: de\n  locale: de-CH')).locale).toBe('de-CH');
    expect(pageOf(withPage('  language: en\n  locale: en-US')).locale).toBe('en-US');
  });

  test('a regional variant uses its language’s words', () => {
    expect(problemsFor(withPage('  language: en-US'))).toEqual([]);
    expect(pageStrings(pageOf(withPage('  language: en-US'))).today).toBe('Today');
  });

  test.each(['zh-Hans-CN', 'zh-Hans-TW', 'zh-Hans-SG'])(
    'a tag with script and region, %s, uses the language and script’s words (issue 22)',
    (tag) => {
      expect(problemsFor(withPage(`  language: ${tag}`))).toEqual([]);
      expect(pageStrings(pageOf(withPage(`  language: ${tag}`))).today).toBe(
        pageStrings(pageOf(withPage('  language: zh-Hans'))).today,
      );
      expect(problemsFor(withPage(`  languages: [en, ${tag}]`))).toEqual([]);
    },
  );

  test('Traditional Chinese does not fall back to Simplified', () => {
    expect(problemsFor(withPage('  language: zh-Hant-TW'))).toMatchObject([
      { code: 'InvalidLanguage', message: '"zh-Hant-TW" is not one of the bundled languages.' },
    ]);
  });

  test('refuses de_DE, naming the line and the fix', () => {
    expect(problemsFor(withPage('  language: de_DE')).map(formatHuman)).toMatchInlineSnapshot(`
      [
        "components.yml:5:13 error InvalidLanguage "de_DE" is not a BCP 47 language tag.
          hint: Write "language: de-DE" (hyphens, not underscores).",
      ]
    `);
  });

  test('refuses a language with no bundled translation, listing the ones there are', () => {
    expect(problemsFor(withPage('  language: fi'))).toMatchObject([
      { code: 'InvalidLanguage', line: 5, message: '"fi" is not one of the bundled languages.' },
    ]);
  });
});

describe('the direction of an untranslated original', () => {
  test('is set only where it differs from the page’s: English on Arabic pages, Arabic on English ones', () => {
    expect(directionWithin('en', 'ar')).toBe('ltr');
    expect(directionWithin('ar', 'en')).toBe('rtl');
    expect(directionWithin('ar', 'en-GB')).toBe('rtl');
    expect(directionWithin('de', 'en')).toBeUndefined();
    expect(directionWithin(undefined, 'ar')).toBeUndefined();
  });
});

describe('numbers, durations and relative times through Intl', () => {
  const instant = Date.parse('2026-03-29T00:45:00Z');

  test.each([
    ['en-GB', 'Europe/London'],
    ['de', 'Europe/Berlin'],
    ['ja', 'Asia/Tokyo'],
    ['hi', 'Asia/Kolkata'],
    ['pt-BR', 'America/Sao_Paulo'],
    ['ar', 'Asia/Riyadh'],
  ])('formats %s in %s exactly as Intl does', (locale, timeZone) => {
    const format = createDateFormat(timeZone, locale);
    const expected = new Intl.DateTimeFormat(locale, {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(instant);
    expect(format.dateTime(instant)).toBe(expected);
    expect(format.percent(0.99987)).toBe(
      new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
        0.9998,
      ),
    );
    expect(format.duration(95 * 60_000)).toBe(
      new Intl.DurationFormat(locale, { style: 'short' }).format({ hours: 1, minutes: 35 }),
    );
    expect(format.ago(now - 3 * 3_600_000, now)).toBe(
      new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-3, 'hour'),
    );
  });

  test('a half-hour zone and a DST change show the wall clock of the page zone', () => {
    // 00:45 UTC on the night Europe/Berlin springs forward: 01:45 CET before, 03:45 CEST after 01:00 UTC.
    expect(createDateFormat('Asia/Kolkata', 'en-GB').dateTime(instant)).toBe('29 Mar 2026, 06:15 GMT+5:30');
    expect(createDateFormat('Europe/Berlin', 'de').dateTime(instant)).toBe('29. März 2026, 01:45 MEZ');
    expect(createDateFormat('Europe/Berlin', 'de').dateTime(instant + 3_600_000)).toBe('29. März 2026, 03:45 MESZ');
  });

  test('percentages round down, so an outage never reads as 100 %', () => {
    expect(createDateFormat('UTC', 'en-GB').percent(0.99999)).toBe('99.99%');
    expect(createDateFormat('UTC', 'de').percent(0.99999)).toBe('99,99\u00a0%');
    expect(createDateFormat('UTC', 'fr').percent(1)).toBe('100,00\u00a0%');
  });

  test('a zero duration still says zero minutes', () => {
    expect(createDateFormat('UTC', 'en-GB').duration(10_000)).toBe('0 mins');
  });
});

describe('plural forms through Intl.PluralRules', () => {
  const strings = pageStrings({ language: 'en', locale: 'en-GB' });

  test('one day, two days; one incident, two incidents', () => {
    expect(
      strings.barSummary(
        'API',
        90,
        [
          { label: 'Operational', days: 89 },
          { label: 'Major Outage', days: 1 },
        ],
        '99.52% uptime',
      ),
    ).toBe('API, last 90 days: 89 days Operational, 1 day Major Outage; 99.52% uptime');
    expect(strings.dayLabel('22 Nov 2026', 'Major Outage', 1)).toBe('22 Nov 2026: Major Outage, 1 incident');
    expect(strings.dayLabel('22 Nov 2026', 'Major Outage', 2)).toBe('22 Nov 2026: Major Outage, 2 incidents');
    expect(strings.dayLabel('22 Nov 2026', 'Operational', 0)).toBe('22 Nov 2026: Operational');
  });

  test('counts are written with the locale’s digits and separators', () => {
    expect(pageStrings({ language: 'en', locale: 'en-GB' }).moreIncidents(1200)).toBe('and 1,200 more');
    expect(pageStrings({ language: 'en', locale: 'de' }).moreIncidents(1200)).toBe('and 1.200 more');
    expect(pageStrings({ language: 'en', locale: 'en-GB' }).daysAgo(90)).toBe('90 days ago');
  });

  test('a value in author text is never read as a placeholder', () => {
    expect(strings.incidentsFor('{name} {count}')).toBe('Incidents affecting {name} {count}');
  });
});

describe('page.strings', () => {
  test('replaces any word, and a plural phrase per category', () => {
    const page = pageOf(
      withPage(
        [
          '  language: de',
          '  strings:',
          '    indicator:',
          '      none: Alles läuft',
          '    staleNotice: "Stand: {ago}"',
          '    moreIncidents:',
          '      one: und eine weitere',
          '    noIncidentDays: Ruhige {days} Tage.',
        ].join('\n'),
      ),
    );
    const strings = pageStrings(page);
    expect(strings.indicator.none).toBe('Alles läuft');
    expect(strings.indicator.minor).toBe('Geringfügige Dienststörung');
    expect(strings.staleNotice('vor 3 Stunden')).toBe('Stand: vor 3 Stunden');
    expect(strings.moreIncidents(1)).toBe('und eine weitere');
    expect(strings.moreIncidents(2)).toBe('und 2 weitere');
    expect(strings.noIncidentDays(90)).toBe('Ruhige 90 Tage.');
  });

  test('on a page in several languages, strings are the first language’s and language_strings the others’', () => {
    const page = pageOf(
      withPage(
        [
          '  languages: [de, en]',
          '  strings:',
          '    support: Zum Kundenservice',
          '  language_strings:',
          '    en:',
          '      support: Contact us',
        ].join('\n'),
      ),
    );
    expect(pageStrings(page).support).toBe('Zum Kundenservice');
    const english = pageInLanguage(page, 'en');
    expect(english).toMatchObject({ language: 'en', locale: 'en-GB' });
    expect(pageStrings(english).support).toBe('Contact us');
    expect(pageStrings(english).history).toBe('Incident history');
  });

  test('a component name translated into a language the page does not have is refused', () => {
    const components = withPage('  languages: [de, en]').replace(
      /( {4}name: [^\n]+\n)/,
      '$1    translations:\n      fr:\n        name: Interface\n',
    );
    expect(problemsFor(components).map(formatHuman)).toMatchInlineSnapshot(`
      [
        "components.yml:11:9 error UnknownTranslationLanguage The translation is for "fr", which is not one of the page's other languages.
          hint: Use one of "en", as page.languages writes it.",
      ]
    `);
  });

  test('words for a language the page does not have are refused at their key', () => {
    const components = withPage('  languages: [de, en]\n  language_strings:\n    fr:\n      support: Aide');
    expect(problemsFor(components).map(formatHuman)).toMatchInlineSnapshot(`
      [
        "components.yml:8:7 error UnknownTranslationLanguage page.language_strings has words for "fr", which is not one of the page's other languages.
          hint: Use one of "en"; the first language's words go in "page.strings".",
      ]
    `);
  });

  test('a misspelt key is an error on its line naming the key meant', () => {
    expect(problemsFor(withPage('  strings:\n    staleNotcie: "Stand: {ago}"')).map(formatHuman))
      .toMatchInlineSnapshot(`
        [
          "components.yml:6:5 error UnknownKey "staleNotcie" is not a known key in page.strings.
            hint: Did you mean "staleNotice"? Rename "staleNotcie:" to "staleNotice:".",
        ]
      `);
  });

  test('a misspelt key in language_strings names the key meant, as in strings', () => {
    const components = withPage('  languages: [de, en]\n  language_strings:\n    en:\n      suport: Help');
    expect(problemsFor(components).map(formatHuman)).toMatchInlineSnapshot(`
      [
        "components.yml:8:7 error UnknownKey "suport" is not a known key in page.language_strings.en.
          hint: Did you mean "support"? Rename "suport:" to "support:".",
      ]
    `);
  });

  test('a placeholder the entry does not have is an error listing the ones it has', () => {
    expect(problemsFor(withPage('  strings:\n    staleNotice: "Stand: {age}"')).map(formatHuman))
      .toMatchInlineSnapshot(`
        [
          "components.yml:6:18 error UnknownPlaceholder "{age}" is not a value this text can show.
            hint: Use "{ago}", or write the text without placeholders.",
        ]
      `);
  });
});

describe('the sample in another language', () => {
  test('is the one-line change the README describes', () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    expect(readme).toContain('change `language: en` to `language: de`');
    const sample = readFileSync(join(projectRoot, 'components.yml'), 'utf8');
    const german = sample.replace(/^ {2}language: en\b/m, '  language: de');
    expect(german.split('\n').filter((line, index) => line !== sample.split('\n')[index])).toHaveLength(1);
    expect(problemsFor(german)).toEqual([]);
    expect(pageOf(german)).toMatchObject({ language: 'de', locale: 'de' });
  });

  test('two languages are the same one-line change, German at the root and English under /en/', () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    expect(readme).toContain('`languages: [de, en]`');
    const sample = readFileSync(join(projectRoot, 'components.yml'), 'utf8');
    const both = sample.replace(/^ {2}language: en\b.*$/m, '  languages: [de, en]');
    expect(both.split('\n').filter((line, index) => line !== sample.split('\n')[index])).toHaveLength(1);
    expect(problemsFor(both)).toEqual([]);
    expect(pageOf(both)).toMatchObject({ language: 'de', languages: ['de', 'en'], locale: 'de' });
  });

  test('language and languages together are refused, naming the line and the fix', () => {
    const both = withPage('  language: de\n  languages: [de, en]');
    expect(problemsFor(both).map(formatHuman)).toMatchInlineSnapshot(`
      [
        "components.yml:5:13 error LanguageAndLanguages page.language ("de") and page.languages are both set.
          hint: Keep one: "languages: [de, en]" builds every language, the first at the root; remove the "language" line.",
      ]
    `);
  });

  test('a language listed twice is refused at its entry', () => {
    expect(problemsFor(withPage('  languages: [de, en, de]')).map(formatHuman)).toMatchInlineSnapshot(`
      [
        "components.yml:5:23 error DuplicateLanguage "de" is listed twice in page.languages.
          hint: Remove the second "de".",
      ]
    `);
  });
});

import { describe, expect, test } from 'vitest';
import { validate } from '../../src/cli/validate.ts';
import { formatHuman } from '../../src/domain/problem-format.ts';
import { fixtureComponents, incidentFile, makeContentRoot } from '../helpers/content.ts';

const now = Date.parse('2026-11-23T12:00:00Z');

function problemsFor(files: Record<string, string | Uint8Array>, components?: string) {
  return validate({ root: makeContentRoot(files, components), now }).problems;
}

const printed = (files: Record<string, string | Uint8Array>, components?: string) =>
  problemsFor(files, components).map(formatHuman);

const incidentAt = (at: string) =>
  incidentFile(`
title: API errors
impact: minor
updates:
  - at: ${at}
    status: investigating
    message: Looking.
`);

describe('time offsets (issue #11 item 8)', () => {
  test.each([
    '2026-11-20T14:05:00+99:99',
    '2026-11-20T14:05:00-24:00',
    '2026-11-20T14:05:00+14:01',
    '2026-11-20T14:05:00+05:60',
  ])('refuses the impossible offset in %s instead of shifting the time', (at) => {
    const [problem, ...rest] = problemsFor({ 'offset.md': incidentAt(at) });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'InvalidTimezoneOffset', line: 5, column: 9 });
    expect(problem?.message).toContain(`"${at}"`);
  });

  test.each([
    '2026-11-20T14:05:00+14:00',
    '2026-11-20T14:05:00-12:00',
    '2026-11-20T14:05:00+05:45',
    '2026-11-20T14:05:00-0330',
  ])('accepts the real offset in %s', (at) => {
    expect(problemsFor({ 'offset.md': incidentAt(at) })).toEqual([]);
  });
});

const withPage = (line: string) =>
  fixtureComponents.replace('  timezone: Europe/Berlin\n', `  timezone: Europe/Berlin\n${line}\n`);
const withZone = (zone: string) => fixtureComponents.replace('timezone: Europe/Berlin', `timezone: ${zone}`);

describe('page time zone (issue #11 item 8)', () => {
  test('refuses an offset given as a time zone, though Intl accepts it', () => {
    expect(printed({}, withZone('"+05:30"'))).toMatchInlineSnapshot(`
      [
        "components.yml:4:13 error InvalidTimezone "+05:30" is a UTC offset, not an IANA time zone name; an offset cannot follow daylight saving time.
          hint: Use the name of a place in that zone, for example "Asia/Kolkata" for +05:30, or a name such as "UTC", "Europe/Berlin" or "America/New_York".",
      ]
    `);
  });

  test.each([
    ['utc', 'UTC'],
    ['europe/berlin', 'Europe/Berlin'],
  ])('refuses the lowercase spelling %s and names the IANA spelling', (zone, fixed) => {
    const [problem, ...rest] = problemsFor({}, withZone(zone));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'InvalidTimezone', line: 4, hint: `Write "timezone: ${fixed}".` });
  });

  test.each(['UTC', 'Asia/Kolkata', 'America/Argentina/Buenos_Aires', 'Etc/GMT-14', 'Europe/Kyiv'])(
    'accepts the IANA name %s',
    (zone) => {
      expect(problemsFor({}, withZone(zone))).toEqual([]);
    },
  );

  test('refuses a made-up zone', () => {
    expect(problemsFor({}, withZone('Mars/Olympus_Mons'))).toMatchObject([{ code: 'InvalidTimezone', line: 4 }]);
  });
});

describe('page locale (issue #11 item 9)', () => {
  test('refuses en_GB, which would break the build, naming the line and the fix', () => {
    expect(printed({}, withPage('  locale: en_GB'))).toMatchInlineSnapshot(`
      [
        "components.yml:5:11 error InvalidLocale "en_GB" is not a BCP 47 language tag.
          hint: Write "locale: en-GB" (hyphens, not underscores).",
      ]
    `);
  });

  test.each([
    ['en-gb', 'Write "locale: en-GB".'],
    ['zz-ZZ', 'Use a BCP 47 tag such as "en-GB", "de" or "pt-BR".'],
    ['english', 'Use a BCP 47 tag such as "en-GB", "de" or "pt-BR".'],
  ])('refuses the locale %s', (locale, hint) => {
    expect(problemsFor({}, withPage(`  locale: ${locale}`))).toMatchObject([{ code: 'InvalidLocale', line: 5, hint }]);
  });

  test.each(['en-GB', 'de', 'pt-BR', 'fr-CA'])('accepts the locale %s', (locale) => {
    expect(problemsFor({}, withPage(`  locale: ${locale}`))).toEqual([]);
  });
});

describe('title length (issue 22)', () => {
  test('refuses a title longer than 200 characters, which would stall every link-preview card', () => {
    const title = 'W'.repeat(9000);
    const [problem, ...rest] = problemsFor({
      'long.md': incidentFile(`
title: ${title}
impact: minor
updates:
  - at: 2026-11-20T14:05:00Z
    status: investigating
    message: Looking.
`),
    });
    expect(rest).toEqual([]);
    expect(formatHuman(problem!)).toMatchInlineSnapshot(`
      "incidents/long.md:2:8 error TitleTooLong The title is 9000 characters long ("WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW…"); a title may have at most 200.
          hint: Shorten it to at most 200 characters, a headline customers read at a glance, and put the details in the update's message."
    `);
  });

  test('accepts a title of exactly 200 characters, emoji counted as one', () => {
    const title = `${'a'.repeat(198)}🔥b`;
    expect(
      problemsFor({ 'long.md': incidentAt('2026-11-20T14:05:00Z').replace('title: API errors', `title: ${title}`) }),
    ).toEqual([]);
  });
});

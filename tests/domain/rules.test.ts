import { describe, expect, test } from 'vitest';
import { validate } from '../../src/cli/validate.ts';
import { formatGithub, formatHuman } from '../../src/domain/problem-format.ts';
import { loadRepository } from '../../src/node/load-repository.ts';
import { incidentFile, makeContentRoot } from '../helpers/content.ts';

const now = Date.parse('2026-11-23T12:00:00Z');

function problemsFor(files: Record<string, string>, components?: string) {
  return validate({ root: makeContentRoot(files, components), now }).problems;
}

const good = incidentFile(
  `
title: Elevated API error rates
impact: major
components:
  - api
  - id: webhooks
    status: major_outage
updates:
  - at: 2026-11-20T14:05:00Z
    status: investigating
    message: We are investigating elevated error rates on the API.
  - at: 2026-11-20T15:10:00+01:00
    status: monitoring
    message: A fix is deployed.
    components:
      - id: api
        status: degraded_performance
  - at: 2026-11-20T15:40:00Z
    status: resolved
    message: Resolved.
`,
  'Postmortem text.',
);

describe('incident rules', () => {
  test('accepts a well-formed incident with mixed offsets and a postmortem', () => {
    expect(problemsFor({ 'api.md': good })).toEqual([]);
  });

  test('prints an unknown key with a did-you-mean, pointing at its line', () => {
    const [problem] = problemsFor({ 'typo.md': good.replace('impact: major', 'impcat: major') });
    expect(formatHuman(problem!)).toMatchInlineSnapshot(`
      "incidents/typo.md:3:1 error UnknownKey "impcat" is not a known key.
          hint: Did you mean "impact"? Rename "impcat:" to "impact:"."
    `);
  });

  test('names the nearest component id for an unknown component', () => {
    const [problem] = problemsFor({ 'x.md': good.replace('  - api\n', '  - apy\n') });
    expect(formatHuman(problem!)).toMatchInlineSnapshot(`
      "incidents/x.md:5:5 error UnknownComponent The component "apy" is not in components.yml.
          hint: Did you mean "api"? Write "api"."
    `);
  });

  test('explains a backward transition with the statuses allowed next', () => {
    const file = good.replace('status: resolved', 'status: identified');
    const [problem] = problemsFor({ 'back.md': file });
    expect(formatHuman(problem!)).toMatchInlineSnapshot(`
      "incidents/back.md:19:13 error BackwardTransition The status moves back from "monitoring" to "identified".
          hint: After "monitoring" use one of: "monitoring", "resolved". To reopen, first resolve, then post "investigating"."
    `);
  });

  test('reports unknown components and backward moves even when the file also has a schema error', () => {
    const file = good
      .replace('impact: major', 'impcat: major')
      .replace('  - api\n', '  - apy\n')
      .replace('status: resolved', 'status: identified');
    expect(problemsFor({ 'many.md': file }).map((problem) => `${problem.line} ${problem.code}`)).toEqual([
      '3 UnknownKey',
      '5 UnknownComponent',
      '19 BackwardTransition',
    ]);
  });

  test('accepts markdown emphasis inside a message and still locates later problems', () => {
    const emphasis = good.replace('A fix is deployed.', 'A fix for **this** is *deployed*.');
    expect(problemsFor({ 'md.md': emphasis })).toEqual([]);
    const [problem] = problemsFor({ 'md.md': emphasis.replace('status: resolved', 'status: identified') });
    expect([problem?.line, problem?.code]).toEqual([19, 'BackwardTransition']);
  });

  test('accepts a reopened incident', () => {
    const reopened = good.replace(
      'message: Resolved.\n',
      'message: Resolved.\n  - at: 2026-11-20T18:00:00Z\n    status: investigating\n    message: Errors are back.\n',
    );
    expect(problemsFor({ 'reopened.md': reopened })).toEqual([]);
  });

  test('collects every problem in every file in one run', () => {
    const problems = problemsFor({
      'a.md': good.replace('  - api\n', '  - apy\n'),
      'b.md': good.replace('impact: major', 'impact: majr'),
      'c.md': good.replace('2026-11-20T14:05:00Z', '2026-11-20T14:05:00'),
    });
    expect(problems.map((problem) => `${problem.file} ${problem.code}`)).toEqual([
      'incidents/a.md UnknownComponent',
      'incidents/b.md InvalidImpact',
      'incidents/c.md MissingTimezoneOffset',
    ]);
  });

  test('warns when a promised next update has passed on an open incident', () => {
    const open = incidentFile(`
title: Slow dashboard
impact: minor
components: [dashboard-x]
updates:
  - at: 2026-11-23T10:00:00Z
    status: investigating
    message: Looking into it.
    next_update: 2026-11-23T10:30:00Z
`);
    const problems = problemsFor({ 'open.md': open.replace('[dashboard-x]', '[api]') });
    expect(problems.map((problem) => [problem.severity, problem.code, problem.line])).toEqual([
      ['warning', 'NextUpdateOverdue', 9],
    ]);
    const fresh = open.replace('[dashboard-x]', '[api]').replace('10:30:00Z', '12:30:00Z');
    expect(problemsFor({ 'open.md': fresh })).toEqual([]);
  });

  test('warns about a major incident resolved over 72 hours ago without a postmortem', () => {
    const old = good.replace(/2026-11-20/g, '2026-11-10').replace('Postmortem text.', '');
    expect(problemsFor({ 'old.md': old }).map((problem) => [problem.severity, problem.code])).toEqual([
      ['warning', 'MissingPostmortem'],
    ]);
    const recent = good.replace('Postmortem text.', '');
    expect(problemsFor({ 'recent.md': recent })).toEqual([]);
  });

  test('counts the 72 hours from resolve to the postmortem publication', () => {
    const old = good.replace(/2026-11-20/g, '2026-11-10');
    const [unpublished] = problemsFor({ 'old.md': old });
    expect(formatHuman(unpublished!)).toMatchInlineSnapshot(`
      "incidents/old.md:2:1 warning MissingPostmortem This major incident was resolved 12 days 20 hours ago and has no published postmortem; the commitment is one within 72 hours, so it is 9 days 20 hours late.
          hint: Publish the text below the front matter as its postmortem: add "postmortem_published: 2026-11-23T12:00:00.000Z" to the front matter."
    `);
    const published = old.replace('title:', 'postmortem_published: 2026-11-12T09:00:00Z\ntitle:');
    expect(problemsFor({ 'old.md': published })).toEqual([]);
  });

  test('warns about a missing postmortem for an incident escalated to major while open', () => {
    const escalated = good
      .replace(/2026-11-20/g, '2026-11-10')
      .replace('impact: major', 'impact: minor')
      .replace('    message: A fix is deployed.', '    message: A fix is deployed.\n    impact: major')
      .replace('Postmortem text.', '');
    expect(problemsFor({ 'old.md': escalated }).map((problem) => problem.code)).toEqual(['MissingPostmortem']);
  });

  test('refuses a postmortem published before the incident is resolved, or without text', () => {
    const early = good.replace('title:', 'postmortem_published: 2026-11-20T15:00:00Z\ntitle:');
    const [problem] = problemsFor({ 'early.md': early });
    expect(formatHuman(problem!)).toMatchInlineSnapshot(`
      "incidents/early.md:2:23 error PostmortemBeforeResolved The postmortem is published at 2026-11-20T15:00:00.000Z, before the incident was resolved (2026-11-20T15:40:00.000Z).
          hint: Set postmortem_published to the time you published it, at or after 2026-11-20T15:40:00.000Z."
    `);
    const empty = good
      .replace('title:', 'postmortem_published: 2026-11-21T09:00:00Z\ntitle:')
      .replace('Postmortem text.', '');
    expect(problemsFor({ 'empty.md': empty }).map((found) => `${found.line} ${found.code}`)).toEqual([
      '2 EmptyPostmortem',
    ]);
  });

  test('refuses an incident touching a component before its since date', () => {
    const components = `page:\n  name: X\n  url: https://x.example\n  timezone: Europe/Berlin\ncomponents:\n  - id: api\n    name: API\n    since: 2026-11-21\n  - id: webhooks\n    name: Webhooks\n`;
    const [problem, ...rest] = problemsFor({ 'api.md': good }, components);
    expect(formatHuman(problem!)).toMatchInlineSnapshot(`
      "incidents/api.md:5:5 error ComponentBeforeSince The component "api" exists from 2026-11-21 (its since in components.yml), but this incident begins at 2026-11-20T14:05:00.000Z.
          hint: Remove "api" here, or set "since: 2026-11-20" (or earlier) on it in components.yml."
    `);
    expect(rest.map((found) => `${found.line} ${found.code}`)).toEqual(['16 ComponentBeforeSince']);
    const later = components.replace('since: 2026-11-21', 'since: 2026-11-20');
    expect(problemsFor({ 'api.md': good }, later)).toEqual([]);
  });

  test('rejects duplicate component ids and unknown groups in components.yml', () => {
    const components = `page:\n  name: X\n  url: https://x.example\n  timezone: UTC\ngroups:\n  - id: core\n    name: Core\ncomponents:\n  - id: api\n    name: API\n    group: cor\n  - id: api\n    name: API again\n`;
    const problems = problemsFor({}, components);
    expect(problems.map((problem) => `${problem.line} ${problem.code} ${problem.hint}`)).toEqual([
      '11 UnknownGroup Did you mean "core"?',
      '12 DuplicateComponent Component ids are permanent and unique: rename the new one (ids are in URLs and feeds).',
    ]);
  });

  test('rejects a page with a bad time zone, URL and base path', () => {
    const components = `page:\n  name: X\n  url: status.example\n  timezone: Europe/Berlinn\n  base_path: status\ncomponents:\n  - id: api\n    name: API\n`;
    expect(problemsFor({}, components).map((problem) => `${problem.line} ${problem.code}`)).toEqual([
      '3 InvalidUrl',
      '4 InvalidTimezone',
      '5 InvalidFormat',
    ]);
  });

  test('reads page.stale_after as a duration, default one hour, and rejects anything else with InvalidDuration', () => {
    const page = (extra: string) =>
      `page:\n  name: X\n  url: https://status.example\n  timezone: UTC\n${extra}components:\n  - id: api\n    name: API\n`;
    const staleAfter = (extra: string) =>
      loadRepository(makeContentRoot({}, page(extra)), now).repository?.components.page.stale_after;
    expect(staleAfter('')).toBe(3_600_000);
    expect(staleAfter('  stale_after: 1h30m\n')).toBe(5_400_000);
    expect(staleAfter('  stale_after: 2d\n')).toBe(172_800_000);
    const [problem] = problemsFor({}, page('  stale_after: soon\n'));
    expect(formatHuman(problem!)).toMatchInlineSnapshot(`
      "components.yml:5:16 error InvalidDuration "soon" is not a duration.
          hint: Write days, hours and minutes as, for example, "1h", "90m" or "1h30m"."
    `);
    expect(problemsFor({}, page('  stale_after: 0m\n')).map((found) => found.code)).toEqual(['InvalidDuration']);
  });

  test('accepts duplicate slugs only when they differ in more than case', () => {
    const problems = problemsFor({ 'api-outage.md': good, 'API-Outage.md': good });
    expect(problems.map((problem) => problem.code).sort()).toEqual(['DuplicateSlug', 'InvalidSlug']);
  });

  test('renders GitHub annotations with escaped properties and the hint', () => {
    const line = formatGithub({
      file: 'incidents/a,b.md',
      line: 3,
      column: 1,
      severity: 'error',
      code: 'UnknownKey',
      message: 'Bad: "x".',
      hint: 'Fix it.',
    });
    expect(line).toBe('::error file=incidents/a%2Cb.md,line=3,col=1,title=UnknownKey::Bad: "x".%0AFix it.');
  });
});

describe('translated incident text', () => {
  const components = (languages: string) =>
    `page:\n  name: X\n  url: https://status.example\n  timezone: UTC\n${languages}components:\n  - id: api\n    name: API\n  - id: database\n    name: Database\n`;
  const threeLanguages = components('  languages: [en, de, pt-BR]\n');
  const translated = incidentFile(
    `
title: Elevated API error rates
impact: major
translations:
  de:
    title: Erhöhte Fehlerraten der API
    postmortem: Eine Konfigurationsänderung halbierte den Verbindungspool.
  pt-BR: { title: Taxas de erro elevadas na API }
components:
  - api
updates:
  - at: 2026-11-20T14:05:00Z
    status: investigating
    message: We are investigating elevated error rates on the API.
    translations:
      de: Wir untersuchen erhöhte Fehlerraten der API.
      pt-BR: Estamos investigando taxas de erro elevadas na API.
  - at: 2026-11-20T15:40:00Z
    status: resolved
    message: Resolved.
`,
    'A configuration change halved the connection pool.',
  );

  test("accepts translations for the page's other languages, in block and flow style", () => {
    expect(problemsFor({ 'api.md': translated }, threeLanguages)).toEqual([]);
  });

  test("refuses a translation for a language the page does not have, naming the page's other languages", () => {
    const [problem] = problemsFor(
      { 'api.md': translated.replace('      pt-BR: Estamos', '      es: Estamos') },
      threeLanguages,
    );
    expect(formatHuman(problem!)).toMatchInlineSnapshot(`
      "incidents/api.md:17:7 error UnknownTranslationLanguage "es" is not one of the page's languages (page.languages in components.yml), so this translation would never be shown.
          hint: Use one of the page's other languages ("de", "pt-BR"), or add "es" to page.languages in components.yml."
    `);
  });

  test('suggests the language meant when a key differs from page.languages only in spelling or case', () => {
    const [problem] = problemsFor({ 'api.md': translated.replace('  pt-BR: {', '  pt-br: {') }, threeLanguages);
    expect(formatHuman(problem!)).toMatchInlineSnapshot(`
      "incidents/api.md:8:3 error UnknownTranslationLanguage "pt-br" is not one of the page's languages (page.languages in components.yml), so this translation would never be shown.
          hint: Did you mean "pt-BR"? Keys are matched exactly as page.languages writes them; the page's other languages are "de", "pt-BR"."
    `);
  });

  test('on a one-language page, says how to add the language to page.languages', () => {
    const [problem] = problemsFor({ 'api.md': translated }, components('  language: en\n'));
    expect(formatHuman(problem!)).toMatchInlineSnapshot(`
      "incidents/api.md:5:3 error UnknownTranslationLanguage "de" is not one of the page's languages (page.languages in components.yml), so this translation would never be shown.
          hint: List it in components.yml with "languages: [en, de]" under page (in place of any "language:" line), or remove the translation."
    `);
  });

  test("refuses a translation into the page's first language, where the original text already is", () => {
    const problems = problemsFor(
      {
        'api.md': translated
          .replace('  de:\n    title:', '  en:\n    title:')
          .replace('      de: Wir', '      en: Wir'),
      },
      threeLanguages,
    );
    expect(problems.map(formatHuman).join('\n')).toMatchInlineSnapshot(`
      "incidents/api.md:5:3 error TranslationOfOriginal The translation "en" is in the page's first language, the one the title and the postmortem are written in, so it would never be shown.
          hint: If it reads better, move it into "title" (or the text below the front matter), or remove the "en" translation. Translations are for "de", "pt-BR".
      incidents/api.md:16:7 error TranslationOfOriginal The translation "en" is in the page's first language, the one "message" is written in, so it would never be shown.
          hint: If it reads better, make it the "message", or remove the "en" translation. Translations are for "de", "pt-BR"."
    `);
  });

  test('refuses a translated postmortem on a maintenance, pointing at its key', () => {
    const maintenance = incidentFile(`
kind: maintenance
title: Database upgrade
translations:
  de:
    title: Datenbank-Upgrade
    postmortem: Das Upgrade verlief wie geplant.
components:
  - database
window:
  start: 2026-11-20T02:00:00Z
  end: 2026-11-20T04:00:00Z
updates:
  - at: 2026-11-19T10:00:00Z
    status: scheduled
    message: We will upgrade the database.
    translations:
      de: Wir aktualisieren die Datenbank.
`);
    const problems = problemsFor({ 'db.md': maintenance }, threeLanguages);
    expect(problems.map(formatHuman).join('\n')).toMatchInlineSnapshot(`
      "incidents/db.md:7:5 error PostmortemOnMaintenance Only an incident has a postmortem; this file is a maintenance, so the "de" postmortem would never be shown.
          hint: Remove "postmortem" from translations.de; translate the last update's message instead."
    `);
  });

  test('refuses a translated postmortem on an incident with no postmortem of its own, so only one language would read it', () => {
    const withoutPostmortem = translated.replace('A configuration change halved the connection pool.', '');
    expect(problemsFor({ 'api.md': withoutPostmortem }, threeLanguages).map(formatHuman).join('\n'))
      .toMatchInlineSnapshot(`
      "incidents/api.md:7:5 error TranslationWithoutOriginal translations.de.postmortem is set but there is no postmortem text below the front matter, so only "de" readers would get one.
          hint: Write the postmortem in "en" below the closing "---" first, or remove "postmortem" from translations.de."
    `);
  });

  test('a misspelt key in an incident translation names the key meant', () => {
    const misspelt = translated.replace('    title: Erhöhte', '    titel: Erhöhte');
    expect(problemsFor({ 'api.md': misspelt }, threeLanguages).map(formatHuman)).toMatchInlineSnapshot(`
      [
        "incidents/api.md:6:5 error UnknownKey "titel" is not a known key in translations.de.
          hint: Did you mean "title"? Rename "titel:" to "title:".",
      ]
    `);
  });

  test('reports a wrong translation key even when the file also has a schema error', () => {
    const broken = translated
      .replace('impact: major', 'impcat: major')
      .replace('      pt-BR: Estamos', '      es: Estamos');
    expect(
      problemsFor({ 'api.md': broken }, threeLanguages).map((problem) => `${problem.line} ${problem.code}`),
    ).toEqual(['3 UnknownKey', '17 UnknownTranslationLanguage']);
  });

  test('an empty translation says to write it or remove the key', () => {
    const [problem] = problemsFor(
      { 'api.md': translated.replace('Wir untersuchen erhöhte Fehlerraten der API.', '""') },
      threeLanguages,
    );
    expect(formatHuman(problem!)).toMatchInlineSnapshot(`
      "incidents/api.md:16:11 error EmptyValue updates[0].translations.de is empty.
          hint: Write the translation, or remove "de:" to show the original text in that language."
    `);
  });

  test('refuses a control character in a translation, at its line and column', () => {
    const [problem] = problemsFor(
      { 'api.md': translated.replace('Wir untersuchen erhöhte', 'Wir untersuchen\u000Berhöhte') },
      threeLanguages,
    );
    expect([problem?.code, problem?.line, problem?.column]).toEqual(['ControlCharacter', 16, 26]);
  });
});

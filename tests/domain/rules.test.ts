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
      "incidents/old.md:2:1 warning MissingPostmortem This major incident was resolved over 72 hours ago and has no published postmortem.
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

import { describe, expect, test } from 'vitest';
import { runPrSummaryCommand } from '../../src/cli/pr-summary.ts';
import { validate } from '../../src/cli/validate.ts';
import { formatHuman } from '../../src/domain/problem-format.ts';
import { fixtureComponents, incidentFile, makeContentRoot } from '../helpers/content.ts';
import { commitAll, initRepository, writeFile } from '../helpers/git.ts';

const update = (at: string, status: string, extra = '') =>
  `  - at: ${at}\n    status: ${status}\n    message: Update at ${at}.\n${extra}`;
const incident = (impact: string, updates: string[], head = '') =>
  incidentFile(`title: API errors\nimpact: ${impact}\n${head}components: [api]\nupdates:\n${updates.join('')}`);

/**
 * A repository whose main branch holds `published`, with `proposed` in the work tree: what a pull
 * request would merge. Returns the commitment warnings validation prints, on their lines.
 */
function warnings(
  published: Record<string, string>,
  proposed: Record<string, string>,
  now: string,
  components = fixtureComponents,
): string[] {
  const root = makeContentRoot(published, components);
  initRepository(root);
  commitAll(root, 'Published');
  for (const [name, text] of Object.entries(proposed)) writeFile(root, `incidents/${name}`, text);
  return validate({ root, now: Date.parse(now), base: 'HEAD' })
    .problems.filter((problem) => problem.severity === 'warning')
    .map(formatHuman);
}

describe('commitments in the pull request (issue 25)', () => {
  test('warns on its line when the first update being merged is already late', () => {
    const file = incident(
      'major',
      [update('2026-11-20T11:05:00Z', 'investigating')],
      'started: 2026-11-20T11:00:00Z\n',
    );
    expect(warnings({}, { 'api.md': file }, '2026-11-20T11:40:00Z')).toMatchInlineSnapshot(`
      [
        "incidents/api.md:7:9 warning FirstUpdateLate This major incident started at 2026-11-20T11:00:00Z; its first update goes public when this pull request is merged, 40 minutes after the start at the earliest. The commitment is a first update within 15 minutes, so it is 25 minutes late.
          hint: Merge it now: every minute adds to the delay. If the impact really began later, correct "started".",
      ]
    `);
    expect(warnings({}, { 'api.md': file }, '2026-11-20T11:14:00Z')).toEqual([]);
  });

  test('warns when the update being merged comes after the time the previous one promised', () => {
    const first = update('2026-11-20T11:00:00Z', 'investigating', '    next_update: 2026-11-20T11:20:00Z\n');
    const before = incident('critical', [first]);
    const after = incident('critical', [first, update('2026-11-20T11:25:00Z', 'identified')]);
    expect(warnings({ 'api.md': before }, { 'api.md': after }, '2026-11-20T11:30:00Z')).toMatchInlineSnapshot(`
      [
        "incidents/api.md:10:9 warning NextUpdateLate The update before this one promised the next by 2026-11-20T11:20:00Z; this one goes public when this pull request is merged, 10 minutes after that at the earliest.
          hint: Merge it now. When a promised time cannot be kept, post a short update before it passes, with a new next_update.",
      ]
    `);
  });

  test('warns when the update being merged ends a silence longer than the cadence', () => {
    const first = update('2026-11-20T08:00:00Z', 'investigating');
    const before = incident('minor', [first]);
    const after = incident('minor', [first, update('2026-11-20T12:30:00Z', 'monitoring')]);
    expect(warnings({ 'api.md': before }, { 'api.md': after }, '2026-11-20T12:30:00Z')).toMatchInlineSnapshot(`
      [
        "incidents/api.md:9:9 warning UpdateCadenceMissed This update goes public when this pull request is merged, 4 hours 30 minutes after the one before (2026-11-20T08:00:00Z); the commitment for a minor incident is an update at least every 4 hours, so it is 30 minutes late.
          hint: Merge it now, and post the next update within the commitment.",
      ]
    `);
    expect(warnings({ 'api.md': before }, { 'api.md': after }, '2026-11-20T11:59:00Z')).toEqual([]);
  });

  test('warns about an open incident silent for longer than its cadence, once', () => {
    const open = incident('major', [update('2026-11-20T10:00:00Z', 'investigating')]);
    expect(warnings({ 'api.md': open }, {}, '2026-11-20T11:30:00Z')).toMatchInlineSnapshot(`
      [
        "incidents/api.md:6:9 warning UpdateCadenceMissed This major incident is open and its last update (2026-11-20T10:00:00Z) was 90 minutes ago; the commitment is an update at least every 60 minutes, so it is 30 minutes late.
          hint: Post an update now, even if nothing changed, and say when the next one comes: npm run incident:update -- api (or resolve it if it is over).",
      ]
    `);
    // A passed next_update already asks for the same update.
    const promised = incident('major', [
      update('2026-11-20T10:00:00Z', 'investigating', '    next_update: 2026-11-20T10:30:00Z\n'),
    ]);
    expect(
      warnings({ 'api.md': promised }, {}, '2026-11-20T11:30:00Z').map((line) => line.split(' ').slice(1, 3)),
    ).toEqual([['warning', 'NextUpdateOverdue']]);
  });

  test('reminds a day before a postmortem is due, and warns once it is late', () => {
    const resolved = incident('critical', [
      update('2026-11-20T10:00:00Z', 'investigating'),
      update('2026-11-20T11:00:00Z', 'resolved'),
    ]);
    expect(warnings({ 'api.md': resolved }, {}, '2026-11-22T23:00:00Z')).toMatchInlineSnapshot(`
      [
        "incidents/api.md:2:1 warning PostmortemDueSoon This critical incident was resolved at 2026-11-20T11:00:00Z; its postmortem is due within 72 hours, by 2026-11-23T11:00:00Z, 12 hours from now.
          hint: Write what happened and what will change below the closing "---", and add "postmortem_published: 2026-11-22T23:00:00.000Z" to the front matter.",
      ]
    `);
    expect(warnings({ 'api.md': resolved }, {}, '2026-11-22T10:00:00Z')).toEqual([]);
    expect(warnings({ 'api.md': resolved }, {}, '2026-11-23T11:30:00Z').map((line) => line.split(' ')[2])).toEqual([
      'MissingPostmortem',
    ]);
  });

  test('a reopened incident: the gap between resolved and reopening is not silence', () => {
    const resolved = [update('2026-11-20T10:00:00Z', 'investigating'), update('2026-11-20T10:30:00Z', 'resolved')];
    const before = incident('minor', resolved);
    const after = incident('minor', [...resolved, update('2026-11-20T18:00:00Z', 'investigating')]);
    expect(warnings({ 'api.md': before }, { 'api.md': after }, '2026-11-20T18:05:00Z')).toEqual([]);
  });

  test('history filled in for an incident that began over 90 days ago is not a late first update', () => {
    const old = incident(
      'critical',
      [update('2026-03-01T10:00:00Z', 'investigating'), update('2026-03-01T11:00:00Z', 'resolved')],
      'postmortem_published: 2026-03-02T10:00:00Z\n',
    ).concat('What happened.\n');
    expect(warnings({}, { 'old.md': old }, '2026-11-20T12:00:00Z')).toEqual([]);
  });

  test('follows the commitments in components.yml: a table written replaces its default', () => {
    const components = `${fixtureComponents}commitments:\n  first_update: { critical: 5m }\n`;
    const major = incident(
      'major',
      [update('2026-11-20T11:05:00Z', 'investigating')],
      'started: 2026-11-20T11:00:00Z\n',
    );
    const critical = major.replace('impact: major', 'impact: critical');
    expect(warnings({}, { 'major.md': major }, '2026-11-20T11:40:00Z', components)).toEqual([]);
    expect(
      warnings({}, { 'critical.md': critical }, '2026-11-20T11:06:00Z', components).map((line) => line.split(' ')[2]),
    ).toEqual(['FirstUpdateLate']);
  });

  test('plain validation (the build) leaves the pull request warnings out', () => {
    const open = incident('major', [update('2026-11-20T10:00:00Z', 'investigating')]);
    const root = makeContentRoot({ 'api.md': open });
    expect(validate({ root, now: Date.parse('2026-11-20T13:00:00Z') }).problems).toEqual([]);
  });

  test('the pull request summary lists them for the changed files, with how late and the commitment', () => {
    const root = makeContentRoot({});
    initRepository(root);
    commitAll(root, 'empty');
    writeFile(
      root,
      'incidents/api.md',
      incident('major', [update('2026-11-20T11:05:00Z', 'investigating')], 'started: 2026-11-20T11:00:00Z\n'),
    );
    let out = '';
    runPrSummaryCommand(['HEAD'], {
      out: (text) => (out += text),
      env: { STATUS_ROOT: root, STATUS_NOW: '2026-11-20T11:40:00Z' },
    });
    expect(out.slice(out.indexOf('## ⚠️ Commitments'), out.indexOf('## Notifications'))).toMatchInlineSnapshot(`
      "## ⚠️ Commitments

      | where | warning | what |
      | --- | --- | --- |
      | \`incidents/api.md:7\` | \`FirstUpdateLate\` | This major incident started at 2026\\-11\\-20T11\\:00\\:00Z\\; its first update goes public when this pull request is merged\\, 40 minutes after the start at the earliest\\. The commitment is a first update within 15 minutes\\, so it is 25 minutes late\\. |


      "
    `);
  });
});

describe('commitments in components.yml (issue 25)', () => {
  test('a duration that does not parse and an impact that does not exist are errors on their line', () => {
    const components = `${fixtureComponents}commitments:\n  first_update: { critical: 15m, severe: 5m }\n  update_every:\n    major: an hour\n`;
    const root = makeContentRoot({}, components);
    expect(validate({ root, now: Date.parse('2026-11-20T12:00:00Z') }).problems.map(formatHuman))
      .toMatchInlineSnapshot(`
      [
        "components.yml:19:42 error UnknownImpact "severe" is not an impact, so no incident can be held to this commitment.
          hint: Use one of: "none", "minor", "major", "critical".",
        "components.yml:21:12 error InvalidDuration "an hour" is not a duration.
          hint: Write days, hours and minutes as, for example, "1h", "90m" or "1h30m".",
      ]
    `);
  });
});

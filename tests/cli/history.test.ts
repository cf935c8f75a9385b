import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { runValidateCommand, validate } from '../../src/cli/validate.ts';
import { formatHuman } from '../../src/domain/problem-format.ts';
import { componentsWithoutCommitments, incidentFile, makeContentRoot } from '../helpers/content.ts';
import { commitAll, initRepository, removeFile, writeFile } from '../helpers/git.ts';
import { databaseUpgradeFile } from '../helpers/maintenance.ts';

const now = Date.parse('2026-11-23T12:00:00Z');

const published = incidentFile(`
title: Elevated API error rates
impact: major
components:
  - api
updates:
  - at: 2026-11-20T14:05:00Z
    status: investigating
    message: We are investigating.
  - at: 2026-11-20T14:30:00Z
    status: identified
    message: We found the cause.
`);

// The published incident stays open for days: without commitments, these tests see the history rules alone.
const fixtureComponents = componentsWithoutCommitments;

let root: string;

beforeEach(() => {
  root = makeContentRoot({ 'api-errors.md': published }, fixtureComponents);
  initRepository(root);
  commitAll(root, 'Publish incident');
});

function historyProblems() {
  return validate({ root, now, base: 'HEAD' }).problems.map(
    (problem) => `${problem.file}:${problem.line} ${problem.severity} ${problem.code}`,
  );
}

describe('history is append-only', () => {
  test('accepts an appended update', () => {
    writeFile(
      root,
      'incidents/api-errors.md',
      published.replace(/---\n$/, '  - at: 2026-11-20T15:00:00Z\n    status: resolved\n    message: Fixed.\n---\n'),
    );
    expect(historyProblems()).toEqual([]);
  });

  test('rejects a deleted incident', () => {
    removeFile(root, 'incidents/api-errors.md');
    expect(historyProblems()).toEqual(['incidents/api-errors.md:1 error IncidentDeleted']);
  });

  test('rejects a renamed incident and names the old file', () => {
    renameSync(join(root, 'incidents/api-errors.md'), join(root, 'incidents/api-outage.md'));
    const [problem] = validate({ root, now, base: 'HEAD' }).problems;
    expect(problem).toMatchObject({
      file: 'incidents/api-outage.md',
      code: 'IncidentRenamed',
      hint: 'Rename it back to incidents/api-errors.md.',
    });
  });

  test('rejects a removed update', () => {
    writeFile(root, 'incidents/api-errors.md', published.replace(/  - at: 2026-11-20T14:30:00Z[\s\S]*?cause\.\n/, ''));
    expect(historyProblems()).toEqual(['incidents/api-errors.md:6 error UpdateRemoved']);
  });

  test('rejects reordered updates', () => {
    const swapped = incidentFile(`
title: Elevated API error rates
impact: major
components:
  - api
updates:
  - at: 2026-11-20T14:30:00Z
    status: identified
    message: We found the cause.
  - at: 2026-11-20T14:05:00Z
    status: investigating
    message: We are investigating.
`);
    writeFile(root, 'incidents/api-errors.md', swapped);
    expect(historyProblems()).toContain('incidents/api-errors.md:7 error UpdateReordered');
  });

  test('rejects a changed time or status of a published update', () => {
    writeFile(root, 'incidents/api-errors.md', published.replace('14:30:00Z', '14:31:00Z'));
    expect(historyProblems()).toEqual(['incidents/api-errors.md:10 error UpdateTimeChanged']);
    writeFile(root, 'incidents/api-errors.md', published.replace('status: identified', 'status: monitoring'));
    expect(historyProblems()).toEqual(['incidents/api-errors.md:11 error UpdateStatusChanged']);
  });

  test('rejects a changed impact on a published update (day bars would be rewritten)', () => {
    writeFile(
      root,
      'incidents/api-errors.md',
      published.replace('    status: identified\n', '    status: identified\n    impact: critical\n'),
    );
    expect(historyProblems()).toEqual(['incidents/api-errors.md:12 error UpdateImpactChanged']);
  });

  test('rejects changed component statuses on a published update', () => {
    writeFile(
      root,
      'incidents/api-errors.md',
      published.replace(
        '    status: identified\n',
        '    status: identified\n    components:\n      - id: api\n        status: operational\n',
      ),
    );
    expect(historyProblems()).toEqual(['incidents/api-errors.md:12 error UpdateComponentsChanged']);
  });

  test('rejects moving or removing a published postmortem time', () => {
    const resolved = published
      .replace('impact: major\n', 'impact: major\npostmortem_published: 2026-11-21T10:00:00Z\n')
      .replace(
        /---\n$/,
        '  - at: 2026-11-20T15:00:00Z\n    status: resolved\n    message: Fixed.\n---\nA bad deploy.\n',
      );
    writeFile(root, 'incidents/api-errors.md', resolved);
    commitAll(root, 'Publish postmortem');
    expect(historyProblems()).toEqual([]);
    writeFile(root, 'incidents/api-errors.md', resolved.replace('2026-11-21T10:00:00Z', '2026-11-22T10:00:00Z'));
    expect(historyProblems()).toEqual(['incidents/api-errors.md:4 error PostmortemPublicationChanged']);
    writeFile(root, 'incidents/api-errors.md', resolved.replace('postmortem_published: 2026-11-21T10:00:00Z\n', ''));
    expect(historyProblems()).toEqual(['incidents/api-errors.md:2 error PostmortemPublicationChanged']);
  });

  test('accepts the same instant written with another offset', () => {
    writeFile(root, 'incidents/api-errors.md', published.replace('2026-11-20T14:30:00Z', '2026-11-20T15:30:00+01:00'));
    expect(historyProblems()).toEqual([]);
  });

  test('reports edited wording as a warning and still passes', () => {
    writeFile(
      root,
      'incidents/api-errors.md',
      published.replace('We found the cause.', 'We found the cause, a bad deploy.'),
    );
    expect(historyProblems()).toEqual(['incidents/api-errors.md:12 warning UpdateMessageEdited']);
    const lines: string[] = [];
    expect(
      runValidateCommand(['--root', root, '--base', 'HEAD'], {
        out: (line) => lines.push(line),
        env: { STATUS_NOW: '2026-11-23T12:00:00Z' },
      }),
    ).toBe(0);
  });

  test('rejects removing a component that incidents refer to, suggesting retired', () => {
    writeFile(root, 'components.yml', fixtureComponents.replace(/  - id: api\n    name: API\n    group: core\n/, ''));
    const problems = validate({ root, now, base: 'HEAD' }).problems;
    expect(problems.map((problem) => problem.code)).toEqual(['ComponentRemoved', 'UnknownComponent']);
    expect(problems[0]?.hint).toContain('retired: true');
  });

  test('lets a file new since the base carry back-dated history', () => {
    writeFile(
      root,
      'incidents/old-outage.md',
      published.replace('2026-11-20', '2025-01-02').replace('2026-11-20', '2025-01-02'),
    );
    expect(historyProblems()).toEqual([]);
  });

  test('compares with a named ref in a repository with several commits', () => {
    commitAll(root, 'second');
    writeFile(root, 'incidents/api-errors.md', published.replace('status: identified', 'status: monitoring'));
    commitAll(root, 'rewrite history');
    expect(validate({ root, now, base: 'HEAD~1' }).problems.map((problem) => problem.code)).toEqual([
      'UpdateStatusChanged',
    ]);
    expect(validate({ root, now, base: 'HEAD' }).problems).toEqual([]);
  });

  test('does not call a published incident deleted when its file only fails to parse', () => {
    writeFile(root, 'incidents/api-errors.md', published.replace('We found the cause.', 'Cause: a bad deploy.'));
    expect(historyProblems()).toEqual(['incidents/api-errors.md:12 error YamlSyntax']);
  });

  test('explains a base ref that does not exist and exits 1', () => {
    const lines: string[] = [];
    const code = runValidateCommand(['--root', root, '--base', 'origin/nope'], {
      out: (line) => lines.push(line),
      env: { STATUS_NOW: '2026-11-23T12:00:00Z' },
    });
    expect(code).toBe(1);
    expect(lines[0]).toContain('error BaseRefNotFound The git ref "origin/nope" does not exist here');
  });
});

describe('published translations', () => {
  const twoLanguages = fixtureComponents.replace(
    '  timezone: Europe/Berlin\n',
    '  timezone: Europe/Berlin\n  languages: [en, de]\n',
  );
  const translated = published.replace(
    '    message: We found the cause.\n',
    '    message: We found the cause.\n    translations:\n      de: Wir haben die Ursache gefunden.\n',
  );

  beforeEach(() => {
    writeFile(root, 'components.yml', twoLanguages);
    writeFile(root, 'incidents/api-errors.md', translated);
    commitAll(root, 'Publish in two languages');
  });

  test('accepts a translation added later to a published update, title or postmortem, without a word', () => {
    writeFile(
      root,
      'incidents/api-errors.md',
      translated
        .replace('impact: major\n', 'impact: major\ntranslations:\n  de:\n    title: Erhöhte Fehlerraten der API\n')
        .replace(
          '    message: We are investigating.\n',
          '    message: We are investigating.\n    translations: { de: Wir untersuchen das. }\n',
        ),
    );
    expect(historyProblems()).toEqual([]);
  });

  test('reports a reworded translation as a TranslationEdited warning and still passes', () => {
    writeFile(root, 'incidents/api-errors.md', translated.replace('die Ursache', 'den Grund'));
    const problems = validate({ root, now, base: 'HEAD' }).problems;
    expect(problems.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.severity}`)).toEqual([
      'incidents/api-errors.md:14:11 warning',
    ]);
    expect(formatHuman(problems[0]!)).toMatchInlineSnapshot(`
      "incidents/api-errors.md:14:11 warning TranslationEdited The published update #2 (identified at 2026-11-20T14:30:00.000Z) has new "de" wording. Readers of the "de" page and feed subscribers already saw the old text.
          hint: Fine for typos; for a change of substance, post a new update (with its translations) instead."
    `);
    const lines: string[] = [];
    expect(
      runValidateCommand(['--root', root, '--base', 'HEAD'], {
        out: (line) => lines.push(line),
        env: { STATUS_NOW: '2026-11-23T12:00:00Z' },
      }),
    ).toBe(0);
  });

  test('reports a removed translation as a TranslationEdited warning', () => {
    writeFile(
      root,
      'incidents/api-errors.md',
      translated.replace('    translations:\n      de: Wir haben die Ursache gefunden.\n', ''),
    );
    const problems = validate({ root, now, base: 'HEAD' }).problems;
    expect(problems.map((problem) => `${problem.line} ${problem.severity} ${problem.code}`)).toEqual([
      '10 warning TranslationEdited',
    ]);
    expect(formatHuman(problems[0]!)).toMatchInlineSnapshot(`
      "incidents/api-errors.md:10:5 warning TranslationEdited The published update #2 (identified at 2026-11-20T14:30:00.000Z) lost its "de" translation; readers of the "de" page and feed subscribers already saw it, and now get the original message.
          hint: Restore the "de" translation unless it was wrong; to correct facts, post a new update instead."
    `);
  });

  test('a reworded message with an unchanged translation warns about the message only', () => {
    writeFile(root, 'incidents/api-errors.md', translated.replace('We found the cause.', 'We found it.'));
    expect(historyProblems()).toEqual(['incidents/api-errors.md:12 warning UpdateMessageEdited']);
  });
});

describe("a published incident's own fields are part of the record (issue 22)", () => {
  const resolved = published.replace(
    /---\n$/,
    '  - at: 2026-11-20T15:00:00Z\n    status: resolved\n    message: Fixed.\n---\n',
  );

  beforeEach(() => {
    writeFile(root, 'incidents/api-errors.md', resolved);
    commitAll(root, 'Resolve incident');
  });

  test('rejects turning a resolved outage into "impact: none" and shows the update that reclassifies it', () => {
    writeFile(root, 'incidents/api-errors.md', resolved.replace('impact: major', 'impact: none'));
    const problems = validate({ root, now, base: 'HEAD' }).problems;
    expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.severity} ${problem.code}`)).toEqual([
      '3:9 error ImpactRewritten',
    ]);
    expect(formatHuman(problems[0]!)).toMatchInlineSnapshot(`
      "incidents/api-errors.md:3:9 error ImpactRewritten The published impact "major" now says "none"; it would rewrite uptime, day bars and the API's past states.
          hint: Restore "impact: major". To reclassify, post a new update that carries the new impact (it counts from then on):
                  - at: 2026-11-23T12:00:00Z
                    status: resolved
                    impact: none
                    message: On review, we have reclassified this incident (impact none)."
    `);
  });

  test('rejects adding, removing or re-stating a component in the front matter', () => {
    writeFile(root, 'incidents/api-errors.md', resolved.replace('  - api\n', '  - api\n  - webhooks\n'));
    expect(historyProblems()).toEqual(['incidents/api-errors.md:6 error ComponentsRewritten']);
    expect(validate({ root, now, base: 'HEAD' }).problems[0]?.hint).toMatchInlineSnapshot(`
      "Remove "webhooks" from "components". To change what a component shows, post a new update that carries it (it counts from then on):
        - at: 2026-11-23T12:00:00Z
          status: resolved
          components:
            - id: webhooks
              status: operational
          message: On review, webhooks was affected too."
    `);
    writeFile(root, 'incidents/api-errors.md', resolved.replace('components:\n  - api\n', ''));
    expect(historyProblems()).toEqual(['incidents/api-errors.md:2 error ComponentsRewritten']);
    writeFile(
      root,
      'incidents/api-errors.md',
      resolved.replace('  - api\n', '  - id: api\n    status: degraded_performance\n'),
    );
    expect(historyProblems()).toEqual(['incidents/api-errors.md:6 error ComponentsRewritten']);
  });

  test('accepts published components listed in another order', () => {
    writeFile(root, 'incidents/api-errors.md', resolved.replace('  - api\n', '  - api\n  - webhooks\n'));
    commitAll(root, 'Two components');
    writeFile(root, 'incidents/api-errors.md', resolved.replace('  - api\n', '  - webhooks\n  - api\n'));
    expect(historyProblems()).toEqual([]);
  });

  test('rejects moving, adding or removing "started"', () => {
    const started = resolved.replace('impact: major\n', 'impact: major\nstarted: 2026-11-20T13:50:00Z\n');
    writeFile(root, 'incidents/api-errors.md', started);
    expect(historyProblems()).toEqual(['incidents/api-errors.md:4 error StartRewritten']);
    commitAll(root, 'Started earlier');
    writeFile(root, 'incidents/api-errors.md', started.replace('13:50:00Z', '13:20:00Z'));
    expect(historyProblems()).toEqual(['incidents/api-errors.md:4 error StartRewritten']);
    expect(formatHuman(validate({ root, now, base: 'HEAD' }).problems[0]!)).toMatchInlineSnapshot(`
      "incidents/api-errors.md:4:10 error StartRewritten The published start of impact (2026-11-20T13:50:00Z) now says 2026-11-20T13:20:00Z; it would rewrite uptime and day bars and give component changes new notification ids, so subscribers would be notified again.
          hint: Restore "started: 2026-11-20T13:50:00Z". If impact began at another time, say so in a new update:
                  - at: 2026-11-23T12:00:00Z
                    status: resolved
                    message: Impact began at 2026-11-20T13:20:00Z, not as first reported."
    `);
    writeFile(root, 'incidents/api-errors.md', resolved);
    expect(historyProblems()).toEqual(['incidents/api-errors.md:2 error StartRewritten']);
  });

  test('accepts "started" written out as the first update\'s time, which it already was', () => {
    writeFile(
      root,
      'incidents/api-errors.md',
      resolved.replace('impact: major\n', 'impact: major\nstarted: 2026-11-20T15:05:00+01:00\n'),
    );
    expect(historyProblems()).toEqual([]);
  });

  test('accepts the update the hint shows, pasted at the end of the updates', () => {
    const rewritten = resolved.replace('impact: major', 'impact: none').replace('  - api\n', '  - api\n  - webhooks\n');
    writeFile(root, 'incidents/api-errors.md', rewritten);
    const hints = validate({ root, now, base: 'HEAD' }).problems.map((problem) => problem.hint);
    expect(hints).toHaveLength(2);
    const updates = hints.map((hint) => hint.slice(hint.indexOf('\n') + 1)).join('\n');
    writeFile(root, 'incidents/api-errors.md', resolved.replace(/---\n$/, `${updates}\n---\n`));
    expect(historyProblems()).toEqual([]);
  });

  test('accepts a hand-written reclassification: a new update with impact and components', () => {
    writeFile(
      root,
      'incidents/api-errors.md',
      resolved.replace(
        /---\n$/,
        [
          '  - at: 2026-11-23T11:00:00Z',
          '    status: resolved',
          '    impact: minor',
          '    components:',
          '      - id: webhooks',
          '        status: operational',
          '    message: On review, this was a minor incident; webhooks were affected too.',
          '---',
          '',
        ].join('\n'),
      ),
    );
    expect(historyProblems()).toEqual([]);
  });
});

describe('a scheduled maintenance may be rescheduled until it begins (issue 22)', () => {
  const maintenance = databaseUpgradeFile({ start: '2026-11-25T02:00:00Z', end: '2026-11-25T04:00:00Z' });

  beforeEach(() => {
    writeFile(root, 'incidents/db-upgrade.md', maintenance);
    commitAll(root, 'Schedule maintenance');
  });

  function at(instant: string) {
    return validate({ root, now: Date.parse(instant), base: 'HEAD' }).problems.map(
      (problem) => `${problem.file}:${problem.line} ${problem.severity} ${problem.code}`,
    );
  }

  test('accepts a new window, components and impact before the window starts', () => {
    writeFile(
      root,
      'incidents/db-upgrade.md',
      maintenance
        .replace('2026-11-25T02:00:00Z', '2026-11-26T02:00:00Z')
        .replace('2026-11-25T04:00:00Z', '2026-11-26T05:00:00Z')
        .replace('  - database\n', '  - database\n  - api\n')
        .replace('kind: maintenance\n', 'kind: maintenance\nimpact: minor\n'),
    );
    expect(at('2026-11-23T12:00:00Z')).toEqual([]);
  });

  test('rejects a new window that would already have started', () => {
    writeFile(root, 'incidents/db-upgrade.md', maintenance.replace('2026-11-25T02:00:00Z', '2026-11-23T02:00:00Z'));
    expect(at('2026-11-23T12:00:00Z')).toEqual(['incidents/db-upgrade.md:7 error WindowRewritten']);
  });

  test('rejects moving the window once it has begun, and shows the update that extends it', () => {
    writeFile(root, 'incidents/db-upgrade.md', maintenance.replace('2026-11-25T04:00:00Z', '2026-11-25T06:00:00Z'));
    expect(at('2026-11-25T03:00:00Z')).toEqual(['incidents/db-upgrade.md:8 error WindowRewritten']);
    expect(formatHuman(validate({ root, now: Date.parse('2026-11-25T03:00:00Z'), base: 'HEAD' }).problems[0]!))
      .toMatchInlineSnapshot(`
        "incidents/db-upgrade.md:8:8 error WindowRewritten The maintenance has begun, so its published window (2026-11-25T02:00:00Z to 2026-11-25T04:00:00Z) is part of the record; it now says 2026-11-25T02:00:00Z to 2026-11-25T06:00:00Z.
            hint: Restore the window (start: 2026-11-25T02:00:00Z, end: 2026-11-25T04:00:00Z). To run longer, post an "in_progress" update: the maintenance then stays in progress until a "completed" update (post "completed" to finish early):
                    - at: 2026-11-25T03:00:00Z
                      status: in_progress
                      message: The work is taking longer than planned."
      `);
  });

  test('rejects moving the window once an in_progress update started it early', () => {
    const started = maintenance.replace(
      /---\n$/,
      '  - at: 2026-11-23T09:00:00Z\n    status: in_progress\n    message: We started early.\n---\n',
    );
    writeFile(root, 'incidents/db-upgrade.md', started);
    commitAll(root, 'Started early');
    writeFile(root, 'incidents/db-upgrade.md', started.replace('2026-11-25T02:00:00Z', '2026-11-23T09:00:00Z'));
    expect(at('2026-11-23T12:00:00Z')).toEqual(['incidents/db-upgrade.md:7 error WindowRewritten']);
  });

  test('rejects changing the components of a maintenance once it has begun', () => {
    writeFile(root, 'incidents/db-upgrade.md', maintenance.replace('  - database\n', '  - database\n  - api\n'));
    expect(at('2026-11-25T05:00:00Z')).toEqual(['incidents/db-upgrade.md:6 error ComponentsRewritten']);
  });
});

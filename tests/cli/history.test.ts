import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { runValidateCommand, validate } from '../../src/cli/validate.ts';
import { formatHuman } from '../../src/domain/problem-format.ts';
import { fixtureComponents, incidentFile, makeContentRoot } from '../helpers/content.ts';
import { commitAll, initRepository, removeFile, writeFile } from '../helpers/git.ts';

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

let root: string;

beforeEach(() => {
  root = makeContentRoot({ 'api-errors.md': published });
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

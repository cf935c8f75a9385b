import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runIncidentCommand } from '../../src/cli/incident-command.ts';
import { validate } from '../../src/cli/validate.ts';
import { formatHuman } from '../../src/domain/problem-format.ts';
import { componentsWithoutCommitments, fixtureComponents, incidentFile, makeContentRoot } from '../helpers/content.ts';
import { commitAll, initRepository } from '../helpers/git.ts';

const now = Date.parse('2026-11-23T12:00:00Z');

const incident = (message: string) =>
  incidentFile(`
title: API errors
impact: minor
components:
  - api
updates:
  - at: 2026-11-20T14:05:00Z
    status: investigating
    message: ${message}
`);

function outsideFile(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'statusmark-outside-'));
  writeFileSync(join(dir, 'secret.md'), content);
  return join(dir, 'secret.md');
}

const codes = (root: string, base?: string) =>
  validate({ root, now, base }).problems.map((problem) => `${problem.file}:${problem.line} ${problem.code}`);

describe('symbolic links and other non-regular files (issue #11 item 6)', () => {
  test('refuses an incident that is a symbolic link to a file outside the repository', () => {
    const root = makeContentRoot({});
    const target = outsideFile(incident('Content from outside the repository.'));
    symlinkSync(target, join(root, 'incidents', 'linked.md'));
    const problems = validate({ root, now }).problems;
    expect(problems.map(formatHuman)).toEqual([
      `incidents/linked.md:1:1 error NotARegularFile incidents/linked.md is a symbolic link (to "${target}"); only regular files are read, so nothing outside the repository is published and every change shows in git history.\n    hint: Replace it with a regular file holding the content itself (git rm incidents/linked.md, then copy the text in).`,
    ]);
  });

  test('refuses a link to /dev/zero without reading it', () => {
    const root = makeContentRoot({});
    symlinkSync('/dev/zero', join(root, 'incidents', 'zero.md'));
    const started = Date.now();
    expect(codes(root)).toEqual(['incidents/zero.md:1 NotARegularFile']);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('refuses a named pipe instead of blocking on it', () => {
    const root = makeContentRoot({});
    execFileSync('mkfifo', [join(root, 'incidents', 'pipe.md')]);
    expect(codes(root)).toEqual(['incidents/pipe.md:1 NotARegularFile']);
  });

  test('refuses components.yml as a symbolic link, still checking the incidents', () => {
    const root = makeContentRoot({ 'bad.md': incident('Fine.').replace('impact: minor', 'impact: mnor') });
    const target = outsideFile(fixtureComponents);
    renameSync(join(root, 'components.yml'), join(root, 'real.yml'));
    symlinkSync(target, join(root, 'components.yml'));
    expect(codes(root)).toEqual(['components.yml:1 NotARegularFile', 'incidents/bad.md:3 InvalidImpact']);
  });

  test('refuses incidents/ as a symbolic link to a folder elsewhere', () => {
    const root = makeContentRoot({});
    const elsewhere = mkdtempSync(join(tmpdir(), 'statusmark-elsewhere-'));
    writeFileSync(join(elsewhere, 'outside.md'), incident('From elsewhere.'));
    execFileSync('rmdir', [join(root, 'incidents')]);
    symlinkSync(elsewhere, join(root, 'incidents'));
    expect(codes(root)).toEqual(['incidents:1 NotARegularFile']);
  });

  test('a published incident replaced by a link cannot slip past the history check', () => {
    const root = makeContentRoot({ 'api.md': incident('Original wording.') });
    initRepository(root);
    commitAll(root, 'Publish');
    const target = outsideFile(incident('Rewritten history.').replace('2026-11-20T14:05:00Z', '2026-11-21T09:00:00Z'));
    execFileSync('rm', [join(root, 'incidents', 'api.md')]);
    symlinkSync(target, join(root, 'incidents', 'api.md'));
    expect(codes(root, 'HEAD')).toEqual(['incidents/api.md:1 NotARegularFile']);
  });

  test("the history check never reads a link's text as a published incident", () => {
    // The incident is days old: without commitments, only the history rules speak.
    const root = makeContentRoot({}, componentsWithoutCommitments);
    initRepository(root);
    // git stores a link as its target text; a target that reads as an incident must not become history.
    symlinkSync(incident('Link text.'), join(root, 'incidents', 'api.md'));
    commitAll(root, 'Commit a link');
    execFileSync('rm', [join(root, 'incidents', 'api.md')]);
    writeFileSync(
      join(root, 'incidents', 'api.md'),
      incident('Real file.').replace('2026-11-20T14:05:00Z', '2026-11-21T09:00:00Z'),
    );
    expect(codes(root, 'HEAD')).toEqual([]);
  });

  test('incident:update refuses an incident that is a link and leaves its target untouched', async () => {
    const root = makeContentRoot({});
    const target = outsideFile(incident('Outside.'));
    symlinkSync(target, join(root, 'incidents', 'linked.md'));
    const lines: string[] = [];
    const code = await runIncidentCommand('update', ['linked', '--status', 'identified', '--message', 'Found it.'], {
      out: (line) => lines.push(line),
      env: { STATUS_ROOT: root, STATUS_NOW: '2026-11-23T12:00:00Z' },
    });
    expect(code).toBe(1);
    expect(lines.join('\n')).toContain('incidents/linked.md:1:1 error NotARegularFile');
    expect(readFileSync(target, 'utf8')).toBe(incident('Outside.'));
  });

  test('a directory named like an incident is still reported as unreadable', () => {
    const root = makeContentRoot({});
    mkdirSync(join(root, 'incidents', 'folder.md'));
    expect(codes(root)).toEqual(['incidents/folder.md:1 UnreadableFile']);
  });
});

describe('one components.yml error hides nothing else (issue #11 item 10)', () => {
  const brokenPage = fixtureComponents.replace('  url: https://status.fixture.example\n', '  url: not a url\n');

  test('still reports unknown components and incident rules when components.yml fails its schema', () => {
    const bad = incident('Looking.').replace('  - api\n', '  - apy\n').replace('impact: minor', 'impact: mnor');
    expect(codes(makeContentRoot({ 'bad.md': bad }, brokenPage))).toEqual([
      'components.yml:3 InvalidUrl',
      'incidents/bad.md:3 InvalidImpact',
      'incidents/bad.md:5 UnknownComponent',
    ]);
    const parsedButUnknown = incident('Looking.').replace('  - api\n', '  - apy\n');
    expect(codes(makeContentRoot({ 'unknown.md': parsedButUnknown }, brokenPage))).toEqual([
      'components.yml:3 InvalidUrl',
      'incidents/unknown.md:5 UnknownComponent',
    ]);
  });

  test('still reports duplicate component and group ids and unknown groups', () => {
    const components = `${brokenPage}  - id: api\n    name: API again\n    group: cor\n    colour: red\ngroups2: []\n`;
    expect(codes(makeContentRoot({}, components))).toEqual([
      'components.yml:3 InvalidUrl',
      'components.yml:18 DuplicateComponent',
      'components.yml:20 UnknownGroup',
      'components.yml:21 UnknownKey',
      'components.yml:22 UnknownKey',
    ]);
  });
});

describe('markdown files that are not read (issue #11 item 11)', () => {
  test('warns about incidents/readme.md and other markdown names instead of skipping them silently', () => {
    const root = makeContentRoot({
      'readme.md': incident('Looks like an incident.'),
      'outage.markdown': incident('Wrong extension.'),
      'upper.MD': incident('Upper-case extension.'),
      'notes.txt': 'Not markdown at all.',
    });
    const problems = validate({ root, now }).problems;
    expect(problems.map((problem) => `${problem.file}:${problem.line} ${problem.severity} ${problem.code}`)).toEqual([
      'incidents/outage.markdown:1 warning NotAnIncidentFile',
      'incidents/readme.md:1 warning NotAnIncidentFile',
      'incidents/upper.MD:1 warning NotAnIncidentFile',
    ]);
    expect(problems[0]?.hint).toBe('Rename it to "outage.md" if it is an incident, or move it out of incidents/.');
  });
});

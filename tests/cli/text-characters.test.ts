import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatHuman } from '../../src/domain/problem-format.ts';
import { validate } from '../../src/cli/validate.ts';
import { fixtureComponents, incidentFile, makeContentRoot, projectRoot } from '../helpers/content.ts';

const now = Date.parse('2026-11-23T12:00:00Z');

const incident = (title: string, message = 'Looking.', body = '') =>
  incidentFile(
    `
title: ${title}
impact: minor
updates:
  - at: 2026-11-20T14:05:00Z
    status: investigating
    message: ${message}
`,
    body,
  );

const problems = (files: Record<string, string>, components?: string) =>
  validate({ root: makeContentRoot(files, components), now }).problems;
const summary = (files: Record<string, string>, components?: string) =>
  problems(files, components).map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.code}`);

describe('control characters (issue #11 item 7)', () => {
  test('refuses a vertical tab pasted into a title, at its exact line and column', () => {
    expect(problems({ 'vt.md': incident('Slow\u000Bdashboard') }).map(formatHuman)).toMatchInlineSnapshot(`
      [
        "incidents/vt.md:2:12 error ControlCharacter Line 2 contains the invisible control character U+000B (vertical tab), which feeds, calendars and badges cannot carry.
          hint: Delete it, or retype the text by hand: pasted from a slide deck? PowerPoint and Keynote use U+000B for line breaks, and other tools leave similar invisible characters.",
      ]
    `);
  });

  test.each([
    ['\u0001', 'U+0001'],
    ['\u001B', 'U+001B'],
    ['\u007F', 'U+007F'],
    ['\u0085', 'U+0085'],
    ['\uFFFE', 'U+FFFE'],
    ['\uFFFF', 'U+FFFF'],
  ])('refuses %j in a message and in the postmortem', (char, name) => {
    const found = problems({ 'c.md': incident('Title', `Bad ${char} text.`, `Postmortem ${char}.`) });
    expect(found.map((p) => `${p.line}:${p.column} ${p.code}`)).toEqual([
      '7:18 ControlCharacter',
      '9:12 ControlCharacter',
    ]);
    expect(found[0]?.message).toContain(name);
  });

  test('refuses a control character written as a YAML escape, pointing at the escape', () => {
    expect(summary({ 'escape.md': incident('"Slow \\u0007 dashboard"') })).toEqual([
      'incidents/escape.md:2:14 error ControlCharacter',
    ]);
    expect(problems({ 'escape.md': incident('"Slow \\x1b dashboard"') })[0]?.message).toBe(
      'title contains the invisible control character U+001B (escape), written as an escape, which feeds, calendars and badges cannot carry.',
    );
  });

  test('refuses control characters in components.yml names', () => {
    const components = fixtureComponents
      .replace('name: Webhooks', 'name: "Web\\fhooks"')
      .replace('Fixture Status', 'Fixture\u0002Status');
    expect(summary({}, components)).toEqual([
      'components.yml:2:16 error ControlCharacter',
      'components.yml:13:15 error ControlCharacter',
    ]);
  });

  test('keeps tabs, line breaks and CRLF files', () => {
    const crlf = incident('Tab\there', 'Line one.').replace(/\n/g, '\r\n');
    expect(problems({ 'crlf.md': crlf })).toEqual([]);
  });

  test('npm run incident:new refuses a control character in a flag and writes nothing', () => {
    const root = mkdtempSync(join(tmpdir(), 'statusmark-flags-'));
    cpSync(join(projectRoot, 'components.yml'), join(root, 'components.yml'));
    cpSync(join(projectRoot, 'incidents'), join(root, 'incidents'), { recursive: true });
    const before = readdirSync(join(root, 'incidents')).sort();
    const result = spawnSync(
      'npm',
      [
        'run',
        '--silent',
        'incident:new',
        '--',
        '--title',
        'Checkout\u000Berrors',
        '--impact',
        'minor',
        '--components',
        'api',
        '--message',
        'Looking.',
      ],
      {
        cwd: projectRoot,
        encoding: 'utf8',
        env: { ...process.env, STATUS_ROOT: root, STATUS_NOW: '2026-11-23T14:00:00Z' },
      },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /incidents\/2026-11-23-checkout-errors\.md:2:\d+ error ControlCharacter .* control character U\+000B \(vertical tab\)/,
    );
    expect(readdirSync(join(root, 'incidents')).sort()).toEqual(before);
  });
});

describe('invisible characters in names and titles (issue #11 item 11)', () => {
  test('warns about a right-to-left override in a title, at its column', () => {
    expect(problems({ 'rlo.md': incident('Invoice \u202Efdp.exe') }).map(formatHuman)).toMatchInlineSnapshot(`
      [
        "incidents/rlo.md:2:16 warning InvisibleCharacter title contains U+202E (right-to-left override), an invisible character that can make it display differently from what it says.
          hint: Delete it: names and titles read the same without it. Right-to-left words need no override characters.",
      ]
    `);
  });

  test('warns about zero-width characters hiding in a component name', () => {
    const components = fixtureComponents
      .replace('name: API', 'name: A\u200BPI')
      .replace('name: Database', 'name: Data\u200Dbase');
    expect(summary({}, components)).toEqual([
      'components.yml:10:12 warning InvisibleCharacter',
      'components.yml:16:15 warning InvisibleCharacter',
    ]);
  });

  test('leaves emoji sequences, Persian text and marks in right-to-left text alone', () => {
    expect(
      problems({
        'ok.md': incident(
          '"Dev team \u{1F469}\u200D\u{1F4BB} on it: \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \u200Fok"',
        ),
      }),
    ).toEqual([]);
  });
});

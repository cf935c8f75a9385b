import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runValidateCommand } from '../../src/cli/validate.ts';
import { fixturesDir, makeContentRoot } from '../helpers/content.ts';

const corpusDir = join(fixturesDir, 'malformed');
const cases = JSON.parse(readFileSync(join(corpusDir, 'cases.json'), 'utf8')) as Record<
  string,
  /** `components`: a components.yml in malformed/components/ instead of the fixture one (for page languages). */
  { code: string; line: number; components?: string }
>;
const env = { STATUS_NOW: '2026-11-23T12:00:00Z' };

function validateOne(name: string, bytes: Uint8Array, components?: string) {
  const root = makeContentRoot(
    { [name]: bytes },
    components === undefined ? undefined : readFileSync(join(corpusDir, 'components', components), 'utf8'),
  );
  const lines: string[] = [];
  const exitCode = runValidateCommand(['--root', root], { out: (line) => lines.push(line), env });
  return { exitCode, output: lines.join('\n') };
}

describe('malformed incident corpus', () => {
  test('holds at least 40 cases, one per fixture file', () => {
    const files = readdirSync(corpusDir).filter((name) => name.endsWith('.md'));
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(cases).sort()).toEqual(files.sort());
  });

  test.each(Object.entries(cases))('%s reports its code on its line and exits 1', (name, expected) => {
    const { exitCode, output } = validateOne(name, readFileSync(join(corpusDir, name)), expected.components);
    expect(exitCode).toBe(1);
    expect(output).toContain(`incidents/${name}:${expected.line}:`);
    expect(output).toMatch(
      new RegExp(
        `incidents/${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${expected.line}:\\d+ error ${expected.code} `,
      ),
    );
    expect(output).toMatch(/hint: \S/);
    expect(output).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  });

  test('a directory named like an incident is reported, not a crash', () => {
    const root = makeContentRoot({});
    mkdirSync(join(root, 'incidents', 'folder.md'));
    const lines: string[] = [];
    expect(runValidateCommand(['--root', root], { out: (line) => lines.push(line), env })).toBe(1);
    expect(lines[0]).toMatch(
      /^incidents\/folder.md:1:1 error UnreadableFile The file cannot be read \(EISDIR\).\n    hint: /,
    );
  });

  test('a 10 MB file is refused by size without being parsed', () => {
    const huge = new Uint8Array(10 * 1024 * 1024).fill(0x61);
    const { exitCode, output } = validateOne('huge.md', huge);
    expect(exitCode).toBe(1);
    expect(output).toContain('incidents/huge.md:1:1 error FileTooLarge The file is 10.0 MB; the limit is 1 MB.');
  });
});

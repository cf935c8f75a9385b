import { describe, expect, test } from 'vitest';
import { runValidateCommand } from '../../src/cli/validate.ts';
import { incidentFile, makeContentRoot } from '../helpers/content.ts';
import { commitAll, initRepository, writeFile } from '../helpers/git.ts';

const env = { STATUS_NOW: '2026-11-23T12:00:00Z' };

/** A major outage resolved on `day` with no postmortem: a MissingPostmortem warning once 72 hours have passed. */
function outage(day: string, title = 'API outage'): string {
  return incidentFile(`title: ${title}
impact: major
components: [api]
updates:
  - at: ${day}T10:00:00Z
    status: investigating
    message: We are looking into it.
  - at: ${day}T11:00:00Z
    status: resolved
    message: Fixed.
`);
}

/** 1,200 outages over the three years before the build clock, and two in the last month. */
function longHistory(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < 1200; index++) {
    const day = new Date(Date.parse('2023-11-01T00:00:00Z') + index * 20 * 3_600_000).toISOString().slice(0, 10);
    // A few also carry an invisible character in their title: a second warning code.
    files[`${day}-outage-${index}.md`] = outage(day, index % 400 === 0 ? 'API\u200b outage' : 'API outage');
  }
  files['2026-11-10-recent.md'] = outage('2026-11-10');
  files['2026-11-15-recent.md'] = outage('2026-11-15');
  return files;
}

function run(root: string, ...args: string[]): { code: number; lines: string[] } {
  const lines: string[] = [];
  const code = runValidateCommand(['--root', root, ...args], { out: (line) => lines.push(...line.split('\n')), env });
  return { code, lines };
}

describe('warnings about incidents resolved long ago (issue 22)', () => {
  test('a long history prints one line per code for them, and every recent warning on its own', () => {
    const { code, lines } = run(makeContentRoot(longHistory()));
    expect(code).toBe(0);
    expect(lines.join('\n')).toMatchInlineSnapshot(`
      "incidents/2026-11-10-recent.md:2:1 warning MissingPostmortem This major incident was resolved 13 days 1 hour ago and has no published postmortem; the commitment is one within 72 hours, so it is 10 days 1 hour late.
          hint: Write what happened and what will change below the closing "---", and add "postmortem_published: 2026-11-23T12:00:00.000Z" to the front matter.
      incidents/2026-11-15-recent.md:2:1 warning MissingPostmortem This major incident was resolved 8 days 1 hour ago and has no published postmortem; the commitment is one within 72 hours, so it is 5 days 1 hour late.
          hint: Write what happened and what will change below the closing "---", and add "postmortem_published: 2026-11-23T12:00:00.000Z" to the front matter.
      InvisibleCharacter: 3 warnings about 3 incidents resolved before 2026-08-25 (run \`npm run validate -- --verbose\` for the list).
      MissingPostmortem: 1,200 incidents resolved before 2026-08-25 have no postmortem (run \`npm run validate -- --verbose\` for the list).
      Validation passed: 1202 incident files, 0 errors, 1205 warnings."
    `);
  });

  test('--verbose lists every warning one by one', () => {
    const { lines } = run(makeContentRoot(longHistory()), '--verbose');
    expect(lines.filter((line) => / warning MissingPostmortem /.test(line))).toHaveLength(1202);
    expect(lines.filter((line) => / warning InvisibleCharacter /.test(line))).toHaveLength(3);
    expect(lines.some((line) => line.includes('--verbose'))).toBe(false);
    expect(lines.at(-1)).toBe('Validation passed: 1202 incident files, 0 errors, 1205 warnings.');
  });

  test('with --base, an old incident the change touches keeps its warnings listed', () => {
    const root = makeContentRoot({
      '2024-01-05-old.md': outage('2024-01-05'),
      '2024-02-05-older.md': outage('2024-02-05'),
    });
    initRepository(root);
    commitAll(root, 'history');
    writeFile(
      root,
      'incidents/2024-01-05-old.md',
      outage('2024-01-05').replace('Fixed.', 'Fixed, see the postmortem.'),
    );
    const { lines } = run(root, '--base', 'HEAD');
    expect(lines.filter((line) => line.includes('MissingPostmortem'))).toEqual([
      'incidents/2024-01-05-old.md:2:1 warning MissingPostmortem This major incident was resolved 1053 days 1 hour ago and has no published postmortem; the commitment is one within 72 hours, so it is 1050 days 1 hour late.',
      'MissingPostmortem: 1 incident resolved before 2026-08-25 has no postmortem (run `npm run validate -- --verbose` for the list).',
    ]);
  });
});

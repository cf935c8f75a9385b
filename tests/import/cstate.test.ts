import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validate } from '../../src/cli/validate.ts';
import { parseCstateDate } from '../../src/domain/import/cstate-dates.ts';
import { cstateFixture, emptyRoot, runImport, snapshotFiles } from '../helpers/import.ts';
import { t } from '../helpers/model.ts';

const clock = { STATUS_NOW: '2021-08-03T00:00:00Z' };

describe('npm run import -- cstate <site folder> (issue 24)', () => {
  test('systems and categories become components and groups; issues become incidents that validate', async () => {
    const root = emptyRoot();
    const { code, output } = await runImport(
      ['cstate', cstateFixture, '--root', root, '--timezone', 'Europe/Berlin'],
      clock,
    );
    expect(code, output).toBe(0);
    expect(Object.keys(snapshotFiles(root)).sort()).toEqual([
      'components.yml',
      'incidents/2021-06-01-api-outage.md',
      'incidents/2021-07-10-database-upgrade-notice.md',
      'incidents/2021-08-02-website-is-slow.md',
    ]);
    expect(validate({ root, now: t(clock.STATUS_NOW) }).problems.filter((item) => item.severity === 'error')).toEqual(
      [],
    );
    const components = readFileSync(join(root, 'components.yml'), 'utf8');
    expect(components).toContain('groups:\n  - id: core\n    name: Core\n');
    expect(components).toContain('  - id: website\n    name: Website\n');
  });

  test('severity, informational, track blocks, resolvedWhen and zoneless dates, as the guide documents', async () => {
    const root = emptyRoot();
    await runImport(['cstate', cstateFixture, '--root', root, '--timezone', 'Europe/Berlin'], clock);
    const read = (file: string) => readFileSync(join(root, 'incidents', file), 'utf8');
    // down → critical; tracks newest first → updates oldest first; the last is the resolved one.
    expect(read('2021-06-01-api-outage.md')).toMatch(
      /^---\ntitle: API outage\nimpact: critical\ncomponents:\n {2}- api\n {2}- chat\nupdates:\n {2}- at: 2021-06-01T09:00:00\+02:00\n {4}status: investigating\n/,
    );
    expect(read('2021-06-01-api-outage.md')).toContain('  - at: 2021-06-01T11:15:00+02:00\n    status: resolved\n');
    // informational → impact none; a body without tracks → one update, resolved at resolvedWhen.
    expect(read('2021-07-10-database-upgrade-notice.md')).toContain(`impact: none
started: 2021-07-10T08:00:00+02:00
components:
  - database
updates:
  - at: 2021-07-10T10:00:00+02:00
    status: resolved
    message: "We will upgrade the database <!-- internal: ticket 42 --> this morning; nothing should change for you."`);
    // disrupted → major; not resolved → still open.
    expect(read('2021-08-02-website-is-slow.md')).toContain('impact: major');
    expect(read('2021-08-02-website-is-slow.md')).not.toContain('status: resolved');
  });

  test('an affected name that is not a system is reported on its own line, or mapped with --map', async () => {
    const plain = await runImport(['cstate', cstateFixture, '--root', emptyRoot()], clock);
    const lines = plain.output.split('\n');
    expect(lines.filter((line) => line.includes('"Chat"'))).toEqual([
      '  components.yml: component "chat" ("Chat") added with retired: true — it is in "affected" of content/issues/2021-06-01-api-outage.md but not a system in config.yml (or map it: --map "Chat=<system>")',
    ]);
    expect(lines.filter((line) => line.includes('dates read in UTC'))).toHaveLength(2);
    const root = emptyRoot();
    const mapped = await runImport(['cstate', cstateFixture, '--root', root, '--map', 'Chat=API'], clock);
    expect(mapped.code, mapped.output).toBe(0);
    expect(mapped.output).not.toContain('Chat');
    expect(readFileSync(join(root, 'components.yml'), 'utf8')).not.toContain('chat');
    const wrong = await runImport(['cstate', cstateFixture, '--root', emptyRoot(), '--map', 'Chat=Chatt'], clock);
    expect(wrong.code).toBe(1);
    expect(wrong.output).toContain('names "Chatt", which is not a system in config.yml');
  });

  test('reads the date layouts real cState sites use', () => {
    const utc = (text: string) => new Date(parseCstateDate(text, 'UTC')!.instant).toISOString();
    expect(utc('2020-06-01 9:00')).toBe('2020-06-01T09:00:00.000Z');
    expect(utc('2020-06-01T9:00')).toBe('2020-06-01T09:00:00.000Z');
    expect(utc('2021-06-01 09:00:00')).toBe('2021-06-01T09:00:00.000Z');
    expect(utc('2021-06-01T9:00:00-00:00')).toBe('2021-06-01T09:00:00.000Z');
    expect(utc('2021-06-01T09:00:00+02:00')).toBe('2021-06-01T07:00:00.000Z');
    expect(utc('2021-06-01')).toBe('2021-06-01T00:00:00.000Z');
    expect(new Date(parseCstateDate('2021-01-01 09:00', 'America/New_York')!.instant).toISOString()).toBe(
      '2021-01-01T14:00:00.000Z',
    );
    expect(parseCstateDate('June 1st', 'UTC')).toBeUndefined();
  });

  test('--update re-runs change no byte when nothing is new', async () => {
    const root = emptyRoot();
    await runImport(['cstate', cstateFixture, '--root', root], clock);
    const before = snapshotFiles(root);
    const again = await runImport(['cstate', cstateFixture, '--root', root, '--update'], clock);
    expect(again.code, again.output).toBe(0);
    expect(snapshotFiles(root)).toEqual(before);
  });
});

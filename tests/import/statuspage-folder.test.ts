import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validate } from '../../src/cli/validate.ts';
import { t } from '../helpers/model.ts';
import { commitAll, initRepository } from '../helpers/git.ts';
import {
  copyStatuspageFixture,
  emptyRoot,
  readSourceJson,
  runImport,
  snapshotFiles,
  statuspageFixture,
  writeSourceJson,
} from '../helpers/import.ts';
import { makeContentRoot } from '../helpers/content.ts';

const now = t('2026-11-20T12:00:00Z');

describe('npm run import -- statuspage <folder> (issue 24)', () => {
  test('writes components.yml and one file per incident, which validate', async () => {
    const root = emptyRoot();
    const { code, output } = await runImport(['statuspage', statuspageFixture, '--root', root]);
    expect(code, output).toBe(0);
    expect(Object.keys(snapshotFiles(root)).sort()).toEqual([
      'components.yml',
      'incidents/2025-03-01-legacy-sync-stalled.md',
      'incidents/2026-08-14-webhook-delays-2.md',
      'incidents/2026-08-14-webhook-delays.md',
      'incidents/2026-09-10-dashboard-slow.md',
      'incidents/2026-10-02-sign-in-outage.md',
      'incidents/2026-11-08-database-upgrade.md',
      'incidents/2026-11-20-elevated-api-errors.md',
    ]);
    const problems = validate({ root, now }).problems.filter((problem) => problem.severity === 'error');
    expect(problems).toEqual([]);
  });

  test('writes what an author would write: front matter, kept ids, notify: false, decoded text', async () => {
    const root = emptyRoot();
    await runImport(['statuspage', statuspageFixture, '--root', root]);
    expect(readFileSync(join(root, 'incidents/2026-10-02-sign-in-outage.md'), 'utf8')).toMatchInlineSnapshot(`
      "---
      title: Sign-in outage
      impact: critical
      started: 2026-10-02T07:50:00-07:00
      postmortem_published: 2026-10-05T10:00:00-07:00
      statuspage_id: incpm0000001
      updates:
        - at: 2026-10-02T08:00:00-07:00
          status: investigating
          message: Nobody can sign in.
          components:
            - id: sign-in
              status: major_outage
          notify: false
          statuspage_id: updpm0000001
        - at: 2026-10-02T09:00:00-07:00
          status: monitoring
          message: A fix is deployed; the error shows \\&lt;none\\&gt; now. \\*Watching\\*
          components:
            - id: sign-in
              status: major_outage
          notify: false
          statuspage_id: updpm0000002
        - at: 2026-10-02T09:30:00-07:00
          status: resolved
          message: |-
            Sign-in works again.

            We will publish a postmortem.
          components:
            - id: sign-in
              status: operational
          notify: false
          statuspage_id: updpm0000003
      ---

      A certificate expired.

      We now renew certificates 30 days ahead.
      "
    `);
    expect(readFileSync(join(root, 'components.yml'), 'utf8')).toContain(`groups:
  - id: core-platform
    name: Core platform
    description: What every request goes through.
    statuspage_id: grpcore00001

components:
  - id: public-api
    name: Public API
    description: REST & GraphQL endpoints.
    group: core-platform
    since: 2024-01-01
    statuspage_id: cmpapi000001`);
  });

  test('reports every change it made to fit our rules, one line each with file and reason', async () => {
    const { output } = await runImport(['statuspage', statuspageFixture, '--root', emptyRoot()]);
    expect(output.split('\n').filter((line) => line.startsWith('  '))).toMatchInlineSnapshot(`
      [
        "  components.yml: component "legacy-sync-v1" ("Legacy sync (v1)") added with retired: true — incidents name it but the source no longer lists it",
        "  components.yml: component "dashboard": since 2025-03-01 (created 2025-06-01) — an incident names it on 2025-03-01T17:00:00Z, before the source says it was created",
        "  incidents/2026-08-14-webhook-delays-2.md: named 2026-08-14-webhook-delays-2.md — 2026-08-14-webhook-delays.md is another incident's file",
        "  incidents/2026-09-10-dashboard-slow.md: update 2 (2026-09-10T18:30:00Z): status "monitoring" kept — the source moves back from "monitoring" to "investigating", and statuses only move forward",
        "  incidents/2026-09-10-dashboard-slow.md: started left out (2026-09-10T17:30:00Z) — it is after the first update (2026-09-10T17:00:00Z)",
      ]
    `);
  });

  test('--strict refuses instead of normalising, and writes nothing', async () => {
    const root = emptyRoot();
    const { code, output } = await runImport(['statuspage', statuspageFixture, '--root', root, '--strict']);
    expect(code).toBe(1);
    expect(output).toContain('--strict: the source needs 5 change(s)');
    expect(snapshotFiles(root)).toEqual({});
  });

  test('never overwrites existing content without --update or --force', async () => {
    const root = makeContentRoot({ 'mine.md': '---\ntitle: Mine\n---\n' });
    const before = snapshotFiles(root);
    const { code, output } = await runImport(['statuspage', statuspageFixture, '--root', root]);
    expect(code).toBe(1);
    expect(output).toContain('ImportWouldOverwrite');
    expect(snapshotFiles(root)).toEqual(before);
    const forced = await runImport(['statuspage', statuspageFixture, '--root', root, '--force']);
    expect(forced.code, forced.output).toBe(0);
    expect(Object.keys(snapshotFiles(root))).not.toContain('incidents/mine.md');
  });

  test('a re-run with nothing new changes no byte, the first included', async () => {
    const root = emptyRoot();
    await runImport(['statuspage', statuspageFixture, '--root', root]);
    const before = snapshotFiles(root);
    const { code, output } = await runImport(['statuspage', statuspageFixture, '--root', root, '--update']);
    expect(code, output).toBe(0);
    expect(output).toContain('Nothing new: no file changed.');
    expect(snapshotFiles(root)).toEqual(before);
  });

  test('--update adds only new incidents and updates, and validate --base passes against the last import', async () => {
    const source = copyStatuspageFixture();
    const root = emptyRoot();
    await runImport(['statuspage', source, '--root', root]);
    writeFileSync(join(root, 'components.yml'), `${readFileSync(join(root, 'components.yml'), 'utf8')}# kept\n`);
    initRepository(root);
    commitAll(root, 'first import');
    const before = snapshotFiles(root);
    const list = readSourceJson(source, 'incidents.json');
    const open = list.incidents!.find((incident) => (incident as { id: string }).id === 'incopen00001') as {
      incident_updates: Record<string, unknown>[];
      status: string;
    };
    open.incident_updates.unshift({
      ...open.incident_updates[0],
      id: 'updopen00003',
      status: 'resolved',
      body: 'Rolled back; errors are gone.',
      created_at: '2026-11-20T02:00:00.000-08:00',
      display_at: '2026-11-20T02:00:00.000-08:00',
    });
    writeSourceJson(source, 'incidents.json', list);
    const { code, output } = await runImport(['statuspage', source, '--root', root, '--update']);
    expect(code, output).toBe(0);
    expect(output).toContain('0 new incidents (0 updates), 1 new updates to 1 imported incidents, 6 unchanged');
    const after = snapshotFiles(root);
    const changed = Object.keys(after).filter((file) => after[file] !== before[file]);
    expect(changed).toEqual(['incidents/2026-11-20-elevated-api-errors.md']);
    const file = 'incidents/2026-11-20-elevated-api-errors.md';
    expect(after[file]!.startsWith(before[file]!.slice(0, -4))).toBe(true);
    expect(after[file]).toContain('statuspage_id: updopen00003');
    const checked = validate({ root, now, base: 'HEAD' }).problems.filter((problem) => problem.severity === 'error');
    expect(checked).toEqual([]);
  });

  test('--update adds a new component at the end of components.yml and keeps what the operator wrote', async () => {
    const source = copyStatuspageFixture();
    const root = emptyRoot();
    await runImport(['statuspage', source, '--root', root]);
    const edited = `${readFileSync(join(root, 'components.yml'), 'utf8')}notifications:\n  channels: [] # added by the operator\n`;
    writeFileSync(join(root, 'components.yml'), edited);
    const list = readSourceJson(source, 'components.json');
    list.components!.push({
      id: 'cmpnew000001',
      name: 'Search',
      status: 'operational',
      created_at: '2026-11-01T00:00:00.000-07:00',
      position: 4,
      description: null,
      showcase: true,
      group_id: null,
      group: false,
    });
    writeSourceJson(source, 'components.json', list);
    const { code, output } = await runImport(['statuspage', source, '--root', root, '--update']);
    expect(code, output).toBe(0);
    const after = readFileSync(join(root, 'components.yml'), 'utf8');
    expect(after).toContain('channels: [] # added by the operator');
    expect(after).toContain(
      '  - id: search\n    name: Search\n    since: 2026-11-01\n    statuspage_id: cmpnew000001\n',
    );
    expect(after.replace(/  - id: search\n(    .*\n)+/, '')).toBe(edited);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { NewIncident } from '../../src/domain/incident-text.ts';
import { appendUpdate, createIncident, readIncident } from '../../src/node/authoring.ts';
import { readAsValidator } from '../../src/node/update-insertion.ts';
import { makeContentRoot } from '../helpers/content.ts';

const now = Date.parse('2026-11-23T15:00:00Z');

const apiErrors: NewIncident = {
  title: 'API errors',
  impact: 'minor',
  components: ['api'],
  update: { at: '2026-11-23T15:00:00+01:00', status: 'investigating', message: 'We are looking into it.' },
};

describe('the authoring API (createIncident, appendUpdate)', () => {
  test('createIncident writes incidents/<date>-<title>.md that the validator reads back', async () => {
    const site = { root: makeContentRoot({}), now };
    const result = await createIncident(site, apiErrors);
    expect(result).toEqual({ file: 'incidents/2026-11-23-api-errors.md' });
    const parsed = readAsValidator(
      'incidents/2026-11-23-api-errors.md',
      readFileSync(join(site.root, 'incidents/2026-11-23-api-errors.md'), 'utf8'),
    );
    expect(parsed.ok && parsed.value.value.updates.map((update) => update.message)).toEqual([
      'We are looking into it.',
    ]);
  });

  test('createIncident returns the validator problems and writes nothing for an unknown component', async () => {
    const site = { root: makeContentRoot({}), now };
    const result = await createIncident(site, { ...apiErrors, components: ['apii'] });
    expect('problems' in result && result.problems.map((problem) => [problem.file, problem.code])).toEqual([
      ['incidents/2026-11-23-api-errors.md', 'UnknownComponent'],
    ]);
    expect(() => readFileSync(join(site.root, 'incidents/2026-11-23-api-errors.md'))).toThrow();
  });

  test('createIncident refuses to overwrite an incident that already exists', async () => {
    const site = { root: makeContentRoot({}), now };
    await createIncident(site, apiErrors);
    const again = await createIncident(site, apiErrors);
    expect('problems' in again && again.problems.map((problem) => problem.code)).toEqual(['FileChangedWhileWriting']);
  });

  test('appendUpdate adds one update, and refuses a move the transitions do not allow', async () => {
    const site = { root: makeContentRoot({}), now };
    await createIncident(site, apiErrors);
    const slug = '2026-11-23-api-errors';
    const resolved = await appendUpdate(site, slug, {
      at: '2026-11-23T15:30:00+01:00',
      status: 'resolved',
      message: 'Fixed.',
      components: [{ id: 'api', status: 'operational' }],
    });
    expect(resolved).toEqual({ file: `incidents/${slug}.md` });
    const current = readIncident(site, slug);
    expect('incident' in current && current.incident.updates.map((update) => update.status)).toEqual([
      'investigating',
      'resolved',
    ]);
    const backward = await appendUpdate(site, slug, {
      at: '2026-11-23T15:40:00+01:00',
      status: 'monitoring',
      message: 'Watching.',
    });
    expect('problems' in backward && backward.problems.map((problem) => problem.code)).toContain('BackwardTransition');
  });

  test('appendUpdate builds the update from the incident as it is under the lock', async () => {
    const site = { root: makeContentRoot({}), now };
    await createIncident(site, apiErrors);
    const result = await appendUpdate(site, '2026-11-23-api-errors', (incident) => ({
      at: '2026-11-23T15:10:00+01:00',
      status: 'identified',
      message: `Found the cause of "${incident.title}".`,
    }));
    expect(result).toEqual({ file: 'incidents/2026-11-23-api-errors.md' });
    expect(readFileSync(join(site.root, 'incidents/2026-11-23-api-errors.md'), 'utf8')).toContain(
      'message: Found the cause of "API errors".',
    );
  });

  test('appendUpdate refuses a slug that names a file outside incidents/, and a missing incident', async () => {
    const site = { root: makeContentRoot({}), now };
    const outside = await appendUpdate(site, '../components', {
      at: '2026-11-23T15:00:00Z',
      status: 'resolved',
      message: 'x',
    });
    expect('problems' in outside && outside.problems.map((problem) => problem.code)).toEqual(['InvalidSlug']);
    const missing = await appendUpdate(site, '2026-11-23-nothing', {
      at: '2026-11-23T15:00:00Z',
      status: 'resolved',
      message: 'x',
    });
    expect('problems' in missing && missing.problems.map((problem) => problem.code)).toEqual(['IncidentNotFound']);
  });

  test('appendUpdate with the file as seen earlier refuses when it changed since', async () => {
    const site = { root: makeContentRoot({}), now };
    await createIncident(site, apiErrors);
    const seen = readIncident(site, '2026-11-23-api-errors');
    if (!('seen' in seen)) throw new Error('not read');
    const path = join(site.root, 'incidents/2026-11-23-api-errors.md');
    writeFileSync(path, `${readFileSync(path, 'utf8')}An edit in another editor.\n`);
    const result = await appendUpdate(
      site,
      '2026-11-23-api-errors',
      { at: '2026-11-23T15:10:00+01:00', status: 'identified', message: 'Found it.' },
      { seen: seen.seen },
    );
    expect('problems' in result && result.problems.map((problem) => problem.code)).toEqual(['FileChangedWhileWriting']);
    expect(readFileSync(path, 'utf8')).toContain('An edit in another editor.');
  });
});

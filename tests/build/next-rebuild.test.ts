import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { builtSite } from '../helpers/build.ts';

const nextRebuild = (site: string) =>
  JSON.parse(readFileSync(join(builtSite(site), 'next-rebuild.json'), 'utf8')) as unknown;

test('issue 23: every build publishes when its output next changes by time alone, and why', () => {
  // Built at 12:00 UTC on 23 November, page zone Europe/Berlin.
  expect(nextRebuild('all-operational')).toEqual({
    built: '2026-11-23T12:00:00.000Z',
    due: '2026-11-23T23:00:00.000Z',
    reasons: [{ kind: 'day_boundary' }],
  });
  expect(nextRebuild('maintenance-in-progress')).toEqual({
    built: '2026-11-23T12:00:00.000Z',
    due: '2026-11-23T13:00:00.000Z',
    reasons: [
      { kind: 'maintenance_end', incident: '2026-11-23-database-upgrade' },
      { kind: 'open_incident', incident: '2026-11-23-database-upgrade' },
    ],
  });
  // Below the base path, next to deployed.json, where the scheduled check asks for it.
  expect(readFileSync(join(builtSite('base-path'), 'next-rebuild.json'), 'utf8')).toMatch(/^\{\n {2}"built": /);
});

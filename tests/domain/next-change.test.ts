import { describe, expect, test } from 'vitest';
import { deriveStatusState } from '../../src/domain/derive.ts';
import { computeNextChange, nextDayBoundary } from '../../src/domain/next-change.ts';
import type { ComponentsFile, Incident } from '../../src/domain/schema/index.ts';
import { databaseUpgrade } from '../helpers/maintenance.ts';
import { fixtureComponentsFile, makeIncident, t } from '../helpers/model.ts';

const iso = (instant: number) => new Date(instant).toISOString();

function nextChange(now: string, incidents: Incident[] = [], options: { zone?: string; remind?: string[] } = {}) {
  const file: ComponentsFile = {
    ...fixtureComponentsFile,
    page: { ...fixtureComponentsFile.page, timezone: options.zone ?? 'UTC' },
  };
  const change = computeNextChange(deriveStatusState(file, incidents, t(now)), {
    components: file.components,
    remindBefore: options.remind ?? [],
  });
  return { due: iso(change.due), reasons: change.reasons };
}

const maintenance = (start: string, end: string, announced = '2026-11-01T09:00:00Z') =>
  databaseUpgrade({ start, end, announced });

describe('issue 23: when the output next changes by time alone', () => {
  test('a quiet page changes next at midnight in its own time zone', () => {
    expect(nextChange('2026-11-23T12:00:00Z')).toEqual({
      due: '2026-11-24T00:00:00.000Z',
      reasons: [{ kind: 'day_boundary' }],
    });
    expect(nextChange('2026-11-23T12:00:00Z', [], { zone: 'America/Los_Angeles' }).due).toBe(
      '2026-11-24T08:00:00.000Z',
    );
    expect(nextChange('2026-11-23T20:00:00Z', [], { zone: 'Asia/Kolkata' }).due).toBe('2026-11-24T18:30:00.000Z');
  });

  test('day boundaries across daylight saving time: days of 23 and 25 hours in Europe/Berlin and New York', () => {
    // Berlin springs forward on 29 March 2026 (a 23-hour day) and falls back on 25 October (25 hours).
    const berlin = (now: string) => nextChange(now, [], { zone: 'Europe/Berlin' }).due;
    expect(berlin('2026-03-28T23:30:00Z')).toBe('2026-03-29T22:00:00.000Z');
    expect(berlin('2026-03-29T21:59:00Z')).toBe('2026-03-29T22:00:00.000Z');
    expect(berlin('2026-10-24T22:30:00Z')).toBe('2026-10-25T23:00:00.000Z');
    // The day of 25 October runs from 22:00 UTC the day before to 23:00 UTC: 25 hours.
    expect(nextDayBoundary(t('2026-10-25T22:59:59Z'), 'Europe/Berlin') - t('2026-10-24T22:00:00Z')).toBe(
      25 * 3_600_000,
    );
    // New York: 8 March 2026 and 1 November 2026.
    const newYork = (now: string) => nextChange(now, [], { zone: 'America/New_York' }).due;
    expect(newYork('2026-03-08T12:00:00Z')).toBe('2026-03-09T04:00:00.000Z');
    expect(newYork('2026-11-01T12:00:00Z')).toBe('2026-11-02T05:00:00.000Z');
  });

  test('a maintenance window that opens mid-interval is due at its start, then at its end', () => {
    const window = maintenance('2026-11-23T14:20:00Z', '2026-11-23T15:40:00Z');
    expect(nextChange('2026-11-23T12:00:00Z', [window])).toEqual({
      due: '2026-11-23T14:20:00.000Z',
      reasons: [{ kind: 'maintenance_start', incident: 'db-upgrade' }],
    });
    // In progress: the hourly refresh of "ongoing for" comes first, then the end.
    expect(nextChange('2026-11-23T14:20:00Z', [window]).due).toBe('2026-11-23T15:00:00.000Z');
    expect(nextChange('2026-11-23T15:00:00Z', [window])).toEqual({
      due: '2026-11-23T15:40:00.000Z',
      reasons: [{ kind: 'maintenance_end', incident: 'db-upgrade' }],
    });
  });

  test('reminders of every channel fall due before the window, but not before the announcement', () => {
    const window = maintenance('2026-11-24T02:00:00Z', '2026-11-24T04:00:00Z', '2026-11-23T10:00:00Z');
    const remind = ['24h', '1h', '24h'];
    expect(nextChange('2026-11-23T09:00:00Z', [], { remind }).due).toBe('2026-11-24T00:00:00.000Z');
    // The 24 h reminder would be at 02:00 on the 23rd, before the announcement at 10:00: never sent.
    expect(nextChange('2026-11-23T10:00:00Z', [window], { remind })).toEqual({
      due: '2026-11-24T00:00:00.000Z',
      reasons: [{ kind: 'day_boundary' }],
    });
    expect(nextChange('2026-11-24T00:00:00Z', [window], { remind })).toEqual({
      due: '2026-11-24T01:00:00.000Z',
      reasons: [{ kind: 'reminder', incident: 'db-upgrade' }],
    });
  });

  test('a promised next update is due when it runs out, and an overdue one no longer is', () => {
    const incident = makeIncident('api-errors', {
      title: 'API errors',
      impact: 'minor',
      components: ['api'],
      updates: [
        {
          at: '2026-11-23T12:00:00Z',
          status: 'investigating',
          message: 'Looking into it.',
          next_update: '2026-11-23T12:20:00Z',
        },
      ],
    });
    expect(nextChange('2026-11-23T12:05:00Z', [incident])).toEqual({
      due: '2026-11-23T12:20:00.000Z',
      reasons: [{ kind: 'next_update_passed', incident: 'api-errors' }],
    });
    expect(nextChange('2026-11-23T12:25:00Z', [incident])).toEqual({
      due: '2026-11-23T13:00:00.000Z',
      reasons: [{ kind: 'open_incident', incident: 'api-errors' }],
    });
  });

  test('an outage keeps changing uptime until it slides out of the 30- and 90-day windows', () => {
    const outage = makeIncident('outage', {
      title: 'Outage',
      impact: 'critical',
      components: ['api'],
      updates: [
        { at: '2026-10-01T10:10:00Z', status: 'investigating', message: 'Down.' },
        { at: '2026-10-01T10:50:00Z', status: 'resolved', message: 'Up.' },
      ],
    });
    expect(nextChange('2026-10-31T09:00:00Z', [outage]).due).toBe('2026-10-31T10:10:00.000Z');
    expect(nextChange('2026-10-31T10:20:00Z', [outage]).reasons).toEqual([
      { kind: 'uptime_window', incident: 'outage' },
    ]);
    expect(nextChange('2026-10-31T10:20:00Z', [outage]).due).toBe('2026-10-31T10:50:00.000Z');
    expect(nextChange('2026-12-30T09:00:00Z', [outage]).due).toBe('2026-12-30T10:10:00.000Z');
  });

  test('a component with a since date appears at the start of that day', () => {
    const file = fixtureComponentsFile;
    const components = [...file.components, { ...file.components[0]!, id: 'search', since: '2026-11-25' }];
    const state = deriveStatusState({ ...file, components }, [], t('2026-11-24T12:00:00Z'));
    expect(computeNextChange(state, { components, remindBefore: [] }).reasons).toEqual([
      { kind: 'component_added', component: 'search' },
      { kind: 'day_boundary' },
    ]);
  });
});

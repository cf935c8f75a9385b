import { describe, expect, test } from 'vitest';
import { deriveStatusState } from '../../src/domain/derive.ts';
import { groupDayRuns } from '../../src/domain/days.ts';
import { buildSiteModel } from '../../src/site/model.ts';
import { fixtureComponentsFile, makeIncident } from '../helpers/model.ts';

const now = Date.parse('2026-11-23T12:00:00Z');

function dailyIncidents(days: number) {
  return Array.from({ length: days }, (_, index) => {
    const day = new Date(now - (index + 1) * 86_400_000).toISOString().slice(0, 10);
    return makeIncident(`daily-${index}`, {
      title: `Daily ${index}`,
      impact: index % 2 === 0 ? 'critical' : 'major',
      components: ['api'],
      updates: [
        { at: `${day}T10:00:00Z`, status: 'investigating', message: 'x' },
        { at: `${day}T10:30:00Z`, status: 'resolved', message: 'y' },
      ],
    });
  });
}

describe('90-day bars', () => {
  test('merge consecutive days with the same status into one run', () => {
    const statuses = ['no_data', 'operational', 'operational', 'major_outage', 'operational'] as const;
    expect(groupDayRuns(statuses.map((status) => ({ status })))).toEqual([
      { status: 'no_data', start: 0, length: 1 },
      { status: 'operational', start: 1, length: 2 },
      { status: 'major_outage', start: 3, length: 1 },
      { status: 'operational', start: 4, length: 1 },
    ]);
  });

  test('a quiet component is one path with one run and a one-sentence summary', () => {
    const api = buildSiteModel(deriveStatusState(fixtureComponentsFile, [], now)).components.find(
      (component) => component.id === 'api',
    )!;
    expect(api.bar.paths).toEqual([{ status: 'operational', d: 'M0 5h90' }]);
    expect(api.bar.summary).toBe('API, last 90 days: 90 days Operational; 100.00% uptime');
    expect(api.incidentDays).toEqual([]);
  });

  test('a bar has at most one path per status however many days had incidents', () => {
    const api = buildSiteModel(deriveStatusState(fixtureComponentsFile, dailyIncidents(89), now)).components.find(
      (component) => component.id === 'api',
    )!;
    expect(api.bar.paths.map((path) => path.status)).toEqual(['operational', 'partial_outage', 'major_outage']);
    expect(api.bar.summary).toMatch(
      /^API, last 90 days: 1 day Operational, 44 days Partial Outage, 45 days Major Outage; [\d.]+% uptime$/,
    );
    expect(api.incidentDays).toHaveLength(89);
    expect(api.incidentDays[0]).toMatchObject({
      date: '2026-11-22',
      anchor: 'day-2026-11-22',
      url: '/components/api/#day-2026-11-22',
      incidents: [{ title: 'Daily 0', url: '/incidents/daily-0/' }],
    });
  });
});

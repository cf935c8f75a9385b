import { describe, expect, test } from 'vitest';
import { deriveOverallStatus, deriveStatusState } from '../../src/domain/derive.ts';
import { makeIncident, fixtureComponentsFile, t } from '../helpers/model.ts';
import type { ComponentsFile } from '../../src/domain/schema/index.ts';

const now = t('2026-11-23T12:00:00Z');

function stateOf(incidents: ReturnType<typeof makeIncident>[], at = now, file: ComponentsFile = fixtureComponentsFile) {
  return deriveStatusState(file, incidents, at);
}

function component(state: ReturnType<typeof stateOf>, id: string) {
  return state.components.find((candidate) => candidate.component.id === id)!;
}

const majorOpen = makeIncident('api-down', {
  title: 'API down',
  impact: 'major',
  components: ['api'],
  updates: [{ at: '2026-11-23T11:00:00Z', status: 'investigating', message: 'Looking.' }],
});

describe('current status', () => {
  test('follows impact for components listed without a status', () => {
    const state = stateOf([majorOpen]);
    expect(component(state, 'api').status).toBe('partial_outage');
    expect(component(state, 'webhooks').status).toBe('operational');
    expect(state.overall).toEqual({ indicator: 'minor', description: 'Minor Service Outage' });
  });

  test('lets the worst of overlapping incidents on one component win', () => {
    const minor = makeIncident('slow', {
      title: 'Slow',
      impact: 'minor',
      components: ['api'],
      updates: [{ at: '2026-11-23T10:00:00Z', status: 'investigating', message: 'Slow.' }],
    });
    const critical = makeIncident('down', {
      title: 'Down',
      impact: 'minor',
      components: [{ id: 'api', status: 'major_outage' }],
      updates: [
        { at: '2026-11-23T10:30:00Z', status: 'investigating', message: 'Down.' },
        { at: '2026-11-23T11:00:00Z', status: 'resolved', message: 'Up.' },
      ],
    });
    expect(component(stateOf([minor, critical], t('2026-11-23T10:45:00Z')), 'api').status).toBe('major_outage');
    expect(component(stateOf([minor, critical]), 'api').status).toBe('degraded_performance');
    expect(stateOf([minor, critical]).overall).toEqual({
      indicator: 'minor',
      description: 'Partially Degraded Service',
    });
  });

  test('applies component status changes from an update onwards', () => {
    const changing = makeIncident('changing', {
      title: 'Changing',
      impact: 'critical',
      components: ['api', 'webhooks'],
      updates: [
        { at: '2026-11-23T09:00:00Z', status: 'investigating', message: 'Down.' },
        {
          at: '2026-11-23T10:00:00Z',
          status: 'monitoring',
          message: 'Better.',
          components: [
            { id: 'api', status: 'degraded_performance' },
            { id: 'webhooks', status: 'operational' },
          ],
        },
      ],
    });
    expect(component(stateOf([changing], t('2026-11-23T09:30:00Z')), 'api').status).toBe('major_outage');
    const later = stateOf([changing]);
    expect(component(later, 'api').status).toBe('degraded_performance');
    expect(component(later, 'webhooks').status).toBe('operational');
    // The incident is still critical, but the rollup reads only component statuses.
    expect(later.overall).toEqual({ indicator: 'minor', description: 'Partially Degraded Service' });
  });

  test('stops counting a resolved incident at its resolve time and counts it again when reopened', () => {
    const reopened = makeIncident('reopened', {
      title: 'Flapping',
      impact: 'major',
      components: ['api'],
      updates: [
        { at: '2026-11-23T08:00:00Z', status: 'investigating', message: 'Down.' },
        { at: '2026-11-23T09:00:00Z', status: 'resolved', message: 'Fixed.' },
        { at: '2026-11-23T10:00:00Z', status: 'investigating', message: 'Back.' },
      ],
    });
    expect(component(stateOf([reopened], t('2026-11-23T09:30:00Z')), 'api').status).toBe('operational');
    const state = stateOf([reopened]);
    expect(component(state, 'api').status).toBe('partial_outage');
    expect(state.bySlug.get('reopened')?.status).toBe('investigating');
    const seconds = component(state, 'api').uptime30! * 30 * 86_400;
    // Down for 1 h then 2 h, at 30 % weight: 0.9 h of 720 h.
    expect(30 * 86_400 - seconds).toBeCloseTo(0.9 * 3600, 3);
  });

  test('reads "All Systems Operational" while an open incident leaves every component operational', () => {
    const noComponents = makeIncident('m', {
      title: 'Partner delays',
      impact: 'critical',
      updates: [{ at: '2026-11-23T10:00:00Z', status: 'investigating', message: 'x' }],
    });
    expect(stateOf([noComponents]).overall).toEqual({ indicator: 'none', description: 'All Systems Operational' });
  });
});

describe('maintenance', () => {
  const window = { start: '2026-11-23T11:00:00Z', end: '2026-11-23T13:00:00Z' };

  test('without updates follows its window', () => {
    const silent = makeIncident('db-upgrade', {
      kind: 'maintenance',
      title: 'DB upgrade',
      components: ['database'],
      window,
    });
    expect(stateOf([silent], t('2026-11-23T10:00:00Z')).bySlug.get('db-upgrade')?.status).toBe('scheduled');
    const during = stateOf([silent]);
    expect(during.bySlug.get('db-upgrade')?.status).toBe('in_progress');
    expect(component(during, 'database').status).toBe('under_maintenance');
    expect(during.overall).toEqual({ indicator: 'maintenance', description: 'Service Under Maintenance' });
    const after = stateOf([silent], t('2026-11-23T14:00:00Z'));
    expect(after.bySlug.get('db-upgrade')?.status).toBe('completed');
    expect(component(after, 'database').status).toBe('operational');
  });

  test('with updates lets the updates take over from the window', () => {
    const early = makeIncident('early', {
      kind: 'maintenance',
      title: 'Done early',
      components: ['database'],
      window,
      updates: [
        { at: '2026-11-20T09:00:00Z', status: 'scheduled', message: 'Planned.' },
        { at: '2026-11-23T11:00:00Z', status: 'in_progress', message: 'Started.' },
        { at: '2026-11-23T11:30:00Z', status: 'completed', message: 'Done.' },
      ],
    });
    const state = stateOf([early]);
    expect(state.bySlug.get('early')?.status).toBe('completed');
    expect(component(state, 'database').status).toBe('operational');
    expect(component(state, 'database').uptime30).toBe(1);
  });

  test('lets a real outage outrank maintenance in the indicator', () => {
    const silent = makeIncident('db', { kind: 'maintenance', title: 'DB', components: ['database'], window });
    expect(stateOf([silent, majorOpen]).overall).toEqual({ indicator: 'minor', description: 'Minor Service Outage' });
  });
});

describe('day bars', () => {
  test('cover 90 days in the page zone, the last one being today', () => {
    const state = stateOf([]);
    expect(state.days).toHaveLength(90);
    expect(state.days.at(-1)?.date).toBe('2026-11-23');
    expect(state.days[0]?.date).toBe('2026-08-26');
  });

  test('mark both days an incident spans across midnight in the page zone', () => {
    // 23:30 to 00:30 Berlin time (UTC+1 in November).
    const overnight = makeIncident('overnight', {
      title: 'Overnight',
      impact: 'critical',
      components: ['api'],
      updates: [
        { at: '2026-11-20T22:30:00Z', status: 'investigating', message: 'Down.' },
        { at: '2026-11-20T23:30:00Z', status: 'resolved', message: 'Up.' },
      ],
    });
    const days = component(stateOf([overnight]), 'api').days;
    const byDate = Object.fromEntries(days.map((day) => [day.date, day]));
    expect(byDate['2026-11-20']).toEqual({ date: '2026-11-20', status: 'major_outage', incidents: ['overnight'] });
    expect(byDate['2026-11-21']).toEqual({ date: '2026-11-21', status: 'major_outage', incidents: ['overnight'] });
    expect(byDate['2026-11-22']?.status).toBe('operational');
  });

  test('stay correct across a DST change: 23-hour day in spring', () => {
    const spring = deriveStatusState(fixtureComponentsFile, [], t('2026-04-10T12:00:00Z')).days.find(
      (day) => day.date === '2026-03-29',
    )!;
    expect((spring.end - spring.start) / 3_600_000).toBe(23);
    expect(new Date(spring.start).toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  test('stay correct across a DST change: 25-hour day in autumn', () => {
    const state = stateOf([]);
    const autumn = state.days.find((day) => day.date === '2026-10-25')!;
    expect((autumn.end - autumn.start) / 3_600_000).toBe(25);
    // 00:30 UTC on 25 Oct is 02:30 CEST; 23:30 UTC is 00:30 CET on the 26th.
    const late = makeIncident('late', {
      title: 'Late',
      impact: 'minor',
      components: ['api'],
      updates: [
        { at: '2026-10-25T22:50:00Z', status: 'investigating', message: 'x' },
        { at: '2026-10-25T22:55:00Z', status: 'resolved', message: 'y' },
      ],
    });
    const days = component(stateOf([late]), 'api').days;
    expect(days.find((day) => day.date === '2026-10-25')?.status).toBe('degraded_performance');
    expect(days.find((day) => day.date === '2026-10-26')?.status).toBe('operational');
  });
});

describe('uptime', () => {
  test('counts major outage fully, partial at 30 % and degraded not at all', () => {
    const incident = (slug: string, status: 'major_outage' | 'partial_outage' | 'degraded_performance') =>
      makeIncident(slug, {
        title: slug,
        impact: 'minor',
        components: [{ id: 'api', status }],
        updates: [
          { at: '2026-11-22T00:00:00Z', status: 'investigating', message: 'x' },
          { at: '2026-11-22T10:00:00Z', status: 'resolved', message: 'y' },
        ],
      });
    const lost = (status: 'major_outage' | 'partial_outage' | 'degraded_performance') =>
      (1 - component(stateOf([incident('x', status)]), 'api').uptime30!) * 30 * 24;
    expect(lost('major_outage')).toBeCloseTo(10, 6);
    expect(lost('partial_outage')).toBeCloseTo(3, 6);
    expect(lost('degraded_performance')).toBeCloseTo(0, 6);
  });

  test('does not double-count overlapping outages', () => {
    const overlapping = ['a', 'b'].map((slug, index) =>
      makeIncident(slug, {
        title: slug,
        impact: 'critical',
        components: ['api'],
        updates: [
          { at: `2026-11-22T0${index}:00:00Z`, status: 'investigating', message: 'x' },
          { at: `2026-11-22T0${index + 2}:00:00Z`, status: 'resolved', message: 'y' },
        ],
      }),
    );
    expect((1 - component(stateOf(overlapping), 'api').uptime90!) * 90 * 24).toBeCloseTo(3, 6);
  });

  test("excludes time before a component's since date", () => {
    const file: ComponentsFile = {
      ...fixtureComponentsFile,
      components: fixtureComponentsFile.components.map((c) => (c.id === 'api' ? { ...c, since: '2026-11-13' } : c)),
    };
    const outage = makeIncident('new', {
      title: 'New',
      impact: 'critical',
      components: ['api'],
      updates: [
        { at: '2026-11-22T00:00:00Z', status: 'investigating', message: 'x' },
        { at: '2026-11-22T12:00:00Z', status: 'resolved', message: 'y' },
      ],
    });
    const api = component(stateOf([outage], now, file), 'api');
    // Since 13 Nov 00:00 Berlin (12 Nov 23:00 UTC) to 23 Nov 12:00 UTC = 10.5416 days.
    const counted = (now - Date.parse('2026-11-12T23:00:00Z')) / 3_600_000;
    expect(api.uptime30).toBeCloseTo(1 - 12 / counted, 9);
    expect(api.uptime90).toBe(api.uptime30);
    // At the first instant of its since date nothing has been counted yet.
    expect(component(stateOf([], t('2026-11-12T23:00:00Z'), file), 'api').uptime30).toBeNull();
  });
});

describe("the overall status is Statuspage's rollup of shown components", () => {
  test.each([
    [['operational', 'operational'], false, 'none', 'All Systems Operational'],
    [['degraded_performance', 'operational'], false, 'minor', 'Partially Degraded Service'],
    [['degraded_performance', 'degraded_performance'], false, 'minor', 'Partially Degraded Service'],
    [['partial_outage', 'degraded_performance'], false, 'minor', 'Minor Service Outage'],
    [['major_outage', 'partial_outage'], false, 'major', 'Partial System Outage'],
    [['major_outage', 'operational', 'major_outage'], false, 'major', 'Partial System Outage'],
    [['major_outage', 'major_outage', 'major_outage'], false, 'critical', 'Major System Outage'],
    [['under_maintenance', 'operational'], false, 'maintenance', 'Service Under Maintenance'],
    [['operational'], true, 'maintenance', 'Service Under Maintenance'],
    [['degraded_performance', 'under_maintenance'], true, 'minor', 'Partially Degraded Service'],
  ] as const)('%j (maintenance in progress: %s) reads %s, "%s"', (statuses, maintenance, indicator, description) => {
    expect(deriveOverallStatus(statuses, maintenance)).toEqual({ indicator, description });
  });

  const fileWith = (extra: Partial<ComponentsFile['components'][number]>[]): ComponentsFile => ({
    ...fixtureComponentsFile,
    components: [
      ...fixtureComponentsFile.components,
      ...extra.map((fields, index) => ({ id: `extra-${index}`, name: `Extra ${index}`, ...fields }) as never),
    ],
  });
  const everythingDown = makeIncident('everything-down', {
    title: 'Everything down',
    impact: 'critical',
    components: ['api', 'webhooks', 'database'],
    updates: [{ at: '2026-11-23T11:00:00Z', status: 'investigating', message: 'Down.' }],
  });

  test('reads critical when every shown component is in major outage', () => {
    expect(stateOf([everythingDown]).overall).toEqual({ indicator: 'critical', description: 'Major System Outage' });
  });

  test('ignores retired and showcase: false components for "every shown component"', () => {
    const file = fileWith([
      { retired: true, showcase: true },
      { retired: false, showcase: false },
    ]);
    expect(stateOf([everythingDown], now, file).overall.indicator).toBe('critical');
  });

  test('reads major, not critical, when one shown component is still up (9 of 11 down was never critical)', () => {
    const file = fileWith([{ retired: false, showcase: true }]);
    expect(stateOf([everythingDown], now, file).overall).toEqual({
      indicator: 'major',
      description: 'Partial System Outage',
    });
  });

  test('does not count an outage of a showcase: false component', () => {
    const file = fileWith([{ retired: false, showcase: false }]);
    const hiddenDown = makeIncident('hidden-down', {
      title: 'Internal queue down',
      impact: 'critical',
      components: ['extra-0'],
      updates: [{ at: '2026-11-23T11:00:00Z', status: 'investigating', message: 'Down.' }],
    });
    const state = stateOf([hiddenDown], now, file);
    expect(component(state, 'extra-0').status).toBe('major_outage');
    expect(state.overall.indicator).toBe('none');
  });
});

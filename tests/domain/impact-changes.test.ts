import { describe, expect, test } from 'vitest';
import { deriveStatusState } from '../../src/domain/derive.ts';
import { renderJsonFeed } from '../../src/serialize/feeds.ts';
import { StatuspageFileSchemas } from '../../src/serialize/statuspage-schema.ts';
import { renderStatuspageFile } from '../../src/serialize/statuspage.ts';
import { buildSiteModel } from '../../src/site/model.ts';
import { createPermalinks } from '../../src/domain/permalinks.ts';
import { fixtureComponentsFile, makeIncident, t } from '../helpers/model.ts';

const links = createPermalinks('/', 'https://status.fixture.example');

// Starts minor, escalated to critical at 10:00, de-escalated to minor at 11:00 (Berlin: 10:00, 11:00, 12:00 CET).
const escalated = makeIncident('checkout-errors', {
  title: 'Checkout errors',
  impact: 'minor',
  components: ['api', { id: 'database', status: 'partial_outage' }],
  updates: [
    { at: '2026-11-20T09:00:00Z', status: 'investigating', message: 'Some checkouts fail.' },
    { at: '2026-11-20T10:00:00Z', status: 'identified', message: 'All checkouts fail.', impact: 'critical' },
    { at: '2026-11-20T11:00:00Z', status: 'monitoring', message: 'Most checkouts work.', impact: 'minor' },
  ],
});

/** What a rebuild at `now` shows about the incident, in the API, the page model and the feed. */
function rebuildAt(now: string) {
  const state = deriveStatusState(fixtureComponentsFile, [escalated], t(now));
  const api = StatuspageFileSchemas['incidents.json'].parse(
    JSON.parse(renderStatuspageFile(state, links, 'incidents.json')),
  ).incidents[0]!;
  const feed = JSON.parse(renderJsonFeed({ state, links })) as { items: { title: string; content_html: string }[] };
  return {
    api: state.components.find((component) => component.component.id === 'api')!,
    incidentImpact: api.impact,
    latestAffected: api.incident_updates[0]!.affected_components,
    view: buildSiteModel(state).incidentBySlug.get('checkout-errors')!,
    feed: feed.items,
  };
}

describe('impact that changes while an incident is open', () => {
  test('a rebuild before the escalation shows the starting impact', () => {
    const before = rebuildAt('2026-11-20T09:30:00Z');
    expect(before.incidentImpact).toBe('minor');
    expect(before.api.status).toBe('degraded_performance');
    expect(before.view.impactLabel).toBe('Minor impact');
    expect(before.view.updates.map((update) => update.impactChange)).toEqual([undefined]);
  });

  test('a rebuild after the escalation shows critical, and components following impact follow it', () => {
    const during = rebuildAt('2026-11-20T10:30:00Z');
    expect(during.incidentImpact).toBe('critical');
    expect(during.api.status).toBe('major_outage');
    expect(during.latestAffected).toEqual([
      expect.objectContaining({ name: 'API', old_status: 'degraded_performance', new_status: 'major_outage' }),
    ]);
    expect(during.view.impactLabel).toBe('Critical impact');
    expect(during.view.updates[0]!.impactChange).toBe('Impact changed from Minor impact to Critical impact');
    expect(during.feed[0]!.content_html).toContain('<strong>Impact:</strong> Critical impact');
    expect(during.feed[1]!.content_html).toContain('<strong>Impact:</strong> Minor impact');
  });

  test('a rebuild after the de-escalation shows minor again, with both changes in the timeline', () => {
    const after = rebuildAt('2026-11-20T12:00:00Z');
    expect(after.incidentImpact).toBe('minor');
    expect(after.api.status).toBe('degraded_performance');
    expect(after.latestAffected).toEqual([
      expect.objectContaining({ name: 'API', old_status: 'major_outage', new_status: 'degraded_performance' }),
    ]);
    expect(after.view.updates.map((update) => update.impactChange)).toEqual([
      'Impact changed from Critical impact to Minor impact',
      'Impact changed from Minor impact to Critical impact',
      undefined,
    ]);
    expect(after.feed.map((item) => /Impact:<\/strong> (\w+ impact)/.exec(item.content_html)![1])).toEqual([
      'Minor impact',
      'Critical impact',
      'Minor impact',
    ]);
    // The explicitly set database status does not follow impact.
    const database = deriveStatusState(fixtureComponentsFile, [escalated], t('2026-11-20T10:30:00Z')).components.find(
      (component) => component.component.id === 'database',
    )!;
    expect(database.status).toBe('partial_outage');
  });

  test('the day bar keeps the worst status of the day, the escalation included', () => {
    const day = rebuildAt('2026-11-20T12:00:00Z').api.days.find((cell) => cell.date === '2026-11-20')!;
    expect(day.status).toBe('major_outage');
  });

  test('uptime counts the escalated hour as major outage', () => {
    const state = deriveStatusState(fixtureComponentsFile, [escalated], t('2026-11-20T12:00:00Z'));
    const api = state.components.find((component) => component.component.id === 'api')!;
    expect((1 - api.uptime30!) * 30 * 24).toBeCloseTo(1, 6);
  });
});

import Parser from 'rss-parser';
import { describe, expect, test } from 'vitest';
import { deriveStatusState } from '../../src/domain/derive.ts';
import { renderRss } from '../../src/serialize/feeds.ts';
import { StatuspageFileSchemas } from '../../src/serialize/statuspage-schema.ts';
import { renderStatuspageFile } from '../../src/serialize/statuspage.ts';
import { buildSiteModel } from '../../src/site/model.ts';
import { createPermalinks } from '../../src/domain/permalinks.ts';
import { fixtureComponentsFile, makeIncident, t } from '../helpers/model.ts';

const links = createPermalinks('/', 'https://status.fixture.example');
const incident = makeIncident(
  'db-failover',
  {
    title: 'Database failover',
    impact: 'major',
    components: ['database'],
    postmortem_published: '2026-11-21T09:00:00Z',
    updates: [
      { at: '2026-11-20T09:00:00Z', status: 'investigating', message: 'Connections fail.' },
      { at: '2026-11-20T10:00:00Z', status: 'resolved', message: 'Failover done.' },
    ],
  },
  '## What happened\n\nThe primary lost its disk.<br>Failover took **50 minutes**.',
);

function rebuildAt(now: string) {
  const state = deriveStatusState(fixtureComponentsFile, [incident], t(now));
  const api = StatuspageFileSchemas['incidents/resolved.json'].parse(
    JSON.parse(renderStatuspageFile(state, links, 'incidents/resolved.json')),
  ).incidents[0]!;
  return { state, api, view: buildSiteModel(state).incidentBySlug.get('db-failover')! };
}

describe('a published postmortem', () => {
  test('before its publication time the incident is resolved, with no postmortem fields', () => {
    const { api, view } = rebuildAt('2026-11-21T08:00:00Z');
    expect(api).toMatchObject({ status: 'resolved', postmortem_body: null, postmortem_published_at: null });
    expect(view.postmortem).toBeUndefined();
  });

  test('moves the API status to postmortem with its plain-text body and publication time', () => {
    const { api } = rebuildAt('2026-11-22T08:00:00Z');
    expect(api).toMatchObject({
      status: 'postmortem',
      postmortem_body: 'What happened\n\nThe primary lost its disk.\nFailover took 50 minutes.',
      postmortem_published_at: '2026-11-21T10:00:00.000+01:00',
      updated_at: '2026-11-21T10:00:00.000+01:00',
      resolved_at: '2026-11-20T11:00:00.000+01:00',
    });
  });

  test('shows its publication time on the incident page model', () => {
    expect(rebuildAt('2026-11-22T08:00:00Z').view.postmortem).toEqual({
      iso: '2026-11-21T09:00:00.000Z',
      text: '21 Nov 2026, 10:00 CET',
    });
  });

  test('gets its own feed entry with a stable id', async () => {
    const { state } = rebuildAt('2026-11-22T08:00:00Z');
    const feed = await new Parser().parseString(await renderRss({ state, links }));
    expect(feed.items[0]).toMatchObject({
      title: '[Postmortem] Database failover',
      guid: 'https://status.fixture.example/incidents/db-failover/#postmortem',
      isoDate: '2026-11-21T09:00:00.000Z',
    });
    expect(feed.items[0]!.contentSnippet).toContain('The primary lost its disk.');
    const later = deriveStatusState(fixtureComponentsFile, [incident], t('2026-11-23T08:00:00Z'));
    const again = await new Parser().parseString(await renderRss({ state: later, links }));
    expect(again.items[0]!.guid).toBe(feed.items[0]!.guid);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import Parser from 'rss-parser';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { deriveStatusState } from '../../src/domain/derive.ts';
import { renderAtom, renderJsonFeed, renderRss } from '../../src/serialize/feeds.ts';
import { renderMaintenanceCalendar } from '../../src/serialize/ics.ts';
import { StatuspageFileSchemas } from '../../src/serialize/statuspage-schema.ts';
import { statuspageFiles } from '../../src/serialize/statuspage.ts';
import { createPermalinks } from '../../src/domain/permalinks.ts';
import { builtSite, fixtureSiteNames } from '../helpers/build.ts';
import { listFiles, readDist } from '../helpers/dist.ts';
import { fixtureComponentsFile, makeIncident } from '../helpers/model.ts';

const parser = new Parser();

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1), the parts we emit. */
const JsonFeedSchema = z.object({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().min(1),
  home_page_url: z.string().url(),
  feed_url: z.string().url(),
  items: z.array(
    z.object({
      id: z.string().min(1),
      url: z.string().url(),
      title: z.string(),
      content_html: z.string(),
      date_published: z.string().datetime(),
    }),
  ),
});

const links = createPermalinks('/', 'https://status.fixture.example');
const firstUpdates: { at: string; status: 'investigating' | 'identified' | 'resolved'; message: string }[] = [
  {
    at: '2026-11-23T10:00:00Z',
    status: 'investigating',
    message: 'Errors on **the API**. <script>alert(1)</script><img src=x onerror=alert(2)>',
  },
  { at: '2026-11-23T10:30:00Z', status: 'identified', message: 'Found it. [details](javascript:alert(3))' },
];

function contextWith(updates: typeof firstUpdates) {
  const incident = makeIncident('api-errors', { title: 'API errors', impact: 'major', components: ['api'], updates });
  const other = makeIncident('db-slow', {
    title: 'Slow database',
    impact: 'minor',
    components: ['database'],
    updates: [{ at: '2026-11-22T09:00:00Z', status: 'resolved', message: 'Was slow for 5 minutes.' }],
  });
  return {
    state: deriveStatusState(fixtureComponentsFile, [incident, other], Date.parse('2026-11-23T12:00:00Z')),
    links,
  };
}

describe('feeds', () => {
  test('RSS, Atom and JSON Feed parse and carry one entry per published update, newest first', async () => {
    const context = contextWith(firstUpdates);
    const rss = await parser.parseString(await renderRss(context));
    const atom = await parser.parseString(renderAtom(context));
    const json = JsonFeedSchema.parse(JSON.parse(renderJsonFeed(context)));
    const expected = ['[Identified] API errors', '[Investigating] API errors', '[Resolved] Slow database'];
    expect(rss.items.map((item) => item.title)).toEqual(expected);
    expect(atom.items.map((item) => item.title)).toEqual(expected);
    expect(json.items.map((item) => item.title)).toEqual(expected);
    expect(rss.items[0]?.link).toBe('https://status.fixture.example/incidents/api-errors/#update-2');
    expect(json.items[0]?.id).toBe('https://status.fixture.example/incidents/api-errors/#update-2');
    expect(rss.title).toBe('Fixture Status');
  });

  test('appending an update adds exactly one entry and changes no existing id', async () => {
    const before = contextWith(firstUpdates);
    const after = contextWith([...firstUpdates, { at: '2026-11-23T11:00:00Z', status: 'resolved', message: 'Fixed.' }]);
    for (const render of [renderRss, renderAtom, renderJsonFeed]) {
      const ids = async (context: typeof before) => {
        const text = await render(context);
        return text.startsWith('{')
          ? (JSON.parse(text) as { items: { id: string }[] }).items.map((item) => item.id)
          : (await parser.parseString(text)).items.map((item) => item.guid ?? (item.id as string));
      };
      const old = await ids(before);
      const updated = await ids(after);
      expect(updated).toHaveLength(old.length + 1);
      expect(updated.slice(1)).toEqual(old);
    }
  });

  test('never carry unsanitized HTML', async () => {
    const context = contextWith(firstUpdates);
    for (const text of [await renderRss(context), renderAtom(context), renderJsonFeed(context)]) {
      expect(text).not.toMatch(/<script|onerror|javascript:/i);
      expect(text).not.toMatch(/&lt;script/i);
    }
    const json = JSON.parse(renderJsonFeed(context)) as { items: { content_html: string }[] };
    expect(json.items[1]?.content_html).toContain('<strong>the API</strong>');
  });

  test('a component feed only carries incidents that touched it', async () => {
    const context = { ...contextWith(firstUpdates), component: { id: 'database', name: 'Database' } };
    const feed = await parser.parseString(renderAtom(context));
    expect(feed.items.map((item) => item.title)).toEqual(['[Resolved] Slow database']);
    expect(feed.title).toBe('Database · Fixture Status');
  });

  test('built feeds in dist/ parse for every fixture site', async () => {
    for (const site of fixtureSiteNames) {
      const files = listFiles(builtSite(site));
      expect(files.filter((file) => file.endsWith('feed.json')).length).toBeGreaterThan(3);
      for (const file of files) {
        // Every RSS and Atom feed; sitemap.xml is XML but no feed.
        if (/(^|\/)(rss|atom)\.xml$/.test(file))
          await expect(parser.parseString(readDist(builtSite(site), file))).resolves.toBeTruthy();
        if (file.endsWith('feed.json')) JsonFeedSchema.parse(JSON.parse(readDist(builtSite(site), file)));
      }
    }
  });

  test('a maintenance window opening and closing on its own appears in the feed', async () => {
    const feed = await parser.parseString(readDist(builtSite('maintenance-in-progress'), 'atom.xml'));
    expect(feed.items.map((item) => item.title)).toEqual([
      '[In Progress] Database version upgrade',
      '[Scheduled] Database version upgrade',
    ]);
  });
});

describe('the Statuspage-compatible API', () => {
  test.each([...fixtureSiteNames, 'sample'])('%s: every file matches the Statuspage v2 schema', (site) => {
    for (const file of statuspageFiles) {
      const json = JSON.parse(readDist(builtSite(site), `api/v2/${file}`)) as Record<string, unknown>;
      const result = StatuspageFileSchemas[file].safeParse(json);
      expect(result.error?.issues ?? [], `${site} ${file}`).toEqual([]);
      expect(Object.keys(json)[0]).toBe('page');
    }
  });

  test('reports indicator, unresolved incidents and affected components like Statuspage', () => {
    const summary = JSON.parse(readDist(builtSite('major-outage'), 'api/v2/summary.json')) as z.infer<
      (typeof StatuspageFileSchemas)['summary.json']
    >;
    expect(summary.status).toEqual({ indicator: 'major', description: 'Partial System Outage' });
    expect(summary.incidents.map((incident) => [incident.name, incident.status, incident.impact])).toEqual([
      ['API unavailable in all regions', 'investigating', 'critical'],
    ]);
    expect(summary.incidents[0]?.started_at).toBe('2026-11-23T11:52:00.000+01:00');
    expect(
      summary.incidents[0]?.incident_updates[0]?.affected_components?.map((component) => [
        component.name,
        component.new_status,
      ]),
    ).toEqual([
      ['API', 'major_outage'],
      ['Webhooks', 'partial_outage'],
    ]);
    const group = summary.components.find((component) => component.name === 'Core')!;
    expect(group.group).toBe(true);
    expect(group.components).toHaveLength(2);
    expect(
      summary.components.filter((component) => component.group_id === group.id).map((component) => component.position),
    ).toEqual([1, 2]);
    // showcase: false keeps "Status emails" out of the component list.
    expect(summary.components.map((component) => component.name)).not.toContain('Status emails');
  });

  test('reports a published postmortem as status postmortem with its body and time', () => {
    const resolved = JSON.parse(readDist(builtSite('major-outage'), 'api/v2/incidents/resolved.json')) as z.infer<
      (typeof StatuspageFileSchemas)['incidents/resolved.json']
    >;
    expect(resolved.incidents[0]).toMatchObject({
      name: 'Database failover',
      status: 'postmortem',
      postmortem_published_at: '2026-11-19T16:00:00.000+01:00',
    });
    expect(resolved.incidents[0]!.postmortem_body).toMatch(/^Postmortem\n\nThe primary database node lost its disk\./);
  });

  test('keeps ids stable across fixture sites that share slugs', () => {
    const a = JSON.parse(readDist(builtSite('major-outage'), 'api/v2/incidents/unresolved.json')) as {
      incidents: { id: string }[];
    };
    const b = JSON.parse(readDist(builtSite('base-path'), 'api/v2/incidents/unresolved.json')) as {
      incidents: { id: string }[];
    };
    expect(a.incidents[0]?.id).toBe(b.incidents[0]?.id);
  });

  test('lists upcoming and active maintenance separately', () => {
    const dir = builtSite('maintenance-in-progress');
    const names = (file: string) =>
      (
        JSON.parse(readDist(dir, `api/v2/${file}`)) as { scheduled_maintenances: { name: string; status: string }[] }
      ).scheduled_maintenances.map((m) => `${m.name} ${m.status}`);
    expect(names('scheduled-maintenances/active.json')).toEqual(['Database version upgrade in_progress']);
    expect(names('scheduled-maintenances/upcoming.json')).toEqual(['Network switch replacement scheduled']);
  });
});

describe('maintenance calendar and badges', () => {
  test('the calendar parses with stable UIDs, UTC times and escaped text', () => {
    const text = readDist(builtSite('maintenance-in-progress'), 'maintenance.ics');
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    const events = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
    expect(
      events.map((event) => [event.uid, event.summary, event.startDate.toString(), event.endDate.toString()]),
    ).toEqual([
      [
        '2026-11-30-network-upgrade@status.fixture.example',
        'Network switch replacement',
        '2026-11-30T02:00:00Z',
        '2026-11-30T04:00:00Z',
      ],
      [
        '2026-11-23-database-upgrade@status.fixture.example',
        'Database version upgrade',
        '2026-11-23T11:00:00Z',
        '2026-11-23T13:00:00Z',
      ],
    ]);
    expect(events[1]?.description).toContain('Writes may pause for a few seconds.');
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  test('folds and escapes long text with commas, semicolons and accents', () => {
    const long = makeIncident('long', {
      kind: 'maintenance',
      title: 'Réindexation; partie 1, étape 2 — '.repeat(5),
      components: ['database'],
      window: { start: '2026-12-01T01:00:00Z', end: '2026-12-01T02:00:00Z' },
    });
    const text = renderMaintenanceCalendar(
      deriveStatusState(fixtureComponentsFile, [long], Date.parse('2026-11-23T12:00:00Z')),
      links,
    );
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text) as unknown[]).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Réindexation; partie 1, étape 2 — '.repeat(5));
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  test('badges are SVG with a title naming the status', () => {
    const badge = readDist(builtSite('major-outage'), 'badge.svg');
    expect(badge).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(badge).toContain('<title>Fixture Status: Partial System Outage</title>');
    expect(readFileSync(join(builtSite('major-outage'), 'components/database/badge.svg'), 'utf8')).toContain(
      '<title>Database: Operational</title>',
    );
  });
});

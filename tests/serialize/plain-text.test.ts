import ICAL from 'ical.js';
import Parser from 'rss-parser';
import { describe, expect, test } from 'vitest';
import { deriveStatusState } from '../../src/domain/derive.ts';
import { renderJsonFeed, renderRss } from '../../src/serialize/feeds.ts';
import { renderMaintenanceCalendar } from '../../src/serialize/ics.ts';
import { markdownToText } from '../../src/serialize/plain-text.ts';
import { renderStatuspageFile } from '../../src/serialize/statuspage.ts';
import { createPermalinks } from '../../src/domain/permalinks.ts';
import { fixtureComponentsFile, makeIncident, t } from '../helpers/model.ts';

describe('markdown as plain text', () => {
  test('keeps a line break for <br> between two sentences (issue 10)', () => {
    expect(markdownToText('We paused the workflow runs.<br />We are still investigating.')).toBe(
      'We paused the workflow runs.\nWe are still investigating.',
    );
    expect(markdownToText('One.<br>Two. <BR/> Three.')).toBe('One.\nTwo.\nThree.');
  });

  test('separates paragraphs and headings with a blank line', () => {
    expect(markdownToText('## Cause\n\nA bad deploy.\n\nWe rolled back.')).toBe(
      'Cause\n\nA bad deploy.\n\nWe rolled back.',
    );
  });

  test('puts each list item on its own line with its marker', () => {
    expect(markdownToText('Affected:\n\n- uploads\n- downloads\n  - large files\n\n3. first\n4. second')).toBe(
      'Affected:\n\n- uploads\n- downloads\n  - large files\n\n3. first\n4. second',
    );
  });

  test('keeps code literally, entities and all, decoding author entities once', () => {
    expect(markdownToText('Send `&lt;br&gt;` not `<br>`; Q&amp;A &lt;here&gt;')).toBe(
      'Send &lt;br&gt; not <br>; Q&A <here>',
    );
    expect(markdownToText('```\nif a < b && c:\n    run()\n```')).toBe('if a < b && c:\n    run()');
  });

  test('shows where a link goes, once for a bare address', () => {
    expect(
      markdownToText('See [the runbook](https://acme.example/runbook), <https://acme.example> or <ops@acme.example>.'),
    ).toBe('See the runbook (https://acme.example/runbook), https://acme.example or ops@acme.example.');
  });

  test('shows no address for a link the HTML would not link either', () => {
    expect(markdownToText('[details](javascript:alert(3)) and [page](/incidents/x/)')).toBe('details and page');
  });

  test('drops scripts and tags but keeps their block boundaries', () => {
    expect(markdownToText('<div>First</div><div>Second</div>\n\nSafe <script>alert(1)</script>text')).toBe(
      'First\n\nSecond\n\nSafe text',
    );
  });
});

describe('the one plain-text function serves every output', () => {
  const links = createPermalinks('/', 'https://status.fixture.example');
  const message = 'Runs paused.<br />Write `&lt;br&gt;` literally.';
  const incident = makeIncident('paused', {
    title: 'Paused',
    impact: 'minor',
    components: ['api'],
    updates: [{ at: '2026-11-23T10:00:00Z', status: 'investigating', message }],
  });
  const maintenance = makeIncident('upgrade', {
    kind: 'maintenance',
    title: 'Upgrade',
    components: ['database'],
    window: { start: '2026-11-24T02:00:00Z', end: '2026-11-24T03:00:00Z' },
    updates: [{ at: '2026-11-20T10:00:00Z', status: 'scheduled', message }],
  });
  const state = deriveStatusState(fixtureComponentsFile, [incident, maintenance], t('2026-11-23T12:00:00Z'));
  const expected = 'Runs paused.\nWrite &lt;br&gt; literally.';

  test("the API's update body", () => {
    const summary = JSON.parse(renderStatuspageFile(state, links, 'summary.json')) as {
      incidents: { incident_updates: { body: string }[] }[];
    };
    expect(summary.incidents[0]!.incident_updates[0]!.body).toBe(expected);
  });

  test('the feed summaries: plain in JSON Feed, escaped HTML with <br> in RSS', async () => {
    const json = JSON.parse(renderJsonFeed({ state, links })) as { items: { summary: string }[] };
    expect(json.items.map((item) => item.summary)).toEqual([expected, expected]);
    const rss = await new Parser().parseString(await renderRss({ state, links }));
    expect(rss.items[0]!.content).toBe('Runs paused.<br>Write &amp;lt;br&amp;gt; literally.');
  });

  test('the iCalendar description', () => {
    const calendar = new ICAL.Component(ICAL.parse(renderMaintenanceCalendar(state, links)) as unknown[]);
    const description = calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('description');
    expect(String(description)).toContain(expected);
  });
});

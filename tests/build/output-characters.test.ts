import ICAL from 'ical.js';
import Parser from 'rss-parser';
import { describe, expect, test } from 'vitest';
import { deriveStatusState } from '../../src/domain/derive.ts';
import { renderBadge } from '../../src/serialize/badge.ts';
import { renderAtom, renderJsonFeed, renderRss } from '../../src/serialize/feeds.ts';
import { renderMaintenanceCalendar } from '../../src/serialize/ics.ts';
import { renderStatuspageFile, statuspageFiles } from '../../src/serialize/statuspage.ts';
import { createPermalinks } from '../../src/domain/permalinks.ts';
import { fixtureComponentsFile, makeIncident } from '../helpers/model.ts';

const links = createPermalinks('/', 'https://status.fixture.example');
const now = Date.parse('2026-11-23T12:00:00Z');
/** Characters XML 1.0 forbids, as they would arrive if anything ever bypassed the validator. */
const illegal = '\u0001\u0008\u000B\u000C\u001B\uFFFE\uFFFF\uD800';
const illegalPattern = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/;

function stateWith(text: string) {
  const components = {
    ...fixtureComponentsFile,
    page: { ...fixtureComponentsFile.page, name: `Status${text}` },
    components: fixtureComponentsFile.components.map((component) => ({
      ...component,
      name: `${component.name}${text}`,
    })),
  };
  const incident = makeIncident('outage', {
    title: `API${text} errors`,
    impact: 'major',
    components: ['api'],
    updates: [{ at: '2026-11-23T11:00:00Z', status: 'investigating', message: `Looking${text} into it.` }],
  });
  const maintenance = makeIncident('upgrade', {
    kind: 'maintenance',
    title: `Upgrade${text}\rline two`,
    components: ['database'],
    window: { start: '2026-11-30T02:00:00Z', end: '2026-11-30T03:00:00Z' },
    updates: [{ at: '2026-11-23T10:00:00Z', status: 'scheduled', message: `First\rsecond\r\nthird${text}` }],
  });
  return deriveStatusState(components, [incident, maintenance], now);
}

describe('outputs never carry characters illegal in XML 1.0 (issue #11 item 7)', () => {
  test('feeds stay well-formed and parse', async () => {
    const state = stateWith(illegal);
    const outputs = [await renderRss({ state, links }), renderAtom({ state, links }), renderJsonFeed({ state, links })];
    for (const output of outputs) expect(output).not.toMatch(illegalPattern);
    const parser = new Parser();
    expect((await parser.parseString(outputs[0]!)).items[0]?.title).toBe('[Investigating] API errors');
    expect((await parser.parseString(outputs[1]!)).items[0]?.title).toBe('[Investigating] API errors');
    const json = JSON.parse(outputs[2]!) as { items: { title: string }[] };
    expect(json.items[0]?.title).toBe('[Investigating] API errors');
  });

  test('badges and every API file carry none', () => {
    expect(renderBadge(`API${illegal}`, 'Operational', '#1a7f37')).not.toMatch(illegalPattern);
    const state = stateWith(illegal);
    for (const file of statuspageFiles) {
      const text = renderStatuspageFile(state, links, file);
      expect(JSON.stringify(JSON.parse(text)), file).not.toMatch(/\\u000[0-8bc]|\\u001|\\ufff[ef]|\\ud8/i);
    }
  });
});

describe('iCalendar text (issue #11 item 11)', () => {
  test('a bare CR or a control character never appears raw in the calendar', () => {
    const text = renderMaintenanceCalendar(stateWith(illegal), links);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]/);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text) as unknown[]).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Upgrade\nline two');
    expect(event.description).toContain('First\nsecond\nthird');
  });
});

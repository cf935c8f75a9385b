import { describe, expect, test } from 'vitest';
import { runValidateCommand } from '../../src/cli/validate.ts';
import { deriveStatusState } from '../../src/domain/derive.ts';
import { formatZonedIso } from '../../src/domain/time.ts';
import { stableId } from '../../src/serialize/ids.ts';
import { renderMarkdown } from '../../src/serialize/markdown.ts';
import { createDateFormat } from '../../src/domain/date-format.ts';
import { buildSiteModel } from '../../src/site/model.ts';
import { componentPages, historyPages } from '../../src/site/pagination.ts';
import { createPermalinks } from '../../src/domain/permalinks.ts';
import { incidentFile, makeContentRoot } from '../helpers/content.ts';
import { fixtureComponentsFile, makeIncident } from '../helpers/model.ts';

describe('view helpers', () => {
  test('format dates in the page zone and locale, durations and uptime', () => {
    const format = createDateFormat('America/New_York', 'en-US');
    expect(format.dateTime(Date.parse('2026-11-20T14:05:00Z'))).toBe('Nov 20, 2026, 09:05 AM EST');
    expect(format.day('2026-11-14')).toBe('Nov 14, 2026');
    expect(format.dayKey(Date.parse('2026-11-21T03:00:00Z'))).toBe('2026-11-20');
    expect(format.duration(95 * 60_000)).toBe('1 hr, 35 min');
    expect(format.duration(26 * 3_600_000)).toBe('1 day, 2 hr');
    expect(format.percent(0.99987)).toBe('99.98%');
    expect(format.ago(Date.parse('2026-11-23T10:00:00Z'), Date.parse('2026-11-23T12:00:00Z'))).toBe('2 hours ago');
  });

  test('build every URL under the base path', () => {
    const links = createPermalinks('/status/', 'https://example.github.io');
    expect(links.update('api-down', 0)).toBe('/status/incidents/api-down/#update-1');
    expect(links.component('api', 2)).toBe('/status/components/api/2/');
    expect(links.feed('json', 'api')).toBe('/status/components/api/feed.json');
    expect(links.componentDays('api')).toBe('/status/components/api/#days');
    expect(links.componentDay('api', '2026-11-22')).toBe('/status/components/api/#day-2026-11-22');
    expect(links.asset('/logo.svg')).toBe('/status/logo.svg');
    expect(links.asset('https://cdn.example/logo.svg')).toBe('https://cdn.example/logo.svg');
    expect(links.absolute(links.api('summary.json'))).toBe('https://example.github.io/status/api/v2/summary.json');
  });

  test('write Statuspage timestamps in the page offset, across DST', () => {
    expect(formatZonedIso(Date.parse('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe('2026-07-01T14:00:00.000+02:00');
    expect(formatZonedIso(Date.parse('2026-12-01T12:00:00Z'), 'Europe/Berlin')).toBe('2026-12-01T13:00:00.000+01:00');
  });

  test('derive API ids from slugs: stable, distinct per kind', () => {
    expect(stableId('incident', 'api-down')).toBe(stableId('incident', 'api-down'));
    expect(stableId('incident', 'api')).not.toBe(stableId('component', 'api'));
    expect(stableId('incident', 'api-down')).toMatch(/^[0-9a-z]{13}$/);
  });

  test('render markdown without raw HTML, scripts or unsafe URLs', () => {
    expect(renderMarkdown('**Fixed** <b onclick="x()">now</b> [a](data:text/html,x) [b](https://ok.example)')).toBe(
      '<p><strong>Fixed</strong> now <a>a</a> <a href="https://ok.example" rel="nofollow noopener">b</a></p>',
    );
  });

  test('paginate component incidents 25 a page and history one month a page', () => {
    const incidents = Array.from({ length: 30 }, (_, index) =>
      makeIncident(`i-${index}`, {
        title: `Incident ${index}`,
        impact: 'minor',
        components: ['api'],
        updates: [
          {
            at: new Date(Date.parse('2026-09-01T00:00:00Z') + index * 2 * 86_400_000).toISOString(),
            status: 'resolved',
            message: 'x',
          },
        ],
      }),
    );
    const model = buildSiteModel(
      deriveStatusState(fixtureComponentsFile, incidents, Date.parse('2026-11-23T12:00:00Z')),
    );
    const api = componentPages(model).filter((page) => page.component.id === 'api');
    expect(api.map((page) => [page.number, page.incidents.length, page.olderUrl])).toEqual([
      [1, 25, '/components/api/2/'],
      [2, 5, undefined],
    ]);
    expect(api[0]?.incidents[0]?.title).toBe('Incident 29');
    expect(historyPages(model).map((page) => [page.month ?? 'index', page.page.month?.incidents.length])).toEqual([
      ['index', 15],
      ['2026-10', 15],
      ['2026-09', 15],
    ]);
  });

  test('cap a day in the list of days with incidents at three incidents and link the rest', () => {
    const incidents = Array.from({ length: 5 }, (_, index) =>
      makeIncident(`same-day-${index}`, {
        title: `Same day ${index}`,
        impact: 'minor',
        components: ['api'],
        updates: [
          { at: `2026-11-22T1${index}:00:00Z`, status: 'investigating', message: 'x' },
          { at: `2026-11-22T1${index}:30:00Z`, status: 'resolved', message: 'y' },
        ],
      }),
    );
    const model = buildSiteModel(
      deriveStatusState(fixtureComponentsFile, incidents, Date.parse('2026-11-23T12:00:00Z')),
    );
    const cell = model.components
      .find((component) => component.id === 'api')!
      .cells.find((day) => day.date === '2026-11-22')!;
    expect([cell.label, cell.incidents.length, cell.more]).toEqual([
      '22 Nov 2026: Degraded Performance, 5 incidents',
      3,
      2,
    ]);
  });
});

test('validate switches to GitHub annotations when GITHUB_ACTIONS=true', () => {
  const root = makeContentRoot({ 'x.md': incidentFile('title: X\nimpcat: minor\n') });
  const lines: string[] = [];
  expect(
    runValidateCommand(['--root', root], {
      out: (line) => lines.push(line),
      env: { GITHUB_ACTIONS: 'true', STATUS_NOW: '2026-11-23T12:00:00Z' },
    }),
  ).toBe(1);
  expect(lines).toContain(
    '::error file=incidents/x.md,line=3,col=1,title=UnknownKey::"impcat" is not a known key.%0ADid you mean "impact"? Rename "impcat:" to "impact:".',
  );
});

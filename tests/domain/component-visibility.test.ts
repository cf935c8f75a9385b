import Parser from 'rss-parser';
import { describe, expect, test } from 'vitest';
import { deriveStatusState } from '../../src/domain/derive.ts';
import type { ComponentsFile } from '../../src/domain/schema/index.ts';
import { renderRss } from '../../src/serialize/feeds.ts';
import { StatuspageFileSchemas } from '../../src/serialize/statuspage-schema.ts';
import { renderStatuspageFile } from '../../src/serialize/statuspage.ts';
import { buildSiteModel } from '../../src/site/model.ts';
import { createPermalinks } from '../../src/domain/permalinks.ts';
import { fixtureComponentsFile, makeIncident, t } from '../helpers/model.ts';

const links = createPermalinks('/', 'https://status.fixture.example');

function fileWith(changes: Record<string, { since?: string; showcase?: boolean }>): ComponentsFile {
  return {
    ...fixtureComponentsFile,
    components: fixtureComponentsFile.components.map((component) => ({ ...component, ...changes[component.id] })),
  };
}

function apiNames(state: ReturnType<typeof deriveStatusState>, file: 'summary.json' | 'components.json') {
  const parsed = StatuspageFileSchemas[file].parse(JSON.parse(renderStatuspageFile(state, links, file)));
  return parsed.components.map((component) => component.name);
}

describe('a component with a since date', () => {
  const file = fileWith({ webhooks: { since: '2026-11-21' } });

  test('does not exist before it: not listed, not in the API, no page', () => {
    const state = deriveStatusState(file, [], t('2026-11-20T12:00:00Z'));
    const model = buildSiteModel(state);
    expect(model.components.map((component) => component.id)).toEqual(['api', 'database']);
    expect(model.groups.flatMap((group) => group.components.map((component) => component.id))).toEqual([
      'database',
      'api',
    ]);
    expect(apiNames(state, 'summary.json')).toEqual(['Database', 'Core', 'API']);
    expect(apiNames(state, 'components.json')).not.toContain('Webhooks');
  });

  test('exists from its first day on, with no-data day cells before it', () => {
    const state = deriveStatusState(file, [], t('2026-11-23T12:00:00Z'));
    expect(apiNames(state, 'components.json')).toContain('Webhooks');
    const cells = buildSiteModel(state).components.find((component) => component.id === 'webhooks')!.cells;
    expect(cells.at(-4)).toMatchObject({ date: '2026-11-20', status: 'no_data', label: '20 Nov 2026: No data' });
    expect(cells.at(-3)).toMatchObject({ date: '2026-11-21', status: 'operational' });
    expect(cells.filter((cell) => cell.status === 'no_data')).toHaveLength(87);
  });
});

describe('a showcase: false component', () => {
  const file = fileWith({ webhooks: { showcase: false } });
  const incident = makeIncident('webhook-delays', {
    title: 'Webhook delays',
    impact: 'critical',
    components: ['webhooks'],
    updates: [{ at: '2026-11-23T11:00:00Z', status: 'investigating', message: 'Deliveries are late.' }],
  });
  const state = deriveStatusState(file, [incident], t('2026-11-23T12:00:00Z'));

  test('is left off the home page but keeps its own page and history', () => {
    const model = buildSiteModel(state);
    expect(model.groups.flatMap((group) => group.components.map((component) => component.id))).not.toContain(
      'webhooks',
    );
    const own = model.components.find((component) => component.id === 'webhooks')!;
    expect(own).toMatchObject({ status: 'major_outage', incidentSlugs: ['webhook-delays'] });
    expect(model.incidentBySlug.get('webhook-delays')!.affected).toEqual([
      { title: 'Webhooks', url: '/components/webhooks/' },
    ]);
  });

  test('is left out of summary.json and components.json but shown on its incidents with showcase: false', () => {
    expect(apiNames(state, 'summary.json')).not.toContain('Webhooks');
    expect(apiNames(state, 'components.json')).not.toContain('Webhooks');
    const summary = StatuspageFileSchemas['summary.json'].parse(
      JSON.parse(renderStatuspageFile(state, links, 'summary.json')),
    );
    expect(summary.incidents[0]!.components).toEqual([expect.objectContaining({ name: 'Webhooks', showcase: false })]);
    // Its outage does not raise the overall status.
    expect(summary.status).toEqual({ indicator: 'none', description: 'All Systems Operational' });
  });

  test('keeps its own feed', async () => {
    const feed = await new Parser().parseString(
      await renderRss({ state, links, component: { id: 'webhooks', name: 'Webhooks' } }),
    );
    expect(feed.items.map((item) => item.title)).toEqual(['[Investigating] Webhook delays']);
  });
});

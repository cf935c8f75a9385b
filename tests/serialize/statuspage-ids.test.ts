import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { deriveStatusState } from '../../src/domain/derive.ts';
import { createPermalinks } from '../../src/domain/permalinks.ts';
import type { ComponentsFile } from '../../src/domain/schema/index.ts';
import { loadRepository } from '../../src/node/load-repository.ts';
import {
  StatuspageFileSchemas,
  StatuspageIncidentSchema,
  StatuspagePageSchema,
} from '../../src/serialize/statuspage-schema.ts';
import {
  renderStatuspageFile,
  renderStatuspageIncident,
  statuspageIncidentIds,
} from '../../src/serialize/statuspage.ts';
import { incidentFile, makeContentRoot } from '../helpers/content.ts';
import { fixtureComponentsFile, makeIncident, t } from '../helpers/model.ts';

const links = createPermalinks('/', 'https://status.fixture.example');
const components: ComponentsFile = {
  ...fixtureComponentsFile,
  page: { ...fixtureComponentsFile.page, statuspage_id: 'kctbh9vrtdwd' },
  groups: fixtureComponentsFile.groups.map((group) => ({ ...group, statuspage_id: 'grp0000core1' })),
  components: fixtureComponentsFile.components.map((component) =>
    component.id === 'api' ? { ...component, statuspage_id: 'cnnb39dkkk82' } : component,
  ),
};
const imported = makeIncident('2026-11-20-api-errors', {
  title: 'API errors',
  impact: 'minor',
  statuspage_id: '9tpgqq1h4bs7',
  updates: [
    {
      at: '2026-11-20T09:00:00Z',
      status: 'investigating',
      message: 'Errors.',
      statuspage_id: 'kdqcg22bx7g4',
      components: [{ id: 'api', status: 'degraded_performance' }],
    },
    { at: '2026-11-20T10:00:00Z', status: 'resolved', message: 'Fixed.' },
  ],
});
const written = makeIncident('2026-11-21-db', {
  title: 'Database slow',
  impact: 'minor',
  components: ['database'],
  updates: [{ at: '2026-11-21T09:00:00Z', status: 'investigating', message: 'Slow.' }],
});
const state = deriveStatusState(components, [imported, written], t('2026-11-22T00:00:00Z'));

describe('ids kept from Statuspage (issue 24)', () => {
  test('the API serves the kept ids of the page, groups, components, incidents and updates', () => {
    const list = StatuspageFileSchemas['incidents.json'].parse(
      JSON.parse(renderStatuspageFile(state, links, 'incidents.json')),
    );
    expect(list.page.id).toBe('kctbh9vrtdwd');
    const incident = list.incidents.find((item) => item.name === 'API errors')!;
    expect(incident.id).toBe('9tpgqq1h4bs7');
    const first = incident.incident_updates.at(-1)!;
    expect(first.id).toBe('kdqcg22bx7g4');
    expect(first.incident_id).toBe('9tpgqq1h4bs7');
    expect(first.affected_components).toEqual([
      { code: 'cnnb39dkkk82', name: 'API', old_status: 'operational', new_status: 'degraded_performance' },
    ]);
    // Without a kept id, the stable generated one.
    expect(incident.incident_updates[0]!.id).toMatch(/^[0-9a-z]{13}$/);
    const summary = StatuspageFileSchemas['components.json'].parse(
      JSON.parse(renderStatuspageFile(state, links, 'components.json')),
    );
    expect(summary.components.find((component) => component.name === 'Core')).toMatchObject({
      id: 'grp0000core1',
      components: ['cnnb39dkkk82', expect.stringMatching(/^[0-9a-z]{13}$/)],
    });
    expect(summary.components.find((component) => component.name === 'API')).toMatchObject({
      id: 'cnnb39dkkk82',
      group_id: 'grp0000core1',
    });
  });

  test('serves /api/v2/incidents/<id>.json for every incident, shaped { page, incident }', () => {
    const ids = statuspageIncidentIds(state, links);
    expect(ids).toHaveLength(2);
    expect(ids).toContain('9tpgqq1h4bs7');
    const schema = z.strictObject({ page: StatuspagePageSchema, incident: StatuspageIncidentSchema });
    for (const id of ids) {
      const json = schema.parse(JSON.parse(renderStatuspageIncident(state, links, id)!));
      expect(json.incident.id).toBe(id);
    }
    expect(renderStatuspageIncident(state, links, 'nope')).toBeUndefined();
  });
});

describe('validate refuses kept ids that would collide (issue 24)', () => {
  const componentsWithIds = `page:
  name: Fixture Status
  url: https://status.fixture.example
  timezone: Europe/Berlin
groups:
  - id: core
    name: Core
    statuspage_id: aaaa
components:
  - id: api
    name: API
    group: core
    statuspage_id: aaaa
`;
  const codes = (root: string) =>
    loadRepository(root, t('2026-12-01T00:00:00Z')).problems.map(
      (problem) => `${problem.file}:${problem.line} ${problem.code}`,
    );
  const update = (id: string) =>
    `  - at: 2026-11-20T09:00:00Z\n    status: investigating\n    message: x\n    statuspage_id: ${id}\n`;

  test('a group and a component with one Statuspage id', () => {
    expect(codes(makeContentRoot({}, componentsWithIds))).toEqual(['components.yml:13 DuplicateStatuspageId']);
  });

  test('two incidents, or two updates, with one Statuspage id', () => {
    const root = makeContentRoot({
      'a.md': incidentFile(`title: A\nimpact: minor\nstatuspage_id: x1\nupdates:\n${update('u1')}`),
      'b.md': incidentFile(`title: B\nimpact: minor\nstatuspage_id: x1\nupdates:\n${update('u1')}`),
    });
    expect(codes(root)).toEqual(['incidents/b.md:4 DuplicateStatuspageId', 'incidents/b.md:9 DuplicateStatuspageId']);
  });

  test("an id that is another incident's slug, or an API name, or not an id", () => {
    const root = makeContentRoot({
      'a.md': incidentFile(`title: A\nimpact: minor\nstatuspage_id: b\nupdates:\n${update('u1')}`),
      'b.md': incidentFile(`title: B\nimpact: minor\nstatuspage_id: resolved\nupdates:\n${update('u2')}`),
      'c.md': incidentFile(`title: C\nimpact: minor\nstatuspage_id: ../etc\nupdates:\n${update('u3')}`),
    });
    expect(codes(root)).toEqual([
      'incidents/c.md:4 InvalidStatuspageId',
      'incidents/a.md:4 StatuspageIdTaken',
      'incidents/b.md:4 StatuspageIdTaken',
    ]);
  });
});

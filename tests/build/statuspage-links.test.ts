import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { StatuspageIncidentSchema, StatuspagePageSchema } from '../../src/serialize/statuspage-schema.ts';
import { buildSite } from '../helpers/build.ts';
import { incidentFile, makeContentRoot } from '../helpers/content.ts';
import { listFiles, readDist } from '../helpers/dist.ts';

const components = `page:
  name: Imported Status
  url: https://status.imported.example
  timezone: UTC
components:
  - id: api
    name: API
    statuspage_id: cnnb39dkkk82
`;
const imported = incidentFile(`title: API errors & timeouts
impact: minor
statuspage_id: 9tpgqq1h4bs7
updates:
  - at: 2026-11-20T09:00:00Z
    status: investigating
    message: Errors.
    statuspage_id: kdqcg22bx7g4
    components:
      - id: api
        status: degraded_performance
  - at: 2026-11-20T10:00:00Z
    status: resolved
    message: Fixed.
    statuspage_id: 7f4jmtk5hldk
    components:
      - id: api
        status: operational
`);
const written = incidentFile(`title: Written here
impact: none
updates:
  - at: 2026-11-21T09:00:00Z
    status: investigating
    message: Looking.
`);

let dist: string;
beforeAll(() => {
  const root = makeContentRoot({ '2026-11-20-api-errors.md': imported, '2026-11-21-written.md': written }, components);
  dist = join(mkdtempSync(join(tmpdir(), 'statusmark-links-')), 'dist');
  const result = buildSite(root, dist, '2026-11-22T00:00:00Z');
  expect(result.exitCode, result.output).toBe(0);
}, 300_000);

describe('old Statuspage links and ids keep working (issue 24)', () => {
  test('/incidents/<statuspage id> sends readers on to the incident, without JavaScript', () => {
    const html = readDist(dist, 'incidents/9tpgqq1h4bs7/index.html');
    const target = 'https://status.imported.example/incidents/2026-11-20-api-errors/';
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${target}">`);
    expect(html).toContain(`<link rel="canonical" href="${target}">`);
    expect(html).toContain(`<a href="${target}">API errors &amp; timeouts</a>`);
    expect(html).not.toContain('<script');
    // Only imported incidents have an old address.
    expect(listFiles(dist).filter((file) => /^incidents\/[^/]+\/index\.html$/.test(file))).toEqual([
      'incidents/2026-11-20-api-errors/index.html',
      'incidents/2026-11-21-written/index.html',
      'incidents/9tpgqq1h4bs7/index.html',
    ]);
  });

  test('/api/v2/incidents/<id>.json exists for every incident, imported or not', () => {
    const files = listFiles(dist).filter((file) => /^api\/v2\/incidents\/[^/]+\.json$/.test(file));
    expect(files).toHaveLength(4); // two incidents, plus resolved.json and unresolved.json
    const schema = z.strictObject({ page: StatuspagePageSchema, incident: StatuspageIncidentSchema });
    const json = schema.parse(JSON.parse(readDist(dist, 'api/v2/incidents/9tpgqq1h4bs7.json')));
    expect(json.incident.incident_updates.map((update) => update.id)).toEqual(['7f4jmtk5hldk', 'kdqcg22bx7g4']);
    expect(json.incident.components[0]!.id).toBe('cnnb39dkkk82');
  });
});

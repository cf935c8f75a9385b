import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { renderStatuspageIncident, statuspageIncidentIds } from '../serialize/statuspage.ts';
import { loadSiteData } from './site-data.ts';

/** Where `/api/v2/incidents/<id>.json` lives in the output. */
export const apiIncidentFolder = join('api', 'v2', 'incidents');

/**
 * A build writes `/api/v2/incidents/<id>.json`, one file per incident, once the pages are done
 * (issue 26): through Astro's router each of those 10,000 small files cost a request, a
 * response, a log line and a page's bookkeeping, more than the JSON itself. `astro dev` still
 * serves them from the route (src/pages/api/v2/incidents/[id].json.ts), from the same function.
 */
export const apiIncidentFiles: AstroIntegration = {
  name: 'statusmark-api-incident-files',
  hooks: {
    'astro:build:done': ({ dir }) => {
      writeApiIncidentFiles(fileURLToPath(dir));
    },
  },
};

export function writeApiIncidentFiles(outDir: string): void {
  const { state, model } = loadSiteData();
  const folder = join(outDir, apiIncidentFolder);
  mkdirSync(folder, { recursive: true });
  for (const id of statuspageIncidentIds(state, model.links))
    writeFileSync(join(folder, `${id}.json`), renderStatuspageIncident(state, model.links, id)!);
}

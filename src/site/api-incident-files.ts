import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import type { StatusState } from '../domain/derive.ts';
import { keepRenderedMarkdown, renderMarkdown, type RenderedMarkdown } from '../serialize/markdown.ts';
import { markdownToText } from '../serialize/plain-text.ts';
import { renderStatuspageIncident, statuspageIncidentIds } from '../serialize/statuspage.ts';
import { loadApiSource } from './site-data.ts';

/** Where `/api/v2/incidents/<id>.json` lives in the output. */
export const apiIncidentFolder = join('api', 'v2', 'incidents');

/** Files the worker writes at once: its rendering goes on while the file system works. */
const writesInFlight = 4;

/**
 * A build writes `/api/v2/incidents/<id>.json`, one file per incident (issue 26): through Astro's
 * router each of those 10,000 small files cost a request, a response, a log line and a page's
 * bookkeeping, more than the JSON itself. A worker thread writes them while Astro renders the
 * pages, from the moment its Vite build is set up (after it emptied the output folder), from its
 * own load of the same content: the main thread, which every page waits on, never renders or
 * writes one. The build waits for them before it is done and fails if one failed. `astro dev`
 * still serves them from the route (src/pages/api/v2/incidents/[id].json.ts), from the same
 * function.
 */
export function apiIncidentFiles(): AstroIntegration {
  let outDir: string | undefined;
  let writing: Promise<void> | undefined;
  return {
    name: 'statusmark-api-incident-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:setup': () => {
        // Once per build, though Astro may set up more than one Vite environment.
        writing ??= inWorker(outDir!);
        // Reported at astro:build:done; until then a failure must not end the process on its own.
        writing.catch(() => {});
      },
      'astro:build:done': async ({ dir }) => {
        await (writing ?? writeApiIncidentFiles(fileURLToPath(dir)));
      },
    },
  };
}

/**
 * writeApiIncidentFiles on a worker thread: the main thread goes on rendering pages. The worker
 * first renders every message ahead (markdownAhead) and hands it over, so the incident pages and
 * feeds find their HTML already made.
 */
function inWorker(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./api-incident-files-worker.ts', import.meta.url), { workerData: { outDir } });
    worker.on('message', (messages: RenderedMarkdown[]) => keepRenderedMarkdown(messages));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`Writing the API's incident files stopped with exit code ${code}.`)),
    );
  });
}

export async function writeApiIncidentFiles(outDir: string, { state, links } = loadApiSource()): Promise<void> {
  const folder = join(outDir, apiIncidentFolder);
  await mkdir(folder, { recursive: true });
  const ids = statuspageIncidentIds(state, links);
  let next = 0;
  const writer = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      await writeFile(join(folder, `${id}.json`), renderStatuspageIncident(state, links, id)!);
    }
  };
  await Promise.all(Array.from({ length: writesInFlight }, writer));
}

/**
 * The HTML and plain text of every update message and postmortem of the site's first language,
 * each distinct text once: what the worker renders for the main thread while that thread bundles
 * and renders the other pages (about 2 s of its time at 10,000 incidents). The API files' plain
 * text comes from the same rendering.
 */
export function markdownAhead(state: StatusState): RenderedMarkdown[] {
  const sources = new Set<string>();
  for (const { incident } of state.incidents) {
    for (const update of incident.updates) sources.add(update.message);
    if (incident.body) sources.add(incident.body);
  }
  return [...sources].map((source) => ({ source, html: renderMarkdown(source), text: markdownToText(source) }));
}

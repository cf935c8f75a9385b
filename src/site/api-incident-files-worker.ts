import { parentPort, workerData } from 'node:worker_threads';
import { loadApiSource } from './site-data.ts';
import { markdownAhead, writeApiIncidentFiles } from './api-incident-files.ts';

// Started by the apiIncidentFiles integration: from its own load of the content (the same
// environment, so the same site), renders every message ahead for the pages the main thread
// renders, then writes `/api/v2/incidents/<id>.json` beside them.
const source = loadApiSource();
parentPort!.postMessage(markdownAhead(source.state));
await writeApiIncidentFiles((workerData as { outDir: string }).outDir, source);

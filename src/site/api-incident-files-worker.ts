import { workerData } from 'node:worker_threads';
import { writeApiIncidentFiles } from './api-incident-files.ts';

// Started by the apiIncidentFiles integration: writes `/api/v2/incidents/<id>.json` from its own
// load of the content (the same environment, so the same site), beside the pages Astro renders.
await writeApiIncidentFiles((workerData as { outDir: string }).outDir);

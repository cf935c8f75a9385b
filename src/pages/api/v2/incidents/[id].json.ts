import type { APIContext } from 'astro';
import { apiIncidentPaths, apiIncidentResponse } from '../../../../site/statuspage-links.ts';

// A build's worker thread writes these files beside the pages (src/site/api-incident-files.ts);
// `astro dev` serves them here.
export const getStaticPaths = () => (import.meta.env.DEV ? apiIncidentPaths() : []);
export const GET = ({ params }: APIContext) => apiIncidentResponse(params.id!);

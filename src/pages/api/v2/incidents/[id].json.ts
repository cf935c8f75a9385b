import type { APIContext } from 'astro';
import { apiIncidentPaths, apiIncidentResponse } from '../../../../site/statuspage-links.ts';

// A build writes these files after the pages (src/site/api-incident-files.ts); `astro dev` serves them here.
export const getStaticPaths = () => (import.meta.env.DEV ? apiIncidentPaths() : []);
export const GET = ({ params }: APIContext) => apiIncidentResponse(params.id!);

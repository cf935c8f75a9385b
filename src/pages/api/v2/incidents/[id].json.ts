import type { APIContext } from 'astro';
import { apiIncidentPaths, apiIncidentResponse } from '../../../../site/statuspage-links.ts';

export const getStaticPaths = apiIncidentPaths;
export const GET = ({ params }: APIContext) => apiIncidentResponse(params.id!);

import type { APIContext } from 'astro';
import { apiPaths, apiResponse } from '../../../site/endpoints.ts';
import type { StatuspageFile } from '../../../serialize/statuspage-schema.ts';

export const getStaticPaths = apiPaths;
export const GET = ({ params }: APIContext) => apiResponse(params.file as StatuspageFile);

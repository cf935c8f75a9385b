import type { APIContext } from 'astro';
import { incidentPreviewPaths, incidentPreviewResponse } from '../../../../site/images.ts';

export const getStaticPaths = incidentPreviewPaths;
export const GET = ({ params }: APIContext) => incidentPreviewResponse(params);

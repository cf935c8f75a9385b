import type { APIContext } from 'astro';
import { badgeResponse, componentPaths } from '../../../../site/endpoints.ts';

export const getStaticPaths = componentPaths;
export const GET = ({ params }: APIContext) => badgeResponse(params);

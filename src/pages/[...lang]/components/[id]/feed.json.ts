import type { APIContext } from 'astro';
import { componentPaths, feedResponse } from '../../../../site/endpoints.ts';

export const getStaticPaths = componentPaths;
export const GET = ({ params }: APIContext) => feedResponse('json', params);

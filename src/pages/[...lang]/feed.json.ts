import type { APIContext } from 'astro';
import { feedResponse } from '../../site/endpoints.ts';
import { languagePaths } from '../../site/languages.ts';

export const getStaticPaths = languagePaths;
export const GET = ({ params }: APIContext) => feedResponse('json', params);

import type { APIContext } from 'astro';
import { embedDataResponse } from '../../site/endpoints.ts';
import { languagePaths } from '../../site/languages.ts';

export const getStaticPaths = languagePaths;
export const GET = ({ params }: APIContext) => embedDataResponse(params);

import type { APIContext } from 'astro';
import { calendarResponse } from '../../site/endpoints.ts';
import { languagePaths } from '../../site/languages.ts';

export const getStaticPaths = languagePaths;
export const GET = ({ params }: APIContext) => calendarResponse(params);

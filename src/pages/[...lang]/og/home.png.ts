import type { APIContext } from 'astro';
import { homePreviewResponse } from '../../../site/images.ts';
import { languagePaths } from '../../../site/languages.ts';

export const getStaticPaths = languagePaths;
export const GET = ({ params }: APIContext) => homePreviewResponse(params);

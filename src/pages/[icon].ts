import type { APIContext } from 'astro';
import type { IconFile } from '../domain/permalinks.ts';
import { iconPaths, iconResponse } from '../site/images.ts';

export const getStaticPaths = iconPaths;
export const GET = ({ params }: APIContext) => iconResponse(params.icon as IconFile);

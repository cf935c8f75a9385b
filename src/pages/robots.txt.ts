import { robotsResponse } from '../site/sitemap.ts';

export const GET = () => robotsResponse();

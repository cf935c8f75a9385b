import { sitemapResponse } from '../site/sitemap.ts';

export const GET = () => sitemapResponse();

import { renderRobots, renderSitemap } from '../serialize/sitemap.ts';
import type { SiteModel } from './views.ts';
import { componentPages, historyPages } from './pagination.ts';
import { loadSiteData } from './site-data.ts';
import { languagePaths, siteDataFor } from './languages.ts';

/** Every HTML page the build writes except 404.html, as the canonical URL each page declares. */
export function sitemapUrls(model: SiteModel): string[] {
  const { links } = model;
  const paths = [
    links.home(),
    links.maintenance(),
    ...historyPages(model).map(({ month }) => links.history(month)),
    ...componentPages(model).map((page) => links.component(page.component.id, page.number)),
    ...model.incidents.map((incident) => incident.url),
  ];
  return paths.map((path) => links.absolute(path));
}

/** One sitemap at the root lists the pages of every language (each page links its translations itself). */
export function sitemapResponse(): Response {
  const urls = languagePaths().flatMap(({ params }) => sitemapUrls(siteDataFor(params).model));
  return new Response(renderSitemap(urls), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
}

export function robotsResponse(): Response {
  const { links } = loadSiteData().model;
  return new Response(renderRobots(links.absolute(links.sitemap())), {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}

import type { StatusState } from '../domain/derive.ts';
import type { FeedKind } from '../domain/permalinks.ts';
import { loadSiteData } from './site-data.ts';
import { pathsInEveryLanguage, siteDataFor, type LanguageParams } from './languages.ts';
import { badgeColors, indicatorColors, renderBadge } from '../serialize/badge.ts';
import { renderAtom, renderJsonFeed, renderRss } from '../serialize/feeds.ts';
import { renderEmbedData } from './embed-data.ts';
import { renderEmbedScript } from '../serialize/embed-script.ts';
import { renderMaintenanceCalendar } from '../serialize/ics.ts';
import { renderStatuspageFile, statuspageFiles } from '../serialize/statuspage.ts';
import type { StatuspageFile } from '../serialize/statuspage-schema.ts';

const feedTypes: Record<FeedKind, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

type RouteParams = Partial<LanguageParams> & { id?: string | undefined };

/** The component a route names (`params.id`), as the route's language has it; undefined for the page's own routes. */
function componentOf(state: StatusState, params: RouteParams) {
  return params.id === undefined
    ? undefined
    : state.components.find((candidate) => candidate.component.id === params.id);
}

/** The feeds of the page, or of one component (`params.id`), in the route's language. */
export async function feedResponse(kind: FeedKind, params: RouteParams): Promise<Response> {
  const { state, model } = siteDataFor(params);
  const component = componentOf(state, params)?.component;
  const context = { state, links: model.links, component: component && { id: component.id, name: component.name } };
  const body =
    kind === 'rss' ? await renderRss(context) : kind === 'atom' ? renderAtom(context) : renderJsonFeed(context);
  return new Response(body, { headers: { 'content-type': feedTypes[kind] } });
}

/** Every component gets its own feeds and badge, in every language. */
export function componentPaths() {
  return pathsInEveryLanguage(({ state }) =>
    state.components.map((component) => ({ params: { id: component.component.id } })),
  );
}

export function badgeResponse(params: RouteParams): Response {
  const { state, model } = siteDataFor(params);
  const component = componentOf(state, params);
  const svg = component
    ? renderBadge(
        component.component.name,
        model.strings.componentStatus[component.status],
        badgeColors[component.status],
      )
    : renderBadge(state.page.name, model.overall.description, indicatorColors[state.overall.indicator]);
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml' } });
}

export function calendarResponse(params: RouteParams): Response {
  const { state, model } = siteDataFor(params);
  return new Response(renderMaintenanceCalendar(state, model.links), {
    headers: { 'content-type': 'text/calendar; charset=utf-8' },
  });
}

export function apiPaths() {
  return statuspageFiles.map((file) => ({ params: { file } }));
}

/** The one Statuspage-compatible API, in the page's first language, whichever languages the page has. */
export function apiResponse(file: StatuspageFile): Response {
  const { state, model } = loadSiteData();
  return new Response(renderStatuspageFile(state, model.links, file), {
    headers: { 'content-type': 'application/json' },
  });
}

/** embed.json: what the embeddable notice shows, in the route's language. */
export function embedDataResponse(params: RouteParams): Response {
  const { state, model } = siteDataFor(params);
  return new Response(renderEmbedData(state, model), { headers: { 'content-type': 'application/json' } });
}

/** embed.js: the notice's script (`source`, src/embed/embed.js) with the page's languages filled in. */
export function embedScriptResponse(source: string): Response {
  const { page } = loadSiteData().state;
  return new Response(renderEmbedScript(source, page), { headers: { 'content-type': 'text/javascript' } });
}

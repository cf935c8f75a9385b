import { loadSiteData } from './site-data.ts';
import { badgeColors, indicatorColors, renderBadge } from '../serialize/badge.ts';
import { renderAtom, renderJsonFeed, renderRss } from '../serialize/feeds.ts';
import { renderMaintenanceCalendar } from '../serialize/ics.ts';
import { renderStatuspageFile, statuspageFiles } from '../serialize/statuspage.ts';
import type { StatuspageFile } from '../serialize/statuspage-schema.ts';

export type FeedKind = 'rss' | 'atom' | 'json';

const feedTypes: Record<FeedKind, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

function componentNamed(id: string | undefined) {
  if (!id) return undefined;
  const component = loadSiteData().state.components.find((candidate) => candidate.component.id === id);
  return component && { id, name: component.component.name };
}

/** The feeds of the page, or of one component. */
export async function feedResponse(kind: FeedKind, componentId?: string): Promise<Response> {
  const { state, model } = loadSiteData();
  const context = { state, links: model.links, component: componentNamed(componentId) };
  const body =
    kind === 'rss' ? await renderRss(context) : kind === 'atom' ? renderAtom(context) : renderJsonFeed(context);
  return new Response(body, { headers: { 'content-type': feedTypes[kind] } });
}

/** Every component gets its own feeds and badge. */
export function componentPaths() {
  return loadSiteData().state.components.map((component) => ({ params: { id: component.component.id } }));
}

export function badgeResponse(componentId?: string): Response {
  const { state, model } = loadSiteData();
  const component = componentId
    ? state.components.find((candidate) => candidate.component.id === componentId)
    : undefined;
  const svg = component
    ? renderBadge(
        component.component.name,
        model.strings.componentStatus[component.status],
        badgeColors[component.status],
      )
    : renderBadge(state.page.name, model.overall.description, indicatorColors[state.overall.indicator]);
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml' } });
}

export function calendarResponse(): Response {
  const { state, model } = loadSiteData();
  return new Response(renderMaintenanceCalendar(state, model.links), {
    headers: { 'content-type': 'text/calendar; charset=utf-8' },
  });
}

export function apiPaths() {
  return statuspageFiles.map((file) => ({ params: { file } }));
}

export function apiResponse(file: StatuspageFile): Response {
  const { state, model } = loadSiteData();
  return new Response(renderStatuspageFile(state, model.links, file), {
    headers: { 'content-type': 'application/json' },
  });
}

import { renderStatuspageIncident, statuspageIncidentIds } from '../serialize/statuspage.ts';
import { loadSiteData } from './site-data.ts';

/** `/api/v2/incidents/<id>.json` for every incident and maintenance, in the page's first language. */
export function apiIncidentPaths() {
  const { state, model } = loadSiteData();
  return statuspageIncidentIds(state, model.links).map((id) => ({ params: { id } }));
}

export function apiIncidentResponse(id: string): Response {
  const { state, model } = loadSiteData();
  const body = renderStatuspageIncident(state, model.links, id);
  return new Response(body ?? '{}', { status: body ? 200 : 404, headers: { 'content-type': 'application/json' } });
}

export interface OldIncidentLink {
  /** The incident's title, as the link text. */
  title: string;
  /** The incident's page, absolute. */
  target: string;
  language: string;
}

/**
 * The old Statuspage links of imported incidents, `/incidents/<statuspage id>`: each a static page
 * sending readers on to the incident's page (first language). An id equal to the slug needs none.
 */
export function oldIncidentLinkPaths() {
  const { state, model } = loadSiteData();
  return state.incidents.flatMap(({ incident }) =>
    incident.statuspage_id === undefined || incident.statuspage_id === incident.slug
      ? []
      : [
          {
            params: { id: incident.statuspage_id },
            props: {
              title: incident.title,
              target: model.links.absolute(model.links.incident(incident.slug)),
              language: state.page.language,
            } satisfies OldIncidentLink,
          },
        ],
  );
}

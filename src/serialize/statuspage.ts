import type { ComponentState, IncidentState, StatusState } from '../domain/derive.ts';
import { startOfCalendarDate, formatZonedIso } from '../domain/time.ts';
import { componentStatusesAfter } from '../domain/timeline.ts';
import type { ComponentStatus } from '../domain/vocabulary.ts';
import type { Permalinks } from '../domain/permalinks.ts';
import { apiComponentId, apiGroupId, apiIncidentId, apiPageId, apiUpdateId } from './statuspage-ids.ts';
import { markdownToText } from './plain-text.ts';
import type { StatuspageFile } from './statuspage-schema.ts';
import { withoutIllegalCharacters } from '../domain/text-safety.ts';

/** How many incidents and maintenances the list endpoints carry, as Statuspage does. */
export const apiListLimit = 50;

type Json = Record<string, unknown>;

function createApi(state: StatusState, links: Permalinks) {
  const zone = state.page.timezone;
  // Every incident file repeats its updates' times three times and its components' two: each instant is formatted once.
  const times = new Map<number, string>();
  const time = (instant: number) => {
    let text = times.get(instant);
    if (text === undefined) times.set(instant, (text = formatZonedIso(instant, zone)));
    return text;
  };
  const nullableTime = (instant: number | null) => (instant === null ? null : time(instant));
  const pageId = apiPageId(state.page);
  const oldest = state.incidents.reduce((min, incident) => Math.min(min, incident.startedAt), state.now);
  const groupIds = new Map(
    state.groups.flatMap((group) => (group.group ? [[group.group.id, apiGroupId(group.group)] as const] : [])),
  );

  const page: Json = {
    id: pageId,
    name: state.page.name,
    url: links.absolute(links.home()),
    time_zone: zone,
    updated_at: time(state.now),
  };

  const componentCreated = (component: ComponentState) =>
    component.component.since ? startOfCalendarDate(component.component.since, zone) : oldest;
  // The last time each component's status changed, indexed once (not once per component per incident).
  const lastChange = new Map<string, number>();
  for (const incident of state.incidents) {
    for (const segment of incident.segments) {
      for (const at of [segment.start, segment.end]) {
        if (at <= state.now && at > (lastChange.get(segment.componentId) ?? -Infinity))
          lastChange.set(segment.componentId, at);
      }
    }
  }
  const componentJson = (component: ComponentState, position: number): Json => {
    const created = componentCreated(component);
    const updated = Math.max(created, lastChange.get(component.component.id) ?? created);
    const groupId = component.component.group ? (groupIds.get(component.component.group) ?? null) : null;
    return {
      id: apiComponentId(component.component),
      name: component.component.name,
      status: component.status,
      created_at: time(created),
      updated_at: time(updated),
      position,
      description: component.component.description ?? null,
      showcase: component.component.showcase,
      start_date: component.component.since ?? null,
      group_id: groupId,
      page_id: pageId,
      group: false,
      only_show_if_degraded: false,
    };
  };
  const componentById = new Map(state.components.map((component) => [component.component.id, component]));

  const componentsList = (): Json[] => {
    const list: Json[] = [];
    let topPosition = 0;
    for (const group of state.groups) {
      if (!group.group) {
        list.push(componentJson(group.components[0]!, ++topPosition));
        continue;
      }
      const members = group.components.map((component, index) => componentJson(component, index + 1));
      list.push({
        id: groupIds.get(group.group.id)!,
        name: group.group.name,
        status: group.status,
        created_at: time(oldest),
        updated_at:
          members
            .map((member) => member.updated_at as string)
            .sort()
            .at(-1) ?? time(oldest),
        position: ++topPosition,
        description: group.group.description ?? null,
        showcase: false,
        start_date: null,
        group_id: null,
        page_id: pageId,
        group: true,
        only_show_if_degraded: false,
        components: members.map((member) => member.id as string),
      });
      list.push(...members);
    }
    return list;
  };

  const incidentJson = (incident: IncidentState): Json => {
    const { incident: source } = incident;
    const incidentId = apiIncidentId(source);
    // Each update lists the components it changed, including those following an impact change.
    const updates = source.updates
      .map((update, index) => {
        const before = index === 0 ? new Map<string, ComponentStatus>() : componentStatusesAfter(source, index);
        const after = componentStatusesAfter(source, index + 1);
        const explicit = new Set(update.components?.map((component) => component.id));
        const changed = [...after].filter(
          ([id, status]) => explicit.has(id) || (before.get(id) ?? 'operational') !== status,
        );
        const affected: Json[] | null =
          changed.length === 0
            ? null
            : changed.map(([id, status]) => ({
                code: apiComponentId(componentById.get(id)?.component ?? { id }),
                name: componentById.get(id)?.component.name ?? id,
                old_status: before.get(id) ?? 'operational',
                new_status: status,
              }));
        return {
          id: apiUpdateId(source, index),
          status: update.status,
          body: markdownToText(update.message),
          incident_id: incidentId,
          created_at: time(update.at),
          updated_at: time(update.at),
          display_at: time(update.at),
          affected_components: affected,
          deliver_notifications: update.notify,
          custom_tweet: null,
          tweet_id: null,
        };
      })
      .filter((_, index) => source.updates[index]!.at <= state.now)
      .reverse();
    const first = source.updates[0]?.at ?? incident.startedAt;
    const json: Json = {
      id: incidentId,
      name: source.title,
      status: incident.postmortemAt === null ? incident.status : 'postmortem',
      impact: source.kind === 'maintenance' ? 'maintenance' : incident.impact,
      created_at: time(Math.min(first, incident.startedAt)),
      updated_at: time(incident.updatedAt || first),
      started_at: time(incident.startedAt),
      monitoring_at: nullableTime(incident.monitoringAt),
      resolved_at: nullableTime(incident.resolvedAt),
      shortlink: links.absolute(links.incident(source.slug)),
      page_id: pageId,
      incident_updates: updates,
      components: incident.componentIds.flatMap((id, index) => {
        const component = componentById.get(id);
        return component ? [componentJson(component, index + 1)] : [];
      }),
      reminder_intervals: null,
      postmortem_body: incident.postmortemAt === null ? null : markdownToText(source.body),
      postmortem_published_at: nullableTime(incident.postmortemAt),
    };
    if (source.kind === 'maintenance' && source.window) {
      json.scheduled_for = time(source.window.start);
      json.scheduled_until = time(source.window.end);
    }
    return json;
  };

  const byUpdated = (list: IncidentState[]) =>
    [...list].sort((a, b) => b.updatedAt - a.updatedAt || a.incident.slug.localeCompare(b.incident.slug));
  const incidents = state.incidents.filter((incident) => incident.incident.kind === 'incident');
  const maintenances = state.incidents.filter((incident) => incident.incident.kind === 'maintenance');
  const unresolved = byUpdated(incidents.filter((incident) => incident.status !== 'resolved')).map(incidentJson);
  const upcoming = byUpdated(maintenances.filter((incident) => incident.status === 'scheduled')).map(incidentJson);
  const active = byUpdated(
    maintenances.filter((incident) => incident.status === 'in_progress' || incident.status === 'verifying'),
  ).map(incidentJson);
  const status = { indicator: state.overall.indicator, description: state.overall.description };

  const files = {
    'summary.json': () => ({
      page,
      components: componentsList(),
      incidents: unresolved,
      scheduled_maintenances: [...active, ...upcoming],
      status,
    }),
    'status.json': () => ({ page, status }),
    'components.json': () => ({ page, components: componentsList() }),
    'incidents.json': () => ({ page, incidents: byUpdated(incidents).slice(0, apiListLimit).map(incidentJson) }),
    'incidents/unresolved.json': () => ({ page, incidents: unresolved }),
    'incidents/resolved.json': () => ({
      page,
      incidents: byUpdated(incidents.filter((incident) => incident.status === 'resolved'))
        .slice(0, apiListLimit)
        .map(incidentJson),
    }),
    'scheduled-maintenances.json': () => ({
      page,
      scheduled_maintenances: byUpdated(maintenances).slice(0, apiListLimit).map(incidentJson),
    }),
    'scheduled-maintenances/upcoming.json': () => ({ page, scheduled_maintenances: upcoming }),
    'scheduled-maintenances/active.json': () => ({ page, scheduled_maintenances: active }),
  } satisfies Record<StatuspageFile, () => Json>;
  const byApiId = new Map(state.incidents.map((incident) => [apiIncidentId(incident.incident), incident]));
  const incident = (id: string) => {
    const found = byApiId.get(id);
    return found && { page, incident: incidentJson(found) };
  };
  return { files, incident, incidentIds: () => [...byApiId.keys()] };
}

export const statuspageFiles = [
  'summary.json',
  'status.json',
  'components.json',
  'incidents.json',
  'incidents/unresolved.json',
  'incidents/resolved.json',
  'scheduled-maintenances.json',
  'scheduled-maintenances/upcoming.json',
  'scheduled-maintenances/active.json',
] as const satisfies readonly StatuspageFile[];

const apis = new WeakMap<StatusState, ReturnType<typeof createApi>>();

function apiFor(state: StatusState, links: Permalinks) {
  let api = apis.get(state);
  if (!api) apis.set(state, (api = createApi(state, links)));
  return api;
}

/** One API file as a JSON string, keys in Statuspage's order. */
export function renderStatuspageFile(state: StatusState, links: Permalinks, file: StatuspageFile): string {
  return JSON.stringify(apiFor(state, links).files[file](), withoutIllegalCharacters);
}

/** The ids of `/api/v2/incidents/<id>.json`: every incident and maintenance, imported or not. */
export function statuspageIncidentIds(state: StatusState, links: Permalinks): string[] {
  return apiFor(state, links).incidentIds();
}

/** `/api/v2/incidents/<id>.json` as Statuspage serves it: `{ page, incident }`; undefined for an unknown id. */
export function renderStatuspageIncident(state: StatusState, links: Permalinks, id: string): string | undefined {
  const json = apiFor(state, links).incident(id);
  return json && JSON.stringify(json, withoutIllegalCharacters);
}

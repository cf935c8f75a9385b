import type { StatusState } from '../../domain/derive.ts';
import { formatZonedIso, startOfCalendarDate } from '../../domain/time.ts';
import { statusForImpact, type ComponentStatus } from '../../domain/vocabulary.ts';
import type { Permalinks } from '../../domain/permalinks.ts';
import { stableId } from '../ids.ts';
import { apiComponentId, apiGroupId, apiIncidentId, apiPageId, apiUpdateId } from '../statuspage-ids.ts';
import type { NotificationMessage } from './message.ts';
import { wellFormed } from '../../domain/text-safety.ts';
import { plainTextOf } from './safe-text.ts';

type Json = Record<string, unknown>;

/** Statuspage's component webhook: `component_update` plus `component`, never an `incident`. */
function componentEvent(
  change: { id: string; from: string; to: string },
  at: number,
  state: StatusState,
  time: (instant: number) => string,
  pageId: string,
): Json {
  const index = state.components.findIndex((item) => item.component.id === change.id);
  const component = state.components[index]?.component;
  const componentId = apiComponentId(component ?? { id: change.id });
  const group = state.groups.find((item) => item.group?.id === component?.group)?.group;
  return {
    component_update: {
      id: stableId('update', `${change.id}@${at}`),
      component_id: componentId,
      component_type: 'Component',
      created_at: time(at),
      old_status: change.from,
      new_status: change.to,
    },
    component: {
      id: componentId,
      page_id: pageId,
      group_id: component?.group ? (group ? apiGroupId(group) : stableId('group', component.group)) : null,
      name: wellFormed(component?.name ?? change.id),
      description: component?.description === undefined ? null : wellFormed(component.description),
      status: change.to,
      position: index + 1,
      showcase: true,
      created_at: time(component?.since ? startOfCalendarDate(component.since, state.page.timezone) : at),
      updated_at: time(at),
    },
  };
}

/**
 * A body shaped like Statuspage's incident webhook (`meta`, `page`, `incident` with
 * `incident_updates` newest first, `[0]` being the update announced), so receivers written for
 * Statuspage work unchanged. Every documented key is present (null when not applicable). Ids are
 * the JSON API's: those kept from Statuspage on an imported page, incident or update
 * (`statuspage_id`), so a subscriber's integration keeps matching after the switch; otherwise the
 * stable generated ones. Summaries go out as a component-free incident event too.
 */
export function renderWebhook(message: NotificationMessage, state: StatusState, links: Permalinks): Json {
  const zone = state.page.timezone;
  const time = (instant: number) => formatZonedIso(instant, zone);
  const nullable = (instant: number | null | undefined) => (instant == null ? null : time(instant));
  const pageId = apiPageId(state.page);
  const envelope = {
    meta: {
      unsubscribe: links.absolute(links.home()),
      documentation: 'https://github.com/statusmark/statusmark#webhook-notifications',
      generated_at: new Date(state.now).toISOString(),
    },
    page: {
      id: pageId,
      status_indicator: state.overall.indicator,
      status_description: state.overall.description,
    },
  };
  const event = message.source;
  if (event?.component) return { ...envelope, ...componentEvent(event.component, event.at, state, time, pageId) };
  const incident = event?.incident;
  const source = incident?.incident;
  const incidentId = source ? apiIncidentId(source) : stableId('incident', message.id);
  const updateIndex = event ? /#update-(\d+)$/.exec(event.id)?.[1] : undefined;
  const fallback: ComponentStatus =
    source?.kind === 'maintenance' ? 'under_maintenance' : statusForImpact(incident?.impact ?? 'none');
  const componentById = new Map(state.components.map((item) => [item.component.id, item.component]));
  const announced: Json = {
    id: source && updateIndex ? apiUpdateId(source, Number(updateIndex) - 1) : stableId('update', message.id),
    incident_id: incidentId,
    status: message.status ?? 'investigating',
    body: message.text,
    created_at: time(message.at),
    updated_at: time(message.at),
    display_at: time(message.at),
    affected_components: incident?.componentIds.length
      ? incident.componentIds.map((id) => ({
          code: apiComponentId(componentById.get(id) ?? { id }),
          name: wellFormed(componentById.get(id)?.name ?? id),
          old_status: 'operational',
          new_status: state.components.find((item) => item.component.id === id)?.status ?? fallback,
        }))
      : null,
    deliver_notifications: true,
    custom_tweet: null,
    wants_twitter_update: false,
    twitter_updated_at: null,
  };
  const earlier = (source?.updates ?? [])
    .map((update, index) => ({ update, index }))
    .filter(({ update, index }) => update.at <= message.at && String(index + 1) !== updateIndex)
    .reverse()
    .map(({ update, index }) => ({
      ...announced,
      id: apiUpdateId(source!, index),
      status: update.status,
      body: plainTextOf(update.message),
      created_at: time(update.at),
      updated_at: time(update.at),
      display_at: time(update.at),
      affected_components: null,
    }));
  const maintenance = source?.kind === 'maintenance';
  return {
    ...envelope,
    incident: {
      id: incidentId,
      page_id: pageId,
      name: message.title,
      status: message.status ?? 'investigating',
      impact: maintenance ? 'maintenance' : (incident?.impact ?? 'none'),
      impact_override: null,
      created_at: time(incident?.startedAt ?? message.at),
      updated_at: time(message.at),
      started_at: time(incident?.startedAt ?? message.at),
      monitoring_at: nullable(incident?.monitoringAt),
      resolved_at: nullable(incident?.resolvedAt),
      shortlink: message.url,
      postmortem_body: null,
      postmortem_body_last_updated_at: null,
      postmortem_published_at: null,
      postmortem_ignored: false,
      postmortem_notified_subscribers: false,
      postmortem_notified_twitter: false,
      backfilled: false,
      scheduled_for: nullable(maintenance ? source?.window?.start : null),
      scheduled_until: nullable(maintenance ? source?.window?.end : null),
      scheduled_reminded_at: message.event === 'maintenance_reminder' ? time(message.at) : null,
      scheduled_remind_prior: message.event === 'maintenance_reminder',
      scheduled_auto_in_progress: maintenance,
      scheduled_auto_completed: maintenance,
      reminder_intervals: null,
      metadata: {},
      incident_updates: [announced, ...earlier],
    },
  };
}

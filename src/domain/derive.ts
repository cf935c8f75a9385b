import { computeDayCells, type DayCell } from './days.ts';
import type { Component, ComponentsFile, Group, Incident, Update } from './schema/index.ts';
import { dayMs, lastZonedDays, type ZonedDay } from './time.ts';
import {
  impactAt,
  impactStart,
  incidentSegments,
  isIncidentActiveAt,
  maintenanceStatusAt,
  type StatusSegment,
} from './timeline.ts';
import { computeUptime } from './uptime.ts';
import { componentStart, isShown } from './visibility.ts';
import {
  isClosingStatus,
  worseStatus,
  type ComponentStatus,
  type Impact,
  type Indicator,
  type UpdateStatus,
} from './vocabulary.ts';

export const barDays = 90;

export interface IncidentState {
  incident: Incident;
  /** Current status: the latest update's, or a maintenance's window status. */
  status: UpdateStatus;
  /** The impact at the build clock: the front matter's, or the latest published update's `impact`. */
  impact: Impact;
  active: boolean;
  /** Maintenance announced but not started. */
  upcoming: boolean;
  startedAt: number;
  /** Latest published update time (or window start for a silent maintenance). */
  updatedAt: number;
  /** Set while resolved or completed: the time of that update (or the window end). */
  resolvedAt: number | null;
  monitoringAt: number | null;
  /** When the postmortem was published, once the build clock has reached it. */
  postmortemAt: number | null;
  /** Component ids the incident touched, in file order. */
  componentIds: string[];
  segments: StatusSegment[];
  latestUpdate: Update | undefined;
}

export interface ComponentState {
  component: Component;
  status: ComponentStatus;
  days: DayCell[];
  uptime30: number | null;
  uptime90: number | null;
  /** Incidents that touched it, newest first. */
  incidentSlugs: string[];
}

export interface GroupState {
  group: Group | undefined;
  /** Worst current status of its visible components. */
  status: ComponentStatus;
  components: ComponentState[];
}

export interface OverallStatus {
  indicator: Indicator;
  description: string;
}

export interface StatusState {
  now: number;
  page: ComponentsFile['page'];
  days: ZonedDay[];
  overall: OverallStatus;
  /** Components that exist at the build clock (from their `since` date on), in file order. */
  components: ComponentState[];
  /** Display order, retired and `showcase: false` components left out; top-level components form groups without `group`. */
  groups: GroupState[];
  /** Newest first by impact start. */
  incidents: IncidentState[];
  bySlug: Map<string, IncidentState>;
}

function lastAt(updates: readonly Update[], status: UpdateStatus): number | null {
  for (let index = updates.length - 1; index >= 0; index--)
    if (updates[index]!.status === status) return updates[index]!.at;
  return null;
}

export function deriveIncidentState(incident: Incident, now: number): IncidentState {
  const published = incident.updates.filter((update) => update.at <= now);
  const latestUpdate = published[published.length - 1];
  const maintenance = incident.kind === 'maintenance';
  const status = maintenance ? maintenanceStatusAt(incident, now) : (latestUpdate?.status ?? 'investigating');
  const closed = isClosingStatus(status);
  const closedAt = closed ? (lastAt(published, status) ?? incident.window?.end ?? null) : null;
  const segments = incidentSegments(incident);
  const postmortemAt =
    status === 'resolved' && incident.postmortem_published !== undefined && incident.postmortem_published <= now
      ? incident.postmortem_published
      : null;
  const ids = [...incident.components.map((component) => component.id)];
  for (const update of incident.updates)
    for (const component of update.components ?? []) if (!ids.includes(component.id)) ids.push(component.id);
  return {
    incident,
    status,
    impact: impactAt(incident, now),
    active: isIncidentActiveAt(incident, now),
    upcoming: maintenance && status === 'scheduled',
    startedAt: impactStart(incident),
    updatedAt: Math.max(
      latestUpdate?.at ?? 0,
      maintenance && !latestUpdate ? (incident.window?.start ?? 0) : 0,
      postmortemAt ?? 0,
    ),
    resolvedAt: closedAt,
    monitoringAt: lastAt(published, 'monitoring') ?? lastAt(published, 'verifying'),
    postmortemAt,
    componentIds: ids,
    segments,
    latestUpdate,
  };
}

/**
 * The page-wide indicator: Statuspage's rollup of the shown components'
 * current statuses, and nothing else (an open incident's impact is its own
 * severity and does not raise it). `critical` only when every shown
 * component is in major outage; maintenance only when nothing is worse.
 * See shared/reference/statuspage-api-v2.md.
 */
export function deriveOverallStatus(
  shownStatuses: readonly ComponentStatus[],
  maintenanceInProgress: boolean,
): OverallStatus {
  const worst = shownStatuses.reduce<ComponentStatus>(worseStatus, 'operational');
  if (worst === 'major_outage' && shownStatuses.every((status) => status === 'major_outage'))
    return { indicator: 'critical', description: 'Major System Outage' };
  if (worst === 'major_outage') return { indicator: 'major', description: 'Partial System Outage' };
  if (worst === 'partial_outage') return { indicator: 'minor', description: 'Minor Service Outage' };
  if (worst === 'degraded_performance') return { indicator: 'minor', description: 'Partially Degraded Service' };
  if (worst === 'under_maintenance' || maintenanceInProgress)
    return { indicator: 'maintenance', description: 'Service Under Maintenance' };
  return { indicator: 'none', description: 'All Systems Operational' };
}

function deriveComponentState(
  component: Component,
  segments: StatusSegment[],
  days: ZonedDay[],
  now: number,
  timeZone: string,
  rank: ReadonlyMap<string, number>,
): ComponentState {
  let status: ComponentStatus = 'operational';
  for (const segment of segments)
    if (segment.start <= now && now < segment.end) status = worseStatus(status, segment.status);
  const since = componentStart(component, timeZone);
  const uptime = (count: number) => computeUptime(segments, Math.max(now - count * dayMs, since), now);
  const touched = new Set(segments.map((segment) => segment.slug));
  return {
    component,
    status,
    days: computeDayCells(segments, days, now, since),
    uptime30: uptime(30),
    uptime90: uptime(barDays),
    incidentSlugs: [...touched].sort((a, b) => rank.get(a)! - rank.get(b)!),
  };
}

function groupComponents(file: ComponentsFile, states: ComponentState[]): GroupState[] {
  const visible = states.filter((state) => isShown(state.component));
  const groups: GroupState[] = [];
  const worst = (members: ComponentState[]) =>
    members.reduce<ComponentStatus>((acc, state) => worseStatus(acc, state.status), 'operational');
  for (const state of visible.filter((candidate) => candidate.component.group === undefined)) {
    groups.push({ group: undefined, status: state.status, components: [state] });
  }
  for (const group of file.groups) {
    const members = visible.filter((state) => state.component.group === group.id);
    if (members.length > 0) groups.push({ group, status: worst(members), components: members });
  }
  return groups;
}

/** Everything the site, feeds and API show, derived once from the model at one build clock. */
export function deriveStatusState(file: ComponentsFile, incidents: readonly Incident[], now: number): StatusState {
  const timeZone = file.page.timezone;
  const states = incidents
    .filter((incident) => incident.kind === 'maintenance' || incident.updates.some((update) => update.at <= now))
    .map((incident) => deriveIncidentState(incident, now))
    .sort((a, b) => b.startedAt - a.startedAt || a.incident.slug.localeCompare(b.incident.slug));
  const rank = new Map(states.map((state, index) => [state.incident.slug, index]));
  const segmentsByComponent = new Map<string, StatusSegment[]>(file.components.map((component) => [component.id, []]));
  for (const state of states)
    for (const segment of state.segments) segmentsByComponent.get(segment.componentId)?.push(segment);
  const days = lastZonedDays(now, barDays, timeZone);
  // Before its `since` date a component does not exist yet: no page, no feed, no API object.
  const components = file.components
    .filter((component) => componentStart(component, timeZone) <= now)
    .map((component) =>
      deriveComponentState(component, segmentsByComponent.get(component.id) ?? [], days, now, timeZone, rank),
    );
  const visible = components.filter((state) => isShown(state.component));
  return {
    now,
    page: file.page,
    days,
    overall: deriveOverallStatus(
      visible.map((state) => state.status),
      states.some((state) => state.active && state.incident.kind === 'maintenance'),
    ),
    components,
    groups: groupComponents(file, components),
    incidents: states,
    bySlug: new Map(states.map((state) => [state.incident.slug, state])),
  };
}

import { computeDayCells, type DayCell } from './days.ts';
import type { Component, ComponentsFile, Group, Incident, Update } from './schema.ts';
import { dayMs, lastZonedDays, startOfCalendarDate, type ZonedDay } from './time.ts';
import {
  impactStart,
  incidentSegments,
  isIncidentActiveAt,
  maintenanceStatusAt,
  type StatusSegment,
} from './timeline.ts';
import { computeUptime } from './uptime.ts';
import {
  impacts,
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
  components: ComponentState[];
  /** Display order, retired components left out; top-level components form groups without `group`. */
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
  const closed = status === 'resolved' || status === 'completed';
  const closedAt = closed ? (lastAt(published, status) ?? incident.window?.end ?? null) : null;
  const segments = incidentSegments(incident);
  const ids = [...incident.components.map((component) => component.id)];
  for (const update of incident.updates)
    for (const component of update.components ?? []) if (!ids.includes(component.id)) ids.push(component.id);
  return {
    incident,
    status,
    impact: incident.impact ?? 'none',
    active: isIncidentActiveAt(incident, now),
    upcoming: maintenance && status === 'scheduled',
    startedAt: impactStart(incident),
    updatedAt: Math.max(latestUpdate?.at ?? 0, maintenance && !latestUpdate ? (incident.window?.start ?? 0) : 0),
    resolvedAt: closedAt,
    monitoringAt: lastAt(published, 'monitoring') ?? lastAt(published, 'verifying'),
    componentIds: ids,
    segments,
    latestUpdate,
  };
}

const indicatorForStatus: Record<ComponentStatus, Indicator> = {
  operational: 'none',
  under_maintenance: 'none',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
};

const indicatorRank: Indicator[] = ['none', 'minor', 'major', 'critical'];

/** The page-wide indicator and Statuspage's description for it. */
export function deriveOverallStatus(
  currentStatuses: readonly ComponentStatus[],
  activeIncidents: readonly IncidentState[],
): OverallStatus {
  const worst = currentStatuses.reduce<ComponentStatus>(worseStatus, 'operational');
  const fromComponents = indicatorForStatus[worst];
  const fromIncidents = activeIncidents
    .filter((state) => state.incident.kind === 'incident')
    .map((state) => state.impact as Indicator)
    .reduce<Indicator>((a, b) => (impacts.indexOf(b as Impact) > impacts.indexOf(a as Impact) ? b : a), 'none');
  const indicator =
    indicatorRank.indexOf(fromIncidents) > indicatorRank.indexOf(fromComponents) ? fromIncidents : fromComponents;
  const maintenance =
    worst === 'under_maintenance' || activeIncidents.some((state) => state.incident.kind === 'maintenance');
  if (indicator === 'none') {
    return maintenance
      ? { indicator: 'maintenance', description: 'Service Under Maintenance' }
      : { indicator: 'none', description: 'All Systems Operational' };
  }
  const descriptions: Record<Indicator, string> = {
    none: 'All Systems Operational',
    minor:
      worst === 'degraded_performance' && fromComponents === 'minor'
        ? 'Partially Degraded Service'
        : 'Minor Service Outage',
    major: 'Partial System Outage',
    critical: 'Major System Outage',
    maintenance: 'Service Under Maintenance',
  };
  return { indicator, description: descriptions[indicator] };
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
  const since = component.since ? startOfCalendarDate(component.since, timeZone) : -Infinity;
  const uptime = (count: number) => computeUptime(segments, Math.max(now - count * dayMs, since), now);
  const touched = new Set(segments.map((segment) => segment.slug));
  return {
    component,
    status,
    days: computeDayCells(segments, days, now),
    uptime30: uptime(30),
    uptime90: uptime(barDays),
    incidentSlugs: [...touched].sort((a, b) => rank.get(a)! - rank.get(b)!),
  };
}

function groupComponents(file: ComponentsFile, states: ComponentState[]): GroupState[] {
  const visible = states.filter((state) => !state.component.retired);
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
  const components = file.components.map((component) =>
    deriveComponentState(component, segmentsByComponent.get(component.id) ?? [], days, now, timeZone, rank),
  );
  const visible = components.filter((state) => !state.component.retired);
  return {
    now,
    page: file.page,
    days,
    overall: deriveOverallStatus(
      visible.map((state) => state.status),
      states.filter((state) => state.active),
    ),
    components,
    groups: groupComponents(file, components),
    incidents: states,
    bySlug: new Map(states.map((state) => [state.incident.slug, state])),
  };
}

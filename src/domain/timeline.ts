import type { Incident, Update } from './schema/index.ts';
import { impacts, statusForImpact, type ComponentStatus, type Impact, type UpdateStatus } from './vocabulary.ts';

/** One component in one status for a stretch of time, because of one incident. */
export interface StatusSegment {
  componentId: string;
  status: ComponentStatus;
  start: number;
  /** Exclusive; `Infinity` while the incident is still open. */
  end: number;
  slug: string;
}

interface StateAt {
  active: boolean;
  statuses: Map<string, ComponentStatus>;
}

/** How many updates are published at an instant (updates are oldest first). */
function publishedCount(incident: Incident, instant: number): number {
  let count = 0;
  while (count < incident.updates.length && incident.updates[count]!.at <= instant) count++;
  return count;
}

/** The impact after the first `count` updates: the front matter's, then each update's `impact` from that update on. */
export function impactAfter(incident: Incident, count: number): Impact {
  let impact = incident.impact ?? 'none';
  for (const update of incident.updates.slice(0, count)) impact = update.impact ?? impact;
  return impact;
}

/** The highest impact an incident reached, counting escalations by updates. */
export function peakImpact(incident: Incident): Impact {
  return [incident.impact ?? 'none', ...incident.updates.map((update) => update.impact ?? 'none')].reduce((a, b) =>
    impacts.indexOf(b) > impacts.indexOf(a) ? b : a,
  );
}

/** The incident's impact at an instant. */
export function impactAt(incident: Incident, instant: number): Impact {
  return impactAfter(incident, publishedCount(incident, instant));
}

/**
 * Component statuses after the first `count` updates. A component listed
 * without a status follows the impact of that moment until an update sets
 * its status explicitly.
 */
export function componentStatusesAfter(incident: Incident, count: number): Map<string, ComponentStatus> {
  const explicit = new Map<string, ComponentStatus>();
  for (const update of incident.updates.slice(0, count))
    for (const component of update.components ?? []) explicit.set(component.id, component.status);
  const fallback: ComponentStatus =
    incident.kind === 'maintenance' ? 'under_maintenance' : statusForImpact(impactAfter(incident, count));
  const statuses = new Map(
    incident.components.map((component) => [component.id, explicit.get(component.id) ?? component.status ?? fallback]),
  );
  for (const [id, status] of explicit) if (!statuses.has(id)) statuses.set(id, status);
  return statuses;
}

function lastUpdateAtOrBefore(
  updates: readonly Update[],
  instant: number,
  accept: (update: Update) => boolean = () => true,
): Update | undefined {
  let found: Update | undefined;
  for (const update of updates) {
    if (update.at > instant) break;
    if (accept(update)) found = update;
  }
  return found;
}

/** The status a maintenance shows at an instant: explicit updates win over its window. */
export function maintenanceStatusAt(incident: Incident, instant: number): UpdateStatus {
  const explicit = lastUpdateAtOrBefore(incident.updates, instant, (update) => update.status !== 'scheduled');
  if (explicit) return explicit.status;
  const window = incident.window;
  if (!window || instant < window.start) return 'scheduled';
  return instant < window.end ? 'in_progress' : 'completed';
}

/** When impact began: `started`, else the first update; a maintenance's window start. */
export function impactStart(incident: Incident): number {
  if (incident.kind === 'maintenance') return incident.window?.start ?? incident.updates[0]?.at ?? 0;
  return incident.started ?? incident.updates[0]?.at ?? 0;
}

function isActiveAt(incident: Incident, instant: number): boolean {
  if (incident.kind === 'maintenance') {
    const status = maintenanceStatusAt(incident, instant);
    return status === 'in_progress' || status === 'verifying';
  }
  if (instant < impactStart(incident)) return false;
  const last = lastUpdateAtOrBefore(incident.updates, instant);
  return last?.status !== 'resolved';
}

function stateAt(incident: Incident, instant: number): StateAt {
  return {
    active: isActiveAt(incident, instant),
    statuses: componentStatusesAfter(incident, publishedCount(incident, instant)),
  };
}

/** The instants at which anything about an incident can change. */
function changePoints(incident: Incident): number[] {
  const points = new Set<number>([impactStart(incident), ...incident.updates.map((update) => update.at)]);
  if (incident.window) points.add(incident.window.start).add(incident.window.end);
  return [...points].sort((a, b) => a - b);
}

/**
 * Every stretch of time an incident held a component in some status. An
 * `operational` segment still records that the incident touched the component.
 */
export function incidentSegments(incident: Incident): StatusSegment[] {
  const points = changePoints(incident);
  const segments: StatusSegment[] = [];
  const open = new Map<string, StatusSegment>();
  const close = (id: string, at: number) => {
    const segment = open.get(id);
    if (segment && at > segment.start) segments.push({ ...segment, end: at });
    open.delete(id);
  };
  for (const point of points) {
    const state = stateAt(incident, point);
    for (const id of [...open.keys()]) {
      if (!state.active || state.statuses.get(id) !== open.get(id)!.status) close(id, point);
    }
    if (!state.active) continue;
    for (const [id, status] of state.statuses) {
      if (!open.has(id)) open.set(id, { componentId: id, status, start: point, end: Infinity, slug: incident.slug });
    }
  }
  segments.push(...open.values());
  // An incident posted already resolved still touched its components: keep a zero-length marker.
  const touched = new Set(segments.map((segment) => segment.componentId));
  const start = impactStart(incident);
  for (const id of stateAt(incident, Infinity).statuses.keys()) {
    if (!touched.has(id))
      segments.push({ componentId: id, status: 'operational', start, end: start, slug: incident.slug });
  }
  return segments.sort((a, b) => a.start - b.start || a.componentId.localeCompare(b.componentId));
}

/** Whether the incident is open (unresolved, or a maintenance under way) at the instant. */
export { isActiveAt as isIncidentActiveAt };

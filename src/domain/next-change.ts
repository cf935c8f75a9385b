import type { StatusState } from './derive.ts';
import { parseLeadTime } from './notify/vocabulary.ts';
import type { Component } from './schema/index.ts';
import { dayMs, startOfZonedDay, wallClockAt } from './time.ts';
import { downtimeWeight } from './uptime.ts';
import { componentStart } from './visibility.ts';

/** Why the page's output changes at a moment without a commit. Permanent names: they are published. */
export const nextChangeKinds = [
  'maintenance_start',
  'maintenance_end',
  'reminder',
  'next_update_passed',
  'component_added',
  'day_boundary',
  'open_incident',
  'uptime_window',
] as const;
export type NextChangeKind = (typeof nextChangeKinds)[number];

export interface NextChangeReason {
  kind: NextChangeKind;
  /** The incident or maintenance it belongs to (a validated slug). */
  incident?: string;
  /** `component_added`: the component's id. */
  component?: string;
}

export interface NextChange {
  /** The first moment after the build clock at which the output differs by time alone. */
  due: number;
  /** Everything that changes at `due`, in a stable order. */
  reasons: NextChangeReason[];
}

const hourMs = 3_600_000;
/** Uptime windows the page shows (30 and 90 days), as in derive.ts. */
const uptimeWindowsMs = [30 * dayMs, 90 * dayMs];

/**
 * While an outage counts against uptime (open, or sliding out of a 30- or 90-day window) and while
 * an incident is open ("ongoing for 2 h"), the numbers change by the minute: the page is refreshed
 * on the hour, at least 30 minutes after the build, so a refresh never follows a build at once.
 * Whole hours are also where day boundaries fall, so one check schedule meets both cheaply.
 */
export function nextHourlyRefresh(now: number): number {
  return Math.ceil((now + hourMs / 2) / hourMs) * hourMs;
}

/** The next midnight in the page's zone, DST included (a day has 23, 24 or 25 hours). */
export function nextDayBoundary(now: number, timeZone: string): number {
  const today = wallClockAt(now, timeZone);
  const tomorrow = new Date(Date.UTC(today.year, today.month - 1, today.day + 1));
  return startOfZonedDay(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth() + 1, tomorrow.getUTCDate(), timeZone);
}

/**
 * The next moment the site, its feeds, API and notifications would change with no new commit:
 * a maintenance window opening or closing, a reminder falling due (`remind_before` of any channel,
 * sent only when announced before it, as the notifier does), a promised next update running out
 * (the page stops showing it), a component's `since` date arriving, the page's next day boundary
 * (day bars, uptime, history months), and the hourly refresh while something changes continuously.
 */
export function computeNextChange(
  state: StatusState,
  options: { components: readonly Component[]; remindBefore: readonly string[] },
): NextChange {
  const { now } = state;
  const candidates: { at: number; reason: NextChangeReason }[] = [];
  const add = (at: number, reason: NextChangeReason) => {
    if (Number.isFinite(at) && at > now) candidates.push({ at, reason });
  };
  add(nextDayBoundary(now, state.page.timezone), { kind: 'day_boundary' });
  for (const component of options.components)
    add(componentStart(component, state.page.timezone), { kind: 'component_added', component: component.id });
  for (const incident of state.incidents) {
    const { slug, window, kind } = incident.incident;
    if (incident.active) add(nextHourlyRefresh(now), { kind: 'open_incident', incident: slug });
    const promise = incident.latestUpdate?.next_update;
    if (incident.active && promise !== undefined) add(promise, { kind: 'next_update_passed', incident: slug });
    if (kind === 'maintenance' && window) {
      add(window.start, { kind: 'maintenance_start', incident: slug });
      add(window.end, { kind: 'maintenance_end', incident: slug });
      const announced = incident.incident.updates[0]?.at ?? window.start;
      for (const lead of new Set(options.remindBefore)) {
        const at = window.start - parseLeadTime(lead);
        if (at >= announced) add(at, { kind: 'reminder', incident: slug });
      }
    }
    for (const segment of incident.segments) {
      if (downtimeWeight[segment.status] === 0) continue;
      for (const span of uptimeWindowsMs) {
        const [enters, leaves] = [segment.start + span, segment.end + span];
        // While the window's far edge crosses the outage, the percentage moves by the minute.
        if (enters <= now && now < leaves) add(nextHourlyRefresh(now), { kind: 'uptime_window', incident: slug });
        add(enters, { kind: 'uptime_window', incident: slug });
        add(leaves, { kind: 'uptime_window', incident: slug });
      }
    }
  }
  const due = Math.min(...candidates.map((candidate) => candidate.at));
  const seen = new Set<string>();
  const reasons = candidates
    .filter((candidate) => candidate.at === due)
    .map((candidate) => candidate.reason)
    .filter((reason) => {
      const key = `${reason.kind} ${reason.incident ?? ''} ${reason.component ?? ''}`;
      return !seen.has(key) && Boolean(seen.add(key));
    })
    .sort((a, b) => nextChangeKinds.indexOf(a.kind) - nextChangeKinds.indexOf(b.kind) || compareIds(a, b));
  return { due, reasons };
}

function compareIds(a: NextChangeReason, b: NextChangeReason): number {
  const [left, right] = [a.incident ?? a.component ?? '', b.incident ?? b.component ?? ''];
  return left < right ? -1 : left > right ? 1 : 0;
}

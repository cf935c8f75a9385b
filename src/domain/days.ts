import type { StatusSegment } from './timeline.ts';
import type { ZonedDay } from './time.ts';
import { severityOf, type ComponentStatus } from './vocabulary.ts';

/** A day's status in a bar: the worst component status, or `no_data` before the component existed. */
export type DayStatus = ComponentStatus | 'no_data';

/** One cell of a 90-day bar: the day's worst status and the incidents that touched it. */
export interface DayCell {
  date: string;
  status: DayStatus;
  /** Slugs, in order of first appearance. */
  incidents: string[];
}

function firstDayEndingAfter(days: readonly ZonedDay[], instant: number): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (days[middle]!.end <= instant) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Fills one cell per day from a component's segments; time after `now` does
 * not count, and days that end before the component existed (`since`) have no data.
 */
export function computeDayCells(
  segments: readonly StatusSegment[],
  days: readonly ZonedDay[],
  now: number,
  since = -Infinity,
): DayCell[] {
  const cells: DayCell[] = days.map((day) => ({
    date: day.date,
    status: day.end <= since ? 'no_data' : 'operational',
    incidents: [],
  }));
  const first = days[0];
  if (!first) return cells;
  for (const segment of segments) {
    const start = Math.max(segment.start, first.start);
    // A zero-length marker (an incident posted already resolved) touches the day it is on.
    const end = segment.end === segment.start ? segment.start + 1 : Math.min(segment.end, now);
    if (end <= start || start >= now) continue;
    for (let index = firstDayEndingAfter(days, start); index < days.length && days[index]!.start < end; index++) {
      const cell = cells[index]!;
      if (cell.status === 'no_data') continue;
      if (severityOf(segment.status) > severityOf(cell.status)) cell.status = segment.status;
      if (!cell.incidents.includes(segment.slug)) cell.incidents.push(segment.slug);
    }
  }
  return cells;
}

/** A stretch of consecutive days with the same status: `start` is the index of its first day. */
export interface DayRun {
  status: DayStatus;
  start: number;
  length: number;
}

/**
 * Merges consecutive days with the same status, so a quiet quarter is one run
 * however many days it spans, and a bar costs the same at any history.
 */
export function groupDayRuns(cells: readonly Pick<DayCell, 'status'>[]): DayRun[] {
  const runs: DayRun[] = [];
  cells.forEach((cell, index) => {
    const last = runs.at(-1);
    if (last?.status === cell.status) last.length++;
    else runs.push({ status: cell.status, start: index, length: 1 });
  });
  return runs;
}

import type { StatusSegment } from './timeline.ts';
import type { ComponentStatus } from './vocabulary.ts';

/** How much of a minute in each status counts as down. */
export const downtimeWeight: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 0,
  degraded_performance: 0,
  partial_outage: 0.3,
  major_outage: 1,
};

/**
 * Share of [from, to) a component was up, from 0 to 1, or `null` when none of
 * the window counts (the component started after it). Overlapping incidents
 * are not double-counted: at each instant only the heaviest status counts.
 */
export function computeUptime(segments: readonly StatusSegment[], from: number, to: number): number | null {
  if (to <= from) return null;
  const events: { at: number; weight: number; delta: 1 | -1 }[] = [];
  for (const segment of segments) {
    const weight = downtimeWeight[segment.status];
    const start = Math.max(segment.start, from);
    const end = Math.min(segment.end, to);
    if (weight === 0 || end <= start) continue;
    events.push({ at: start, weight, delta: 1 }, { at: end, weight, delta: -1 });
  }
  events.sort((a, b) => a.at - b.at);
  const open = new Map<number, number>();
  let down = 0;
  let previous = from;
  for (const event of events) {
    const heaviest = Math.max(0, ...[...open].filter(([, count]) => count > 0).map(([weight]) => weight));
    down += heaviest * (event.at - previous);
    previous = event.at;
    open.set(event.weight, (open.get(event.weight) ?? 0) + event.delta);
  }
  return 1 - down / (to - from);
}

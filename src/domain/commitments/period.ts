import { impacts, type Impact } from '../vocabulary.ts';
import type { IncidentFigures } from './measure.ts';

/** Median and 90th percentile of a set of minutes; null when the set is empty. */
export interface Spread {
  median: number | null;
  p90: number | null;
}

/**
 * The `fraction` percentile by the nearest-rank method: the smallest value with at least that
 * share of values at or below it (the median of 1, 2, 3, 4 is 2). Always one of the values.
 */
export function percentile(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)]!;
}

export function spreadOf(values: readonly (number | null)[]): Spread {
  const known = values.filter((value): value is number => value !== null);
  return { median: percentile(known, 0.5), p90: percentile(known, 0.9) };
}

export interface ComponentFigures {
  id: string;
  incidents: number;
  withinCommitments: number;
  minutesToFirstUpdate: Spread;
}

export interface PeriodFigures {
  incidents: number;
  /** Maintenances that began in the period, left out of every response figure. */
  maintenances: number;
  byImpact: Record<Impact, number>;
  minutesToFirstUpdate: Spread;
  /** Over resolved incidents only. */
  minutesToResolve: Spread;
  withinCommitments: number;
  /** withinCommitments / incidents; null without incidents. */
  shareWithinCommitments: number | null;
  components: ComponentFigures[];
}

/** The period's totals over the incidents measured in it. */
export function summarizePeriod(incidents: readonly IncidentFigures[], maintenances: number): PeriodFigures {
  const byImpact = Object.fromEntries(impacts.map((impact) => [impact, 0])) as Record<Impact, number>;
  for (const incident of incidents) byImpact[incident.impact]++;
  const within = incidents.filter((incident) => incident.withinCommitments).length;
  const perComponent = new Map<string, IncidentFigures[]>();
  for (const incident of incidents)
    for (const id of incident.components) (perComponent.get(id) ?? perComponent.set(id, []).get(id)!).push(incident);
  return {
    incidents: incidents.length,
    maintenances,
    byImpact,
    minutesToFirstUpdate: spreadOf(incidents.map((incident) => incident.minutesToFirstUpdate)),
    minutesToResolve: spreadOf(incidents.map((incident) => incident.minutesToResolve)),
    withinCommitments: within,
    shareWithinCommitments: incidents.length === 0 ? null : within / incidents.length,
    components: [...perComponent.keys()].sort().map((id) => {
      const list = perComponent.get(id)!;
      return {
        id,
        incidents: list.length,
        withinCommitments: list.filter((incident) => incident.withinCommitments).length,
        minutesToFirstUpdate: spreadOf(list.map((incident) => incident.minutesToFirstUpdate)),
      };
    }),
  };
}

import type { Commitments, Incident } from '../schema/index.ts';
import { impactStart } from '../timeline.ts';
import { measureIncident, type IncidentFigures, type Publication } from './measure.ts';
import { summarizePeriod, type PeriodFigures } from './period.ts';

/** How far an update's publication may lag its typed `at` before the report shows both. */
export const publicationLagShownMs = 5 * 60_000;

export interface CommitmentsReport {
  /** Incidents that began at or after this instant; undefined: all history. */
  from: number | undefined;
  /** Incidents that began before this instant; undefined: all history. */
  to: number | undefined;
  now: number;
  commitments: Commitments;
  /** What could not be measured from git, in sentences; empty when every time came from git. */
  notes: string[];
  period: PeriodFigures;
  incidents: IncidentFigures[];
}

export interface ReportInput {
  incidents: readonly Incident[];
  commitments: Commitments;
  /** Publication times by incident file; a file missing here falls back to the typed times. */
  publications: ReadonlyMap<string, Publication>;
  from?: number | undefined;
  to?: number | undefined;
  now: number;
  /** Notes from reading git (shallow clone, odd commit dates). */
  notes?: readonly string[];
}

/** The report over incidents that began in [from, to), oldest first; maintenances are only counted. */
export function buildCommitmentsReport(input: ReportInput): CommitmentsReport {
  const inPeriod = input.incidents
    .filter((incident) => {
      const start = impactStart(incident);
      return (input.from === undefined || start >= input.from) && (input.to === undefined || start < input.to);
    })
    .sort((a, b) => impactStart(a) - impactStart(b) || a.slug.localeCompare(b.slug));
  const incidents = inPeriod
    .filter((incident) => incident.kind === 'incident')
    .map((incident) =>
      measureIncident(incident, input.publications.get(incident.file) ?? { updates: [] }, input.commitments, input.now),
    );
  const notes = [...(input.notes ?? [])];
  const fromTyped = incidents.flatMap((incident) => incident.updates).filter((update) => !update.fromGit).length;
  if (fromTyped > 0)
    notes.push(
      `${fromTyped} ${fromTyped === 1 ? 'update is' : 'updates are'} measured from the time typed in "at", not from git (see the notes above, or not committed to the branch yet).`,
    );
  return {
    from: input.from,
    to: input.to,
    now: input.now,
    commitments: input.commitments,
    notes,
    period: summarizePeriod(incidents, inPeriod.length - incidents.length),
    incidents,
  };
}

import { isoTime } from '../../domain/commitments/durations.ts';
import type { IncidentFigures } from '../../domain/commitments/measure.ts';
import type { Spread } from '../../domain/commitments/period.ts';
import type { CommitmentsReport } from '../../domain/commitments/report.ts';
import type { Commitments } from '../../domain/schema/index.ts';

const minutesPerImpact = (table: Commitments['first_update']) =>
  Object.fromEntries(Object.entries(table).map(([impact, ms]) => [impact, ms / 60_000]));

const spread = ({ median, p90 }: Spread) => ({ median, p90 });

/** One incident as docs/report.md documents it; minutes measured from publication times. */
export function incidentJson(incident: IncidentFigures) {
  return {
    slug: incident.slug,
    title: incident.title,
    impact: incident.impact,
    components: incident.components,
    started: isoTime(incident.started),
    open: incident.open,
    minutes_to_first_update: incident.minutesToFirstUpdate,
    longest_silence_minutes: incident.longestSilenceMinutes,
    promises_kept: incident.promisesKept,
    promises_broken: incident.promisesBroken,
    minutes_to_resolve: incident.minutesToResolve,
    postmortem_on_time: incident.postmortemOnTime,
    within_commitments: incident.withinCommitments,
    reasons: incident.reasons,
    updates: incident.updates.map((update) => ({
      index: update.index,
      status: update.status,
      at: isoTime(update.at),
      published: isoTime(update.published),
      published_from: update.fromGit ? 'git' : 'at',
    })),
  };
}

/** The report as the JSON document docs/report.md describes. */
export function reportDocument(report: CommitmentsReport) {
  const { period } = report;
  return {
    from: report.from === undefined ? null : isoTime(report.from),
    to: report.to === undefined ? null : isoTime(report.to),
    generated_at: isoTime(report.now),
    commitments_minutes: {
      first_update: minutesPerImpact(report.commitments.first_update),
      update_every: minutesPerImpact(report.commitments.update_every),
      postmortem: minutesPerImpact(report.commitments.postmortem),
    },
    notes: report.notes,
    period: {
      incidents: period.incidents,
      maintenances: period.maintenances,
      by_impact: period.byImpact,
      minutes_to_first_update: spread(period.minutesToFirstUpdate),
      minutes_to_resolve: spread(period.minutesToResolve),
      within_commitments: period.withinCommitments,
      share_within_commitments: period.shareWithinCommitments,
      components: period.components.map((component) => ({
        id: component.id,
        incidents: component.incidents,
        within_commitments: component.withinCommitments,
        minutes_to_first_update: spread(component.minutesToFirstUpdate),
      })),
    },
    incidents: report.incidents.map(incidentJson),
  };
}

export type ReportDocument = ReturnType<typeof reportDocument>;

/** The report for tools: `npm run report -- --format json`. */
export function renderReportJson(report: CommitmentsReport): string {
  return JSON.stringify(reportDocument(report), null, 2) + '\n';
}

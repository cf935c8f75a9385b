import { describeDuration, isoTime } from '../../domain/commitments/durations.ts';
import type { IncidentFigures } from '../../domain/commitments/measure.ts';
import type { Spread } from '../../domain/commitments/period.ts';
import { publicationLagShownMs, type CommitmentsReport } from '../../domain/commitments/report.ts';
import type { Commitments } from '../../domain/schema/index.ts';
import { escapeMarkdown, toTableCellCode } from '../../domain/text-safety.ts';
import { impacts } from '../../domain/vocabulary.ts';

const minutes = (value: number | null) => (value === null ? '—' : `${value} min`);
const spread = ({ median, p90 }: Spread) => `${minutes(median)} / ${minutes(p90)}`;
const yesNo = (value: boolean | null) => (value === null ? '—' : value ? 'yes' : '**no**');
const share = (part: number, whole: number) =>
  whole === 0 ? '—' : `${part} of ${whole} (${Math.round((100 * part) / whole)} %)`;
const table = (head: string[], rows: string[][]) => [
  `| ${head.join(' | ')} |`,
  `| ${head.map(() => '---').join(' | ')} |`,
  ...rows.map((row) => `| ${row.join(' | ')} |`),
];

function describeCommitments(commitments: Commitments): string[] {
  const list = (table: Commitments['first_update']) =>
    [...impacts]
      .reverse()
      .filter((impact) => table[impact] !== undefined)
      .map((impact) => `${impact} ${describeDuration(table[impact]!)}`)
      .join(', ') || 'none';
  return [
    `- First update, from the start: ${list(commitments.first_update)}`,
    `- Longest silence while open: ${list(commitments.update_every)}`,
    `- Postmortem, from resolving: ${list(commitments.postmortem)}`,
  ];
}

function incidentRow(incident: IncidentFigures): string[] {
  return [
    toTableCellCode(incident.slug),
    escapeMarkdown(incident.title),
    incident.impact,
    minutes(incident.minutesToFirstUpdate),
    minutes(incident.longestSilenceMinutes),
    `${incident.promisesKept} / ${incident.promisesBroken}`,
    incident.open ? 'open' : minutes(incident.minutesToResolve),
    yesNo(incident.postmortemOnTime),
    yesNo(incident.withinCommitments),
    // Our own sentences (durations, times), no author text.
    incident.reasons.join('; ') || '—',
  ];
}

/** Updates that went public more than a few minutes after (or before) the time typed in `at`. */
function lateRows(incidents: readonly IncidentFigures[]): string[][] {
  return incidents.flatMap((incident) =>
    incident.updates
      .filter((update) => update.fromGit && Math.abs(update.published - update.at) > publicationLagShownMs)
      .map((update) => [
        toTableCellCode(incident.slug),
        `${update.index + 1} (${update.status})`,
        isoTime(update.at),
        isoTime(update.published),
        `${update.published < update.at ? '−' : ''}${describeDuration(Math.abs(update.published - update.at))}`,
      ]),
  );
}

/** The report for people, and for a GitHub job summary: `npm run report`. */
export function renderReportMarkdown(report: CommitmentsReport): string {
  const { period } = report;
  const range =
    report.from === undefined && report.to === undefined
      ? 'all history'
      : `${report.from === undefined ? 'the beginning' : isoTime(report.from)} to ${report.to === undefined ? 'now' : isoTime(report.to)}`;
  const lines = [
    `# Commitments kept: ${range}`,
    '',
    `Incidents that began in the period, measured from when each update reached the branch in git. Maintenances (${period.maintenances}) are left out.`,
    '',
    ...describeCommitments(report.commitments),
    '',
    ...table(
      [
        'incidents',
        ...[...impacts].reverse(),
        'first update (median / p90)',
        'resolved in (median / p90)',
        'within commitments',
      ],
      [
        [
          String(period.incidents),
          ...[...impacts].reverse().map((impact) => String(period.byImpact[impact])),
          spread(period.minutesToFirstUpdate),
          spread(period.minutesToResolve),
          share(period.withinCommitments, period.incidents),
        ],
      ],
    ),
  ];
  if (period.components.length > 0)
    lines.push(
      '',
      '## Per component',
      '',
      ...table(
        ['component', 'incidents', 'within commitments', 'first update (median / p90)'],
        period.components.map((component) => [
          toTableCellCode(component.id),
          String(component.incidents),
          share(component.withinCommitments, component.incidents),
          spread(component.minutesToFirstUpdate),
        ]),
      ),
    );
  if (report.incidents.length > 0)
    lines.push(
      '',
      '## Incidents',
      '',
      ...table(
        [
          'incident',
          'title',
          'impact',
          'first update',
          'longest silence',
          'promises kept / broken',
          'resolved in',
          'postmortem on time',
          'within commitments',
          'why not',
        ],
        report.incidents.map(incidentRow),
      ),
    );
  const late = lateRows(report.incidents);
  if (late.length > 0)
    lines.push(
      '',
      '## Published at another time than typed',
      '',
      ...table(['incident', 'update', 'typed (at)', 'published (git)', 'difference'], late),
    );
  if (report.notes.length > 0)
    lines.push('', '## What could not be measured', '', ...report.notes.map((note) => `- ${note}`));
  return lines.join('\n') + '\n';
}

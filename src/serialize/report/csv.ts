import { isoTime } from '../../domain/commitments/durations.ts';
import type { CommitmentsReport } from '../../domain/commitments/report.ts';

/**
 * A text cell a spreadsheet must not read as a formula: one starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return gets a leading `'` (OWASP's CSV injection advice). Numbers are not text cells.
 */
function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function field(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = defuseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const columns = [
  'slug',
  'title',
  'impact',
  'components',
  'started',
  'open',
  'minutes_to_first_update',
  'longest_silence_minutes',
  'promises_kept',
  'promises_broken',
  'minutes_to_resolve',
  'postmortem_on_time',
  'within_commitments',
  'reasons',
];

/** One row per incident, the JSON report's fields, for spreadsheets; lines end in CRLF. */
export function renderReportCsv(report: CommitmentsReport): string {
  const rows = report.incidents.map((incident) => [
    incident.slug,
    incident.title,
    incident.impact,
    incident.components.join(' '),
    isoTime(incident.started),
    incident.open,
    incident.minutesToFirstUpdate,
    incident.longestSilenceMinutes,
    incident.promisesKept,
    incident.promisesBroken,
    incident.minutesToResolve,
    incident.postmortemOnTime,
    incident.withinCommitments,
    incident.reasons.join('; '),
  ]);
  return [columns, ...rows].map((row) => row.map(field).join(',') + '\r\n').join('');
}

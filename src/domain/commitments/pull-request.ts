import type { Snapshot } from '../history.ts';
import { oldWarningAgeMs } from '../old-warnings.ts';
import type { Problem } from '../problems.ts';
import { reporter, type Report } from '../rules/report.ts';
import { commitmentDefaults, type Commitments, type Incident } from '../schema/index.ts';
import { impactAfter, impactStart } from '../timeline.ts';
import { describeDuration, isoTime } from './durations.ts';
import { checkOpenIncidentSilence, checkPostmortemDueSoon } from './warnings.ts';

/** The codes of the warnings about commitments, for the pull request summary. */
export const commitmentCodes: ReadonlySet<string> = new Set([
  'FirstUpdateLate',
  'NextUpdateLate',
  'UpdateCadenceMissed',
  'NextUpdateOverdue',
  'PostmortemDueSoon',
  'MissingPostmortem',
]);

/** The first update, merged at `now` at the earliest, against `first_update` for the starting impact. */
function checkFirstUpdate(report: Report, incident: Incident, now: number, commitments: Commitments): void {
  const impact = incident.impact ?? 'none';
  const allowed = commitments.first_update[impact];
  const started = impactStart(incident);
  if (allowed === undefined || now - started <= allowed) return;
  report(
    ['updates', 0, 'at'],
    'FirstUpdateLate',
    `This ${impact} incident started at ${isoTime(started)}; its first update goes public when this pull request is merged, ${describeDuration(now - started)} after the start at the earliest. The commitment is a first update within ${describeDuration(allowed)}, so it is ${describeDuration(now - started - allowed)} late.`,
    'Merge it now: every minute adds to the delay. If the impact really began later, correct "started".',
    { severity: 'warning' },
  );
}

/** An update appended to a published one: against the promise and the cadence of the one before. */
function checkNextUpdate(report: Report, incident: Incident, index: number, now: number, commitments: Commitments) {
  const previous = incident.updates[index - 1]!;
  // A reopened incident's resolved-to-reopened gap is not silence.
  if (previous.status === 'resolved') return;
  const promised = previous.next_update;
  if (promised !== undefined && promised < now) {
    report(
      ['updates', index, 'at'],
      'NextUpdateLate',
      `The update before this one promised the next by ${isoTime(promised)}; this one goes public when this pull request is merged, ${describeDuration(now - promised)} after that at the earliest.`,
      'Merge it now. When a promised time cannot be kept, post a short update before it passes, with a new next_update.',
      { severity: 'warning' },
    );
    return;
  }
  const impact = impactAfter(incident, index);
  const cadence = commitments.update_every[impact];
  if (cadence === undefined || now - previous.at <= cadence) return;
  report(
    ['updates', index, 'at'],
    'UpdateCadenceMissed',
    `This update goes public when this pull request is merged, ${describeDuration(now - previous.at)} after the one before (${isoTime(previous.at)}); the commitment for a ${impact} incident is an update at least every ${describeDuration(cadence)}, so it is ${describeDuration(now - previous.at - cadence)} late.`,
    'Merge it now, and post the next update within the commitment.',
    { severity: 'warning' },
  );
}

/**
 * The commitment warnings of a pull request, which pass judgement on what merging it publishes
 * and on what is still actionable. The updates it adds (in `head` beyond `base`) go public when
 * it is merged, so at `now` at the earliest: a late first update, a broken next-update promise, a
 * silence longer than the cadence. Only the first update a change adds to an incident is checked
 * (the others go public with it), and incidents that began over 90 days ago are history being
 * filled in, not a promise being broken. Besides: open incidents silent for too long, and
 * postmortems due within a day. Plain validation (the build) leaves these out.
 */
export function checkCommitmentsInChange(base: Snapshot, head: Snapshot, now: number): Problem[] {
  const commitments = head.components?.value.commitments ?? commitmentDefaults;
  const published = new Map(base.incidents.map(({ value }) => [value.slug, value]));
  const problems: Problem[] = [];
  for (const { value: incident, locate } of head.incidents) {
    if (incident.kind !== 'incident') continue;
    const from = published.get(incident.slug)?.updates.length ?? 0;
    const report = reporter(incident.file, locate, problems);
    checkPostmortemDueSoon(report, incident, now, commitments);
    if (from >= incident.updates.length) checkOpenIncidentSilence(report, incident, now, commitments);
    else if (impactStart(incident) < now - oldWarningAgeMs) continue;
    else if (from === 0) checkFirstUpdate(report, incident, now, commitments);
    else checkNextUpdate(report, incident, from, now, commitments);
  }
  return problems;
}

import type { Report } from '../rules/report.ts';
import { isResolved } from '../rules/updates.ts';
import type { Commitments, Incident } from '../schema/index.ts';
import { impactAfter, peakImpact } from '../timeline.ts';
import { describeDuration, isoTime } from './durations.ts';

/** How long before a postmortem's deadline validation starts to remind. */
export const postmortemReminderMs = 24 * 3_600_000;

/**
 * An open incident silent for longer than its impact's `update_every`. Not when its promised
 * `next_update` has passed too: NextUpdateOverdue already asks for the same update.
 */
export function checkOpenIncidentSilence(report: Report, incident: Incident, now: number, commitments: Commitments) {
  const lastIndex = incident.updates.length - 1;
  const last = incident.updates[lastIndex];
  if (!last || incident.kind !== 'incident' || isResolved(incident) || last.at > now) return;
  if (last.next_update !== undefined && last.next_update < now) return;
  const impact = impactAfter(incident, incident.updates.length);
  const cadence = commitments.update_every[impact];
  const silent = now - last.at;
  if (cadence === undefined || silent <= cadence) return;
  report(
    ['updates', lastIndex, 'at'],
    'UpdateCadenceMissed',
    `This ${impact} incident is open and its last update (${isoTime(last.at)}) was ${describeDuration(silent)} ago; the commitment is an update at least every ${describeDuration(cadence)}, so it is ${describeDuration(silent - cadence)} late.`,
    `Post an update now, even if nothing changed, and say when the next one comes: npm run incident:update -- ${incident.slug} (or resolve it if it is over).`,
    { severity: 'warning' },
  );
}

/** The postmortem deadline of a resolved incident without a published postmortem, with its commitment. */
function postmortemDeadline(incident: Incident, now: number, commitments: Commitments) {
  const last = incident.updates.at(-1);
  if (!last || incident.kind !== 'incident' || !isResolved(incident) || last.at > now) return undefined;
  const peak = peakImpact(incident);
  const allowed = commitments.postmortem[peak];
  const published = incident.postmortem_published !== undefined && incident.postmortem_published <= now;
  if (allowed === undefined || published) return undefined;
  const stamp = `postmortem_published: ${new Date(now).toISOString()}`;
  const hint =
    incident.body.trim() === ''
      ? `Write what happened and what will change below the closing "---", and add "${stamp}" to the front matter.`
      : `Publish the text below the front matter as its postmortem: add "${stamp}" to the front matter.`;
  return { peak, allowed, resolved: last.at, due: last.at + allowed, hint };
}

/**
 * MissingPostmortem: a resolved incident past its postmortem commitment (by the highest impact it
 * reached, counted from the resolving update). Every validation says so; old ones are counted.
 */
export function checkPostmortemOverdue(report: Report, incident: Incident, now: number, commitments: Commitments) {
  const deadline = postmortemDeadline(incident, now, commitments);
  if (!deadline || now <= deadline.due) return;
  report(
    [],
    'MissingPostmortem',
    `This ${deadline.peak} incident was resolved ${describeDuration(now - deadline.resolved)} ago and has no published postmortem; the commitment is one within ${describeDuration(deadline.allowed)}, so it is ${describeDuration(now - deadline.due)} late.`,
    deadline.hint,
    { severity: 'warning' },
  );
}

/** PostmortemDueSoon: a postmortem commitment that ends within the next 24 hours. */
export function checkPostmortemDueSoon(report: Report, incident: Incident, now: number, commitments: Commitments) {
  const deadline = postmortemDeadline(incident, now, commitments);
  if (!deadline || now > deadline.due || deadline.due - now > postmortemReminderMs) return;
  report(
    [],
    'PostmortemDueSoon',
    `This ${deadline.peak} incident was resolved at ${isoTime(deadline.resolved)}; its postmortem is due within ${describeDuration(deadline.allowed)}, by ${isoTime(deadline.due)}, ${describeDuration(deadline.due - now)} from now.`,
    deadline.hint,
    { severity: 'warning' },
  );
}

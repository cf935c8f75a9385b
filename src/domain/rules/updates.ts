import type { Incident } from '../schema/index.ts';
import { quoteList } from '../suggest.ts';
import { allowedNextStatuses, isAllowedTransition, statusesFor } from '../transitions.ts';
import { isClosingStatus, type Kind, type UpdateStatus } from '../vocabulary.ts';
import type { Report } from './report.ts';
import { describeDuration } from '../commitments/durations.ts';

/** Reports a status that moves backwards between two consecutive updates of the same kind. */
export function checkTransition(
  report: Report,
  kind: Kind,
  index: number,
  previous: UpdateStatus,
  next: UpdateStatus,
): void {
  const allowed = statusesFor(kind);
  if (!allowed.includes(previous) || !allowed.includes(next) || isAllowedTransition(kind, previous, next)) return;
  report(
    ['updates', index, 'status'],
    'BackwardTransition',
    `The status moves back from "${previous}" to "${next}".`,
    previous === 'completed'
      ? 'A completed maintenance is final: schedule a new maintenance file for further work.'
      : `After "${previous}" use one of: ${quoteList(allowedNextStatuses(kind, previous))}.${kind === 'incident' && previous !== 'resolved' ? ' To reopen, first resolve, then post "investigating".' : ''}`,
  );
}

export function checkUpdates(report: Report, incident: Incident, now: number): void {
  const allowed = statusesFor(incident.kind);
  incident.updates.forEach((update, index) => {
    if (!allowed.includes(update.status)) {
      const other = incident.kind === 'incident' ? 'maintenance' : 'incident';
      report(
        ['updates', index, 'status'],
        'StatusForOtherKind',
        `"${update.status}" is a ${other} status, but this file is ${incident.kind === 'incident' ? 'an incident' : 'a maintenance'}.`,
        `Use one of: ${quoteList(allowed)}${incident.kind === 'incident' ? ', or add "kind: maintenance"' : ''}.`,
      );
    }
    if (update.at > now) {
      report(
        ['updates', index, 'at'],
        'UpdateInFuture',
        `This update is dated ${new Date(update.at).toISOString()}, after the build clock (${new Date(now).toISOString()}).`,
        'Updates record what was published: use the current time (npm run incident:update writes it for you). Announce future work with a maintenance window instead.',
      );
    }
    const previous = incident.updates[index - 1];
    if (!previous) return;
    if (update.at < previous.at) {
      report(
        ['updates', index, 'at'],
        'UpdatesOutOfOrder',
        `This update (${new Date(update.at).toISOString()}) is earlier than the one before it (${new Date(previous.at).toISOString()}).`,
        'List updates oldest first and append new ones at the end.',
      );
    }
    checkTransition(report, incident.kind, index, previous.status, update.status);
  });
}

/** The last update resolved the incident or completed the maintenance. */
export function isResolved(incident: Incident): boolean {
  return isClosingStatus(incident.updates.at(-1)?.status);
}

/** A promised next update whose time has passed on an open incident. */
export function checkNextUpdateOverdue(report: Report, incident: Incident, now: number): void {
  const lastIndex = incident.updates.length - 1;
  const last = incident.updates[lastIndex];
  if (!last || incident.kind !== 'incident') return;
  if (!isResolved(incident) && last.next_update !== undefined && last.next_update < now) {
    report(
      ['updates', lastIndex, 'next_update'],
      'NextUpdateOverdue',
      `The next update was promised for ${new Date(last.next_update).toISOString()}, ${describeDuration(now - last.next_update)} ago, and has not been posted.`,
      `Post an update now, with a new next_update: npm run incident:update -- ${incident.slug}.`,
      { severity: 'warning' },
    );
  }
}

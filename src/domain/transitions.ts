import { incidentStatuses, maintenanceStatuses, type Kind, type UpdateStatus } from './vocabulary.ts';

export function statusesFor(kind: Kind): readonly UpdateStatus[] {
  return kind === 'maintenance' ? maintenanceStatuses : incidentStatuses;
}

/**
 * Whether `next` may follow `previous`. Statuses only move forward, may skip
 * steps and may repeat; the one way back is reopening a resolved incident.
 * A completed maintenance is final.
 */
export function isAllowedTransition(kind: Kind, previous: UpdateStatus, next: UpdateStatus): boolean {
  const order = statusesFor(kind);
  const from = order.indexOf(previous);
  const to = order.indexOf(next);
  if (kind === 'incident' && previous === 'resolved' && next === 'investigating') return true;
  if (kind === 'maintenance' && previous === 'completed') return next === 'completed';
  return to >= from;
}

/** The statuses an author may write after `previous`, for the hint. */
export function allowedNextStatuses(kind: Kind, previous: UpdateStatus): UpdateStatus[] {
  return statusesFor(kind).filter((next) => isAllowedTransition(kind, previous, next));
}

import { formatZonedIso } from '../time.ts';
import { isAllowedTransition, statusesFor } from '../transitions.ts';
import type { UpdateStatus } from '../vocabulary.ts';
import type { SourceIncident, SourceUpdate } from './model.ts';

/** An update as our rules accept it, with the component `key`s still to be mapped to ids. */
export interface NormalisedUpdate extends Omit<SourceUpdate, 'status'> {
  status: UpdateStatus;
}

/** An incident as our rules accept it: updates in time order, statuses only moving forward. */
export interface NormalisedIncident extends Omit<SourceIncident, 'updates'> {
  updates: NormalisedUpdate[];
}

/** A time as the report shows it: UTC, to the second. */
export const reportTime = (instant: number) => new Date(instant).toISOString().replace('.000Z', 'Z');

/** A time as an author writes it, in the page's zone; milliseconds only when the source had them. */
export const authorTime = (instant: number, zone: string) => formatZonedIso(instant, zone).replace('.000', '');

/**
 * Applies our rules to one incident from another page, noting every change in `note`:
 * time order, forward-only statuses, a start no later than the first update, a maintenance
 * window, a postmortem published after the resolving update.
 */
export function normaliseIncident(
  incident: SourceIncident,
  note: (change: string, reason: string) => void,
): NormalisedIncident {
  const { kind } = incident;
  const allowed = statusesFor(kind);
  const sorted = [...incident.updates].sort((a, b) => a.at - b.at);
  if (sorted.some((update, index) => update !== incident.updates[index]))
    note('updates put in time order', 'the source listed them out of order');
  if (sorted.length === 0) {
    const at = incident.started ?? incident.window?.start ?? 0;
    sorted.push({ at, status: allowed[0]!, message: incident.title, components: [] });
    note(`one update added at ${reportTime(at)} with the title as its message`, `the source has no updates`);
  }
  const updates: NormalisedUpdate[] = [];
  for (const [index, update] of sorted.entries()) {
    const previous = updates[index - 1]?.status;
    let status = allowed.find((word) => word === update.status);
    if (!status) {
      status = incident.kind === 'incident' && update.status === 'postmortem' ? 'resolved' : (previous ?? allowed[0]!);
      note(
        `update ${index + 1} (${reportTime(update.at)}): status "${status}"`,
        `the source says "${update.status}", which is not a status of ${kind === 'incident' ? 'an incident' : 'a maintenance'}`,
      );
    }
    if (previous && !isAllowedTransition(kind, previous, status)) {
      note(
        `update ${index + 1} (${reportTime(update.at)}): status "${previous}" kept`,
        `the source moves back from "${previous}" to "${status}", and statuses only move forward`,
      );
      status = previous;
    }
    let message = update.message;
    if (message.trim() === '') {
      message = status.replace('_', ' ');
      message = message[0]!.toUpperCase() + message.slice(1);
      note(`update ${index + 1} (${reportTime(update.at)}): message "${message}"`, 'the source message is empty');
    }
    updates.push({ ...update, status, message });
  }
  const first = updates[0]!;
  const last = updates.at(-1)!;
  let started = incident.started;
  if (started !== undefined && started > first.at) {
    note(`started left out (${reportTime(started)})`, `it is after the first update (${reportTime(first.at)})`);
    started = undefined;
  }
  if (started !== undefined && (started === first.at || kind === 'maintenance')) started = undefined;
  let window = incident.window;
  if (kind === 'maintenance') {
    if (!window) {
      window = { start: first.at, end: Math.max(last.at, first.at + 60_000) };
      note(
        `window ${reportTime(window.start)} to ${reportTime(window.end)}`,
        'the source gives no scheduled window: its first and last updates',
      );
    } else if (window.end <= window.start) {
      note(
        `window end ${reportTime(window.start + 60_000)}`,
        `the source's window ends (${reportTime(window.end)}) before it starts`,
      );
      window = { start: window.start, end: window.start + 60_000 };
    }
  }
  const { body } = incident;
  let { postmortemPublished } = incident;
  if (postmortemPublished !== undefined) {
    if (kind === 'maintenance' || !body?.trim()) {
      note(
        'postmortem_published left out',
        kind === 'maintenance' ? 'a maintenance has no postmortem' : 'it has no text',
      );
      postmortemPublished = undefined;
    } else if (last.status !== 'resolved') {
      note('postmortem_published left out (its text is kept)', 'the incident is not resolved');
      postmortemPublished = undefined;
    } else if (postmortemPublished < last.at) {
      note(
        `postmortem_published ${reportTime(last.at)}`,
        `the source's ${reportTime(postmortemPublished)} is before the resolving update`,
      );
      postmortemPublished = last.at;
    }
  }
  return { ...incident, updates, started, window, body, postmortemPublished };
}

import type { Incident } from '../schema/index.ts';
import type { Report } from './report.ts';

/** A postmortem is published after the incident is resolved, and has text. */
export function checkPostmortem(report: Report, incident: Incident, now: number): void {
  const published = incident.postmortem_published;
  if (published === undefined) return;
  const path = ['postmortem_published'];
  if (incident.kind === 'maintenance') {
    report(
      path,
      'PostmortemOnMaintenance',
      'Only an incident has a postmortem; this file is a maintenance.',
      'Remove postmortem_published; write what happened in the last update or below the front matter.',
      { part: 'key' },
    );
    return;
  }
  const last = incident.updates.at(-1);
  if (last?.status !== 'resolved') {
    report(
      path,
      'PostmortemBeforeResolved',
      `The postmortem is published (${new Date(published).toISOString()}) but the incident is not resolved.`,
      'Post a "resolved" update first, then set postmortem_published to a time at or after it.',
    );
  } else if (published < last.at) {
    report(
      path,
      'PostmortemBeforeResolved',
      `The postmortem is published at ${new Date(published).toISOString()}, before the incident was resolved (${new Date(last.at).toISOString()}).`,
      `Set postmortem_published to the time you published it, at or after ${new Date(last.at).toISOString()}.`,
    );
  }
  if (published > now) {
    report(
      path,
      'UpdateInFuture',
      `The postmortem is dated ${new Date(published).toISOString()}, after the build clock (${new Date(now).toISOString()}).`,
      'Set postmortem_published when you publish it: the current time, not a future one.',
    );
  }
  if (incident.body.trim() === '') {
    report(
      path,
      'EmptyPostmortem',
      'postmortem_published is set but there is no postmortem text below the front matter.',
      'Write what happened and what will change below the closing "---", or remove postmortem_published.',
      { part: 'key' },
    );
  }
}

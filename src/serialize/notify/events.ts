import type { IncidentState, StatusState } from '../../domain/derive.ts';
import { parseLeadTime, type NotificationEvent } from '../../domain/notify-vocabulary.ts';
import type { NotificationChannel } from '../../domain/schema.ts';
import type { UpdateStatus } from '../../domain/vocabulary.ts';
import type { Permalinks } from '../../site/permalinks.ts';
import { publishedChanges } from '../feed-entries.ts';

/** One thing subscribers can be told: a published update, a window opening or closing, a reminder. */
export interface PublishedEvent {
  /**
   * Permanent ledger key: `<slug>#<anchor>`, the feeds' entry id without the site's origin (so
   * moving the site does not resend history). Reminders: `<slug>#reminder-<lead>`.
   */
  id: string;
  event: NotificationEvent;
  incident: IncidentState;
  /** Absolute link to the update's anchor on the site. */
  url: string;
  status: UpdateStatus;
  at: number;
  /** Markdown as the author wrote it (or our own sentence for windows and reminders). */
  message: string;
  /** The author's `notify: false` publishes without notifying. */
  quiet: boolean;
  nextUpdate: number | null;
  /** Reminders only: the `remind_before` span that fired it, e.g. `24h`. */
  lead?: string;
}

function eventFor(kind: 'incident' | 'maintenance', status: UpdateStatus): NotificationEvent {
  if (kind === 'incident') return 'incident_update';
  if (status === 'scheduled') return 'maintenance_announced';
  if (status === 'in_progress') return 'maintenance_started';
  if (status === 'completed') return 'maintenance_completed';
  return 'maintenance_update';
}

const updateAnchor = /^update-(\d+)$/;

/** Every event the site publishes at the build clock, in time order (ties by id). */
export function collectPublishedEvents(
  state: StatusState,
  links: Permalinks,
  channels: readonly NotificationChannel[],
): PublishedEvent[] {
  const leads = [...new Set(channels.flatMap((channel) => channel.remind_before))];
  const events: PublishedEvent[] = [];
  for (const incident of state.incidents) {
    const { slug, kind } = incident.incident;
    const page = links.incident(slug);
    for (const change of publishedChanges(incident, state.now, links)) {
      const index = updateAnchor.exec(change.anchor)?.[1];
      const update = index === undefined ? undefined : incident.incident.updates[Number(index) - 1];
      events.push({
        id: `${slug}#${change.anchor}`,
        event: eventFor(kind, change.status),
        incident,
        url: links.absolute(`${page}#${change.anchor}`),
        status: change.status,
        at: change.at,
        message: change.message,
        quiet: update?.notify === false,
        nextUpdate: update?.next_update ?? null,
      });
    }
    const window = incident.incident.window;
    if (kind !== 'maintenance' || !window || incident.status !== 'scheduled') continue;
    for (const lead of leads) {
      const at = window.start - parseLeadTime(lead);
      if (at > state.now) continue;
      events.push({
        id: `${slug}#reminder-${lead}`,
        event: 'maintenance_reminder',
        incident,
        url: links.absolute(page),
        status: 'scheduled',
        at,
        message: `Reminder: this maintenance starts in ${describeLead(lead)}.`,
        quiet: false,
        nextUpdate: null,
        lead,
      });
    }
  }
  return events.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

function describeLead(lead: string): string {
  const count = Number(lead.slice(0, -1));
  const unit = { m: 'minute', h: 'hour', d: 'day' }[lead.slice(-1) as 'm' | 'h' | 'd'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

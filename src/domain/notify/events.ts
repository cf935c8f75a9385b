import type { IncidentState, StatusState } from '../derive.ts';
import { pageStrings } from '../languages.ts';
import type { Permalinks } from '../permalinks.ts';
import type { NotificationChannel } from '../schema/index.ts';
import type { StatusSegment } from '../timeline.ts';
import { worseStatus, type ComponentStatus, type UpdateStatus } from '../vocabulary.ts';
import { staleAfterMs } from './ledger.ts';
import { publishedChanges } from './published-changes.ts';
import { parseLeadTime, type NotificationEvent } from './vocabulary.ts';

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
  /** `component_status` only: which component changed, from what to what. */
  component?: { id: string; from: ComponentStatus; to: ComponentStatus };
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
  const strings = pageStrings(state.page);
  const leadFormat = new Intl.DurationFormat(state.page.locale, { style: 'long' });
  for (const incident of state.incidents) {
    const { slug, kind } = incident.incident;
    const page = links.incident(slug);
    const pageUrl = links.absolute(page);
    for (const change of publishedChanges(incident, state.now, links, strings, state.page)) {
      const index = updateAnchor.exec(change.anchor)?.[1];
      const update = index === undefined ? undefined : incident.incident.updates[Number(index) - 1];
      events.push({
        id: `${slug}#${change.anchor}`,
        event: eventFor(kind, change.status),
        incident,
        url: `${pageUrl}#${change.anchor}`,
        status: change.status,
        at: change.at,
        message: change.message,
        quiet: update?.notify === false,
        nextUpdate: update?.next_update ?? null,
      });
    }
    const window = incident.incident.window;
    if (kind !== 'maintenance' || !window || incident.status !== 'scheduled') continue;
    // A reminder due before the maintenance was even announced would arrive first and with the
    // wrong lead ("starts in 24 hours" for a window two hours away): it is not sent.
    const announced = incident.incident.updates[0]?.at ?? window.start;
    for (const lead of leads) {
      const at = window.start - parseLeadTime(lead);
      if (at > state.now || at < announced) continue;
      events.push({
        id: `${slug}#reminder-${lead}`,
        event: 'maintenance_reminder',
        incident,
        url: pageUrl,
        status: 'scheduled',
        at,
        message: strings.reminderText(describeLead(lead, leadFormat)),
        quiet: false,
        nextUpdate: null,
        lead,
      });
    }
  }
  if (channels.some((channel) => channel.events?.includes('component_status')))
    events.push(...collectComponentEvents(state, links));
  // Code-unit order for ties: deterministic and much cheaper than localeCompare on 50,000 events.
  return events.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A component's status changes, as Statuspage's component webhook reports them: at each moment an
 * incident's segment for it starts or ends, if the component's overall (worst) status changed.
 * Id: `<slug>#component-<id>-<epoch ms>`, attributed to the incident whose segment moved.
 */
function collectComponentEvents(state: StatusState, links: Permalinks): PublishedEvent[] {
  // Older changes would only be recorded, never sent (see staleAfterMs): skip them, and the work.
  const since = state.now - staleAfterMs;
  const byComponent = new Map<string, StatusSegment[]>();
  for (const incident of state.incidents)
    for (const segment of incident.segments) {
      if (segment.end <= segment.start || segment.end < since) continue;
      const list = byComponent.get(segment.componentId);
      if (list) list.push(segment);
      else byComponent.set(segment.componentId, [segment]);
    }
  const statusAt = (id: string, instant: number) =>
    (byComponent.get(id) ?? [])
      .filter((segment) => segment.start <= instant && instant < segment.end)
      .reduce<ComponentStatus>((worst, segment) => worseStatus(worst, segment.status), 'operational');
  const events: PublishedEvent[] = [];
  const seen = new Set<string>();
  for (const incident of state.incidents) {
    const { slug } = incident.incident;
    for (const segment of incident.segments) {
      for (const at of [segment.start, segment.end]) {
        if (!Number.isFinite(at) || at > state.now || at < since || seen.has(`${segment.componentId}@${at}`)) continue;
        const from = statusAt(segment.componentId, at - 1);
        const to = statusAt(segment.componentId, at);
        if (from === to) continue;
        seen.add(`${segment.componentId}@${at}`);
        events.push({
          id: `${slug}#component-${segment.componentId}-${at}`,
          event: 'component_status',
          incident,
          url: links.absolute(links.component(segment.componentId)),
          status: incident.status,
          at,
          message: '',
          // A change made by a `notify: false` update stays quiet too.
          quiet: incident.incident.updates.some((update) => update.at === at && !update.notify),
          nextUpdate: null,
          component: { id: segment.componentId, from, to },
        });
      }
    }
  }
  return events;
}

/** `24h` → "24 hours", in the page's language. */
function describeLead(lead: string, format: Intl.DurationFormat): string {
  const count = Number(lead.slice(0, -1));
  const unit = ({ m: 'minutes', h: 'hours', d: 'days' } as const)[lead.slice(-1) as 'm' | 'h' | 'd'];
  return format.format({ [unit]: count });
}

import type { NotificationChannel } from '../schema/index.ts';
import type { PublishedEvent } from './events.ts';
import { channelLedger, claimTtlMs, staleAfterMs, type Ledger } from './ledger.ts';
import { defaultNotificationEvents } from './vocabulary.ts';

export interface ChannelPlan {
  channel: NotificationChannel;
  /** No ledger for this channel yet: record everything, send nothing (no flood of history). */
  firstRun: boolean;
  /** One message each, oldest first. */
  send: PublishedEvent[];
  /** Past the per-run cap: folded into one summary message after `send`. */
  overflow: PublishedEvent[];
  /** Recorded as done without a message: first run, `notify: false`, stale, or not matching the filters. */
  silent: string[];
}

/** Whether a channel wants this event at all (its component and event filters). */
export function channelWants(channel: NotificationChannel, event: PublishedEvent): boolean {
  // Listing reminder times without listing events asks for reminders on top of the defaults.
  const events =
    channel.events ??
    (channel.remind_before.length > 0
      ? [...defaultNotificationEvents, 'maintenance_reminder']
      : defaultNotificationEvents);
  if (!events.includes(event.event)) return false;
  if (event.event === 'maintenance_reminder' && !channel.remind_before.includes(event.lead ?? '')) return false;
  if (!channel.components) return true;
  const touched = event.component ? [event.component.id] : event.incident.componentIds;
  return touched.some((id) => channel.components!.includes(id));
}

/**
 * What to send: per channel, the published events the ledger has neither done nor claimed
 * (claims older than `claimTtlMs` are void). Pure; `events` in time order.
 */
export function planDeliveries(
  events: readonly PublishedEvent[],
  channels: readonly NotificationChannel[],
  ledger: Ledger,
  now: number,
  maxPerRun: number,
): ChannelPlan[] {
  return channels.map((channel) => {
    const entry = channelLedger(ledger, channel.id);
    if (!entry) return { channel, firstRun: true, send: [], overflow: [], silent: events.map((event) => event.id) };
    const done = new Set(entry.done);
    const claimed = new Set(
      Object.entries(entry.claims)
        .filter(([, at]) => now - Date.parse(at) < claimTtlMs)
        .map(([id]) => id),
    );
    const pending: PublishedEvent[] = [];
    const silent: string[] = [];
    for (const event of events) {
      if (done.has(event.id) || claimed.has(event.id)) continue;
      if (event.quiet || now - event.at > staleAfterMs || !channelWants(channel, event)) silent.push(event.id);
      else pending.push(event);
    }
    const fits = pending.length <= maxPerRun;
    return {
      channel,
      firstRun: false,
      send: fits ? pending : pending.slice(0, maxPerRun - 1),
      overflow: fits ? [] : pending.slice(maxPerRun - 1),
      silent,
    };
  });
}

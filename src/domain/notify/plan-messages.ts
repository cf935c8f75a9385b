import type { StatusState } from '../derive.ts';
import type { Permalinks } from '../permalinks.ts';
import type { NotificationChannel } from '../schema/index.ts';
import { collectPublishedEvents, type PublishedEvent } from './events.ts';
import { eventsIn, languageViews, type LanguageView } from './language-views.ts';
import type { Ledger } from './ledger.ts';
import { planDeliveries, type ChannelPlan } from './plan.ts';

/** The site as notifications see it: what it publishes at the build clock, and who listens. */
export interface NotifySite {
  state: StatusState;
  links: Permalinks;
  channels: readonly NotificationChannel[];
  /** `notifications.max_per_run`: past it, one summary message stands for the rest. */
  maxPerRun: number;
  /** Every published event, in the page's first language, in time order. */
  events: PublishedEvent[];
  /** The site in a channel's language, made once per language on first use. */
  viewOf: (channel: NotificationChannel) => LanguageView;
}

/** Collects the events once; language views follow on demand. */
export function notifySite(
  state: StatusState,
  links: Permalinks,
  notifications: { channels: readonly NotificationChannel[]; max_per_run: number },
): NotifySite {
  const { channels } = notifications;
  const events = collectPublishedEvents(state, links, channels);
  return {
    state,
    links,
    channels,
    maxPerRun: notifications.max_per_run,
    events,
    viewOf: languageViews(state, links, events, channels),
  };
}

/** One message a channel is sent, decided but not yet written: the ledger ids it stands for. */
export type PlannedMessage =
  | { kind: 'event'; event: PublishedEvent; ids: [string] }
  /** A burst past the per-run cap, told in one message. */
  | { kind: 'summary'; events: PublishedEvent[]; ids: string[] };

export interface ChannelMessages extends ChannelPlan {
  /** The site in the channel's language: what its messages are written from. */
  view: LanguageView;
  /** One per event, then a summary for the overflow; events in the channel's language. */
  messages: PlannedMessage[];
}

/**
 * Who is told what: per channel (all of `site.channels`, or `channels`), the messages for what
 * the ledger has neither done nor claimed, in the channel's language. Pure.
 */
export function planMessages(
  site: NotifySite,
  ledger: Ledger,
  now: number,
  channels: readonly NotificationChannel[] = site.channels,
): ChannelMessages[] {
  return planDeliveries(site.events, channels, ledger, now, site.maxPerRun).map((plan) => {
    const view = site.viewOf(plan.channel);
    const messages: PlannedMessage[] = eventsIn(view, plan.send).map((event) => ({
      kind: 'event',
      event,
      ids: [event.id],
    }));
    if (plan.overflow.length > 0)
      messages.push({
        kind: 'summary',
        events: eventsIn(view, plan.overflow),
        ids: plan.overflow.map((event) => event.id),
      });
    return { ...plan, view, messages };
  });
}

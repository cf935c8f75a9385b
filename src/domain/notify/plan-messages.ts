import { audienceOf, isVisibleTo } from '../audience.ts';
import type { StatusState } from '../derive.ts';
import type { Permalinks } from '../permalinks.ts';
import type { NotificationChannel } from '../schema/index.ts';
import { collectPublishedEvents, type PublishedEvent } from './events.ts';
import { eventsIn, languageViews, type LanguageView } from './language-views.ts';
import type { Ledger } from './ledger.ts';
import { planDeliveries, type ChannelPlan } from './plan.ts';
import type { AudienceView } from './audience-views.ts';

/** One audience's site as notifications see it: what it publishes at the build clock. */
export interface AudienceSite {
  state: StatusState;
  links: Permalinks;
  /** Every event this audience's site publishes, in the page's first language, in time order. */
  events: PublishedEvent[];
  /** The site in a channel's language, made once per language on first use. */
  viewOf: (channel: NotificationChannel) => LanguageView;
}

/** The sites as notifications see them, and who listens. */
export interface NotifySite {
  channels: readonly NotificationChannel[];
  /** `notifications.max_per_run`: past it, one summary message stands for the rest. */
  maxPerRun: number;
  /** The site of one audience (`public`, or one of `audiences`), made on first use. */
  audience: (name: string) => AudienceSite;
  /** The site of the channel's audience: all a channel may be told about, and its links. */
  forChannel: (channel: NotificationChannel) => AudienceSite;
}

/**
 * Collects each audience's events once, on first use; language views follow on demand.
 * `siteOf` gives an audience's derived site (see `audienceViews`).
 */
export function notifySite(
  siteOf: (audience: string) => AudienceView,
  notifications: { channels: readonly NotificationChannel[]; max_per_run: number },
): NotifySite {
  const { channels } = notifications;
  const sites = new Map<string, AudienceSite>();
  const audience = (name: string) => {
    let site = sites.get(name);
    if (!site) {
      const { state, links } = siteOf(name);
      // Reminder leads and component events are collected for the channels this audience's site keeps.
      const listening = channels.filter((channel) => isVisibleTo(channel, name));
      const events = collectPublishedEvents(state, links, listening);
      site = { state, links, events, viewOf: languageViews(state, links, events, listening) };
      sites.set(name, site);
    }
    return site;
  };
  return {
    channels,
    maxPerRun: notifications.max_per_run,
    audience,
    forChannel: (channel) => audience(audienceOf(channel)),
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
 * the ledger has neither done nor claimed, from the channel's audience's site, in the channel's
 * language. Pure.
 */
export function planMessages(
  site: NotifySite,
  ledger: Ledger,
  now: number,
  channels: readonly NotificationChannel[] = site.channels,
): ChannelMessages[] {
  return channels.map((channel) => {
    const { events, viewOf } = site.forChannel(channel);
    const [plan] = planDeliveries(events, [channel], ledger, now, site.maxPerRun) as [ChannelPlan];
    const view = viewOf(channel);
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

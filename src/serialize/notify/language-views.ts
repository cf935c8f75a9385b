import type { StatusState } from '../../domain/derive.ts';
import { pagePermalinks, type Permalinks } from '../../domain/permalinks.ts';
import type { NotificationChannel } from '../../domain/schema/index.ts';
import { stateInLanguage } from '../../domain/translated-text.ts';
import { collectPublishedEvents, type PublishedEvent } from './events.ts';
import { createMessageBuilder, type NotificationMessage } from './message.ts';
import type { ChannelPlan } from './plan.ts';

/** What a channel's messages are written from: the site in the channel's language. */
export interface LanguageView {
  state: StatusState;
  links: Permalinks;
  build: ReturnType<typeof createMessageBuilder>;
  /** The same events (same ids) with that language's text and links. */
  eventById: Map<string, PublishedEvent>;
}

/**
 * One view per language channels ask for (`language:`, default the page's first). Deliveries are
 * planned once, on the first language's `events`: ids are the same in every language, so a
 * channel's language never changes what counts as sent.
 */
export function languageViews(
  state: StatusState,
  links: Permalinks,
  events: readonly PublishedEvent[],
  channels: readonly NotificationChannel[],
): (channel: NotificationChannel) => LanguageView {
  const views = new Map<string, LanguageView>();
  const { page } = state;
  return (channel) => {
    const language = channel.language ?? page.languages[0]!;
    let view = views.get(language);
    if (!view) {
      const original = language === page.languages[0];
      const translated = original ? state : stateInLanguage(state, language);
      const translatedLinks = original ? links : pagePermalinks(translated.page);
      const translatedEvents = original ? events : collectPublishedEvents(translated, translatedLinks, channels);
      view = {
        state: translated,
        links: translatedLinks,
        build: createMessageBuilder(translated, translatedLinks),
        eventById: new Map(translatedEvents.map((event) => [event.id, event])),
      };
      views.set(language, view);
    }
    return view;
  };
}

/** `events` as the view's language tells them (the same ids). */
function eventsIn(view: LanguageView, events: readonly PublishedEvent[]): PublishedEvent[] {
  return events.map((event) => view.eventById.get(event.id) ?? event);
}

/** The messages one channel plan turns into: one per event, then a summary for the overflow. */
export function messagesOf(plan: ChannelPlan, view: LanguageView) {
  const messages: { message: NotificationMessage; ids: string[] }[] = eventsIn(view, plan.send).map((event) => ({
    message: view.build.fromEvent(event),
    ids: [event.id],
  }));
  if (plan.overflow.length > 0)
    messages.push({
      message: view.build.summary(eventsIn(view, plan.overflow)),
      ids: plan.overflow.map((event) => event.id),
    });
  return messages;
}

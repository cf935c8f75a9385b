import type { StatusState } from '../derive.ts';
import { pagePermalinks, type Permalinks } from '../permalinks.ts';
import type { NotificationChannel } from '../schema/index.ts';
import { stateInLanguage } from '../translated-text.ts';
import { collectPublishedEvents, type PublishedEvent } from './events.ts';

/** What a channel's messages are written from: the site in the channel's language. */
export interface LanguageView {
  state: StatusState;
  links: Permalinks;
  /** The same events (same ids) with that language's text and links. */
  eventById: Map<string, PublishedEvent>;
}

/**
 * One view per language channels ask for (`language:`, default the page's first), made on first
 * use. Deliveries are planned once, on the first language's `events`: ids are the same in every
 * language, so a channel's language never changes what counts as sent.
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
        eventById: new Map(translatedEvents.map((event) => [event.id, event])),
      };
      views.set(language, view);
    }
    return view;
  };
}

/** `events` as the view's language tells them (the same ids). */
export function eventsIn(view: LanguageView, events: readonly PublishedEvent[]): PublishedEvent[] {
  return events.map((event) => view.eventById.get(event.id) ?? event);
}

import type { StatusState } from './derive.ts';
import { pageInLanguage } from './languages.ts';
import type { Component, Incident, Update } from './schema/index.ts';

/** Author text in the language a page asked for, or the original when it has no translation. */
export interface TranslatedText {
  text: string;
  /**
   * The language the text is really in when it is not the page's (a fallback to the original),
   * for a `lang` attribute so screen readers switch voice. Undefined when it is the page's.
   */
  lang: string | undefined;
}

function pick(
  original: string,
  translated: string | undefined,
  language: string,
  originalLanguage: string,
): TranslatedText {
  if (language === originalLanguage) return { text: original, lang: undefined };
  if (translated !== undefined) return { text: translated, lang: undefined };
  return { text: original, lang: originalLanguage };
}

/** An update's message in `language`; authors write `message` in the page's first language. */
export function updateMessageIn(
  update: Pick<Update, 'message' | 'translations'>,
  language: string,
  originalLanguage: string,
): TranslatedText {
  return pick(update.message, update.translations[language], language, originalLanguage);
}

export function incidentTitleIn(
  incident: Pick<Incident, 'title' | 'translations'>,
  language: string,
  originalLanguage: string,
): TranslatedText {
  return pick(incident.title, incident.translations[language]?.title, language, originalLanguage);
}

/** The postmortem (the markdown below the front matter) in `language`. */
export function postmortemIn(
  incident: Pick<Incident, 'body' | 'translations'>,
  language: string,
  originalLanguage: string,
): TranslatedText {
  return pick(incident.body, incident.translations[language]?.postmortem, language, originalLanguage);
}

/**
 * The derived state as one of the page's languages reads it: that language's page settings, and
 * every incident's title, messages and postmortem in that language where the author translated
 * them. Statuses, times and ids are the same in every language.
 */
export function stateInLanguage(state: StatusState, language: string): StatusState {
  const original = state.page.languages[0]!;
  const page = pageInLanguage(state.page, language);
  if (language === original) return { ...state, page };
  const incidents = state.incidents.map((incidentState) => {
    const { incident } = incidentState;
    const updates = incident.updates.map((update) => ({
      ...update,
      message: updateMessageIn(update, language, original).text,
    }));
    const latestIndex = incidentState.latestUpdate ? incident.updates.indexOf(incidentState.latestUpdate) : -1;
    return {
      ...incidentState,
      incident: {
        ...incident,
        title: incidentTitleIn(incident, language, original).text,
        body: postmortemIn(incident, language, original).text,
        updates,
      },
      latestUpdate: latestIndex === -1 ? incidentState.latestUpdate : updates[latestIndex],
    };
  });
  const components = state.components.map((entry) => ({ ...entry, component: namedIn(entry.component, language) }));
  const componentById = new Map(components.map((entry) => [entry.component.id, entry]));
  const groups = state.groups.map((entry) => ({
    ...entry,
    group: entry.group && namedIn(entry.group, language),
    components: entry.components.map((member) => componentById.get(member.component.id) ?? member),
  }));
  return {
    ...state,
    page,
    components,
    groups,
    incidents,
    bySlug: new Map(incidents.map((entry) => [entry.incident.slug, entry])),
  };
}

/** A component or group with its name and description in `language`, where translated. */
function namedIn<Item extends Pick<Component, 'name' | 'description' | 'translations'>>(
  item: Item,
  language: string,
): Item {
  const translated = item.translations[language];
  if (!translated) return item;
  return { ...item, name: translated.name ?? item.name, description: translated.description ?? item.description };
}

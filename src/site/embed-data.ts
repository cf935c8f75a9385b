import type { IncidentState, StatusState } from '../domain/derive.ts';
import { pageTable, textDirection } from '../domain/languages.ts';
import type { Plural } from '../domain/strings.ts';
import { flattenToLine, truncate, withoutIllegalCharacters } from '../domain/text-safety.ts';
import { impacts, type UpdateStatus } from '../domain/vocabulary.ts';
import type { IncidentView, SiteModel } from './views.ts';
import { markdownToText } from '../serialize/plain-text.ts';
import { apiIncidentId, apiUpdateId } from '../serialize/statuspage-ids.ts';

/** embed.json stays under this many bytes at any history (see `renderEmbedData`). */
export const embedBudgetBytes = 2048;
/** Items listed in full; the notice shows one and counts the rest. */
export const embedItemLimit = 5;
/** The latest update's first sentence is cut (between graphemes, with `…`) past this many UTF-16 units. */
const sentenceLimit = 160;

/** One open incident or maintenance as the notice shows it. */
export interface EmbedItem {
  /** The latest update's id (the API's), or the incident's for a maintenance no one has posted to: dismissal keys on it. */
  id: string;
  kind: 'incident' | 'maintenance';
  /** The full title: the notice wraps it, never cuts it. */
  title: string;
  /** The incident on the status page, a path from the site's root. */
  url: string;
  /** The status an update set; absent for a maintenance whose window decides it (the script works it out). */
  status?: UpdateStatus;
  /** The latest update's first sentence, as plain text. */
  text: string;
  /** When the latest update was posted, ISO 8601. */
  at?: string;
  /** A maintenance's window, ISO 8601. */
  window?: { start: string; end: string };
  /** Component ids it touches, for `data-components`. */
  components: string[];
}

/** What the embeddable notice (embed.js) reads: one language's open incidents and maintenance, and its words. */
export interface EmbedData {
  lang: string;
  locale: string;
  dir: 'ltr' | 'rtl';
  /** The status page in this language, a path from the site's root. */
  home: string;
  strings: { dismiss: string; more: Plural; status: Record<UpdateStatus, string> };
  items: EmbedItem[];
  /** Open incidents and maintenance in progress left out to stay within budget. */
  more: number;
}

/** The first sentence of an update's message, as plain text on one line. */
function firstSentence(message: string, locale: string): string {
  const text = flattenToLine(markdownToText(message)).trim();
  const first = new Intl.Segmenter(locale, { granularity: 'sentence' }).segment(text)[Symbol.iterator]().next();
  return truncate(first.done ? '' : first.value.segment.trim(), sentenceLimit);
}

function embedItem(view: IncidentView, state: IncidentState, locale: string): EmbedItem {
  const { incident, latestUpdate } = state;
  const index = latestUpdate ? incident.updates.indexOf(latestUpdate) : -1;
  const window = incident.kind === 'maintenance' ? incident.window : undefined;
  return {
    id: index === -1 ? apiIncidentId(incident) : apiUpdateId(incident, index),
    kind: incident.kind,
    title: incident.title,
    url: view.url,
    // A maintenance that follows its window moves from "Scheduled" to "In Progress" to gone by itself.
    ...(view.statusByWindow ? {} : { status: view.status }),
    text: latestUpdate ? firstSentence(latestUpdate.message, locale) : '',
    ...(latestUpdate ? { at: new Date(latestUpdate.at).toISOString() } : {}),
    ...(window
      ? { window: { start: new Date(window.start).toISOString(), end: new Date(window.end).toISOString() } }
      : {}),
    components: state.componentIds,
  };
}

const serialize = (data: EmbedData) => JSON.stringify(data, withoutIllegalCharacters);
const byteLength = (text: string) => new TextEncoder().encode(text).length;
/** Room kept for `more`, filled in once the list is settled. */
const countRoom = 8;

/**
 * embed.json for one language: open incidents (worst impact first, then newest), maintenance in
 * progress, then upcoming maintenance (soonest first) with their windows, so the script itself
 * shows one from an hour before it starts and drops it when it ends: the file does not change
 * with the clock and needs no rebuild of its own. At most `embedItemLimit` items and
 * `embedBudgetBytes` bytes whatever the history; open ones left out are counted in `more`.
 */
export function renderEmbedData(state: StatusState, model: SiteModel): string {
  const { page } = state;
  const table = pageTable(page);
  const rank = (view: IncidentView) => impacts.indexOf(state.bySlug.get(view.slug)!.impact);
  const incidents = [...model.activeIncidents].sort((a, b) => rank(b) - rank(a));
  const candidates = [...incidents, ...model.maintenance.active, ...model.maintenance.upcoming];
  const data: EmbedData = {
    lang: page.language,
    locale: page.locale,
    dir: textDirection(page.language),
    home: model.links.home(),
    strings: { dismiss: table.dismissNotice, more: table.moreIncidents, status: table.updateStatus },
    items: [],
    more: 0,
  };
  const open = incidents.length + model.maintenance.active.length;
  for (const view of candidates) {
    if (data.items.length === embedItemLimit) break;
    const item = embedItem(view, state.bySlug.get(view.slug)!, page.locale);
    data.items.push(item);
    if (data.items.length > 1 && byteLength(serialize(data)) > embedBudgetBytes - countRoom) {
      data.items.pop();
      break;
    }
  }
  data.more = Math.max(0, open - data.items.length);
  return serialize(data);
}

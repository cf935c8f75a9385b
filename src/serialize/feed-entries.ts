import type { IncidentState, StatusState } from '../domain/derive.ts';
import { impactAt, maintenanceStatusAt } from '../domain/timeline.ts';
import type { UpdateStatus } from '../domain/vocabulary.ts';
import type { Permalinks } from '../domain/permalinks.ts';
import type { Strings } from '../domain/strings.ts';
import { directionWithin, pageStrings } from '../domain/languages.ts';
import { renderMarkdown } from './markdown.ts';
import { markdownToText } from './plain-text.ts';
import { postmortemIn, updateMessageIn } from '../domain/translated-text.ts';
import { escapeHtml } from '../domain/text-safety.ts';

/** One published status change: a feed item. */
export interface FeedEntry {
  /** Permanent: the absolute URL of the update's anchor, unchanged when later updates arrive. */
  id: string;
  url: string;
  title: string;
  date: number;
  html: string;
  /** The message as plain text, for feed summaries. */
  text: string;
  /** The language of the message when it is the untranslated original (see RawEntry). */
  lang: string | undefined;
  slug: string;
  componentIds: string[];
}

export interface RawEntry {
  anchor: string;
  /** The label in the title: an update status, or the postmortem. */
  label: string;
  /** The incident's status this entry announces (a postmortem follows the resolving update). */
  status: UpdateStatus;
  at: number;
  message: string;
  /** The language of `message` when it is the untranslated original on another language's page; else undefined. */
  lang?: string | undefined;
}

/** Explicit updates, a maintenance window opening or closing on its own, and a published postmortem. */
export function publishedChanges(
  state: IncidentState,
  now: number,
  links: Permalinks,
  strings: Strings,
  page: { language: string; languages: readonly string[] },
): RawEntry[] {
  const { incident } = state;
  const label = (status: UpdateStatus) => strings.updateStatus[status];
  const [original] = page.languages;
  const entries: RawEntry[] = incident.updates
    .map((update, index) => ({
      anchor: links.updateAnchor(index),
      label: label(update.status),
      status: update.status,
      at: update.at,
      message: update.message,
      lang: updateMessageIn(update, page.language, original!).lang,
    }))
    .filter((entry) => entry.at <= now);
  if (state.postmortemAt !== null)
    entries.push({
      anchor: 'postmortem',
      label: strings.postmortem,
      status: 'resolved',
      at: state.postmortemAt,
      message: incident.body,
      lang: postmortemIn(incident, page.language, original!).lang,
    });
  if (incident.kind === 'maintenance' && incident.window) {
    for (const [anchor, at] of [
      ['window-start', incident.window.start],
      ['window-end', incident.window.end],
    ] as const) {
      if (at > now) continue;
      const fromWindow = incident.updates.every((update) => update.at > at || update.status === 'scheduled');
      if (!fromWindow) continue;
      const status = maintenanceStatusAt(incident, at);
      const message = status === 'completed' ? strings.windowEnded : strings.windowStarted;
      entries.push({ anchor, label: label(status), status, at, message });
    }
  }
  return entries;
}

/** Every feed entry of the page (or of one component), newest first, at most `limit`. */
export function collectFeedEntries(
  state: StatusState,
  links: Permalinks,
  options: { componentId?: string; limit: number },
): FeedEntry[] {
  const strings = pageStrings(state.page);
  const names = new Map(state.components.map((component) => [component.component.id, component.component.name]));
  const candidates: { state: IncidentState; entry: RawEntry }[] = [];
  for (const incident of state.incidents) {
    if (options.componentId && !incident.componentIds.includes(options.componentId)) continue;
    for (const entry of publishedChanges(incident, state.now, links, strings, state.page))
      candidates.push({ state: incident, entry });
  }
  candidates.sort(
    (a, b) =>
      b.entry.at - a.entry.at ||
      a.state.incident.slug.localeCompare(b.state.incident.slug) ||
      b.entry.anchor.localeCompare(a.entry.anchor),
  );
  return candidates.slice(0, options.limit).map(({ state: incident, entry }) => {
    const url = links.absolute(`${links.incident(incident.incident.slug)}#${entry.anchor}`);
    const affected = incident.componentIds.flatMap((id) => names.get(id) ?? []).join(', ');
    // The impact when the entry was published: an escalation shows from its update on.
    const impact =
      incident.incident.kind === 'maintenance'
        ? strings.maintenance
        : strings.impact[impactAt(incident.incident, entry.at)];
    return {
      id: url,
      url,
      title: `[${entry.label}] ${incident.incident.title}`,
      date: entry.at,
      html: `${entry.lang ? `<div ${originalAttributes(entry.lang, state.page.language)}>${renderMarkdown(entry.message)}</div>` : renderMarkdown(entry.message)}${impactLine(strings, impact, affected)}`,
      text: markdownToText(entry.message),
      lang: entry.lang,
      slug: incident.incident.slug,
      componentIds: incident.componentIds,
    };
  });
}

/** The impact and affected components under an entry's message. Every word is the operator's or the author's: text, never markup. */
function impactLine(strings: Strings, impact: string, affected: string): string {
  const label = (text: string) => `<strong>${escapeHtml(text)}:</strong>`;
  return `<p>${label(strings.impactLabel)} ${escapeHtml(impact)}${affected ? ` · ${label(strings.affected)} ${escapeHtml(affected)}` : ''}</p>`;
}

/** `lang` (and `dir` where the direction differs from the feed's) of an untranslated original. */
function originalAttributes(lang: string, feedLanguage: string): string {
  const dir = directionWithin(lang, feedLanguage);
  return `lang="${escapeHtml(lang)}"${dir ? ` dir="${dir}"` : ''}`;
}

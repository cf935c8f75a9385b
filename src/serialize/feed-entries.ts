import type { IncidentState, StatusState } from '../domain/derive.ts';
import { impactAt } from '../domain/timeline.ts';
import type { Permalinks } from '../domain/permalinks.ts';
import type { Strings } from '../domain/strings.ts';
import { directionWithin, pageStrings } from '../domain/languages.ts';
import { renderMarkdown } from './markdown.ts';
import { markdownToText } from './plain-text.ts';
import { escapeHtml } from '../domain/text-safety.ts';
import { publishedChanges, type RawEntry } from '../domain/notify/published-changes.ts';

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

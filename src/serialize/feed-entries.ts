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

interface Candidate {
  state: IncidentState;
  entry: RawEntry;
  /** The feed item, made when a feed first lists it and shared by every feed (and format) that does. */
  feedEntry?: FeedEntry;
}

interface OrderedChanges {
  links: Permalinks;
  candidates: Candidate[];
}

/**
 * Every published change of a state, newest first, collected and sorted once and shared by all
 * feeds of the build: the page's and each component's, in three formats each (issue 26). The order
 * is total (time, slug, anchor), so a component's feed, filtered from it, is ordered as if sorted alone.
 */
const orderedByState = new WeakMap<StatusState, OrderedChanges>();

function orderedChanges(state: StatusState, links: Permalinks): Candidate[] {
  const cached = orderedByState.get(state);
  if (cached?.links === links) return cached.candidates;
  const strings = pageStrings(state.page);
  const candidates: Candidate[] = [];
  for (const incident of state.incidents) {
    for (const entry of publishedChanges(incident, state.now, links, strings, state.page))
      candidates.push({ state: incident, entry });
  }
  candidates.sort(
    (a, b) =>
      b.entry.at - a.entry.at ||
      a.state.incident.slug.localeCompare(b.state.incident.slug) ||
      b.entry.anchor.localeCompare(a.entry.anchor),
  );
  orderedByState.set(state, { links, candidates });
  return candidates;
}

/** Every feed entry of the page (or of one component), newest first, at most `limit`. */
export function collectFeedEntries(
  state: StatusState,
  links: Permalinks,
  options: { componentId?: string | undefined; limit: number },
): FeedEntry[] {
  const picked: FeedEntry[] = [];
  if (options.limit <= 0) return picked;
  const strings = pageStrings(state.page);
  let names: Map<string, string> | undefined;
  for (const candidate of orderedChanges(state, links)) {
    if (options.componentId && !candidate.state.componentIds.includes(options.componentId)) continue;
    names ??= new Map(state.components.map((component) => [component.component.id, component.component.name]));
    picked.push((candidate.feedEntry ??= feedEntry(state, links, strings, names, candidate)));
    if (picked.length === options.limit) break;
  }
  return picked;
}

function feedEntry(
  state: StatusState,
  links: Permalinks,
  strings: Strings,
  names: Map<string, string>,
  { state: incident, entry }: Candidate,
): FeedEntry {
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

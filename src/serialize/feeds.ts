import { getRssString } from '@astrojs/rss';
import { pageStrings } from '../domain/languages.ts';
import { Feed } from 'feed';
import type { StatusState } from '../domain/derive.ts';
import type { FeedKind } from '../domain/permalinks.ts';
import type { Permalinks } from '../domain/permalinks.ts';
import { collectFeedEntries, type FeedEntry } from './feed-entries.ts';
import { escapeHtml, stripIllegalXmlCharacters, withoutIllegalCharacters } from '../domain/text-safety.ts';

export interface FeedContext {
  state: StatusState;
  links: Permalinks;
  /** Limits the feed to one component's incidents. */
  component?: { id: string; name: string } | undefined;
}

interface FeedParts {
  title: string;
  description: string;
  homeUrl: string;
  selfUrl: (kind: FeedKind) => string;
  entries: FeedEntry[];
  /** Newest entry, or the build clock for an empty feed: deterministic for a given clock. */
  updated: Date;
}

/**
 * The neutral model of one feed, built once and rendered in each of the three formats (issue 26):
 * per state, per set of links, per component (or the page's own feed).
 */
const partsByState = new WeakMap<StatusState, WeakMap<Permalinks, Map<string, FeedParts>>>();

function feedParts(context: FeedContext): FeedParts {
  const { state, links, component } = context;
  let byLinks = partsByState.get(state);
  if (!byLinks) partsByState.set(state, (byLinks = new WeakMap()));
  let byComponent = byLinks.get(links);
  if (!byComponent) byLinks.set(links, (byComponent = new Map<string, FeedParts>()));
  const key = component ? `${component.id}\n${component.name}` : '';
  let parts = byComponent.get(key);
  if (!parts) byComponent.set(key, (parts = buildFeedParts(context)));
  return parts;
}

function buildFeedParts({ state, links, component }: FeedContext): FeedParts {
  const entries = collectFeedEntries(state, links, { componentId: component?.id, limit: state.page.feed_entries });
  const strings = pageStrings(state.page);
  return {
    title: component ? `${component.name} · ${state.page.name}` : state.page.name,
    description: component
      ? strings.componentFeedDescription(component.name)
      : state.page.description || strings.feedDescription(state.page.name),
    homeUrl: links.absolute(component ? links.component(component.id) : links.home()),
    selfUrl: (kind) => links.absolute(links.feed(kind, component?.id)),
    entries,
    updated: new Date(entries[0]?.date ?? state.now),
  };
}

/**
 * Titles and names are plain text. RSS `<title>` is plain text by the spec,
 * but readers render `<description>` (channel and item) as HTML, so those
 * carry the text HTML-escaped, then XML-escaped by the builder.
 */
export async function renderRss(context: FeedContext): Promise<string> {
  const parts = feedParts(context);
  const rss = await getRssString({
    title: parts.title,
    description: escapeHtml(parts.description),
    site: parts.homeUrl,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData:
      `<language>${escapeHtml(context.state.page.language)}</language>` +
      `<lastBuildDate>${parts.updated.toUTCString()}</lastBuildDate>` +
      `<atom:link href="${escapeHtml(parts.selfUrl('rss'))}" rel="self" type="application/rss+xml"/>`,
    items: parts.entries.map((entry) => ({
      title: entry.title,
      link: entry.url,
      pubDate: new Date(entry.date),
      content: entry.html,
      description: textAsHtml(entry.text),
    })),
  });
  return stripIllegalXmlCharacters(rss);
}

/**

 * RSS descriptions and Atom summaries are read as HTML: the plain text is
 * escaped so that text such as a quoted `<script>` stays text, and its line
 * breaks are kept. JSON Feed's `summary` is plain text and gets it as is.
 */
function textAsHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

/**
 * `feed` writes every Atom entry title as `type="html"`, so for Atom the
 * plain-text title goes in HTML-escaped; JSON Feed titles are plain text.
 */
function buildFeed(context: FeedContext, format: 'atom' | 'json', parts = feedParts(context)): Feed {
  const feed = new Feed({
    id: parts.homeUrl,
    title: parts.title,
    description: parts.description,
    link: parts.homeUrl,
    language: context.state.page.language,
    updated: parts.updated,
    generator: 'Statusmark',
    copyright: context.state.page.name,
    feedLinks: { atom: parts.selfUrl('atom'), json: parts.selfUrl('json') },
  });
  for (const entry of parts.entries) {
    feed.addItem({
      id: entry.id,
      title: format === 'atom' ? escapeHtml(entry.title) : entry.title,
      link: entry.url,
      date: new Date(entry.date),
      published: new Date(entry.date),
      description: textAsHtml(entry.text),
      content: entry.html,
    });
  }
  return feed;
}

export function renderAtom(context: FeedContext): string {
  return stripIllegalXmlCharacters(buildFeed(context, 'atom').atom1());
}

/** `feed` writes JSON Feed 1.0; the 1.1 changes we need are the version and `language`. */
export function renderJsonFeed(context: FeedContext): string {
  const parts = feedParts(context);
  const feed = JSON.parse(buildFeed(context, 'json', parts).json1()) as { items?: Record<string, unknown>[] };
  // JSON Feed 1.1 gives an item its own `language` when it is not the feed's (an untranslated original).
  const items = feed.items?.map((item, index) => {
    const entry = parts.entries[index]!;
    return { ...item, summary: entry.text, ...(entry.lang && { language: entry.lang }) };
  });
  return JSON.stringify(
    {
      ...feed,
      ...(items && { items }),
      version: 'https://jsonfeed.org/version/1.1',
      language: context.state.page.language,
    },
    withoutIllegalCharacters,
  );
}

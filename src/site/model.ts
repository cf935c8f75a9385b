import type { ComponentState, IncidentState, StatusState } from '../domain/derive.ts';
import { groupDayRuns, type DayCell, type DayStatus } from '../domain/days.ts';
import type { Component, Page } from '../domain/schema/index.ts';
import { impactAfter } from '../domain/timeline.ts';
import { componentStatuses, type ComponentStatus, type UpdateStatus } from '../domain/vocabulary.ts';
import { renderMarkdown } from '../serialize/markdown.ts';
import { createDateFormat, type DateFormat } from '../domain/date-format.ts';
import { pagePermalinks, type Permalinks } from '../domain/permalinks.ts';
import { english, type Strings } from '../domain/strings.ts';
import { directionWithin, languageFolder, languageName, pageStrings } from '../domain/languages.ts';
import { collectFeedEntries } from '../serialize/feed-entries.ts';
import { incidentTitleIn, postmortemIn, updateMessageIn, type TranslatedText } from '../domain/translated-text.ts';

export const componentPageSize = 25;
export const pastIncidentDays = 7;
/** Incidents listed for one day in a component's days with incidents; the rest are linked. Keeps pages the same size however long the history. */
export const dayIncidentLimit = 3;
export const pastDayIncidentLimit = 5;
/** Past maintenance on /maintenance/; older ones are in the history. */
export const pastMaintenanceLimit = 25;

export type FeedKind = 'rss' | 'atom' | 'json';

export interface FeedLinkView {
  kind: FeedKind;
  /** Media type for `<link rel="alternate" type>`. */
  type: string;
  label: string;
  url: string;
}

/** Everything the "Subscribe to updates" menu offers. */
export interface SubscribeView {
  feeds: FeedLinkView[];
  calendar: { url: string; webcal: string };
  /** What to paste into Slack, e.g. `/feed subscribe https://status.acme.com/rss.xml`. */
  slackCommand: string;
  /** `page.subscribe_email_url`, when set. */
  emailUrl: string | undefined;
}

/** Open Graph and Twitter card text and image for one page. */
export interface PreviewView {
  title: string;
  description: string;
  /** Absolute URL of a 1200×630 PNG. */
  image: string;
  imageAlt: string;
}

export type IconFile = 'favicon.svg' | 'favicon-32x32.png' | 'apple-touch-icon.png';
export const iconFiles: readonly IconFile[] = ['favicon.svg', 'favicon-32x32.png', 'apple-touch-icon.png'];

/** What the operator's public/ folder supplies, and what the build generates instead. */
export interface AssetsView {
  /** `public/custom.css`, linked after the built-in styles when present. */
  customCss: string | undefined;
  /** Status icons to generate: those public/ does not supply. */
  generatedIcons: IconFile[];
  icons: { svg: string; png: string; appleTouch: string };
}

export interface SiteModelOptions {
  /** Top-level file names in the content root's public/ folder. */
  publicFiles?: readonly string[];
  /** When the next scheduled rebuild is due (epoch ms); the page's staleness notice counts from it. Default: the build clock. */
  rebuildDue?: number;
}

/** One of the page's languages, for `hreflang` links and the language switcher. */
export interface LanguageLinkView {
  /** BCP 47 tag, for `hreflang` and `lang`. */
  tag: string;
  /** The language's name in itself: `Deutsch`, `English`. */
  name: string;
  /** The same page in that language. */
  url: string;
  absolute: string;
  current: boolean;
}

export interface LinkView {
  title: string;
  url: string;
  /** The language of `title` when it is an untranslated incident title; else undefined. */
  lang?: string | undefined;
  /** The direction of `title` when it differs from the page's (see `directionWithin`); else undefined. */
  dir?: 'ltr' | 'rtl' | undefined;
}

export interface TimeView {
  /** ISO 8601 for `<time datetime>`. */
  iso: string;
  text: string;
}

export interface UpdateView {
  anchor: string;
  url: string;
  status: UpdateStatus;
  label: string;
  at: TimeView;
  html: string;
  /** The language of `html` when it is the original, untranslated (see translated-text.ts); else undefined. */
  lang: string | undefined;
  /** The direction of `html` when it differs from the page's (see `directionWithin`); else undefined. */
  dir: 'ltr' | 'rtl' | undefined;
  /** Set when this update changed the incident's impact, e.g. "Impact changed to Critical impact". */
  impactChange: string | undefined;
}

export interface IncidentView {
  slug: string;
  kind: 'incident' | 'maintenance';
  title: string;
  /** The language of `title` when it is the untranslated original; else undefined (the page's). */
  titleLang: string | undefined;
  /** The direction of `title` when it differs from the page's; else undefined. */
  titleDir: 'ltr' | 'rtl' | undefined;
  url: string;
  status: UpdateStatus;
  statusLabel: string;
  impact: string;
  impactLabel: string;
  active: boolean;
  started: TimeView;
  resolved: TimeView | undefined;
  duration: string | undefined;
  window: { start: TimeView; end: TimeView } | undefined;
  affected: LinkView[];
  /** Newest first. */
  updates: UpdateView[];
  latest: UpdateView | undefined;
  latestAgo: string | undefined;
  /**
   * A maintenance whose status follows its window (no update has set one): the
   * window as ISO times, so the page can move "Scheduled" on by itself.
   */
  statusByWindow: { start: string; end: string } | undefined;
  nextUpdate: TimeView | undefined;
  /** When the postmortem (the body) was published, once the build clock has reached it. */
  postmortem: TimeView | undefined;
  bodyHtml: string;
  /** The language of `bodyHtml` when it is the untranslated original; else undefined. */
  bodyLang: string | undefined;
  /** The direction of `bodyHtml` when it differs from the page's; else undefined. */
  bodyDir: 'ltr' | 'rtl' | undefined;
  /** Link-preview text; `image` is this incident's card when it has one, else the page's banner. */
  preview: PreviewView;
}

export interface CellView {
  date: string;
  label: string;
  status: DayStatus;
  /** The day's `id` in the component page's list of days with incidents, e.g. `day-2026-11-22`. */
  anchor: string;
  /** That day on the component page. */
  url: string;
  /** At most `dayIncidentLimit`. */
  incidents: LinkView[];
  /** How many more incidents touched the day, listed in that month's history. */
  more: number;
  moreUrl: string;
}

/**
 * A 90-day bar drawn as one SVG path per status (x = day index, one unit a
 * day), so it costs a handful of elements however many days had incidents.
 */
export interface BarView {
  days: number;
  /** The one sentence a screen reader hears for the whole bar. */
  summary: string;
  /** Only statuses that occur, each a path of horizontal runs `M{first day} 5h{days}`. */
  paths: { status: DayStatus; d: string }[];
}

export interface ComponentView {
  id: string;
  name: string;
  description: string | undefined;
  url: string;
  status: ComponentStatus;
  statusLabel: string;
  retired: boolean;
  cells: CellView[];
  bar: BarView;
  /** The component page's list of days with incidents, where a home-page bar leads. */
  daysUrl: string;
  /** Days with incidents, newest first: the bar's details, listed on the component page. */
  incidentDays: CellView[];
  uptime30: string;
  uptime90: string;
  incidentSlugs: string[];
  /** This component's own feeds. */
  feeds: FeedLinkView[];
  slackCommand: string;
}

export interface GroupView {
  id: string | undefined;
  name: string;
  description: string | undefined;
  status: ComponentStatus;
  statusLabel: string;
  components: ComponentView[];
}

export interface DayView {
  date: string;
  label: string;
  /** At most `pastDayIncidentLimit`. */
  incidents: IncidentView[];
  more: number;
  moreUrl: string;
}

export interface MonthView {
  month: string;
  label: string;
  url: string;
  incidents: IncidentView[];
}

export interface SiteModel {
  page: Page;
  links: Permalinks;
  strings: Strings;
  format: DateFormat;
  builtAt: TimeView;
  /** ISO 8601: when the next rebuild is due (see next-change.ts). */
  rebuildDue: string;
  overall: StatusState['overall'];
  incidents: IncidentView[];
  incidentBySlug: Map<string, IncidentView>;
  activeIncidents: IncidentView[];
  maintenance: { active: IncidentView[]; upcoming: IncidentView[]; past: IncidentView[] };
  groups: GroupView[];
  components: ComponentView[];
  pastDays: DayView[];
  months: MonthView[];
  subscribe: SubscribeView;
  assets: AssetsView;
  /** Home and every page without its own card: the overall status. */
  preview: PreviewView;
  /**
   * The page at `path` (one of this language's links) in every language of the page, the current
   * one included; empty when the page has one language.
   */
  alternates: (path: string) => LanguageLinkView[];
  /**
   * Incidents that get their own link-preview card: the ones the home page and
   * the page's feeds show (active, upcoming, recent days, latest feed entries),
   * so build time does not grow with the whole history.
   */
  previewSlugs: ReadonlySet<string>;
}

const feedKinds: { kind: FeedKind; type: string; label: 'rss' | 'atom' | 'jsonFeed' }[] = [
  { kind: 'rss', type: 'application/rss+xml', label: 'rss' },
  { kind: 'atom', type: 'application/atom+xml', label: 'atom' },
  { kind: 'json', type: 'application/feed+json', label: 'jsonFeed' },
];

function feedLinks(strings: Strings, links: Permalinks, componentId?: string): FeedLinkView[] {
  return feedKinds.map(({ kind, type, label }) => ({
    kind,
    type,
    label: strings[label],
    url: links.feed(kind, componentId),
  }));
}

function slackCommand(links: Permalinks, componentId?: string): string {
  return `/feed subscribe ${links.absolute(links.feed('rss', componentId))}`;
}

function timeView(format: DateFormat, instant: number): TimeView {
  return { iso: new Date(instant).toISOString(), text: format.dateTime(instant) };
}

/** The timeline note of an update that changed the impact (an escalation or de-escalation). */
function impactChangeAt(strings: Strings, state: IncidentState, index: number): string | undefined {
  const { incident } = state;
  if (incident.kind !== 'incident' || incident.updates[index]!.impact === undefined) return undefined;
  const before = impactAfter(incident, index);
  const after = impactAfter(incident, index + 1);
  return before === after ? undefined : strings.impactChanged(strings.impact[before], strings.impact[after]);
}

function incidentView(
  strings: Strings,
  state: IncidentState,
  now: number,
  links: Permalinks,
  format: DateFormat,
  names: Map<string, Component>,
  previewSlugs: () => ReadonlySet<string>,
  language: { current: string; original: string },
): IncidentView {
  const { incident } = state;
  const fallback = (text: TranslatedText) => text.lang;
  const direction = (text: TranslatedText) => directionWithin(text.lang, language.current);
  const title = incidentTitleIn(incident, language.current, language.original);
  const body = postmortemIn(incident, language.current, language.original);
  let updates: UpdateView[] | undefined;
  let bodyHtml: string | undefined;
  const renderUpdates = () =>
    (updates ??= incident.updates
      .map((update, index) => {
        const message = updateMessageIn(update, language.current, language.original);
        return {
          anchor: links.updateAnchor(index),
          url: links.update(incident.slug, index),
          status: update.status,
          label: strings.updateStatus[update.status],
          at: timeView(format, update.at),
          html: renderMarkdown(update.message),
          lang: fallback(message),
          dir: direction(message),
          impactChange: impactChangeAt(strings, state, index),
        };
      })
      .filter((_, index) => incident.updates[index]!.at <= now)
      .reverse());
  const latestUpdate = state.latestUpdate;
  const maintenance = incident.kind === 'maintenance';
  const end = state.resolvedAt ?? (state.active ? now : undefined);
  return {
    slug: incident.slug,
    kind: incident.kind,
    title: incident.title,
    titleLang: fallback(title),
    titleDir: direction(title),
    url: links.incident(incident.slug),
    status: state.status,
    statusLabel: strings.updateStatus[state.status],
    impact: maintenance ? 'maintenance' : state.impact,
    impactLabel: maintenance ? strings.componentStatus.under_maintenance : strings.impact[state.impact],
    active: state.active,
    started: timeView(format, state.startedAt),
    resolved: state.resolvedAt === null ? undefined : timeView(format, state.resolvedAt),
    duration: end === undefined || end < state.startedAt ? undefined : format.duration(end - state.startedAt),
    window: incident.window
      ? { start: timeView(format, incident.window.start), end: timeView(format, incident.window.end) }
      : undefined,
    // A component whose `since` date is still ahead does not exist yet (an announced maintenance may name it).
    affected: state.componentIds.flatMap((id) => {
      const component = names.get(id);
      return component ? [{ title: component.name, url: links.component(id) }] : [];
    }),
    get updates() {
      return renderUpdates();
    },
    get latest() {
      return renderUpdates()[0];
    },
    latestAgo: latestUpdate ? format.ago(latestUpdate.at, now) : undefined,
    statusByWindow:
      maintenance &&
      incident.window &&
      !incident.updates.some((update) => update.at <= now && update.status !== 'scheduled')
        ? { start: new Date(incident.window.start).toISOString(), end: new Date(incident.window.end).toISOString() }
        : undefined,
    nextUpdate:
      latestUpdate?.next_update !== undefined && state.active && latestUpdate.next_update > now
        ? timeView(format, latestUpdate.next_update)
        : undefined,
    postmortem: state.postmortemAt === null ? undefined : timeView(format, state.postmortemAt),
    bodyLang: fallback(body),
    bodyDir: direction(body),
    get bodyHtml() {
      return (bodyHtml ??= incident.body ? renderMarkdown(incident.body) : '');
    },
    get preview() {
      const latest = latestUpdate && latestUpdate.at <= now ? format.dateTime(latestUpdate.at) : undefined;
      const description = strings.incidentPreview(
        strings.updateStatus[state.status],
        maintenance ? strings.componentStatus.under_maintenance : strings.impact[state.impact],
        latest,
      );
      return {
        title: incident.title,
        description,
        image: links.absolute(links.previewImage(previewSlugs().has(incident.slug) ? incident.slug : undefined)),
        imageAlt: strings.previewImageAlt(`${incident.title}. ${description}`),
      };
    },
  };
}

function cellView(
  strings: Strings,
  cell: DayCell,
  componentId: string,
  links: Permalinks,
  format: DateFormat,
  incidents: Map<string, IncidentView>,
): CellView {
  const count = cell.incidents.length;
  const linked = cell.incidents.slice(0, dayIncidentLimit).flatMap((slug) => {
    const view = incidents.get(slug);
    return view ? [{ title: view.title, url: view.url, lang: view.titleLang, dir: view.titleDir }] : [];
  });
  return {
    date: cell.date,
    status: cell.status,
    label: strings.dayLabel(
      format.day(cell.date),
      cell.status === 'no_data' ? strings.noData : strings.componentStatus[cell.status],
      count,
    ),
    anchor: links.dayAnchor(cell.date),
    url: links.componentDay(componentId, cell.date),
    incidents: linked,
    more: count - linked.length,
    moreUrl: links.history(cell.date.slice(0, 7)),
  };
}

const barStatuses: readonly DayStatus[] = [...componentStatuses, 'no_data'];

function barView(strings: Strings, name: string, cells: readonly CellView[], uptime: string): BarView {
  const runs = groupDayRuns(cells);
  const present = barStatuses.filter((status) => runs.some((run) => run.status === status));
  const label = (status: DayStatus) => (status === 'no_data' ? strings.noData : strings.componentStatus[status]);
  const counts = present.map((status) => ({
    label: label(status),
    days: runs.filter((run) => run.status === status).reduce((sum, run) => sum + run.length, 0),
  }));
  return {
    days: cells.length,
    summary: strings.barSummary(
      name,
      cells.length,
      counts,
      uptime === strings.noData ? strings.noData : strings.uptimeValue(uptime),
    ),
    paths: present.map((status) => ({
      status,
      d: runs
        .filter((run) => run.status === status)
        .map((run) => `M${run.start} 5h${run.length}`)
        .join(''),
    })),
  };
}

function componentView(
  strings: Strings,
  state: ComponentState,
  links: Permalinks,
  format: DateFormat,
  incidents: Map<string, IncidentView>,
): ComponentView {
  const percent = (ratio: number | null) => (ratio === null ? strings.noData : format.percent(ratio));
  const cells = state.days.map((cell) => cellView(strings, cell, state.component.id, links, format, incidents));
  const uptime90 = percent(state.uptime90);
  return {
    id: state.component.id,
    name: state.component.name,
    description: state.component.description,
    url: links.component(state.component.id),
    status: state.status,
    statusLabel: strings.componentStatus[state.status],
    retired: state.component.retired,
    cells,
    bar: barView(strings, state.component.name, cells, uptime90),
    daysUrl: links.componentDays(state.component.id),
    incidentDays: cells.filter((cell) => cell.incidents.length + cell.more > 0).reverse(),
    uptime30: percent(state.uptime30),
    uptime90,
    incidentSlugs: state.incidentSlugs,
    feeds: feedLinks(strings, links, state.component.id),
    slackCommand: slackCommand(links, state.component.id),
  };
}

function groupByKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const list = groups.get(name);
    if (list) list.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

/** Everything the pages render, built once per build from the derived state. */
export function buildSiteModel(state: StatusState, options: SiteModelOptions = {}): SiteModel {
  const { page, now } = state;
  const links = pagePermalinks(page);
  const format = createDateFormat(page.timezone, page.locale);
  const strings = pageStrings(page);
  const names = new Map(state.components.map((component) => [component.component.id, component.component]));
  let previewSlugs: ReadonlySet<string> | undefined;
  const previewSlugsOnce = () => (previewSlugs ??= collectPreviewSlugs(model));
  const incidents = state.incidents.map((incident) =>
    incidentView(strings, incident, now, links, format, names, previewSlugsOnce, {
      current: page.language,
      original: page.languages[0]!,
    }),
  );
  const incidentBySlug = new Map(incidents.map((view) => [view.slug, view]));
  const components = state.components.map((component) =>
    componentView(strings, component, links, format, incidentBySlug),
  );
  const componentById = new Map(components.map((view) => [view.id, view]));
  const maintenance = incidents.filter((view) => view.kind === 'maintenance');
  // Each incident's start day in the page zone, computed once; months are its first seven characters.
  const startDay = new Map(
    state.incidents.map((incident) => [incident.incident.slug, format.dayKey(incident.startedAt)]),
  );
  const byDay = groupByKey(incidents, (view) => startDay.get(view.slug)!);
  const pastDays = state.days
    .slice(-pastIncidentDays)
    .reverse()
    .map((day) => {
      const all = (byDay.get(day.date) ?? []).filter(
        (view) => !(view.kind === 'maintenance' && view.status === 'scheduled'),
      );
      return {
        date: day.date,
        label: format.day(day.date),
        incidents: all.slice(0, pastDayIncidentLimit),
        more: Math.max(0, all.length - pastDayIncidentLimit),
        moreUrl: links.history(day.date.slice(0, 7)),
      };
    });
  const started = new Set(
    state.incidents.filter((incident) => incident.startedAt <= now).map((incident) => incident.incident.slug),
  );
  const byMonth = groupByKey(
    incidents.filter((view) => started.has(view.slug)),
    (view) => startDay.get(view.slug)!.slice(0, 7),
  );
  const publicFiles = new Set(options.publicFiles ?? []);
  // The API keeps Statuspage's English description; the page says it in its own language.
  const overallDescription =
    state.overall.description === english.degradedService
      ? strings.degradedService
      : strings.indicator[state.overall.indicator];
  const overallText = page.description ? `${overallDescription}. ${page.description}` : overallDescription;
  // Every page links its translations: the names and folders are the same for all of them.
  const languageLinks =
    page.languages.length < 2
      ? []
      : page.languages.map((tag) => ({ tag, name: languageName(tag), folder: languageFolder(page, tag) }));
  const model: SiteModel = {
    page,
    links,
    strings,
    format,
    builtAt: timeView(format, now),
    rebuildDue: new Date(options.rebuildDue ?? now).toISOString(),
    overall: { indicator: state.overall.indicator, description: overallDescription },
    incidents,
    incidentBySlug,
    activeIncidents: incidents.filter((view) => view.kind === 'incident' && view.active),
    maintenance: {
      active: maintenance.filter((view) => view.active),
      upcoming: maintenance.filter((view) => view.status === 'scheduled').reverse(),
      past: maintenance.filter((view) => !view.active && view.status !== 'scheduled').slice(0, pastMaintenanceLimit),
    },
    groups: state.groups.map((group) => ({
      id: group.group?.id,
      name: group.group?.name ?? group.components[0]!.component.name,
      description: group.group?.description,
      status: group.status,
      statusLabel: strings.componentStatus[group.status],
      components: group.components.map((member) => componentById.get(member.component.id)!),
    })),
    components,
    pastDays,
    months: [...byMonth].map(([month, list]) => ({
      month,
      label: format.month(month),
      url: links.history(month),
      incidents: list,
    })),
    subscribe: {
      feeds: feedLinks(strings, links),
      calendar: { url: links.calendar(), webcal: links.webcal() },
      slackCommand: slackCommand(links),
      emailUrl: page.subscribe_email_url,
    },
    assets: {
      customCss: publicFiles.has('custom.css') ? links.asset('custom.css') : undefined,
      generatedIcons: iconFiles.filter((file) => !publicFiles.has(file)),
      icons: {
        svg: links.icon('favicon.svg'),
        png: links.icon('favicon-32x32.png'),
        appleTouch: links.icon('apple-touch-icon.png'),
      },
    },
    preview: {
      title: `${page.name}: ${overallDescription}`,
      description: overallText,
      image: links.absolute(links.previewImage()),
      imageAlt: strings.previewImageAlt(`${page.name}. ${overallDescription}`),
    },
    alternates: (path) =>
      languageLinks.map(({ tag, name, folder }) => {
        const url = links.inLanguage(path, folder);
        return { tag, name, url, absolute: links.absolute(url), current: tag === page.language };
      }),
    get previewSlugs() {
      return previewSlugsOnce();
    },
  };
  function collectPreviewSlugs(site: SiteModel): ReadonlySet<string> {
    const feedSlugs = collectFeedEntries(state, links, { limit: page.feed_entries }).map((entry) => entry.slug);
    return new Set([
      ...site.activeIncidents.map((view) => view.slug),
      ...site.maintenance.active.map((view) => view.slug),
      ...site.maintenance.upcoming.map((view) => view.slug),
      ...site.pastDays.flatMap((day) => day.incidents.map((view) => view.slug)),
      ...feedSlugs,
    ]);
  }
  return model;
}

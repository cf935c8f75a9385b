/**
 * What the pages render: the site model and its views, plain data built once per build by
 * buildSiteModel (model.ts) from the derived state. Pages never sort, filter or build URLs.
 */

import type { StatusState } from '../domain/derive.ts';
import type { DayStatus } from '../domain/days.ts';
import type { DateFormat } from '../domain/date-format.ts';
import type { FeedKind, IconFile, Permalinks } from '../domain/permalinks.ts';
import type { Page } from '../domain/schema/index.ts';
import type { Strings } from '../domain/strings.ts';
import type { ComponentStatus, UpdateStatus } from '../domain/vocabulary.ts';

export const componentPageSize = 25;
export const pastIncidentDays = 7;
/** Incidents listed for one day in a component's days with incidents; the rest are linked. Keeps pages the same size however long the history. */
export const dayIncidentLimit = 3;
export const pastDayIncidentLimit = 5;
/** Past maintenance on /maintenance/; older ones are in the history. */
export const pastMaintenanceLimit = 25;

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

/** What the operator's public/ folder supplies, and what the build generates instead. */
export interface AssetsView {
  /** `public/custom.css`, linked after the built-in styles when present. */
  customCss: string | undefined;
  /** Status icons to generate: those public/ does not supply. */
  generatedIcons: IconFile[];
  icons: { svg: string; png: string; appleTouch: string };
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
  /** The page's scripts take the build clock as \"now\" when the page opens (the sample only). */
  sampleClock: boolean;
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

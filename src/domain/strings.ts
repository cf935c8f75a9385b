import type { ComponentStatus, Impact, Indicator, UpdateStatus } from './vocabulary.ts';

/**
 * A phrase whose wording depends on a count, one form per `Intl.PluralRules`
 * category of the language (English needs `one` and `other`, Polish `one`,
 * `few`, `many` and `other`, Japanese only `other`). `other` is the fallback.
 */
export type Plural = { other: string } & Partial<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>;

const plural = (forms: Plural): Plural => forms;

/**
 * Every word the interface shows, in English. Each bundled language is a copy
 * of this table typed as `Translation`, so a missing or misspelt key is a type
 * error; `page.strings` in components.yml overrides any entry. `{name}` marks
 * where a value goes; numbers, dates and percentages arrive already formatted
 * by `Intl` in the page's locale.
 */
export const english = {
  componentStatus: {
    operational: 'Operational',
    under_maintenance: 'Under Maintenance',
    degraded_performance: 'Degraded Performance',
    partial_outage: 'Partial Outage',
    major_outage: 'Major Outage',
  } satisfies Record<ComponentStatus, string>,
  updateStatus: {
    investigating: 'Investigating',
    identified: 'Identified',
    monitoring: 'Monitoring',
    resolved: 'Resolved',
    scheduled: 'Scheduled',
    in_progress: 'In Progress',
    verifying: 'Verifying',
    completed: 'Completed',
  } satisfies Record<UpdateStatus, string>,
  impact: {
    none: 'No impact',
    minor: 'Minor impact',
    major: 'Major impact',
    critical: 'Critical impact',
  } satisfies Record<Impact, string>,
  indicator: {
    none: 'All Systems Operational',
    minor: 'Minor Service Outage',
    major: 'Partial System Outage',
    critical: 'Major System Outage',
    maintenance: 'Service Under Maintenance',
  } satisfies Record<Indicator, string>,
  /** The overall status when the worst component is degraded (its indicator is `minor`). */
  degradedService: 'Partially Degraded Service',
  activeIncidents: 'Active incidents',
  maintenance: 'Scheduled maintenance',
  inProgress: 'In progress',
  upcoming: 'Upcoming',
  pastMaintenance: 'Past maintenance',
  olderMaintenance: 'Older maintenance is in the incident history.',
  noMaintenance: 'No maintenance is scheduled.',
  components: 'Components',
  pastIncidents: 'Past incidents',
  noIncidents: 'No incidents reported.',
  history: 'Incident history',
  viewHistory: 'View the full incident history',
  subscribe: 'Subscribe',
  subscribeToUpdates: 'Subscribe to updates',
  /** Heading of a component's own feeds in the subscribe menu. */
  feedsFor: 'Feeds for {name}',
  allFeeds: 'Feeds for the whole page',
  calendarDownload: 'download .ics',
  slackHint: 'Slack: paste this into any channel to get every update there',
  emailSubscribe: 'Get updates by email',
  /** The last part of an incident's link preview: "Investigating · Major impact · Last update 20 Nov 2026, 14:05 CET". */
  lastUpdateAt: 'Last update {time}',
  /** Alt text of a link-preview image; `{text}` is the title and status it shows. */
  previewImageAlt: 'Status card: {text}',
  rss: 'RSS',
  atom: 'Atom',
  jsonFeed: 'JSON Feed',
  calendar: 'Maintenance calendar',
  /** The calendar's own name in calendar apps. */
  calendarName: '{name} maintenance',
  api: 'JSON API',
  support: 'Get support',
  builtAt: 'Updated',
  poweredBy: 'Powered by {name}',
  /** Shown by the page itself once the build is older than `page.stale_after`; `{ago}` is "3 hours ago". */
  staleNotice: 'This page was last refreshed {ago}.',
  nextUpdateBy: 'Next update by',
  uptime: plural({ one: '{days}-day uptime', other: '{days}-day uptime' }),
  uptimeValue: '{percent} uptime',
  noData: 'No data',
  today: 'Today',
  /** One sentence per bar: "API, last 90 days: 88 days Operational, 2 days Partial Outage; 99.52% uptime". */
  barSummary: plural({
    one: '{name}, last day: {counts}; {uptime}',
    other: '{name}, last {days} days: {counts}; {uptime}',
  }),
  /** One item of `{counts}` above; the items are joined as a list in the page's language. */
  barDayCount: plural({ one: '{count} day {status}', other: '{count} days {status}' }),
  incidentDays: 'Days with incidents',
  noIncidentDays: plural({ one: 'No incidents in the last day.', other: 'No incidents in the last {days} days.' }),
  dayLabel: '{date}: {status}',
  dayLabelWithIncidents: plural({
    one: '{date}: {status}, {count} incident',
    other: '{date}: {status}, {count} incidents',
  }),
  affected: 'Affected components',
  impactLabel: 'Impact',
  impactChanged: 'Impact changed from {from} to {to}',
  postmortem: 'Postmortem',
  postmortemPublished: 'Postmortem published',
  status: 'Status',
  started: 'Started',
  resolved: 'Resolved',
  duration: 'Duration',
  window: 'Window',
  timeline: 'Timeline',
  details: 'Details',
  linkToUpdate: 'Link to this update',
  currentStatus: 'Current status',
  incidentsFor: 'Incidents affecting {name}',
  noIncidentsFor: 'No incidents have affected this component.',
  page: 'Page {number} of {total}',
  newer: 'Newer',
  older: 'Older',
  months: 'Months',
  pagination: 'More months',
  notFoundTitle: 'Page not found',
  notFoundText: 'This page does not exist. It may have been mistyped, or the link is wrong.',
  backHome: 'Go to the current status',
  skipToContent: 'Skip to content',
  /** Label of the language switcher (pages with several languages). */
  languageSwitcher: 'Language',
  /** The update an alert writes when it clears, unless the alert sends a message (npm run post -- alert). */
  alertCleared: 'The alert has cleared; we are monitoring the fix.',
  /** The update an alert writes when it fires again, unless it sends a message or a title. */
  alertFiredAgain: 'The alert fired again.',
  legend: 'Legend',
  componentFeeds: 'Follow {name}',
  /** The feeds' own description when `page.description` is empty. */
  feedDescription: 'Incidents and maintenance for {name}.',
  componentFeedDescription: 'Incidents and maintenance affecting {name}.',
  ongoing: 'ongoing',
  moreIncidents: plural({ one: 'and {count} more', other: 'and {count} more' }),
  /** Feed and notification text for a maintenance window that opens or closes on its own. */
  windowStarted: 'The maintenance window has started.',
  windowEnded: 'The maintenance window has ended.',
  /** Notification label of the reminder sent before a maintenance window. */
  reminder: 'Reminder',
  /** Notification text when a component changes status: "API changed from Operational to Major Outage (Database failover)." */
  componentChanged: '{name} changed from {from} to {to} ({title}).',
  /** Notification text of a maintenance reminder; `{time}` is "24 hours", from `Intl.DurationFormat`. */
  reminderText: 'Reminder: this maintenance starts in {time}.',
  /** The link under a notification cut to fit a chat message. */
  readFullUpdate: 'Read the full update',
  /** A notification's body when the update has no text (only an image). */
  noText: '(no text)',
  /** The button or link at the end of a notification. */
  viewOnStatusPage: 'View on the status page',
  /** Name of the button that closes the notice embedded in the operator's own app (embed.js). */
  dismissNotice: 'Dismiss',
  /** Label and title of the one notification that stands for a burst of updates past `max_per_run`. */
  summaryLabel: 'Summary',
  summaryTitle: plural({ one: '{count} more status update', other: '{count} more status updates' }),
  summaryText: plural({
    one: '{count} more update was published: {titles}. See the status page for details.',
    other: '{count} more updates were published: {titles}. See the status page for details.',
  }),
  /** The operator alert when the site could not be rebuilt (`notify --build-failed`). */
  buildFailedLabel: 'Build failed',
  buildFailedTitle: 'The status page could not be rebuilt',
  buildFailedText:
    'The rebuild of {name} failed; the live page still shows the previous build and subscribers were not told.',
  /** `{reason}` is the failed step as the workflow names it. */
  buildFailedReason: 'What failed: {reason}.',
  buildFailedRun: 'Run: {url}',
  viewFailedRun: 'View the failed run',
  /** Stands in for `page.name` in the operator alert when components.yml has none. */
  unnamedPage: 'the status page',
};

type Widen<T> = {
  [K in keyof T]: T[K] extends Plural ? Plural : T[K] extends string ? string : Widen<T[K]>;
};

/** A complete translation: the English table's keys, each with the language's words. */
export type Translation = Widen<typeof english>;

/** `page.strings`: any entry of the table, replaced for one page. */
export type StringOverrides = {
  [K in keyof Translation]?: Translation[K] extends Plural
    ? Plural | string
    : Translation[K] extends string
      ? string
      : Partial<Translation[K]>;
};

/** The placeholders each entry may use; an override may use no others. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
}

/** A translation with `page.strings` laid over it. */
export function applyOverrides(table: Translation, overrides: StringOverrides | undefined): Translation {
  if (!overrides) return table;
  const merged: Record<string, unknown> = { ...table };
  for (const [key, value] of Object.entries(overrides)) {
    const base = merged[key];
    if (value === undefined) continue;
    if (typeof value === 'string') merged[key] = typeof base === 'object' ? { other: value } : value;
    else merged[key] = { ...(base as object), ...value };
  }
  return merged as Translation;
}

/**
 * The interface's words for one page: plain entries as they are, phrases
 * with values as functions that format numbers with `Intl` in the page's
 * locale and choose plural forms with `Intl.PluralRules`.
 */
export function createStrings(table: Translation, locale: string) {
  const plurals = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale);
  const list = new Intl.ListFormat(locale, { type: 'unit', style: 'short' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  const fill = (template: string, values: Record<string, string | number>) =>
    template.replace(/\{(\w+)\}/g, (whole, key: string) => {
      const value = values[key];
      return value === undefined ? whole : typeof value === 'number' ? number.format(value) : value;
    });
  const pick = (forms: Plural, count: number) => forms[plurals.select(count)] ?? forms.other;
  return {
    ...table,
    calendarName: (name: string) => fill(table.calendarName, { name }),
    poweredBy: (name: string) => fill(table.poweredBy, { name }),
    /** `ago` is a relative time such as "3 hours ago". */
    staleNotice: (ago: string) => fill(table.staleNotice, { ago }),
    uptime: (days: number) => fill(pick(table.uptime, days), { days }),
    uptimeValue: (percent: string) => fill(table.uptimeValue, { percent }),
    /** "90 days ago", from `Intl.RelativeTimeFormat`. */
    daysAgo: (days: number) => relative.format(-days, 'day'),
    barSummary: (name: string, days: number, counts: { label: string; days: number }[], uptime: string) =>
      fill(pick(table.barSummary, days), {
        name,
        days,
        uptime,
        counts: list.format(
          counts.map((count) => fill(pick(table.barDayCount, count.days), { count: count.days, status: count.label })),
        ),
      }),
    noIncidentDays: (days: number) => fill(pick(table.noIncidentDays, days), { days }),
    dayLabel: (date: string, status: string, incidents: number) =>
      incidents > 0
        ? fill(pick(table.dayLabelWithIncidents, incidents), { date, status, count: incidents })
        : fill(table.dayLabel, { date, status }),
    impactChanged: (from: string, to: string) => fill(table.impactChanged, { from, to }),
    feedsFor: (name: string) => fill(table.feedsFor, { name }),
    lastUpdateAt: (time: string) => fill(table.lastUpdateAt, { time }),
    /** An incident's link-preview text: status, impact and, once there is one, the last update's time. */
    incidentPreview: (status: string, impact: string, latest: string | undefined) =>
      [status, impact, ...(latest === undefined ? [] : [fill(table.lastUpdateAt, { time: latest })])].join(' · '),
    previewImageAlt: (text: string) => fill(table.previewImageAlt, { text }),
    incidentsFor: (name: string) => fill(table.incidentsFor, { name }),
    page: (pageNumber: number, total: number) => fill(table.page, { number: pageNumber, total }),
    componentFeeds: (name: string) => fill(table.componentFeeds, { name }),
    feedDescription: (name: string) => fill(table.feedDescription, { name }),
    componentFeedDescription: (name: string) => fill(table.componentFeedDescription, { name }),
    moreIncidents: (count: number) => fill(pick(table.moreIncidents, count), { count }),
    componentChanged: (name: string, from: string, to: string, title: string) =>
      fill(table.componentChanged, { name, from, to, title }),
    reminderText: (time: string) => fill(table.reminderText, { time }),
    summaryTitle: (count: number) => fill(pick(table.summaryTitle, count), { count }),
    summaryText: (count: number, titles: string) => fill(pick(table.summaryText, count), { count, titles }),
    buildFailedText: (name: string) => fill(table.buildFailedText, { name }),
    buildFailedReason: (reason: string) => fill(table.buildFailedReason, { reason }),
    buildFailedRun: (url: string) => fill(table.buildFailedRun, { url }),
  };
}

export type Strings = ReturnType<typeof createStrings>;

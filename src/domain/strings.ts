import type { ComponentStatus, Impact, Indicator, UpdateStatus } from './vocabulary.ts';

/**
 * Every word the interface shows. A translation is a copy of this object;
 * choose it in `strings` below.
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
  feedsFor: (name: string) => `Feeds for ${name}`,
  allFeeds: 'Feeds for the whole page',
  calendarSubscribe: 'Subscribe in a calendar app',
  calendarDownload: 'download .ics',
  slackHint: 'Slack: paste this into any channel to get every update there',
  emailSubscribe: 'Get updates by email',
  /** Link-preview text for an incident: "Investigating · Major impact · Last update 20 Nov 2026, 14:05". */
  incidentPreview: (status: string, impact: string, latest: string | undefined) =>
    [status, impact, latest && `Last update ${latest}`].filter(Boolean).join(' · '),
  lastUpdateAt: (time: string) => `Last update ${time}`,
  previewImageAlt: (text: string) => `Status card: ${text}`,
  rss: 'RSS',
  atom: 'Atom',
  jsonFeed: 'JSON Feed',
  calendar: 'Maintenance calendar',
  api: 'JSON API',
  support: 'Get support',
  builtAt: 'Updated',
  /** Shown by the page itself once the build is older than `page.stale_after`; `ago` is "3 hours ago". */
  staleNotice: (ago: string) => `This page was last refreshed ${ago}.`,
  latestUpdate: 'Latest update',
  nextUpdateBy: 'Next update by',
  uptime: (days: number) => `${days}-day uptime`,
  uptimeValue: (percent: string) => `${percent} uptime`,
  noData: 'No data',
  daysAgo: (days: number) => `${days} days ago`,
  today: 'Today',
  /** One sentence per bar, e.g. "API, last 90 days: 88 days Operational, 2 days Partial Outage; 99.52% uptime". */
  barSummary: (name: string, days: number, counts: { label: string; days: number }[], uptime: string) =>
    `${name}, last ${days} days: ${counts
      .map((count) => `${count.days} day${count.days === 1 ? '' : 's'} ${count.label}`)
      .join(', ')}; ${uptime}`,
  incidentDays: 'Days with incidents',
  noIncidentDays: (days: number) => `No incidents in the last ${days} days.`,
  dayLabel: (date: string, status: string, incidents: number) =>
    `${date}: ${status}${incidents > 0 ? `, ${incidents} incident${incidents === 1 ? '' : 's'}` : ''}`,
  affected: 'Affected components',
  impactLabel: 'Impact',
  impactChanged: (from: string, to: string) => `Impact changed from ${from} to ${to}`,
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
  incidentsFor: (name: string) => `Incidents affecting ${name}`,
  noIncidentsFor: 'No incidents have affected this component.',
  page: (number: number, total: number) => `Page ${number} of ${total}`,
  newer: 'Newer',
  older: 'Older',
  months: 'Months',
  pagination: 'More months',
  retired: 'Retired',
  notFoundTitle: 'Page not found',
  notFoundText: 'This page does not exist. It may have been mistyped, or the link is wrong.',
  backHome: 'Go to the current status',
  skipToContent: 'Skip to content',
  legend: 'Legend',
  feeds: 'Feeds',
  componentFeeds: (name: string) => `Follow ${name}`,
  ongoing: 'ongoing',
  moreIncidents: (count: number) => `and ${count} more`,
};

export type Strings = typeof english;

export const strings: Strings = english;

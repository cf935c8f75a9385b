import type { StatusState } from '../domain/derive.ts';
import { createDateFormat } from '../domain/date-format.ts';
import { iconFiles, pagePermalinks } from '../domain/permalinks.ts';
import { english } from '../domain/strings.ts';
import { languageFolder, languageName, pageStrings } from '../domain/languages.ts';
import { collectFeedEntries } from '../serialize/feed-entries.ts';
import { componentView, feedLinks, slackCommand } from './component-view.ts';
import { incidentView, timeView } from './incident-view.ts';
import { pastDayIncidentLimit, pastIncidentDays, pastMaintenanceLimit, type SiteModel } from './views.ts';

export interface SiteModelOptions {
  /** Top-level file names in the content root's public/ folder. */
  publicFiles?: readonly string[];
  /** When the next scheduled rebuild is due (epoch ms); the page's staleness notice counts from it. Default: the build clock. */
  rebuildDue?: number;
  /** The build runs on the sample's clock (see `isSampleClock`): the page's scripts count from it. Default: false. */
  sampleClock?: boolean;
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
    sampleClock: options.sampleClock ?? false,
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

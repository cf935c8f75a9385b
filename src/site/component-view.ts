import type { ComponentState } from '../domain/derive.ts';
import { groupDayRuns, type DayCell, type DayStatus } from '../domain/days.ts';
import type { DateFormat } from '../domain/date-format.ts';
import type { FeedKind, Permalinks } from '../domain/permalinks.ts';
import type { Strings } from '../domain/strings.ts';
import { componentStatuses } from '../domain/vocabulary.ts';
import {
  dayIncidentLimit,
  type BarView,
  type CellView,
  type ComponentView,
  type FeedLinkView,
  type IncidentView,
} from './views.ts';

const feedKinds: { kind: FeedKind; type: string; label: 'rss' | 'atom' | 'jsonFeed' }[] = [
  { kind: 'rss', type: 'application/rss+xml', label: 'rss' },
  { kind: 'atom', type: 'application/atom+xml', label: 'atom' },
  { kind: 'json', type: 'application/feed+json', label: 'jsonFeed' },
];

export function feedLinks(strings: Strings, links: Permalinks, componentId?: string): FeedLinkView[] {
  return feedKinds.map(({ kind, type, label }) => ({
    kind,
    type,
    label: strings[label],
    url: links.feed(kind, componentId),
  }));
}

export function slackCommand(links: Permalinks, componentId?: string): string {
  return `/feed subscribe ${links.absolute(links.feed('rss', componentId))}`;
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

export function componentView(
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

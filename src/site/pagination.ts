import { componentPageSize, type ComponentView, type IncidentView, type MonthView, type SiteModel } from './views.ts';

export interface ComponentPage {
  component: ComponentView;
  number: number;
  total: number;
  incidents: IncidentView[];
  newerUrl: string | undefined;
  olderUrl: string | undefined;
}

/** Every page of every component's incident list, 25 a page, newest first. */
export function componentPages(model: SiteModel): ComponentPage[] {
  return model.components.flatMap((component) => {
    const total = Math.max(1, Math.ceil(component.incidentSlugs.length / componentPageSize));
    return Array.from({ length: total }, (_, index) => {
      const number = index + 1;
      return {
        component,
        number,
        total,
        incidents: component.incidentSlugs
          .slice(index * componentPageSize, number * componentPageSize)
          .map((slug) => model.incidentBySlug.get(slug)!),
        newerUrl: number > 1 ? model.links.component(component.id, number - 1) : undefined,
        olderUrl: number < total ? model.links.component(component.id, number + 1) : undefined,
      };
    });
  });
}

export interface HistoryPage {
  month: MonthView | undefined;
  newerUrl: string | undefined;
  olderUrl: string | undefined;
}

/** The history, one month a page, newest first; `/history/` shows the newest month. */
export function historyPages(model: SiteModel): { month: string | undefined; page: HistoryPage }[] {
  const pages = model.months.map((month, index) => ({
    month: month.month,
    page: { month, newerUrl: model.months[index - 1]?.url, olderUrl: model.months[index + 1]?.url },
  }));
  const newest = pages[0];
  return [
    { month: undefined, page: newest?.page ?? { month: undefined, newerUrl: undefined, olderUrl: undefined } },
    ...pages,
  ];
}

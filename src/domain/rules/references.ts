import type { ComponentsFile, Incident } from '../schema/index.ts';
import { quoteList, suggestClosest } from '../suggest.ts';
import { formatZonedIso } from '../time.ts';
import { impactStart } from '../timeline.ts';
import { componentStart } from '../visibility.ts';
import type { Report } from './report.ts';

export function checkComponentReference(
  report: Report,
  path: (string | number)[],
  id: string,
  known: ReadonlySet<string>,
): void {
  if (known.has(id)) return;
  const suggestion = suggestClosest(id, [...known]);
  report(
    path,
    'UnknownComponent',
    `The component "${id}" is not in components.yml.`,
    suggestion
      ? `Did you mean "${suggestion}"? Write "${suggestion}".`
      : `Use one of: ${quoteList([...known])}, or add "${id}" to components.yml.`,
  );
}

/** `known` is undefined when components.yml could not be read: then only duplicates are checked. */
export function checkComponents(report: Report, incident: Incident, known: ReadonlySet<string> | undefined): void {
  const seen = new Set<string>();
  incident.components.forEach((component, index) => {
    if (known) checkComponentReference(report, ['components', index], component.id, known);
    if (seen.has(component.id)) {
      report(
        ['components', index],
        'DuplicateComponentReference',
        `The component "${component.id}" is listed twice.`,
        'List each affected component once.',
      );
    }
    seen.add(component.id);
  });
  if (!known) return;
  incident.updates.forEach((update, updateIndex) =>
    update.components?.forEach((component, index) =>
      checkComponentReference(report, ['updates', updateIndex, 'components', index, 'id'], component.id, known),
    ),
  );
}

/** Before its `since` date a component does not exist, so no incident may touch it then. */
export function checkComponentsExist(report: Report, incident: Incident, file: ComponentsFile): void {
  const byId = new Map(file.components.map((component) => [component.id, component]));
  const zone = file.page.timezone;
  const check = (path: (string | number)[], id: string, at: number, what: string) => {
    const component = byId.get(id);
    if (!component?.since || at >= componentStart(component, zone)) return;
    const day = formatZonedIso(at, zone).slice(0, 10);
    report(
      path,
      'ComponentBeforeSince',
      `The component "${id}" exists from ${component.since} (its since in components.yml), but ${what} ${new Date(at).toISOString()}.`,
      `Remove "${id}" here, or set "since: ${day}" (or earlier) on it in components.yml.`,
    );
  };
  const start = impactStart(incident);
  const begins = incident.kind === 'maintenance' ? 'this maintenance begins at' : 'this incident begins at';
  incident.components.forEach((component, index) => check(['components', index], component.id, start, begins));
  incident.updates.forEach((update, updateIndex) =>
    update.components?.forEach((component, index) =>
      check(
        ['updates', updateIndex, 'components', index, 'id'],
        component.id,
        update.at,
        'this update is published at',
      ),
    ),
  );
}

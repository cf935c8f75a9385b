import type { Problem } from './problems.ts';
import type { LocatedIncident } from './rules/index.ts';
import type { Incident } from './schema/index.ts';
import { impactAfter, maintenanceStatusAt } from './timeline.ts';
import { isClosingStatus, statusForImpact, type ComponentStatus } from './vocabulary.ts';

type Path = (string | number)[];
type Affected = Incident['components'][number];

/** A time as authors write it in YAML. */
function yamlTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

/** The one legitimate way to change what was published: a new update, as YAML to paste under `updates:`. */
function newUpdate(
  head: Incident,
  now: number,
  fields: string[],
  message: string,
  status = head.updates.at(-1)?.status ?? 'investigating',
): string {
  return [
    `  - at: ${yamlTime(now)}`,
    `    status: ${status}`,
    ...fields.map((field) => `    ${field}`),
    `    message: ${message}`,
  ].join('\n');
}

function statusText(component: Affected): string {
  return component.status ?? 'following the impact';
}

/**
 * The status to suggest for a component in a new update: the one it would have now, or
 * operational once the incident is closed (a status posted after that is its last word).
 */
function suggestedStatus(head: Incident, component: Affected | undefined): ComponentStatus {
  const last = head.updates.at(-1)?.status;
  if (!component || isClosingStatus(last)) return 'operational';
  if (component.status) return component.status;
  if (head.kind === 'maintenance') return 'under_maintenance';
  return statusForImpact(impactAfter(head, head.updates.length));
}

function checkImpact(base: Incident, head: LocatedIncident, now: number, at: Locator): Problem[] {
  const before = base.impact ?? 'none';
  const after = head.value.impact ?? 'none';
  if (before === after) return [];
  return [
    {
      ...at(head.value.impact === undefined ? ['title'] : ['impact']),
      code: 'ImpactRewritten',
      message: `The published impact "${before}" now says "${after}"; it would rewrite uptime, day bars and the API's past states.`,
      hint: `Restore "impact: ${before}". To reclassify, post a new update that carries the new impact (it counts from then on):\n${newUpdate(head.value, now, [`impact: ${after}`], `On review, we have reclassified this ${head.value.kind} (impact ${after}).`)}`,
    },
  ];
}

function checkComponents(base: Incident, head: LocatedIncident, now: number, at: Locator): Problem[] {
  const problems: Problem[] = [];
  const before = new Map(base.components.map((component) => [component.id, component]));
  const after = new Map(head.value.components.map((component, index) => [component.id, { component, index }]));
  const report = (path: Path, message: string, restore: string, id: string, component: Affected | undefined) => {
    const status = suggestedStatus(head.value, component);
    const update = newUpdate(
      head.value,
      now,
      ['components:', `  - id: ${id}`, `    status: ${status}`],
      before.has(id) ? `The status of ${id} is now ${status}.` : `On review, ${id} was affected too.`,
    );
    problems.push({
      ...at(path, 'key'),
      code: 'ComponentsRewritten',
      message: `${message} Components in the front matter count from the start, so this would rewrite uptime, day bars and the API's past states.`,
      hint: `${restore} To change what a component shows, post a new update that carries it (it counts from then on):\n${update}`,
    });
  };
  for (const [id, old] of before) {
    const current = after.get(id);
    if (!current)
      report(
        after.size === 0 ? ['title'] : ['components'],
        `The published component "${id}" was removed from "components".`,
        `Put "${id}" back under "components".`,
        id,
        undefined,
      );
    else if (current.component.status !== old.status)
      report(
        ['components', current.index, ...(current.component.status === undefined ? [] : ['status'])],
        `The published component "${id}" was ${statusText(old)} and now says ${statusText(current.component)}.`,
        old.status === undefined ? `List it as "- ${id}" again.` : `Restore "status: ${old.status}".`,
        id,
        current.component,
      );
  }
  for (const [id, { component, index }] of after) {
    if (!before.has(id))
      report(
        ['components', index],
        `The component "${id}" was added to a published ${head.value.kind}'s "components".`,
        `Remove "${id}" from "components".`,
        id,
        component,
      );
  }
  return problems;
}

/** When impact began, as the page shows it: `started`, else the first update. */
function effectiveStart(incident: Incident): number | undefined {
  return incident.started ?? incident.updates[0]?.at;
}

function checkStart(base: Incident, head: LocatedIncident, now: number, at: Locator): Problem[] {
  const before = effectiveStart(base);
  const after = effectiveStart(head.value);
  if (before === undefined || before === after) return [];
  const restore =
    base.started === undefined
      ? `Remove "started": the published start is the first update's time, ${yamlTime(before)}.`
      : `Restore "started: ${yamlTime(before)}".`;
  return [
    {
      ...at(head.value.started === undefined ? ['title'] : ['started']),
      code: 'StartRewritten',
      message: `The published start of impact (${yamlTime(before)}) now says ${after === undefined ? 'nothing' : yamlTime(after)}; it would rewrite uptime and day bars and give component changes new notification ids, so subscribers would be notified again.`,
      hint: `${restore} If impact began at another time, say so in a new update:\n${newUpdate(head.value, now, [], `Impact began at ${after === undefined ? 'another time' : yamlTime(after)}, not as first reported.`)}`,
    },
  ];
}

function windowText(window: Incident['window']): string {
  return window ? `${yamlTime(window.start)} to ${yamlTime(window.end)}` : 'no window';
}

/** A maintenance is a plan until it begins (its window starts, or an update says it is under way). */
function hasBegun(maintenance: Incident, now: number): boolean {
  return maintenanceStatusAt(maintenance, now) !== 'scheduled';
}

function checkWindow(base: Incident, head: LocatedIncident, now: number, at: Locator): Problem[] {
  const before = base.window;
  const after = head.value.window;
  if (before?.start === after?.start && before?.end === after?.end) return [];
  const where = at(!after ? ['title'] : before?.start === after.start ? ['window', 'end'] : ['window', 'start']);
  if (!hasBegun(base, now)) {
    if (!after || after.start >= now) return [];
    return [
      {
        ...where,
        code: 'WindowRewritten',
        message: `The rescheduled window starts at ${yamlTime(after.start)}, which has already passed (now is ${yamlTime(now)}): the maintenance would have begun without anyone being told.`,
        hint: `Start the window after ${yamlTime(now)}. To start the work now, keep the window and post an update:\n${newUpdate(head.value, now, [], 'The work has started.', 'in_progress')}`,
      },
    ];
  }
  const longer = newUpdate(head.value, now, [], 'The work is taking longer than planned.', 'in_progress');
  return [
    {
      ...where,
      code: 'WindowRewritten',
      message: `The maintenance has begun, so its published window (${windowText(before)}) is part of the record; it now says ${windowText(after)}.`,
      hint: `Restore the window (start: ${before ? yamlTime(before.start) : '?'}, end: ${before ? yamlTime(before.end) : '?'}). To run longer, post an "in_progress" update: the maintenance then stays in progress until a "completed" update (post "completed" to finish early):\n${longer}`,
    },
  ];
}

type Locator = (path: Path, part?: 'key' | 'value') => Pick<Problem, 'file' | 'line' | 'column' | 'severity'>;

/**
 * A published incident's `impact`, `components` and `started` (and a maintenance's `window`)
 * decide uptime, day bars, the API's past states and notification ids, so once published they
 * change only through new updates. A maintenance that has not begun is still a plan: it may be
 * rescheduled or re-scoped, as long as the new window has not already started.
 */
export function compareFrontMatter(base: Incident, head: LocatedIncident, now: number): Problem[] {
  const at: Locator = (path, part) => ({ file: head.value.file, severity: 'error', ...head.locate(path, part) });
  if (base.kind !== head.value.kind) return [];
  if (base.kind === 'maintenance') {
    const window = checkWindow(base, head, now, at);
    if (!hasBegun(base, now)) return window;
    return [...window, ...checkImpact(base, head, now, at), ...checkComponents(base, head, now, at)];
  }
  return [
    ...checkImpact(base, head, now, at),
    ...checkComponents(base, head, now, at),
    ...checkStart(base, head, now, at),
  ];
}

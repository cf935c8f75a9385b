import {
  audienceNames,
  audienceOf,
  audienceProblem,
  contentForAudience,
  isVisibleTo,
  publicAudience,
} from '../audience.ts';
import type { Locate, Problem } from '../problems.ts';
import type { ComponentsFile, Incident } from '../schema/index.ts';
import { checkIncident } from './incident.ts';
import { reporter, type LocatedComponentsFile, type LocatedIncident, type Report } from './report.ts';

type Path = (string | number)[];

/** "the public" / "the "internal" audience", as a sentence names who sees an item. */
function who(audience: string): string {
  return audience === publicAudience ? 'public' : `"${audience}"`;
}

/** An item's `audience` names a declared audience (or `public`). */
function checkDeclared(report: Report, file: Pick<ComponentsFile, 'audiences'>, path: Path, audience?: string): void {
  if (audience === undefined) return;
  const problem = audienceProblem(file, audience);
  if (problem) report([...path, 'audience'], 'UnknownAudience', problem.message, problem.hint);
}

/**
 * A component named by an item of `audience` must show wherever that item does: a public
 * incident naming an internal component would show it on the public page.
 */
function checkComponentShows(
  report: Report,
  file: ComponentsFile,
  path: Path,
  id: string,
  audience: string,
  what: string,
  fix: (componentAudience: string) => string,
): void {
  const component = file.components.find((candidate) => candidate.id === id);
  if (!component || isVisibleTo(component, audience)) return;
  report(
    path,
    'ComponentOutsideAudience',
    `The component "${id}" is for the ${who(audienceOf(component))} audience only, but this ${who(audience)} ${what} names it: it would show on the ${who(audience)} page.`,
    fix(audienceOf(component)),
  );
}

/** components.yml: declared audiences only, public components in public groups, channels naming what they can see. */
export function checkComponentsFileAudiences({ file, value, locate }: LocatedComponentsFile): Problem[] {
  const problems: Problem[] = [];
  const report = reporter(file, locate, problems);
  value.groups.forEach((group, index) => checkDeclared(report, value, ['groups', index], group.audience));
  const groups = new Map(value.groups.map((group) => [group.id, group]));
  value.components.forEach((component, index) => {
    checkDeclared(report, value, ['components', index], component.audience);
    const group = component.group === undefined ? undefined : groups.get(component.group);
    const audience = audienceOf(component);
    if (group && !isVisibleTo(group, audience))
      report(
        ['components', index, 'group'],
        'GroupOutsideAudience',
        `The component "${component.id}" is for the ${who(audience)} audience, but its group "${group.id}" is for the ${who(audienceOf(group))} audience only: the ${who(audience)} page has no such group.`,
        `Mark the component "audience: ${audienceOf(group)}" too, or move it to a group without "audience".`,
      );
  });
  value.notifications.channels.forEach((channel, index) => {
    checkDeclared(report, value, ['notifications', 'channels', index], channel.audience);
    channel.components?.forEach((id, position) =>
      checkComponentShows(
        report,
        value,
        ['notifications', 'channels', index, 'components', position],
        id,
        audienceOf(channel),
        'channel',
        (other) =>
          `Remove "${id}" from its components, or, for a channel that has not sent anything yet, mark it "audience: ${other}" (a published channel keeps its audience: add a new channel for that audience instead).`,
      ),
    );
  });
  return problems;
}

/** An incident's and its updates' audiences are declared, and name only components they can show. */
function checkIncidentAudience(report: Report, incident: Incident, file: ComponentsFile): void {
  const audience = audienceOf(incident);
  checkDeclared(report, file, [], incident.audience);
  /** The fix for a hidden component named in the front matter or in an update of this incident. */
  const fix = (id: string, where: 'incident' | 'update', shownTo: string) => (other: string) => {
    if (shownTo !== publicAudience)
      return `Remove "${id}" here: a ${who(shownTo)} item may name public components and the ${who(shownTo)} audience's own.`;
    const keepOff = `Mark the ${incident.kind} "audience: ${other}" to keep it off the public page`;
    return where === 'incident'
      ? `${keepOff}, or name "${id}" only in an update marked "audience: ${other}".`
      : `${keepOff}, or mark this update "audience: ${other}".`;
  };
  incident.components.forEach((component, index) =>
    checkComponentShows(
      report,
      file,
      ['components', index],
      component.id,
      audience,
      incident.kind,
      fix(component.id, 'incident', audience),
    ),
  );
  incident.updates.forEach((update, updateIndex) => {
    checkDeclared(report, file, ['updates', updateIndex], update.audience);
    if (update.audience !== undefined && audience !== publicAudience && update.audience !== audience)
      report(
        ['updates', updateIndex, 'audience'],
        'AudienceOutsideIncident',
        `This update is for the ${who(update.audience)} audience, but its ${incident.kind} is for the ${who(audience)} audience only, so nobody else would ever see it.`,
        `Remove "audience: ${update.audience}" from the update; it shows wherever the ${incident.kind} does.`,
      );
    const shownTo = update.audience ?? audience;
    update.components?.forEach((component, index) =>
      checkComponentShows(
        report,
        file,
        ['updates', updateIndex, 'components', index, 'id'],
        component.id,
        shownTo,
        'update',
        fix(component.id, 'update', shownTo),
      ),
    );
  });
}

/** Where update `index` of the filtered incident sits in the file. */
function remap(locate: Locate, positions: readonly number[]): Locate {
  return (path, part) =>
    locate(
      path[0] === 'updates' && typeof path[1] === 'number'
        ? ['updates', positions[path[1]] ?? path[1], ...path.slice(2)]
        : path,
      part,
    );
}

/**
 * Every audience's page must be a valid site on its own: an incident whose updates are partly
 * for another audience is checked again as each audience sees it (a public incident whose
 * only update is internal has no update on the public page). Problems the whole file already
 * has are not repeated.
 */
function checkAudienceViews(located: LocatedIncident, file: ComponentsFile, now: number, seen: Problem[]): Problem[] {
  const incident = located.value;
  if (incident.updates.every((update) => update.audience === undefined)) return [];
  const known = new Set(file.components.map((component) => component.id));
  const repeated = new Set(seen.map((problem) => `${problem.line}:${problem.code}`));
  return audienceNames(file)
    .filter((audience) => isVisibleTo(incident, audience))
    .flatMap((audience) => {
      const positions = incident.updates.flatMap((update, index) => (isVisibleTo(update, audience) ? [index] : []));
      if (positions.length === incident.updates.length) return [];
      const [view] = contentForAudience({ components: file, incidents: [incident] }, audience).incidents;
      return checkIncident({ value: view!, locate: remap(located.locate, positions) }, known, now, file)
        .filter((problem) => !repeated.has(`${problem.line}:${problem.code}`))
        .map((problem) => ({
          ...problem,
          message: `On the ${who(audience)} page, which leaves out the updates for other audiences: ${problem.message}`,
        }));
    });
}

/** The audience rules of one incident; `seen` are the problems its other rules found. */
export function checkIncidentAudiences(
  located: LocatedIncident,
  file: ComponentsFile | undefined,
  now: number,
  seen: Problem[],
): Problem[] {
  if (!file) return [];
  const problems: Problem[] = [];
  checkIncidentAudience(reporter(located.value.file, located.locate, problems), located.value, file);
  if (problems.length > 0) return problems;
  return checkAudienceViews(located, file, now, seen);
}

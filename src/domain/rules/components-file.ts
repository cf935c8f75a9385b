import type { Problem } from '../problems.ts';
import { checkNotificationChannels } from '../schema/index.ts';
import { quoteList, suggestClosest } from '../suggest.ts';
import { checkComponentsFileAudiences } from './audiences.ts';
import { reporter, type LocatedComponentsFile, type Report } from './report.ts';

/** An item of groups or components as far as it could be read: its id and group when well-formed. */
export interface ListedItem {
  id?: string | undefined;
  group?: string | undefined;
}

/** Reports every id seen before in the list; returns the set of ids. */
function reportDuplicateIds(
  report: Report,
  list: 'groups' | 'components',
  items: readonly ListedItem[],
  code: string,
  hint: string,
): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, index) => {
    if (item.id === undefined) return;
    if (ids.has(item.id))
      report([list, index, 'id'], code, `The ${list.slice(0, -1)} id "${item.id}" is used twice.`, hint);
    ids.add(item.id);
  });
  return ids;
}

/** Duplicate ids and unknown groups; `groups` is undefined when the list itself could not be read. */
export function checkComponentLists(
  report: Report,
  groups: readonly ListedItem[] | undefined,
  components: readonly ListedItem[],
): Set<string> {
  const groupIds = reportDuplicateIds(report, 'groups', groups ?? [], 'DuplicateGroup', 'Give each group its own id.');
  const componentIds = reportDuplicateIds(
    report,
    'components',
    components,
    'DuplicateComponent',
    'Component ids are permanent and unique: rename the new one (ids are in URLs and feeds).',
  );
  if (groups === undefined) return componentIds;
  components.forEach((component, index) => {
    if (component.group !== undefined && !groupIds.has(component.group)) {
      const suggestion = suggestClosest(component.group, [...groupIds]);
      report(
        ['components', index, 'group'],
        'UnknownGroup',
        `The group "${component.group}" is not defined under groups.`,
        suggestion
          ? `Did you mean "${suggestion}"?`
          : `Add a group with id "${component.group}" under groups, or use one of: ${quoteList([...groupIds])}.`,
      );
    }
  });
  return componentIds;
}

export function checkComponentsFile({ file, value, locate }: LocatedComponentsFile): Problem[] {
  const problems: Problem[] = [];
  checkComponentLists(reporter(file, locate, problems), value.groups, value.components);
  problems.push(...checkNotificationChannels(file, value, locate));
  problems.push(...checkComponentsFileAudiences({ file, value, locate }));
  return problems;
}

import type { Locate, Problem } from '../problems.ts';

/** Names the API already uses under `/api/v2/incidents/`: an incident cannot have them as its id. */
const reservedIncidentIds = new Set(['resolved', 'unresolved']);

interface Owner {
  file: string;
  locate: Locate;
  path: (string | number)[];
}

function duplicateProblem(id: string, what: string, first: Owner, second: Owner): Problem {
  return {
    file: second.file,
    severity: 'error',
    ...second.locate(second.path),
    code: 'DuplicateStatuspageId',
    message: `The statuspage_id "${id}" of this ${what} is also used at ${first.file}:${first.locate(first.path).line}.`,
    hint: 'Each imported record keeps its own Statuspage id: remove the copied statuspage_id, or re-run the import.',
  };
}

/** Reports every id already seen in `seen` (one id space per kind of record). */
function claim(seen: Map<string, Owner>, id: string | undefined, what: string, owner: Owner, problems: Problem[]) {
  if (id === undefined) return;
  const first = seen.get(id);
  if (first) problems.push(duplicateProblem(id, what, first, owner));
  else seen.set(id, owner);
}

/** Groups and components share Statuspage's one id space (a group is a component there). */
export function checkComponentStatuspageIds(
  file: string,
  value: Record<'groups' | 'components', readonly { statuspage_id?: string | undefined }[]>,
  locate: Locate,
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, Owner>();
  for (const list of ['groups', 'components'] as const)
    value[list].forEach((item, index) =>
      claim(
        seen,
        item.statuspage_id,
        list.slice(0, -1),
        { file, locate, path: [list, index, 'statuspage_id'] },
        problems,
      ),
    );
  return problems;
}

interface IdentifiedIncident {
  value: {
    file: string;
    slug: string;
    statuspage_id?: string | undefined;
    updates: readonly { statuspage_id?: string | undefined }[];
  };
  locate: Locate;
}

/**
 * Incident and update ids are unique across all files; an incident's id must not be another
 * incident's slug (its old link `/incidents/<id>/` would land on the wrong page) nor a name the
 * API uses (`resolved`, `unresolved`).
 */
export function checkIncidentStatuspageIds(incidents: readonly IdentifiedIncident[]): Problem[] {
  const problems: Problem[] = [];
  const incidentIds = new Map<string, Owner>();
  const updateIds = new Map<string, Owner>();
  const slugs = new Map(incidents.map((incident) => [incident.value.slug, incident.value.file]));
  for (const { value, locate } of incidents) {
    const id = value.statuspage_id;
    const path = ['statuspage_id'];
    claim(incidentIds, id, 'incident', { file: value.file, locate, path }, problems);
    const other = id === undefined || id === value.slug ? undefined : slugs.get(id);
    if (id !== undefined && (other !== undefined || reservedIncidentIds.has(id)))
      problems.push({
        file: value.file,
        severity: 'error',
        ...locate(path),
        code: 'StatuspageIdTaken',
        message: `The statuspage_id "${id}" is ${other ? `the slug of ${other}` : 'a name the API uses'}, so the old link /incidents/${id} could not lead here.`,
        hint: other ? `Rename ${other} (it is not an imported incident's slug).` : 'Keep the id Statuspage served.',
      });
    value.updates.forEach((update, index) =>
      claim(
        updateIds,
        update.statuspage_id,
        'update',
        { file: value.file, locate, path: ['updates', index, 'statuspage_id'] },
        problems,
      ),
    );
  }
  return problems;
}

import { barDays } from './derive.ts';
import type { Problem } from './problems.ts';
import type { Snapshot } from './history.ts';
import type { Incident } from './schema/index.ts';
import { isClosingStatus } from './vocabulary.ts';

/**
 * Warnings about an incident resolved more than this long before the build clock (older than the
 * home page's 90 days) are history: a migrated or long history would otherwise print thousands of
 * them on every run. They are counted in one line per code; `--verbose` lists them.
 */
export const oldWarningAgeMs = barDays * 86_400_000;

export interface WarningReport {
  /** Errors, and the warnings someone can still act on, in their order. */
  listed: Problem[];
  /** One line per code for the warnings about old incidents. */
  summaries: string[];
}

/** When an incident's last update closed it (`resolved`, `completed`); undefined while it is open. */
function closedAt(incident: Incident): number | undefined {
  const last = incident.updates[incident.updates.length - 1];
  return last && isClosingStatus(last.status) ? last.at : undefined;
}

const count = (n: number) => n.toLocaleString('en-US');

function summaryLine(code: string, problems: number, incidents: number, before: string): string {
  const verbose = '(run `npm run validate -- --verbose` for the list)';
  if (code === 'MissingPostmortem')
    return `${code}: ${count(incidents)} ${incidents === 1 ? 'incident' : 'incidents'} resolved before ${before} ${incidents === 1 ? 'has' : 'have'} no postmortem ${verbose}.`;
  return `${code}: ${count(problems)} ${problems === 1 ? 'warning' : 'warnings'} about ${count(incidents)} ${incidents === 1 ? 'incident' : 'incidents'} resolved before ${before} ${verbose}.`;
}

/**
 * Splits problems into those to print one by one and a summary of the warnings about incidents
 * resolved before `now - oldWarningAgeMs`. Errors are always listed, and so are warnings in
 * `changedFiles` (a pull request touched them, so its author can act on them).
 */
export function summarizeOldWarnings(
  problems: readonly Problem[],
  incidents: readonly Incident[],
  now: number,
  changedFiles: ReadonlySet<string> = new Set(),
): WarningReport {
  const cutoff = now - oldWarningAgeMs;
  const closed = new Map(incidents.map((incident) => [incident.file, closedAt(incident)]));
  const listed: Problem[] = [];
  const old = new Map<string, Problem[]>();
  for (const problem of problems) {
    const at = closed.get(problem.file);
    if (problem.severity === 'warning' && at !== undefined && at < cutoff && !changedFiles.has(problem.file))
      (old.get(problem.code) ?? old.set(problem.code, []).get(problem.code)!).push(problem);
    else listed.push(problem);
  }
  const before = new Date(cutoff).toISOString().slice(0, 10);
  const summaries = [...old.keys()].sort().map((code) => {
    const found = old.get(code)!;
    return summaryLine(code, found.length, new Set(found.map((problem) => problem.file)).size, before);
  });
  return { listed, summaries };
}

/** Incident files that are new or differ at the head from the base (what a pull request changes). */
export function changedIncidentFiles(base: Snapshot, head: Snapshot): Set<string> {
  const before = new Map(base.incidents.map(({ value }) => [value.file, JSON.stringify(value)]));
  return new Set(
    head.incidents
      .filter(({ value }) => before.get(value.file) !== JSON.stringify(value))
      .map(({ value }) => value.file),
  );
}

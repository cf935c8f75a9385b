import type { Snapshot } from '../domain/history.ts';
import { hasErrors, type Problem } from '../domain/problems.ts';
import type { Incident } from '../domain/schema/index.ts';
import { impactAfter } from '../domain/timeline.ts';
import { readBuildClock, readContentRoot } from '../node/clock.ts';
import { escapeForLog, escapeMarkdown, toCodeSpan, toTableCellCode } from '../domain/text-safety.ts';
import { summarize } from '../domain/problem-format.ts';
import { isOptionError, parseOptions } from './options.ts';
import { summarizeNotifications } from './notify-preview.ts';
import { reportedProblems, validate } from './validate.ts';
import { changedIncidentFiles, type WarningReport } from '../domain/old-warnings.ts';
import { commitmentCodes } from '../domain/commitments/pull-request.ts';

function componentList(incident: Incident): string {
  const ids = new Set(incident.components.map((component) => component.id));
  for (const update of incident.updates) for (const component of update.components ?? []) ids.add(component.id);
  return ids.size ? [...ids].map(toTableCellCode).join(', ') : 'none';
}

/**
 * The languages whose translations of already published text (earlier updates, the title, the
 * postmortem) this change adds, rewords or removes: readers of those languages see new text.
 */
function changedTranslations(old: Incident, incident: Incident): string[] {
  const languages = new Set<string>();
  const compare = (before: Record<string, unknown>, after: Record<string, unknown>) => {
    for (const language of new Set([...Object.keys(before), ...Object.keys(after)]))
      if (JSON.stringify(before[language]) !== JSON.stringify(after[language])) languages.add(language);
  };
  old.updates.forEach((update, index) => compare(update.translations, incident.updates[index]?.translations ?? {}));
  compare(old.translations, incident.translations);
  return [...languages].sort();
}

/** Markdown for the pull request's job summary: what merging it will publish. */
export function summarizePublication(base: Snapshot, head: Snapshot): string {
  const published = new Map(base.incidents.map((incident) => [incident.value.slug, incident.value]));
  const lines: string[] = ['## What this pull request publishes', ''];
  const rows: string[] = [];
  for (const { value: incident } of head.incidents) {
    const old = published.get(incident.slug);
    const added = incident.updates.slice(old?.updates.length ?? 0);
    // The impact readers see after all updates: an escalating update changes it too.
    const impactNow = incident.kind === 'maintenance' ? 'maintenance' : impactAfter(incident, incident.updates.length);
    const impactBefore = old && (old.kind === 'maintenance' ? 'maintenance' : impactAfter(old, old.updates.length));
    const impactChanged = old && impactBefore !== impactNow;
    const translated = old ? changedTranslations(old, incident) : [];
    if (old && added.length === 0 && !impactChanged && translated.length === 0) continue;
    const updates =
      added.length > 0 || translated.length === 0 ? [`${added.length} new update${added.length === 1 ? '' : 's'}`] : [];
    const translations = translated.length > 0 ? [`translations: ${translated.map(toTableCellCode).join(', ')}`] : [];
    const what = old ? [...updates, ...translations].join('; ') : `**new ${incident.kind}**`;
    const statuses = added.map((update) => update.status).join(' → ') || '—';
    const impact = impactChanged ? `${impactBefore} → **${impactNow}**` : impactNow;
    rows.push(
      `| ${toTableCellCode(incident.slug)} | ${escapeMarkdown(incident.title)} | ${what} | ${statuses} | ${impact} | ${componentList(incident)} |`,
    );
  }
  if (rows.length === 0) {
    lines.push('No new incidents or updates: nothing customers see changes.');
  } else {
    lines.push(
      '| incident | title | change | statuses | impact | components |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
    );
  }
  return lines.join('\n') + '\n';
}

const listedProblems = 20;

/**
 * The commitment warnings (components.yml's `commitments:`) about the files this pull request
 * changes: what merging it now would break, how late, and what the commitment is. Empty when none.
 */
export function summarizeCommitments(problems: readonly Problem[], changed: ReadonlySet<string>): string {
  const rows = problems
    .filter((problem) => commitmentCodes.has(problem.code) && changed.has(problem.file))
    .map(
      (problem) =>
        `| ${toTableCellCode(`${problem.file}:${problem.line}`)} | ${toTableCellCode(problem.code)} | ${escapeMarkdown(problem.message)} |`,
    );
  if (rows.length === 0) return '';
  return ['## ⚠️ Commitments', '', '| where | warning | what |', '| --- | --- | --- |', ...rows].join('\n') + '\n';
}

/**
 * The verdict first, in words: a failed validation can never read as a pass. `report` says which
 * problems to list one by one (errors, recent warnings, warnings in changed files) and counts the
 * warnings about incidents resolved long ago (see reportedProblems).
 */
export function summarizeValidation(
  problems: readonly Problem[],
  incidentCount: number,
  report: WarningReport = { listed: [...problems], summaries: [] },
): string {
  if (!hasErrors(problems)) {
    return `## ✅ Validation passed\n\n${incidentCount} incident files, ${summarize(problems)}.\n`;
  }
  const lines = [
    '## ❌ Validation failed: do not merge',
    '',
    `${summarize(problems)}. Each is annotated on its line and printed in full by the validate step.`,
    '',
    ...report.listed
      .slice(0, listedProblems)
      .map(
        (problem) =>
          `- ${toCodeSpan(`${problem.file}:${problem.line}:${problem.column}`)} ${problem.severity} ${toCodeSpan(problem.code)}: ${escapeMarkdown(problem.message)}`,
      ),
  ];
  if (report.listed.length > listedProblems) lines.push(`- and ${report.listed.length - listedProblems} more`);
  // Our own words, codes and counts: no author text to escape.
  lines.push(...report.summaries.map((summary) => `- ${summary}`));
  return lines.join('\n') + '\n';
}

const usage = 'Usage: node scripts/pr-summary.ts [<base-ref>] (prints the pull request summary as markdown)';

/** `node scripts/pr-summary.ts <base-ref>`: the verdict and what the working tree publishes. */
export function runPrSummaryCommand(
  args: readonly string[],
  io: { out: (text: string) => void; env: Record<string, string | undefined> },
): number {
  const parsed = parseOptions(args, { help: { type: 'boolean' } }, { command: 'node scripts/pr-summary.ts' });
  if (isOptionError(parsed) || parsed.values.help || parsed.positionals.length > 1) {
    io.out(`${isOptionError(parsed) ? `${escapeForLog(parsed.message)}\n` : ''}${usage}`);
    return isOptionError(parsed) || !parsed.values.help ? 2 : 0;
  }
  const root = readContentRoot(io.env);
  const now = readBuildClock(io.env);
  // One read of the tree and of the base serves the verdict and both summaries.
  const checked = validate({ root, now, base: parsed.positionals[0] });
  const { problems, incidentCount, snapshot: head } = checked;
  const published = checked.published ?? { incidents: [], slugs: new Set<string>() };
  io.out(summarizeValidation(problems, incidentCount, reportedProblems(checked, now, false)) + '\n');
  io.out(summarizePublication(published, head));
  const commitments = checked.published ? summarizeCommitments(problems, changedIncidentFiles(published, head)) : '';
  if (commitments) io.out(`\n${commitments}\n`);
  io.out(summarizeNotifications(published, head, now));
  return 0;
}

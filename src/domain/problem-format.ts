import type { Problem } from './problems.ts';
import { escapeForLog } from './text-safety.ts';

export type OutputFormat = 'human' | 'github';

/** `incidents/x.md:14:5 error UnknownComponent message` then an indented hint. */
export function formatHuman(problem: Problem): string {
  // The hint's own line breaks are layout (for example the corrected YAML); each line is kept on one line.
  const hint = problem.hint
    ? `\n    hint: ${problem.hint
        .split('\n')
        .map((line) => escapeForLog(line))
        .join('\n          ')}`
    : '';
  return `${escapeForLog(problem.file)}:${problem.line}:${problem.column} ${problem.severity} ${escapeForLog(problem.code)} ${escapeForLog(problem.message)}${hint}`;
}

/** Escapes a workflow command's message as GitHub documents: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value: as data, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A GitHub workflow command, so the pull request shows the problem on its line. */
export function formatGithub(problem: Problem, pathPrefix = ''): string {
  const properties = [
    `file=${escapeProperty(pathPrefix + problem.file)}`,
    `line=${problem.line}`,
    `col=${problem.column}`,
    `title=${escapeProperty(problem.code)}`,
  ].join(',');
  return `::${problem.severity} ${properties}::${escapeData(`${problem.message}\n${problem.hint}`)}`;
}

/**
 * Lines to print inside a GitHub Actions log. The readable report sits between
 * `::stop-commands::<token>` and `::<token>::`, so the runner ignores any
 * workflow command in it (GitHub's documented way to echo untrusted text);
 * the annotations follow, escaped. `token` must be unguessable, one per run.
 */
export function formatForActions(humanLines: readonly string[], problems: readonly Problem[], token: string): string[] {
  return [
    ...problems.map((problem) => formatGithub(problem)),
    `::stop-commands::${token}`,
    ...humanLines,
    `::${token}::`,
  ];
}

export function summarize(problems: readonly Problem[]): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

import type { Problem } from '../domain/problems.ts';

export type OutputFormat = 'human' | 'github';

/** `incidents/x.md:14:5 error UnknownComponent message` then an indented hint. */
export function formatHuman(problem: Problem): string {
  const hint = problem.hint ? `\n    hint: ${problem.hint.replace(/\n/g, '\n          ')}` : '';
  return `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.code} ${problem.message}${hint}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
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

export function summarize(problems: readonly Problem[]): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** Where a problem is, 1-based. Line 1 column 1 when a whole file is at fault. */
export interface Position {
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning';

/**
 * The one shape every check reports. `code` is permanent (tests, docs and
 * users' scripts rely on it); `message` says what is wrong and quotes the bad
 * value; `hint` gives the exact fix.
 */
export interface Problem extends Position {
  file: string;
  severity: Severity;
  code: string;
  message: string;
  hint: string;
}

/** Maps a path inside a parsed YAML document to the line of that key or item. */
export type Locate = (path: readonly (string | number)[], part?: 'key' | 'value') => Position;

export const startOfFile: Position = { line: 1, column: 1 };

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** Stable order: by file, then line, then column, then code. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}

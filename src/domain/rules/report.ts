import type { Locate, Problem } from '../problems.ts';
import type { ComponentsFile, Incident } from '../schema/index.ts';

export interface LocatedComponentsFile {
  file: string;
  value: ComponentsFile;
  locate: Locate;
}

export interface LocatedIncident {
  value: Incident;
  locate: Locate;
}

export type Report = (
  path: (string | number)[],
  code: string,
  message: string,
  hint: string,
  options?: { severity?: 'warning'; part?: 'key' | 'value' },
) => void;

export function reporter(file: string, locate: Locate, problems: Problem[]): Report {
  return (path, code, message, hint, options = {}) =>
    problems.push({
      file,
      severity: options.severity ?? 'error',
      ...locate(path, options.part),
      code,
      message,
      hint,
    });
}

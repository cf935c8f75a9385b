import { checkHistory, type Snapshot } from '../domain/history.ts';
import { checkCommitmentsInChange } from '../domain/commitments/pull-request.ts';
import { hasErrors, sortProblems, type Problem } from '../domain/problems.ts';
import { readBuildClock, readContentRoot } from '../node/clock.ts';
import { readSnapshotAtRef } from '../node/git.ts';
import { loadRepository } from '../node/load-repository.ts';
import { randomUUID } from 'node:crypto';
import { formatForActions, formatHuman, summarize } from '../domain/problem-format.ts';
import { escapeForLog } from '../domain/text-safety.ts';
import { changedIncidentFiles, summarizeOldWarnings, type WarningReport } from '../domain/old-warnings.ts';
import { isOptionError, parseOptions, type ParsedOptions } from './options.ts';

export interface ValidateOptions {
  root: string;
  now: number;
  base?: string | undefined;
}

export interface ValidateResult {
  problems: Problem[];
  incidentCount: number;
  /** The working tree as read, for callers that also summarise it (the pull request summary). */
  snapshot: Snapshot;
  /** What `base` holds, when it was given and could be read. */
  published?: Snapshot | undefined;
}

/** Everything `npm run validate` checks, as data: the build calls the same loader. */
export function validate({ root, now, base }: ValidateOptions): ValidateResult {
  const loaded = loadRepository(root, now);
  const problems = [...loaded.problems];
  let published: Snapshot | undefined;
  if (base !== undefined) {
    const atBase = readSnapshotAtRef(root, base);
    if (atBase.ok) {
      published = atBase.snapshot;
      problems.push(...checkHistory(published, loaded.snapshot, now));
      problems.push(...checkCommitmentsInChange(published, loaded.snapshot, now));
    } else problems.push(atBase.problem);
  }
  return { problems: sortProblems(problems), incidentCount: loaded.fileCount, snapshot: loaded.snapshot, published };
}

export interface Io {
  out: (line: string) => void;
  env: Record<string, string | undefined>;
}

/**
 * What to print one by one: everything with `verbose`; otherwise warnings about incidents resolved
 * long ago are counted per code, except in files changed since `base`.
 */
export function reportedProblems(
  { problems, snapshot, published }: ValidateResult,
  now: number,
  verbose: boolean,
): WarningReport {
  if (verbose) return { listed: problems, summaries: [] };
  const changed = published ? changedIncidentFiles(published, snapshot) : undefined;
  return summarizeOldWarnings(
    problems,
    snapshot.incidents.map(({ value }) => value),
    now,
    changed,
  );
}

const usage = `Usage: npm run validate -- [--base <git-ref>] [--format human|github] [--root <dir>] [--verbose]
  --base     also check that history published at <git-ref> is not rewritten
  --format   github adds annotations for pull requests (default when GITHUB_ACTIONS=true)
  --root     folder holding components.yml and incidents/ (default: STATUS_ROOT or .)
  --verbose  list every warning, also those about incidents resolved over 90 days ago
             (by default counted in one line per code)`;

/** The options of `npm run validate`, which `published validate` passes through. */
export const validateOptions = {
  base: { type: 'string' },
  format: { type: 'string' },
  root: { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

export type ValidateValues = ParsedOptions<typeof validateOptions>['values'];

/** Parses arguments, runs the checks, prints every problem; returns the exit code. */
export function runValidateCommand(args: readonly string[], io: Io): number {
  const parsed = parseOptions(args, validateOptions, { command: 'npm run validate', positionals: false });
  if (isOptionError(parsed)) {
    io.out(`${escapeForLog(`${parsed.message} ${parsed.takes}`)}\n${usage}`);
    return 2;
  }
  return runValidation(parsed.values, io);
}

/** `npm run validate` with options already read; prints the usage for `--help` or a bad `--format`. */
export function runValidation(values: ValidateValues, io: Io): number {
  if (values.help) {
    io.out(usage);
    return 0;
  }
  const { base, root = readContentRoot(io.env), verbose = false } = values;
  const format = values.format ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'human');
  if (format !== 'human' && format !== 'github') {
    io.out(`${escapeForLog(`--format "${format}" is not one of human, github.`)}\n${usage}`);
    return 2;
  }
  let now: number;
  try {
    now = readBuildClock(io.env);
  } catch (error) {
    io.out((error as Error).message);
    return 2;
  }
  const result = validate({ root, now, base });
  const { problems, incidentCount } = result;
  const { listed, summaries } = reportedProblems(result, now, verbose);
  const verdict = hasErrors(problems) ? 'failed' : 'passed';
  const report = [
    ...listed.map(formatHuman),
    ...summaries,
    `Validation ${verdict}: ${incidentCount} incident files, ${summarize(problems)}${base ? `, history checked against ${escapeForLog(base)}` : ''}.`,
  ];
  // In a GitHub Actions log even the readable report must not be able to issue workflow commands.
  const inActions = format === 'github' || io.env.GITHUB_ACTIONS === 'true';
  for (const line of inActions ? formatForActions(report, format === 'github' ? listed : [], randomUUID()) : report)
    io.out(line);
  return hasErrors(problems) ? 1 : 0;
}

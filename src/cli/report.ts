import { parseArgs } from 'node:util';
import { buildCommitmentsReport } from '../domain/commitments/report.ts';
import { formatHuman } from '../domain/problem-format.ts';
import { hasErrors } from '../domain/problems.ts';
import { dayMs, isCalendarDate, parseTimestamp, startOfCalendarDate } from '../domain/time.ts';
import { escapeForLog } from '../domain/text-safety.ts';
import { readBuildClock, readContentRoot } from '../node/clock.ts';
import { loadRepository } from '../node/load-repository.ts';
import { readPublicationTimes } from '../node/publication-times.ts';
import { renderReportCsv } from '../serialize/report/csv.ts';
import { renderReportJson } from '../serialize/report/json.ts';
import { renderReportMarkdown } from '../serialize/report/markdown.ts';

const usage = `Usage: npm run report -- [--from DATE] [--to DATE] [--format md|csv|json] [--ref REF] [--root DIR]
  --from    incidents that began on or after DATE (YYYY-MM-DD in the page's time zone, or a time
            with offset such as 2026-10-01T00:00:00Z); default: all history
  --to      incidents that began on or before DATE (a whole day), or before a time; default: now
  --format  md (tables, the default), csv (one row per incident) or json (see docs/report.md)
  --ref     the branch whose history dates each update (default: HEAD, the checked-out branch)
  --root    folder holding components.yml and incidents/ (default: STATUS_ROOT or .)`;

const renderers = { md: renderReportMarkdown, csv: renderReportCsv, json: renderReportJson };

/** A `--from`/`--to` value: a calendar day in the page's zone (`to`: through its end), or a time. */
function readBound(text: string | undefined, timeZone: string, end: boolean): number | undefined | Error {
  if (text === undefined) return undefined;
  if (isCalendarDate(text)) return startOfCalendarDate(text, timeZone) + (end ? dayMs : 0);
  const instant = parseTimestamp(text);
  if (!Number.isNaN(instant)) return instant;
  return new Error(
    `"${escapeForLog(text)}" is not a date. Write a day as 2026-10-01, or a time with its offset as 2026-10-01T00:00:00Z.`,
  );
}

interface Io {
  out: (text: string) => void;
  env: Record<string, string | undefined>;
}

/** `npm run report`: how often the page kept its commitments, from git. Returns the exit code. */
export function runReportCommand(args: readonly string[], io: Io): number {
  let options;
  try {
    options = parseArgs({
      args: [...args],
      strict: true,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string', default: 'md' },
        ref: { type: 'string', default: 'HEAD' },
        root: { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    io.out(`${escapeForLog((error as Error).message)}\n${usage}\n`);
    return 2;
  }
  if (options.help) {
    io.out(`${usage}\n`);
    return 0;
  }
  const format = options.format;
  if (format !== 'md' && format !== 'csv' && format !== 'json') {
    io.out(`--format is "${escapeForLog(format)}"; use md, csv or json.\n${usage}\n`);
    return 2;
  }
  const root = options.root ?? readContentRoot(io.env);
  const now = readBuildClock(io.env);
  const loaded = loadRepository(root, now);
  if (!loaded.repository || hasErrors(loaded.problems)) {
    const errors = loaded.problems.filter((problem) => problem.severity === 'error');
    io.out(
      `${errors.map(formatHuman).join('\n')}\nThe report needs valid files: fix the errors above (npm run validate).\n`,
    );
    return 1;
  }
  const { components, incidents } = loaded.repository;
  const from = readBound(options.from, components.page.timezone, false);
  const to = readBound(options.to, components.page.timezone, true);
  for (const bound of [from, to])
    if (bound instanceof Error) {
      io.out(`${bound.message}\n${usage}\n`);
      return 2;
    }
  const times = readPublicationTimes(root, now, options.ref);
  const report = buildCommitmentsReport({
    incidents,
    commitments: components.commitments,
    publications: times.byFile,
    from: from as number | undefined,
    to: to as number | undefined,
    now,
    notes: times.notes,
  });
  io.out(renderers[format](report));
  return 0;
}

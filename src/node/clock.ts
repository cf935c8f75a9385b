import { parseTimestamp } from '../domain/time.ts';

/**
 * The build clock: `STATUS_NOW` (ISO 8601 with offset) when set, so builds
 * are reproducible; otherwise the current time.
 */
export function readBuildClock(env: Record<string, string | undefined> = process.env): number {
  const fixed = env.STATUS_NOW;
  if (fixed === undefined || fixed === '') return Date.now();
  const instant = parseTimestamp(fixed);
  if (Number.isNaN(instant)) {
    throw new Error(
      `STATUS_NOW="${fixed}" is not an ISO 8601 time with an offset. Use, for example, STATUS_NOW=2026-11-23T12:00:00Z.`,
    );
  }
  return instant;
}

/** The content root: `STATUS_ROOT` when set (fixtures, benchmarks), else the working directory. */
export function readContentRoot(env: Record<string, string | undefined> = process.env): string {
  return env.STATUS_ROOT || process.cwd();
}

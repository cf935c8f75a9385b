import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTimestamp } from '../domain/time.ts';

/** The sample's clock file, next to its components.yml; `npm start` builds the sample at it. */
export const sampleClockFile = 'sample.now';

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

/**
 * Whether this build runs on the sample's own clock: `STATUS_NOW` set to exactly the instant in
 * `sample.now` in the content root, as `npm start` does for the sample. Its pages then count time
 * from the build clock, so the demo looks alive whenever it is opened. A real site never matches:
 * its deploys build on the real clock (no `STATUS_NOW`), and `sample.now` goes with the sample.
 */
export function isSampleClock(root: string, env: Record<string, string | undefined> = process.env): boolean {
  const file = join(root, sampleClockFile);
  if (!env.STATUS_NOW || !existsSync(file)) return false;
  const sample = parseTimestamp(readFileSync(file, 'utf8').trim());
  return !Number.isNaN(sample) && sample === readBuildClock(env);
}

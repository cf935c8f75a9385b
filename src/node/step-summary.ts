// Imported by the scheduled rebuild check, which runs without `npm ci`: node:* only.
import { appendFileSync } from 'node:fs';

/**
 * Appends markdown lines to the GitHub Actions job summary (`GITHUB_STEP_SUMMARY`), each ending
 * in a line break; outside Actions it does nothing. Every command writes its summary through here.
 */
export function appendStepSummary(env: Record<string, string | undefined>, lines: readonly string[]): void {
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${lines.join('\n')}\n`);
}

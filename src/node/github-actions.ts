// Imported by the scheduled rebuild check, which runs without `npm ci`: node:* and files that
// import nothing installed only.
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { flattenToLine } from '../domain/text-safety.ts';

type Env = Record<string, string | undefined>;

/**
 * Appends markdown lines to the GitHub Actions job summary (`GITHUB_STEP_SUMMARY`), each ending
 * in a line break; outside Actions it does nothing. Every command writes its summary through here.
 */
export function appendStepSummary(env: Env, lines: readonly string[]): void {
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${lines.join('\n')}\n`);
}

/**
 * Sets step outputs (`GITHUB_OUTPUT`) for later steps; outside Actions it does nothing. Each value
 * is flattened to one line and written in the `name<<delimiter` form with a delimiter derived from
 * all values, so no value (an author's title, a live site's answer) can end early or set another
 * output. Every command sets its outputs through here.
 */
export function setStepOutputs(env: Env, outputs: Record<string, string>): void {
  if (!env.GITHUB_OUTPUT) return;
  const delimiter = `statusmark_${createHash('sha256').update(JSON.stringify(outputs)).digest('hex')}`;
  const lines = Object.entries(outputs).map(
    ([name, text]) => `${name}<<${delimiter}\n${flattenToLine(text).trim()}\n${delimiter}\n`,
  );
  appendFileSync(env.GITHUB_OUTPUT, lines.join(''));
}

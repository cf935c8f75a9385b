import { appendFileSync } from 'node:fs';
import type { NotificationChannel } from '../domain/schema/index.ts';

/** One row of the notifications table in the job summary: the result stays one table cell. */
export function summaryRow(channel: NotificationChannel, result: string): string {
  const cell = result.replace(/\s+/g, ' ').replace(/\|/g, '\\|').replace(/[<>]/g, '');
  return `| ${channel.id} | ${channel.kind} | ${cell} |`;
}

/** Appends to the job summary when running in GitHub Actions. */
export function writeStepSummary(env: Record<string, string | undefined>, lines: readonly string[]): void {
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${lines.join('\n')}\n`);
}

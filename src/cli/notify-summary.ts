import { appendFileSync } from 'node:fs';
import type { NotificationChannel } from '../domain/schema.ts';

/**
 * One row of the notifications table in the job summary. `result` is our own words with any
 * peer text (a receiver's or mail server's reply) already in code spans (`markdownCode`), so
 * nothing a peer says renders as a link, image or emphasis on the run page (issue 22).
 */
export function summaryRow(channel: NotificationChannel, result: string): string {
  return `| ${channel.id} | ${channel.kind} | ${result.replace(/\s+/g, ' ')} |`;
}

/** Appends to the job summary when running in GitHub Actions. */
export function writeStepSummary(env: Record<string, string | undefined>, lines: readonly string[]): void {
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${lines.join('\n')}\n`);
}

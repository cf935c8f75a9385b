import type { NotificationChannel } from '../domain/schema.ts';

/** One row of the notifications table in the job summary: the result stays one table cell. */
export function summaryRow(channel: NotificationChannel, result: string): string {
  const cell = result.replace(/\s+/g, ' ').replace(/\|/g, '\\|').replace(/[<>]/g, '');
  return `| ${channel.id} | ${channel.kind} | ${cell} |`;
}

/** The one job-summary writer, under the name the notification commands use. */
export { appendStepSummary as writeStepSummary } from '../node/step-summary.ts';

import { escapeForLog, toTableCellCode } from '../domain/text-safety.ts';
import type { NotificationChannel } from '../domain/schema/index.ts';
import { formatZonedIso } from '../domain/time.ts';
import type { LedgerStore } from '../node/notify/ledger-store.ts';
import { appendStepSummary } from '../node/github-actions.ts';
import type { ChannelOutcome } from '../node/notify/run.ts';

/**
 * One row of the notifications table in the job summary. `result` is our own words with any
 * peer text (a receiver's or mail server's reply) already in code spans (`toTableCellCode`), so
 * nothing a peer says renders as a link, image or emphasis on the run page (issue 22).
 */
export function summaryRow(channel: NotificationChannel, result: string): string {
  return `| ${channel.id} | ${channel.kind} | ${result.replace(/\s+/g, ' ')} |`;
}

/** A channel's result in our words, with the peer's own text (errors, warnings) passed through `peer`. */
function describeOutcome(outcome: ChannelOutcome, peer: (text: string) => string): string {
  let result: string;
  if (outcome.skipped) result = `skipped: ${outcome.skipped}`;
  else if (outcome.firstRun)
    result = `first run: recorded ${outcome.recorded} published update${outcome.recorded === 1 ? '' : 's'}, sent nothing`;
  else if (outcome.failed)
    result = `FAILED: ${peer(outcome.failed.error)}; sent ${outcome.sent.length}, ${outcome.failed.ids.length} left for the next run`;
  else result = `sent ${outcome.sent.length}${outcome.sent.length ? ` (${outcome.sent.join(', ')})` : ''}`;
  if (outcome.warnings.length > 0) result += `; warning: ${outcome.warnings.map(peer).join('; ')}`;
  return result;
}

/** Prints each channel's result and writes the job summary table; exit code 1 when anything failed. */
export function reportOutcomes(
  outcomes: ChannelOutcome[],
  recorded: boolean,
  store: LedgerStore,
  now: number,
  zone: string,
  io: { out: (line: string) => void; env: Record<string, string | undefined> },
): number {
  const lines: string[] = [];
  const summary = [
    `### Notifications (${formatZonedIso(now, zone)})`,
    '',
    '| channel | kind | result |',
    '| --- | --- | --- |',
  ];
  for (const outcome of outcomes.sort((a, b) => a.channel.id.localeCompare(b.channel.id))) {
    const { channel } = outcome;
    // What a receiver or mail server said is peer text: one visible line in the log, code in the summary.
    lines.push(`${channel.id} (${channel.kind}): ${describeOutcome(outcome, escapeForLog)}`);
    summary.push(summaryRow(channel, describeOutcome(outcome, toTableCellCode)));
  }
  if (!recorded) {
    lines.push(
      `error: deliveries could not be recorded in ${store.description}; claimed updates are retried after an hour.`,
    );
    summary.push('', '**The ledger could not be updated; claimed updates are retried after an hour.**');
  }
  for (const line of lines) io.out(line);
  appendStepSummary(io.env, summary);
  const failed = outcomes.some((outcome) => outcome.failed) || !recorded;
  return failed ? 1 : 0;
}

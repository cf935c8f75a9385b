import { summaryRow } from './notify-summary.ts';
import { appendStepSummary } from '../node/github-actions.ts';
import { deliver, missingSecret } from '../node/notify/deliver.ts';
import type { PostOptions } from '../node/notify/http-post.ts';
import { readOperatorSettings } from '../node/notify/operator-channels.ts';
import { buildFailedMessage, renderBuildFailedPayload } from '../serialize/notify/build-failed.ts';
import { formatHuman } from '../domain/problem-format.ts';
import { escapeForLog, toTableCellCode } from '../domain/text-safety.ts';

export interface BuildFailedOptions {
  root: string;
  runUrl: string;
  reason?: string | undefined;
  dryRun: boolean;
  payloads: boolean;
}

interface Io {
  out: (line: string) => void;
  env: Record<string, string | undefined>;
  http?: Partial<PostOptions>;
}

/** An absolute http(s) URL, normalised, or undefined. */
export function parseRunUrl(text: string): string | undefined {
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
}

/**
 * `npm run notify -- --build-failed`: tells every channel listing `build_failed` that the page could
 * not be rebuilt. No ledger: each failed run alerts once, and repeated failures are not folded.
 */
export async function runBuildFailedAlert(options: BuildFailedOptions, now: number, io: Io): Promise<number> {
  const read = readOperatorSettings(options.root);
  if (!read.ok) {
    for (const problem of read.problems) io.out(formatHuman(problem));
    io.out('components.yml could not be read, so no operator alert was sent.');
    return 1;
  }
  const settings = read.value;
  for (const problem of settings.problems) io.out(formatHuman(problem));
  if (settings.problems.length > 0)
    io.out('warning: the channels with the problems above were skipped; the others are alerted.');
  if (settings.channels.length === 0) {
    io.out('No notification channel in components.yml lists the build_failed event; no operator alert was sent.');
    return 0;
  }
  // The email Message-ID needs a host: the page's when components.yml has a usable one.
  const pageUrl = settings.pageUrl && parseRunUrl(settings.pageUrl) ? settings.pageUrl : new URL(options.runUrl).origin;
  const message = buildFailedMessage({
    pageName: settings.pageName,
    language: settings.language,
    pageUrl,
    runUrl: options.runUrl,
    reason: options.reason,
    at: now,
  });
  if (options.dryRun) {
    io.out(`[${message.statusLabel}] ${message.title}\n${message.text}`);
    for (const channel of settings.channels) {
      const skipped = missingSecret(channel, io.env);
      io.out(`\n== ${channel.id} (${channel.kind})${skipped ? ` — skipped on a real run: ${skipped}` : ''}`);
      if (options.payloads) {
        const payload = renderBuildFailedPayload(channel.kind, message, options.reason);
        io.out(
          payload.kind === 'json'
            ? JSON.stringify(JSON.parse(payload.body), null, 2)
            : JSON.stringify(payload.email, null, 2),
        );
      }
    }
    io.out('\nDry run: nothing was sent.');
    return 0;
  }
  const results = await Promise.all(
    settings.channels.map(async (channel) => {
      const skipped = missingSecret(channel, io.env);
      if (skipped) return { channel, result: `skipped: ${skipped}`, error: undefined, failed: false };
      const payload = renderBuildFailedPayload(channel.kind, message, options.reason);
      const sent = await deliver(channel, payload, io.env, { messageId: message.id, siteUrl: pageUrl, http: io.http });
      return sent.ok
        ? { channel, result: 'sent the operator alert', error: undefined, failed: false }
        : { channel, result: 'FAILED: ', error: sent.error ?? 'failed', failed: true };
    }),
  );
  const summary = [
    '### Operator alert: the status page could not be rebuilt',
    '',
    '| channel | kind | result |',
    '| --- | --- | --- |',
  ];
  // A receiver's or mail server's reply is peer text: one visible line in the log, code in the summary.
  for (const { channel, result, error } of results.sort((a, b) => a.channel.id.localeCompare(b.channel.id))) {
    const log = `${result}${error === undefined ? '' : escapeForLog(error)}`;
    io.out(`${result.startsWith('skipped') ? 'warning: ' : ''}${channel.id} (${channel.kind}): ${log}`);
    summary.push(summaryRow(channel, `${result}${error === undefined ? '' : toTableCellCode(error)}`));
  }
  appendStepSummary(io.env, summary);
  return results.some((item) => item.failed) ? 1 : 0;
}

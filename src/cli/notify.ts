import { resolve } from 'node:path';
import { publicAudience } from '../domain/audience.ts';
import { audienceViews } from '../domain/notify/audience-views.ts';
import { notifySite, planMessages, type NotifySite } from '../domain/notify/plan-messages.ts';
import { formatHuman } from '../domain/problem-format.ts';
import { hasErrors, sortProblems } from '../domain/problems.ts';
import { readBuildClock, readContentRoot } from '../node/clock.ts';
import { loadRepository } from '../node/load-repository.ts';
import { missingSecret } from '../node/notify/deliver.ts';
import { fileLedgerStore, gitBranchLedgerStore, type LedgerStore } from '../node/notify/ledger-store.ts';
import { readDryRunLedger, sendNotifications, type NotifyIo } from '../node/notify/run.ts';
import { messageFacts, writeMessages, type NotificationMessage } from '../serialize/notify/message.ts';
import { renderPayload } from '../serialize/notify/render.ts';
import { parseRunUrl, runBuildFailedAlert } from './notify-build-failed.ts';
import { reportOutcomes } from './notify-summary.ts';
import { isOptionError, parseOptions } from './options.ts';
import { appendStepSummary } from '../node/github-actions.ts';
import { escapeForLog } from '../domain/text-safety.ts';

export type { NotifyIo } from '../node/notify/run.ts';

export const defaultLedgerBranch = 'statusmark-notify-ledger';

const usage = `Usage: npm run notify -- [--dry-run] [--payloads] [--since <time>] [--ledger-branch <name>] [--remote <name>] [--ledger-file <path>] [--root <dir>]
       npm run notify -- --build-failed --run-url <url> [--reason <text>] [--dry-run] [--payloads] [--root <dir>]
  --build-failed   operator alert: tell channels listing the build_failed event that the page
                   could not be rebuilt, with a link to --run-url; no ledger, content not validated
  --dry-run        print what would be sent, with the rendered text; send and record nothing
  --payloads       with --dry-run, also print each channel's exact JSON body
  --since          with --dry-run, treat everything published before <time> as delivered
                   (default when no ledger exists yet: 24 hours before the build clock)
  --ledger-branch  branch holding ledger.json on the remote (default ${defaultLedgerBranch})
  --remote         git remote of that branch (default origin)
  --ledger-file    keep the ledger in a local file instead of a branch
  --root           folder holding components.yml and incidents/ (default: STATUS_ROOT or .)`;

interface Options {
  dryRun: boolean;
  payloads: boolean;
  since?: string;
  root?: string;
  ledgerBranch: string;
  remote: string;
  ledgerFile?: string;
  buildFailed: boolean;
  runUrl?: string;
  reason?: string;
}

const notifyOptions = {
  'dry-run': { type: 'boolean' },
  payloads: { type: 'boolean' },
  since: { type: 'string' },
  'ledger-branch': { type: 'string' },
  remote: { type: 'string' },
  'ledger-file': { type: 'string' },
  root: { type: 'string' },
  'build-failed': { type: 'boolean' },
  'run-url': { type: 'string' },
  reason: { type: 'string' },
} as const;

/** The command line, checked; a string is what is wrong with it. */
function readOptions(args: readonly string[]): Options | string {
  const parsed = parseOptions(args, notifyOptions, { command: 'npm run notify', positionals: false });
  if (isOptionError(parsed)) return `${parsed.message} ${parsed.takes}`;
  const { values } = parsed;
  const options: Options = {
    dryRun: values['dry-run'] ?? false,
    payloads: values.payloads ?? false,
    ledgerBranch: values['ledger-branch'] ?? defaultLedgerBranch,
    remote: values.remote ?? 'origin',
    buildFailed: values['build-failed'] ?? false,
    since: values.since,
    root: values.root,
    ledgerFile: values['ledger-file'],
    runUrl: values['run-url'],
    reason: values.reason,
  };
  if (options.buildFailed) {
    if (options.runUrl === undefined) return '--build-failed needs --run-url <url of the failed run>.';
    if (!parseRunUrl(options.runUrl)) return `--run-url "${options.runUrl}" is not an http(s) URL.`;
  } else if (options.runUrl !== undefined || options.reason !== undefined)
    return '--run-url and --reason only go with --build-failed.';
  if (options.since !== undefined && Number.isNaN(Date.parse(options.since)))
    return `--since "${options.since}" is not a time.`;
  return options;
}

/** The repository's notification view at `now`, or undefined (problems printed) when the content is invalid. */
function loadSite(root: string, now: number, out: (line: string) => void): NotifySite | undefined {
  const loaded = loadRepository(root, now);
  if (!loaded.repository || hasErrors(loaded.problems)) {
    for (const problem of sortProblems(loaded.problems).filter((item) => item.severity === 'error'))
      out(formatHuman(problem));
    out('The content is invalid; nothing was sent.');
    return undefined;
  }
  return notifySite(audienceViews(loaded.repository, now), loaded.repository.components.notifications);
}

/** `npm run notify`: sends what this build publishes and no channel has had yet. */
export async function runNotifyCommand(args: readonly string[], io: NotifyIo): Promise<number> {
  const options = readOptions(args);
  if (typeof options === 'string') {
    io.out(`${escapeForLog(options)}\n${usage}`);
    return 2;
  }
  const now = readBuildClock(io.env);
  const root = resolve(options.root ?? readContentRoot(io.env));
  if (options.buildFailed)
    return runBuildFailedAlert({ ...options, root, runUrl: parseRunUrl(options.runUrl!)! }, now, io);
  const site = loadSite(root, now, io.out);
  if (!site) return 1;
  const store = options.ledgerFile
    ? fileLedgerStore(resolve(options.ledgerFile))
    : gitBranchLedgerStore(root, options.ledgerBranch, options.remote);
  if (site.channels.length === 0) {
    io.out('No notification channels are configured in components.yml; nothing to send.');
    return 0;
  }
  return options.dryRun ? dryRun(site, store, options, now, io) : sendRun(site, store, now, io);
}

/** Prints what a real run would send, with the rendered text (and with --payloads, the bodies). */
async function dryRun(site: NotifySite, store: LedgerStore, options: Options, now: number, io: NotifyIo) {
  const since = options.since === undefined ? undefined : Date.parse(options.since);
  const { ledger, notes } = await readDryRunLedger(site, store, since, now);
  for (const note of notes) io.out(note);
  let total = 0;
  for (const plan of planMessages(site, ledger, now)) {
    const skipped = missingSecret(plan.channel, io.env);
    const messages = writeMessages(plan);
    total += messages.length;
    io.out(
      `\n== ${plan.channel.id} (${plan.channel.kind}): ${plan.firstRun ? 'first run, records only' : `${messages.length} message${messages.length === 1 ? '' : 's'}`}${skipped ? ` — skipped on a real run: ${skipped}` : ''}`,
    );
    for (const { message } of messages) {
      io.out(`\n-- ${message.id}\n${renderPlainText(message)}`);
      if (options.payloads) {
        const payload = renderPayload(plan.channel.kind, message, plan.view.state, plan.view.links);
        io.out(
          payload.kind === 'json'
            ? JSON.stringify(JSON.parse(payload.body), null, 2)
            : JSON.stringify(payload.email, null, 2),
        );
      }
    }
  }
  io.out(`\nDry run: ${total} message${total === 1 ? '' : 's'} would be sent; nothing was sent or recorded.`);
  return 0;
}

/** The text a person reads, as the dry run shows it: the message's own labels, in its language. */
function renderPlainText(message: NotificationMessage): string {
  // The status stands in the first line's brackets; the other facts follow one per line.
  const [, ...facts] = messageFacts(message);
  const lines = [
    `[${message.statusLabel}] ${message.title}`,
    ...facts.map(([label, value]) => `${label}: ${value}`),
    message.text,
    message.url,
  ];
  return lines.filter(Boolean).join('\n');
}

/** Sends, then prints each channel's result and writes the job summary. */
async function sendRun(site: NotifySite, store: LedgerStore, now: number, io: NotifyIo): Promise<number> {
  const result = await sendNotifications(site, store, now, io);
  if ('ledgerError' in result) {
    io.out(`error: the notification ledger (${store.description}) could not be read or written: ${result.ledgerError}`);
    io.out('Nothing was sent.');
    appendStepSummary(io.env, [`**Notifications:** the ledger could not be used; nothing was sent.`]);
    return 1;
  }
  return reportOutcomes(
    result.outcomes,
    result.recorded,
    store,
    now,
    site.audience(publicAudience).state.page.timezone,
    io,
  );
}

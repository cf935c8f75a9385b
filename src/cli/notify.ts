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
import { reportOutcomes, writeStepSummary } from './notify-summary.ts';

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

/** The command line, checked; a string is what is wrong with it. */
function parseOptions(args: readonly string[]): Options | string {
  const options: Options = {
    dryRun: false,
    payloads: false,
    ledgerBranch: defaultLedgerBranch,
    remote: 'origin',
    buildFailed: false,
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const value = () => args[++index] ?? '';
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--payloads') options.payloads = true;
    else if (arg === '--since') options.since = value();
    else if (arg === '--root') options.root = value();
    else if (arg === '--ledger-branch') options.ledgerBranch = value();
    else if (arg === '--remote') options.remote = value();
    else if (arg === '--ledger-file') options.ledgerFile = value();
    else if (arg === '--build-failed') options.buildFailed = true;
    else if (arg === '--run-url') options.runUrl = value();
    else if (arg === '--reason') options.reason = value();
    else return `Unknown option "${arg}".`;
  }
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
  const options = parseOptions(args);
  if (typeof options === 'string') {
    io.out(`${options}\n${usage}`);
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
    writeStepSummary(io.env, [`**Notifications:** the ledger could not be used; nothing was sent.`]);
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

import { resolve } from 'node:path';
import { deriveStatusState, type StatusState } from '../domain/derive.ts';
import { hasErrors, sortProblems } from '../domain/problems.ts';
import type { ComponentsFile, NotificationChannel } from '../domain/schema.ts';
import { formatZonedIso } from '../domain/time.ts';
import { readBuildClock, readContentRoot } from '../node/clock.ts';
import { loadRepository } from '../node/load-repository.ts';
import { deliver, missingSecret } from '../node/notify/deliver.ts';
import type { PostOptions } from '../node/notify/http-post.ts';
import { fileLedgerStore, gitBranchLedgerStore, type LedgerStore } from '../node/notify/ledger-store.ts';
import { collectPublishedEvents, type PublishedEvent } from '../serialize/notify/events.ts';
import { applyLedgerChanges, emptyLedger, type Ledger, type LedgerChange } from '../serialize/notify/ledger.ts';
import type { NotificationMessage } from '../serialize/notify/message.ts';
import { planDeliveries, type ChannelPlan } from '../serialize/notify/plan.ts';
import { renderPayload } from '../serialize/notify/render.ts';
import { languageViews, messagesOf } from '../serialize/notify/language-views.ts';
import { createPermalinks, type Permalinks } from '../domain/permalinks.ts';
import { formatHuman } from '../domain/problem-format.ts';
import { summaryRow, writeStepSummary } from './notify-summary.ts';
import { parseRunUrl, runBuildFailedAlert } from './notify-build-failed.ts';
import { isOptionError, parseOptions } from './options.ts';

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

export interface NotifyIo {
  out: (line: string) => void;
  env: Record<string, string | undefined>;
  /** Test hook: faster retries. */
  http?: Partial<PostOptions>;
}

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

function parseArgs(args: readonly string[]): Options | string {
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

interface Context {
  state: StatusState;
  links: Permalinks;
  file: ComponentsFile;
  events: PublishedEvent[];
}

function loadContext(root: string, now: number, out: (line: string) => void): Context | undefined {
  const loaded = loadRepository(root, now);
  if (!loaded.repository || hasErrors(loaded.problems)) {
    for (const problem of sortProblems(loaded.problems).filter((item) => item.severity === 'error'))
      out(formatHuman(problem));
    out('The content is invalid; nothing was sent.');
    return undefined;
  }
  const file = loaded.repository.components;
  const state = deriveStatusState(file, loaded.repository.incidents, now);
  const links = createPermalinks(file.page.base_path, file.page.url);
  return { state, links, file, events: collectPublishedEvents(state, links, file.notifications.channels) };
}

/** `npm run notify`: sends what this build publishes and no channel has had yet. */
export async function runNotifyCommand(args: readonly string[], io: NotifyIo): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    io.out(`${options}\n${usage}`);
    return 2;
  }
  const now = readBuildClock(io.env);
  const root = resolve(options.root ?? readContentRoot(io.env));
  if (options.buildFailed)
    return runBuildFailedAlert({ ...options, root, runUrl: parseRunUrl(options.runUrl!)! }, now, io);
  const context = loadContext(root, now, io.out);
  if (!context) return 1;
  const store = options.ledgerFile
    ? fileLedgerStore(resolve(options.ledgerFile))
    : gitBranchLedgerStore(root, options.ledgerBranch, options.remote);
  if (context.file.notifications.channels.length === 0) {
    io.out('No notification channels are configured in components.yml; nothing to send.');
    return 0;
  }
  return options.dryRun ? dryRun(context, store, options, now, io) : sendRun(context, store, now, io);
}

async function dryRun(context: Context, store: LedgerStore, options: Options, now: number, io: NotifyIo) {
  const { file, events } = context;
  let ledger: Ledger = emptyLedger();
  let since = options.since === undefined ? undefined : Date.parse(options.since);
  try {
    const stored = await store.read();
    if (stored.found) ledger = stored.ledger;
    else since ??= now - 24 * 3_600_000;
  } catch (error) {
    io.out(`No ledger available (${store.description}): ${(error as Error).message.split('\n')[0]}`);
    since ??= now - 24 * 3_600_000;
  }
  if (since !== undefined) {
    io.out(`Dry run: treating everything published before ${new Date(since).toISOString()} as already delivered.`);
    const done = events.filter((event) => event.at < since).map((event) => event.id);
    ledger = applyLedgerChanges(
      emptyLedger(),
      file.notifications.channels.map((channel) => ({ channel: channel.id, done })),
    );
  }
  const viewOf = languageViews(context.state, context.links, context.events, context.file.notifications.channels);
  const plans = planDeliveries(events, file.notifications.channels, ledger, now, file.notifications.max_per_run);
  let total = 0;
  for (const plan of plans) {
    const skipped = missingSecret(plan.channel, io.env);
    const view = viewOf(plan.channel);
    const messages = messagesOf(plan, view);
    total += messages.length;
    io.out(
      `\n== ${plan.channel.id} (${plan.channel.kind}): ${plan.firstRun ? 'first run, records only' : `${messages.length} message${messages.length === 1 ? '' : 's'}`}${skipped ? ` — skipped on a real run: ${skipped}` : ''}`,
    );
    for (const { message } of messages) {
      io.out(`\n-- ${message.id}\n${renderPlainText(message)}`);
      if (options.payloads) {
        const payload = renderPayload(plan.channel.kind, message, view.state, view.links);
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

/** The text a person reads, as the dry run and the PR summary show it. */
export function renderPlainText(message: NotificationMessage): string {
  const lines = [
    `[${message.statusLabel}] ${message.title}`,
    message.impactLabel && `Impact: ${message.impactLabel}`,
    message.components.length > 0 && `Affected: ${message.components.join(', ')}`,
    message.nextUpdate && `Next update by: ${message.nextUpdate}`,
    message.text,
    message.url,
  ];
  return lines.filter(Boolean).join('\n');
}

interface ChannelOutcome {
  channel: NotificationChannel;
  sent: string[];
  warnings: string[];
  failed?: { ids: string[]; error: string };
  skipped?: string;
  firstRun?: boolean;
  recorded: number;
}

/** Claims, delivers, then records; every ledger write is compare-and-swap with re-read on conflict. */
async function sendRun(context: Context, store: LedgerStore, now: number, io: NotifyIo): Promise<number> {
  const { state, links, file, events } = context;
  const outcomes: ChannelOutcome[] = [];
  const usable = file.notifications.channels.filter((channel) => {
    const skipped = missingSecret(channel, io.env);
    if (skipped) {
      io.out(`warning: channel "${channel.id}" (${channel.kind}) skipped: ${skipped}.`);
      outcomes.push({ channel, sent: [], warnings: [], skipped, recorded: 0 });
    }
    return !skipped;
  });
  const claimedAt = new Date(now).toISOString();
  let plans: ChannelPlan[] = [];
  try {
    for (let attempt = 1; ; attempt++) {
      const stored = await store.read();
      plans = planDeliveries(events, usable, stored.ledger, now, file.notifications.max_per_run);
      const changes: LedgerChange[] = plans
        .map((plan) => ({
          channel: plan.channel.id,
          done: plan.silent,
          claim: [...plan.send, ...plan.overflow].map((event) => event.id),
          claimedAt,
        }))
        .filter((change) => change.done.length + change.claim.length > 0 || !stored.ledger.channels[change.channel]);
      if (changes.length === 0) break;
      if (await store.write(applyLedgerChanges(stored.ledger, changes), stored.version)) break;
      if (attempt === 5) throw new Error('another run kept writing the ledger; try again.');
    }
  } catch (error) {
    io.out(
      `error: the notification ledger (${store.description}) could not be read or written: ${(error as Error).message.split('\n')[0]}`,
    );
    io.out('Nothing was sent.');
    writeStepSummary(io.env, [`**Notifications:** the ledger could not be used; nothing was sent.`]);
    return 1;
  }

  const viewOf = languageViews(context.state, context.links, context.events, context.file.notifications.channels);
  const siteUrl = links.absolute(links.home());
  // Each delivery is recorded as soon as it succeeds, so a run killed later (a slow channel, a
  // cancelled job) repeats nothing another channel already received.
  const recorder = createRecorder(store, io);
  const results = await Promise.all(
    plans.map(async (plan): Promise<ChannelOutcome> => {
      const outcome: ChannelOutcome = {
        channel: plan.channel,
        sent: [],
        warnings: [],
        firstRun: plan.firstRun,
        recorded: plan.silent.length,
      };
      const view = viewOf(plan.channel);
      const messages = messagesOf(plan, view);
      for (const [index, { message, ids }] of messages.entries()) {
        const payload = renderPayload(plan.channel.kind, message, view.state, view.links);
        const result = await deliver(plan.channel, payload, io.env, { messageId: message.id, siteUrl, http: io.http });
        if (result.ok) {
          outcome.sent.push(...ids);
          if (result.warning) outcome.warnings.push(`${message.id}: ${result.warning}`);
          void recorder.record({ channel: plan.channel.id, done: ids, release: [] });
          continue;
        }
        // Keep order: stop this channel at its first failure; the rest is retried next run.
        outcome.failed = { ids: messages.slice(index).flatMap((item) => item.ids), error: result.error ?? 'failed' };
        void recorder.record({ channel: plan.channel.id, done: [], release: outcome.failed.ids });
        break;
      }
      return outcome;
    }),
  );
  outcomes.push(...results);
  const recorded = await recorder.settled();
  return report(outcomes, recorded, store, now, state.page.timezone, io);
}

/**
 * Writes ledger changes one compare-and-swap at a time; changes that arrive while a write is
 * under way go together in the next one.
 */
function createRecorder(store: LedgerStore, io: NotifyIo) {
  let pending: LedgerChange[] = [];
  let queue: Promise<void> = Promise.resolve();
  let allRecorded = true;
  const flush = async () => {
    const changes = pending;
    pending = [];
    if (changes.length === 0) return;
    let written = false;
    for (let attempt = 1; !written && attempt <= 10; attempt++) {
      try {
        const stored = await store.read();
        written = await store.write(applyLedgerChanges(stored.ledger, changes), stored.version);
      } catch (error) {
        io.out(`warning: recording deliveries failed (${(error as Error).message.split('\n')[0]}); retrying.`);
      }
    }
    if (!written) allRecorded = false;
  };
  return {
    record(change: LedgerChange): Promise<void> {
      pending.push(change);
      queue = queue.then(flush);
      return queue;
    },
    async settled(): Promise<boolean> {
      await queue;
      return allRecorded;
    },
  };
}

function report(
  outcomes: ChannelOutcome[],
  recorded: boolean,
  store: LedgerStore,
  now: number,
  zone: string,
  io: NotifyIo,
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
    let result: string;
    if (outcome.skipped) result = `skipped: ${outcome.skipped}`;
    else if (outcome.firstRun)
      result = `first run: recorded ${outcome.recorded} published update${outcome.recorded === 1 ? '' : 's'}, sent nothing`;
    else if (outcome.failed)
      result = `FAILED: ${outcome.failed.error}; sent ${outcome.sent.length}, ${outcome.failed.ids.length} left for the next run`;
    else result = `sent ${outcome.sent.length}${outcome.sent.length ? ` (${outcome.sent.join(', ')})` : ''}`;
    if (outcome.warnings.length > 0) result += `; warning: ${outcome.warnings.join('; ')}`;
    lines.push(`${channel.id} (${channel.kind}): ${result}`);
    summary.push(summaryRow(channel, result));
  }
  if (!recorded) {
    lines.push(
      `error: deliveries could not be recorded in ${store.description}; claimed updates are retried after an hour.`,
    );
    summary.push('', '**The ledger could not be updated; claimed updates are retried after an hour.**');
  }
  for (const line of lines) io.out(line);
  writeStepSummary(io.env, summary);
  const failed = outcomes.some((outcome) => outcome.failed) || !recorded;
  return failed ? 1 : 0;
}

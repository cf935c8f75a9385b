import type { NotificationChannel } from '../../domain/schema/index.ts';
import {
  applyLedgerChanges,
  channelLedger,
  emptyLedger,
  type Ledger,
  type LedgerChange,
} from '../../domain/notify/ledger.ts';
import { planMessages, type ChannelMessages, type NotifySite } from '../../domain/notify/plan-messages.ts';
import { renderPayload } from '../../serialize/notify/render.ts';
import { writeMessages } from '../../serialize/notify/message.ts';
import { deliver, missingSecret } from './deliver.ts';
import type { PostOptions } from './http-post.ts';
import type { LedgerStore } from './ledger-store.ts';

export interface NotifyIo {
  out: (line: string) => void;
  env: Record<string, string | undefined>;
  /** Test hook: faster retries. */
  http?: Partial<PostOptions>;
}

/** What one channel's run came to. */
export interface ChannelOutcome {
  channel: NotificationChannel;
  sent: string[];
  warnings: string[];
  failed?: { ids: string[]; error: string };
  skipped?: string;
  firstRun?: boolean;
  recorded: number;
}

export type SendResult =
  | { ledgerError: string }
  | { outcomes: ChannelOutcome[]; /** Every delivery made it into the ledger. */ recorded: boolean };

/**
 * The dry run's ledger: the stored one, or, with `since` or when none is stored yet, everything
 * published before `since` (default 24 hours before `now`) as delivered. `notes` say which.
 */
export async function readDryRunLedger(
  site: NotifySite,
  store: LedgerStore,
  sinceOption: number | undefined,
  now: number,
): Promise<{ ledger: Ledger; notes: string[] }> {
  const notes: string[] = [];
  let ledger: Ledger = emptyLedger();
  let since = sinceOption;
  try {
    const stored = await store.read();
    if (stored.found) ledger = stored.ledger;
    else since ??= now - 24 * 3_600_000;
  } catch (error) {
    notes.push(`No ledger available (${store.description}): ${(error as Error).message.split('\n')[0]}`);
    since ??= now - 24 * 3_600_000;
  }
  if (since !== undefined) {
    notes.push(`Dry run: treating everything published before ${new Date(since).toISOString()} as already delivered.`);
    ledger = applyLedgerChanges(
      emptyLedger(),
      site.channels.map((channel) => ({
        channel: channel.id,
        done: site
          .forChannel(channel)
          .events.filter((event) => event.at < since)
          .map((event) => event.id),
      })),
    );
  }
  return { ledger, notes };
}

/**
 * Claims, delivers, then records, exactly once per channel and event: every ledger write is
 * compare-and-swap with re-read on conflict. Channels missing a secret are skipped with a warning.
 */
export async function sendNotifications(
  site: NotifySite,
  store: LedgerStore,
  now: number,
  io: NotifyIo,
): Promise<SendResult> {
  const outcomes: ChannelOutcome[] = [];
  const usable = site.channels.filter((channel) => {
    const skipped = missingSecret(channel, io.env);
    if (skipped) {
      io.out(`warning: channel "${channel.id}" (${channel.kind}) skipped: ${skipped}.`);
      outcomes.push({ channel, sent: [], warnings: [], skipped, recorded: 0 });
    }
    return !skipped;
  });
  let plans: ChannelMessages[];
  try {
    plans = await claim(site, usable, store, now);
  } catch (error) {
    return { ledgerError: (error as Error).message.split('\n')[0]! };
  }
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
      const messages = writeMessages(plan);
      const { links } = site.forChannel(plan.channel);
      const siteUrl = links.absolute(links.home());
      for (const [index, { message, ids }] of messages.entries()) {
        const payload = renderPayload(plan.channel.kind, message, plan.view.state, plan.view.links);
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
  return { outcomes, recorded: await recorder.settled() };
}

/** Records the silent ids as done and claims the rest, so an overlapping run skips them. */
async function claim(
  site: NotifySite,
  channels: readonly NotificationChannel[],
  store: LedgerStore,
  now: number,
): Promise<ChannelMessages[]> {
  const claimedAt = new Date(now).toISOString();
  for (let attempt = 1; ; attempt++) {
    const stored = await store.read();
    const plans = planMessages(site, stored.ledger, now, channels);
    const changes: LedgerChange[] = plans
      .map((plan) => ({
        channel: plan.channel.id,
        done: plan.silent,
        claim: plan.messages.flatMap((message) => message.ids),
        claimedAt,
      }))
      .filter(
        (change) => change.done.length + change.claim.length > 0 || !channelLedger(stored.ledger, change.channel),
      );
    if (changes.length === 0) return plans;
    if (await store.write(applyLedgerChanges(stored.ledger, changes), stored.version)) return plans;
    if (attempt === 5) throw new Error('another run kept writing the ledger; try again.');
  }
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

/**
 * What each channel has been sent: the delivered-ids ledger. Ids are `PublishedEvent.id`s.
 * `done`: sent, or deliberately not sent (first run, `notify: false`, stale, filtered out).
 * `claims`: ids a run is sending right now, with when it claimed them, so an overlapping run skips them.
 */
export interface ChannelLedger {
  done: string[];
  claims: Record<string, string>;
}

export interface Ledger {
  version: 1;
  channels: Record<string, ChannelLedger>;
}

/** Events older than this when a channel first sees them are recorded, not sent (back-dated or backfilled). */
export const staleAfterMs = 24 * 3_600_000;
/** A claim older than this belongs to a run that died; its ids are sent again. Longer than the job's timeout. */
export const claimTtlMs = 60 * 60_000;

export const emptyLedger = (): Ledger => ({ version: 1, channels: {} });

/**
 * The entry of one channel, if it has one. Own properties only: a channel may be called
 * `constructor`, which every plain object inherits (issue 22).
 */
export function channelLedger(ledger: Ledger, id: string): ChannelLedger | undefined {
  return Object.hasOwn(ledger.channels, id) ? ledger.channels[id] : undefined;
}

/** Parses a stored ledger; anything unexpected is an error, never an empty ledger (that would resend nothing, but hide loss). */
export function parseLedger(text: string): Ledger {
  const data = JSON.parse(text) as Partial<Ledger> | null;
  if (!data || data.version !== 1 || typeof data.channels !== 'object' || data.channels === null)
    throw new Error('The notification ledger is not a version 1 ledger.');
  for (const [id, channel] of Object.entries(data.channels)) {
    if (!Array.isArray(channel.done) || typeof channel.claims !== 'object' || channel.claims === null)
      throw new Error(`The notification ledger entry for channel "${id}" is malformed.`);
  }
  return data as Ledger;
}

/** Sorted keys and ids, one id per line: deterministic and diff-friendly. */
export function serializeLedger(ledger: Ledger): string {
  const channels: Record<string, ChannelLedger> = {};
  for (const id of Object.keys(ledger.channels).sort()) {
    const channel = ledger.channels[id]!;
    channels[id] = {
      done: [...new Set(channel.done)].sort(),
      claims: Object.fromEntries(Object.entries(channel.claims).sort(([a], [b]) => a.localeCompare(b))),
    };
  }
  return `${JSON.stringify({ version: 1, channels }, null, 1)}\n`;
}

export interface LedgerChange {
  channel: string;
  /** Ids to mark done (and release any claim on them). */
  done?: readonly string[];
  /** Ids to claim at `claimedAt`. */
  claim?: readonly string[];
  /** Claims to release without marking done (the delivery failed: retry next run). */
  release?: readonly string[];
  claimedAt?: string;
}

/** Applies changes to a (freshly read) ledger. Idempotent, so a run that lost a write race can re-apply. */
export function applyLedgerChanges(ledger: Ledger, changes: readonly LedgerChange[]): Ledger {
  const next: Ledger = { version: 1, channels: structuredClone(ledger.channels) };
  for (const change of changes) {
    const channel = channelLedger(next, change.channel) ?? (next.channels[change.channel] = { done: [], claims: {} });
    const done = new Set(channel.done);
    for (const id of change.done ?? []) {
      done.add(id);
      delete channel.claims[id];
    }
    for (const id of change.release ?? []) delete channel.claims[id];
    for (const id of change.claim ?? []) if (!done.has(id)) channel.claims[id] = change.claimedAt ?? '';
    channel.done = [...done];
  }
  return next;
}

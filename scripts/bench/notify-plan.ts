import { deriveStatusState } from '../../src/domain/derive.ts';
import { NotificationChannelSchema } from '../../src/domain/schema/index.ts';
import { loadRepository } from '../../src/node/load-repository.ts';
import { collectPublishedEvents } from '../../src/serialize/notify/events.ts';
import { applyLedgerChanges, emptyLedger } from '../../src/serialize/notify/ledger.ts';
import { planDeliveries } from '../../src/serialize/notify/plan.ts';
import { createPermalinks } from '../../src/domain/permalinks.ts';
import { generateRepository } from './generate.ts';

/**
 * Seconds to compute what to send (published events, then per-channel difference with the
 * ledger) for a generated repository, three channels, each with a `ledgerSize`-entry ledger.
 * Loading and deriving are the build's cost, not counted.
 */
export function benchNotifyPlan(root: string, count: number, ledgerSize: number, now: number) {
  generateRepository(root, count, now);
  const { repository } = loadRepository(root, now);
  if (!repository) throw new Error('the generated repository did not load');
  const state = deriveStatusState(repository.components, repository.incidents, now);
  const links = createPermalinks('/', repository.components.page.url);
  const channels = [
    { id: 'all', kind: 'slack', env: 'A' },
    { id: 'some', kind: 'discord', env: 'B', components: ['component-1', 'component-2'] },
    { id: 'maint', kind: 'webhook', env: 'C', events: ['maintenance_started'], remind_before: ['1h'] },
  ].map((channel) => NotificationChannelSchema.parse(channel));
  const started = performance.now();
  const events = collectPublishedEvents(state, links, channels);
  const done = events.slice(0, ledgerSize).map((event) => event.id);
  const ledger = applyLedgerChanges(
    emptyLedger(),
    channels.map((channel) => ({ channel: channel.id, done })),
  );
  const plans = planDeliveries(events, channels, ledger, now, 5);
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds,
    events: events.length,
    pending: plans.reduce((sum, plan) => sum + plan.send.length + plan.overflow.length, 0),
  };
}

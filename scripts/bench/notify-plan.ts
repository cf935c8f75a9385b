import { deriveStatusState } from '../../src/domain/derive.ts';
import { NotificationChannelSchema } from '../../src/domain/schema/index.ts';
import { loadRepository } from '../../src/node/load-repository.ts';
import { applyLedgerChanges, emptyLedger } from '../../src/domain/notify/ledger.ts';
import { notifySite, planMessages } from '../../src/domain/notify/plan-messages.ts';
import { createPermalinks } from '../../src/domain/permalinks.ts';
import { generateRepository } from './generate.ts';

/**
 * Seconds to plan what to send (`planMessages`: published events, then per-channel difference
 * with the ledger, in each channel's language) for a generated repository, three channels, each with a `ledgerSize`-entry ledger.
 * Loading and deriving are the build's cost, not counted.
 */
export function benchNotifyPlan(root: string, count: number, ledgerSize: number, now: number) {
  generateRepository(root, count, now);
  const { repository } = loadRepository(root, now);
  if (!repository) throw new Error('the generated repository did not load');
  const state = deriveStatusState(repository.components, repository.incidents, now);
  const links = createPermalinks('/', repository.components.page.url);
  const channels = [
    { id: 'all', kind: 'slack', env: 'ALL_URL' },
    { id: 'some', kind: 'discord', env: 'SOME_URL', components: ['component-1', 'component-2'] },
    { id: 'maint', kind: 'webhook', env: 'MAINT_URL', events: ['maintenance_started'], remind_before: ['1h'] },
  ].map((channel) => NotificationChannelSchema.parse(channel));
  const started = performance.now();
  const site = notifySite(() => ({ state, links }), { channels, max_per_run: 5 });
  const { events } = site.audience('public');
  const done = events.slice(0, ledgerSize).map((event) => event.id);
  const ledger = applyLedgerChanges(
    emptyLedger(),
    channels.map((channel) => ({ channel: channel.id, done })),
  );
  const plans = planMessages(site, ledger, now);
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds,
    events: events.length,
    pending: plans.reduce((sum, plan) => sum + plan.messages.reduce((ids, message) => ids + message.ids.length, 0), 0),
  };
}

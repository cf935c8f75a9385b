import { expect, test } from 'vitest';
import { deriveStatusState } from '../../src/domain/derive.ts';
import { NotificationChannelSchema } from '../../src/domain/schema/index.ts';
import { collectPublishedEvents } from '../../src/domain/notify/events.ts';
import { applyLedgerChanges, claimTtlMs, emptyLedger } from '../../src/domain/notify/ledger.ts';
import { planDeliveries } from '../../src/domain/notify/plan.ts';
import { createPermalinks } from '../../src/domain/permalinks.ts';
import { fixtureComponentsFile, makeIncident, t } from '../helpers/model.ts';

const now = t('2026-11-23T12:00:00Z');
const channel = NotificationChannelSchema.parse({ id: 'ops', kind: 'slack', env: 'SLACK_URL' });
const incident = makeIncident('api', {
  title: 'API errors',
  impact: 'minor',
  components: ['api'],
  updates: [
    { at: '2026-11-23T11:00:00Z', status: 'investigating', message: 'One.' },
    { at: '2026-11-23T11:30:00Z', status: 'identified', message: 'Two.' },
  ],
});
const state = deriveStatusState(fixtureComponentsFile, [incident], now);
const events = collectPublishedEvents(state, createPermalinks('/', 'https://status.fixture.example'), [channel]);
const planned = (ledger: ReturnType<typeof emptyLedger>) =>
  planDeliveries(events, [channel], ledger, now, 5)[0]!.send.map((event) => event.id);

test('an update another run has claimed is skipped while the claim is fresh', () => {
  const claimedAt = new Date(now - claimTtlMs + 60_000).toISOString();
  const ledger = applyLedgerChanges(emptyLedger(), [
    { channel: 'ops', done: ['api#update-1'], claim: ['api#update-2'], claimedAt },
  ]);
  expect(planned(ledger)).toEqual([]);
});

test('a claim left by a run that died is sent again after an hour', () => {
  const claimedAt = new Date(now - claimTtlMs - 60_000).toISOString();
  const ledger = applyLedgerChanges(emptyLedger(), [
    { channel: 'ops', done: ['api#update-1'], claim: ['api#update-2'], claimedAt },
  ]);
  expect(planned(ledger)).toEqual(['api#update-2']);
});

test('recording a delivery releases its claim, and re-applying the same record changes nothing', () => {
  const claimed = applyLedgerChanges(emptyLedger(), [
    { channel: 'ops', claim: ['api#update-2'], claimedAt: new Date(now).toISOString() },
  ]);
  const recorded = applyLedgerChanges(claimed, [{ channel: 'ops', done: ['api#update-2'] }]);
  expect(recorded.channels.ops).toEqual({ done: ['api#update-2'], claims: {} });
  expect(applyLedgerChanges(recorded, [{ channel: 'ops', done: ['api#update-2'] }])).toEqual(recorded);
});

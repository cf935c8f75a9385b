import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { summarizeNotifications } from '../../src/cli/notify-preview.ts';
import { readSnapshotAtRef } from '../../src/node/git.ts';
import { loadRepository } from '../../src/node/load-repository.ts';
import {
  makeNotifyRepository,
  openIncident,
  readLedgerBranch,
  runNotify,
  secondUpdate,
  startReceiver,
} from '../helpers/notify.ts';

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

// `constructor` is the one key of Object.prototype a lowercase id can spell.
const components = `page:
  name: Fixture Status
  url: https://status.fixture.example
  timezone: Europe/Berlin
components:
  - id: constructor
    name: Constructor API
  - id: database
    name: Database
notifications:
  channels:
    - id: constructor
      kind: slack
      env: CONSTRUCTOR_WEBHOOK_URL
      allow_private_network: true
      components: [constructor]
    - id: to-string
      kind: slack
      env: OTHER_WEBHOOK_URL
      allow_private_network: true
`;

const incident = (updates = '') =>
  openIncident(updates, { title: 'Builds fail', component: 'constructor', firstMessage: 'First.' });

test('a channel and a component with the id "constructor" notify like any other: real run, dry run and pull request summary (issue 22)', async () => {
  const repo = makeNotifyRepository({ '2026-11-23-builds.md': incident('') }, components);
  const env = (now: string) => ({
    STATUS_NOW: now,
    CONSTRUCTOR_WEBHOOK_URL: `${receiver.url}/constructor`,
    OTHER_WEBHOOK_URL: `${receiver.url}/other`,
  });
  const first = await runNotify(repo.root, env('2026-11-23T10:05:00Z'));
  expect(first.output).toContain('constructor (slack): first run: recorded 1 published update, sent nothing');
  expect(first.code).toBe(0);
  writeFileSync(join(repo.root, 'incidents', '2026-11-23-builds.md'), incident(secondUpdate));

  const dry = await runNotify(repo.root, env('2026-11-23T10:25:00Z'), ['--dry-run']);
  expect(dry.code).toBe(0);
  expect(dry.output).toContain('== constructor (slack): 1 message');

  const base = readSnapshotAtRef(repo.root, 'HEAD');
  if (!base.ok) throw new Error('no base snapshot');
  const head = loadRepository(repo.root, Date.parse('2026-11-23T10:25:00Z')).snapshot;
  expect(summarizeNotifications(base.snapshot, head, Date.parse('2026-11-23T10:25:00Z'))).toContain(
    '| `constructor` | slack | **\\[Identified\\] Builds fail**: Found it\\. |',
  );

  const run = await runNotify(repo.root, env('2026-11-23T10:25:00Z'));
  expect(run.output).toBe(
    [
      'constructor (slack): sent 1 (2026-11-23-builds#update-2)',
      'to-string (slack): sent 1 (2026-11-23-builds#update-2)',
    ].join('\n'),
  );
  expect(run.code).toBe(0);
  expect(receiver.received.map((item) => item.path).sort()).toEqual(['/constructor', '/other']);
  expect(readLedgerBranch(repo.origin).channels.constructor).toEqual({
    done: ['2026-11-23-builds#update-1', '2026-11-23-builds#update-2'],
    claims: {},
  });
});

import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { deriveStatusState } from '../../src/domain/derive.ts';
import { pagePermalinks } from '../../src/domain/permalinks.ts';
import { loadRepository } from '../../src/node/load-repository.ts';
import { StatuspageFileSchemas } from '../../src/serialize/statuspage-schema.ts';
import { renderStatuspageFile } from '../../src/serialize/statuspage.ts';
import { commitAll } from '../helpers/git.ts';
import { importClock, runImport, statuspageFixture } from '../helpers/import.ts';
import { componentsWithChannels, makeNotifyRepository, runNotify, startReceiver } from '../helpers/notify.ts';

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(() => receiver.close());

const channels = `    - id: hooks
      kind: webhook
      env: HOOK_URL
      allow_private_network: true
`;

/** A running webhook channel, then the Statuspage import, then the next update the comms lead posts here. */
async function importThenPostAnUpdate() {
  const { root } = makeNotifyRepository({}, componentsWithChannels(channels));
  const env = { STATUS_NOW: importClock, HOOK_URL: `${receiver.url}/hook` };
  // The channel has been running: its ledger exists, so new updates would be sent.
  expect((await runNotify(root, env)).code).toBe(0);

  const imported = await runImport(['statuspage', statuspageFixture, '--root', root, '--update']);
  expect(imported.code, imported.output).toBe(0);
  commitAll(root, 'import');
  const afterImport = await runNotify(root, env);
  expect(afterImport.code, afterImport.output).toBe(0);
  const receivedAfterImport = [...receiver.received];

  // The comms lead posts the next update on the imported open incident.
  const file = join(root, 'incidents/2026-11-20-elevated-api-errors.md');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/---\n$/, ''));
  appendFileSync(
    file,
    '  - at: 2026-11-20T11:00:00Z\n    status: monitoring\n    message: The rollback is done.\n---\n',
  );
  commitAll(root, 'update');
  const next = await runNotify(root, env);
  expect(next.code, next.output).toBe(0);
  return { root, receivedAfterImport };
}

test('importing notifies nobody, not even for an open incident; the next update published here does (issue 24)', async () => {
  const { receivedAfterImport } = await importThenPostAnUpdate();
  expect(receivedAfterImport).toEqual([]);
  expect(receiver.bodies('/hook')).toHaveLength(1);
  expect(JSON.stringify(receiver.bodies('/hook')[0])).toContain('The rollback is done.');
});

test("the webhook about an imported incident carries the ids Statuspage gave it, as the JSON API does, so a subscriber's integration keeps matching (issue 24)", async () => {
  const { root } = await importThenPostAnUpdate();
  const [body] = receiver.bodies('/hook') as {
    page: { id: string };
    incident: { id: string; incident_updates: { id: string; incident_id: string }[] };
  }[];

  const repository = loadRepository(root, Date.parse(importClock)).repository!;
  const state = deriveStatusState(repository.components, repository.incidents, Date.parse(importClock));
  const api = StatuspageFileSchemas['incidents.json'].parse(
    JSON.parse(renderStatuspageFile(state, pagePermalinks(repository.components.page), 'incidents.json')),
  );
  const served = api.incidents.find((incident) => incident.id === body!.incident.id);
  expect(body!.incident.id).toBe('incopen00001');
  expect(served?.name).toBe('Elevated API errors');
  expect(body!.page.id).toBe(api.page.id);
  // The new update has an id of its own; the two imported before it keep Statuspage's.
  expect(body!.incident.incident_updates.map((update) => update.id)).toEqual(
    served!.incident_updates.map((update) => update.id),
  );
  expect(body!.incident.incident_updates.slice(1).map((update) => update.id)).toEqual(['updopen00002', 'updopen00001']);
  expect(new Set(body!.incident.incident_updates.map((update) => update.incident_id))).toEqual(
    new Set(['incopen00001']),
  );
});

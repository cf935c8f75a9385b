import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
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

test('importing notifies nobody, not even for an open incident; the next update published here does (issue 24)', async () => {
  const { root } = makeNotifyRepository({}, componentsWithChannels(channels));
  const env = { STATUS_NOW: importClock, HOOK_URL: `${receiver.url}/hook` };
  // The channel has been running: its ledger exists, so new updates would be sent.
  expect((await runNotify(root, env)).code).toBe(0);

  const imported = await runImport(['statuspage', statuspageFixture, '--root', root, '--update']);
  expect(imported.code, imported.output).toBe(0);
  commitAll(root, 'import');
  const afterImport = await runNotify(root, env);
  expect(afterImport.code, afterImport.output).toBe(0);
  expect(receiver.received).toEqual([]);

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
  expect(receiver.bodies('/hook')).toHaveLength(1);
  expect(JSON.stringify(receiver.bodies('/hook')[0])).toContain('The rollback is done.');
});

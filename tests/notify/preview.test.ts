import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { expect, test } from 'vitest';
import { runNotifyCommand } from '../../src/cli/notify.ts';
import { previewNotifications, summarizeNotifications } from '../../src/cli/notify-preview.ts';
import { readSnapshotAtRef } from '../../src/node/git.ts';
import { loadRepository } from '../../src/node/load-repository.ts';
import { incidentFile, makeContentRoot, projectRoot } from '../helpers/content.ts';
import { commitAll, initRepository, writeFile } from '../helpers/git.ts';
import { componentsWithChannels } from '../helpers/notify.ts';

const channels = `    - id: everything
      kind: slack
      env: SLACK_URL
    - id: db-team
      kind: teams
      env: TEAMS_URL
      components: [database]
`;

const apiIncident = (extra = '') =>
  incidentFile(`title: "API errors | <b>bold</b> @channel"
impact: minor
components: [api]
updates:
  - at: 2026-11-23T10:00:00Z
    status: investigating
    message: Looking.
${extra}`);

test('the pull request summary lists exactly the messages merging sends, per channel', () => {
  const root = makeContentRoot({ 'api.md': apiIncident() }, componentsWithChannels(channels));
  initRepository(root);
  commitAll(root, 'publish');
  writeFile(
    root,
    'incidents/api.md',
    apiIncident(`  - at: 2026-11-23T10:30:00Z
    status: identified
    message: "Found it: [link](https://evil.example) | pipe"
  - at: 2026-11-23T10:40:00Z
    status: identified
    message: Typo fix.
    notify: false
`),
  );
  const now = Date.parse('2026-11-23T11:00:00Z');
  const base = readSnapshotAtRef(root, 'HEAD');
  if (!base.ok) throw new Error('no base');
  const head = loadRepository(root, now).snapshot;
  expect(previewNotifications(base.snapshot, head, now).map((item) => [item.channel.id, item.message.id])).toEqual([
    ['everything', 'api#update-2'],
  ]);
  expect(summarizeNotifications(base.snapshot, head, now)).toBe(`
## Notifications merging this sends

| channel | kind | message | link |
| --- | --- | --- | --- |
| \`everything\` | slack | **\\[Identified\\] API errors \\| \\<b\\>bold\\<\\/b\\> \\@⁠channel**: Found it\\: link \\(https\\:\\/\\/evil\\.example\\) \\| pipe | https://status.fixture.example/incidents/api/#update-2 |

Updates with \`notify: false\` are published without these messages.
`);
});

test('the summary shows each channel its own language: English text and /en/ link for language: en', () => {
  const twoLanguages = `    - id: german
      kind: slack
      env: SLACK_URL
    - id: english
      kind: slack
      env: SLACK_EN_URL
      language: en
`;
  const components = componentsWithChannels(twoLanguages).replace(
    '  timezone: Europe/Berlin\n',
    '  timezone: Europe/Berlin\n  languages: [de, en]\n',
  );
  const root = makeContentRoot({ 'api.md': apiIncident() }, components);
  initRepository(root);
  commitAll(root, 'publish');
  writeFile(
    root,
    'incidents/api.md',
    apiIncident(`  - at: 2026-11-23T10:30:00Z
    status: identified
    message: Gefunden.
    translations:
      en: Found it.
`),
  );
  const now = Date.parse('2026-11-23T11:00:00Z');
  const base = readSnapshotAtRef(root, 'HEAD');
  if (!base.ok) throw new Error('no base');
  const messages = previewNotifications(base.snapshot, loadRepository(root, now).snapshot, now);
  expect(
    messages.map((item) => [item.channel.id, item.message.statusLabel, item.message.text, item.message.url]),
  ).toEqual([
    ['german', 'Ursache identifiziert', 'Gefunden.', 'https://status.fixture.example/incidents/api/#update-2'],
    ['english', 'Identified', 'Found it.', 'https://status.fixture.example/en/incidents/api/#update-2'],
  ]);
});

test('a pull request that only adds a channel sends nothing to it (its first run records only)', () => {
  const root = makeContentRoot({ 'api.md': apiIncident() }, componentsWithChannels(''));
  initRepository(root);
  commitAll(root, 'publish');
  writeFile(root, 'components.yml', componentsWithChannels(channels));
  const now = Date.parse('2026-11-23T11:00:00Z');
  const base = readSnapshotAtRef(root, 'HEAD');
  if (!base.ok) throw new Error('no base');
  expect(summarizeNotifications(base.snapshot, loadRepository(root, now).snapshot, now)).toContain(
    'None: no channel is told about anything new.',
  );
});

test("npm run notify -- --dry-run prints the sample's messages with rendered text and sends nothing", async () => {
  const lines: string[] = [];
  const ledger = join(mkdtempSync(join(tmpdir(), 'statusmark-ledger-')), 'ledger.json');
  const code = await runNotifyCommand(['--dry-run', '--root', projectRoot, '--ledger-file', ledger], {
    out: (line) => lines.push(line),
    env: { STATUS_NOW: '2026-11-23T09:30:00Z' },
  });
  const output = lines.join('\n');
  expect(code).toBe(0);
  expect(output).toContain(
    'Dry run: treating everything published before 2026-11-22T09:30:00.000Z as already delivered.',
  );
  expect(output).toContain('== ops-slack (slack): 4 messages — skipped on a real run: SLACK_WEBHOOK_URL is unset');
  expect(output).toContain(`-- 2026-11-23-dashboard-slow#update-1
[Investigating] Slow page loads in the web dashboard
Impact: Minor impact
Affected components: Web dashboard, Public API
Some customers see slow page loads in the dashboard. We are investigating.
https://status.acme.example/incidents/2026-11-23-dashboard-slow/#update-1`);
  expect(output).toMatch(/Dry run: \d+ messages would be sent; nothing was sent or recorded\.$/);
});

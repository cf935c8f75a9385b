import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runValidateCommand } from '../../src/cli/validate.ts';
import { gitBranchLedgerStore } from '../../src/node/notify/ledger-store.ts';
import { applyLedgerChanges, emptyLedger } from '../../src/domain/notify/ledger.ts';
import { fixturesDir, makeContentRoot, projectRoot } from '../helpers/content.ts';
import { componentsWithChannels, makeNotifyRepository } from '../helpers/notify.ts';

function validateComponents(components: string): string {
  const root = makeContentRoot({}, components);
  const lines: string[] = [];
  runValidateCommand(['--root', root], {
    out: (line) => lines.push(line),
    env: { STATUS_NOW: '2026-11-23T12:00:00Z' },
  });
  return lines.join('\n');
}

test('a bad channel entry is a components.yml:line error with a fix', () => {
  expect(
    validateComponents(
      componentsWithChannels(`    - id: ops
      kind: slak
      env: https://hooks.slack.com/services/T0/B0/x
    - id: list
      kind: email
      env: SMTP
      from: status@example.com
      remind_before: [1 day]
      colour: red
`),
    ),
  ).toMatchInlineSnapshot(`
    "components.yml:14:13 error InvalidKind notifications.channels[0].kind is the text "slak", which is not one of "slack", "discord", "teams", "webhook", "email".
        hint: Did you mean "slack"? Write "kind: slack".
    components.yml:15:12 error InvalidEnvName "https://hooks.slack.com/services/T0/B0/x" is not an environment variable name; the secret itself never goes in components.yml.
        hint: Store the URL as a repository secret, pass it to the notify step, and write its name here, for example "SLACK_WEBHOOK_URL".
    components.yml:17:13 error MissingEmailAddress The email channel "list" has no "to" address.
        hint: Add "to: status-announce@example.com" to the channel.
    components.yml:20:23 error InvalidLeadTime "1 day" is not a span of time.
        hint: Write minutes, hours or days, for example "30m", "1h" or "2d".
    components.yml:21:7 error UnknownKey "colour" is not a known key in notifications.channels[1].
        hint: Remove it, or use one of: "id", "kind", "env", "signing_secret_env", "components", "events", "remind_before", "allow_private_network", "language", "audience", "to", "from".
    Validation failed: 0 incident files, 5 errors, 0 warnings."
  `);
});

test('channel ids are unique and component filters name real components', () => {
  expect(
    validateComponents(
      componentsWithChannels(`    - id: ops
      kind: slack
      env: SLACK_URL
      components: [databse]
    - id: ops
      kind: discord
      env: DISCORD_URL
`),
    ),
  ).toMatchInlineSnapshot(`
    "components.yml:16:20 error UnknownComponent The component "databse" in the channel "ops" is not in components.yml.
        hint: Did you mean "database"? Write "database".
    components.yml:17:11 error DuplicateChannel The notification channel id "ops" is used twice.
        hint: Give each channel its own id: the delivery ledger is kept per channel id.
    Validation failed: 0 incident files, 2 errors, 0 warnings."
  `);
});

test('the ledger branch refuses a write based on a replaced version, even when both runs write the same ledger', async () => {
  const { root, origin } = makeNotifyRepository({}, componentsWithChannels(''));
  const store = gitBranchLedgerStore(root, 'statusmark-notify-ledger');
  const missing = await store.read();
  expect(missing.found).toBe(false);
  const one = applyLedgerChanges(emptyLedger(), [{ channel: 'a', done: ['x#update-1'] }]);
  expect(await store.write(one, missing.version)).toBe(true);
  // A second run that read before the first wrote must lose, not overwrite.
  expect(await store.write(one, missing.version)).toBe(false);
  const current = await store.read();
  expect(current.ledger.channels).toEqual({ a: { done: ['x#update-1'], claims: {} } });
  expect(await store.write(applyLedgerChanges(current.ledger, [{ channel: 'b', done: [] }]), current.version)).toBe(
    true,
  );
  const clone = mkdtempSync(join(tmpdir(), 'statusmark-clone-'));
  execFileSync('git', ['clone', '-q', '--branch', 'statusmark-notify-ledger', origin, clone]);
  expect(execFileSync('git', ['-C', clone, 'log', '--format=%s']).toString().trim().split('\n')).toHaveLength(2);
});

const corpusDir = join(fixturesDir, 'malformed-components');
const cases = JSON.parse(readFileSync(join(corpusDir, 'cases.json'), 'utf8')) as Record<
  string,
  { code: string; line: number }
>;

test('the malformed components corpus has one case per file', () => {
  expect(Object.keys(cases).sort()).toEqual(
    readdirSync(corpusDir)
      .filter((name) => name.endsWith('.yml'))
      .sort(),
  );
});

test.each(Object.entries(cases))('%s reports its code on its line, with a hint', (name, expected) => {
  const output = validateComponents(readFileSync(join(corpusDir, name), 'utf8'));
  expect(output).toMatch(new RegExp(`^components\\.yml:${expected.line}:\\d+ error ${expected.code} `, 'm'));
  expect(output).toMatch(/hint: \S/);
});

test('the authoring guide explains every notification error code', () => {
  const guide = readFileSync(join(projectRoot, 'docs', 'authoring.md'), 'utf8');
  expect(
    [...new Set(Object.values(cases).map((entry) => entry.code))].filter((code) => !guide.includes(`\`${code}\``)),
  ).toEqual([]);
});

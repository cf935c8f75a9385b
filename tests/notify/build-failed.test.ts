import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { defaultNotificationEvents } from '../../src/domain/notify/vocabulary.ts';
import { incidentFile, makeContentRoot } from '../helpers/content.ts';
import {
  componentsWithChannels,
  makeNotifyRepository,
  openIncident,
  runNotify,
  secondUpdate,
  startReceiver,
} from '../helpers/notify.ts';
import { startSmtpServer, trustTestCertificate } from '../helpers/smtp.ts';
import { DiscordMessageSchema, SlackMessageSchema, TeamsMessageSchema } from '../helpers/notify-shapes.ts';

const runUrl = 'https://github.com/acme/status/actions/runs/4242';
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let smtpPort = 0;

beforeAll(async () => {
  receiver = await startReceiver();
  trustTestCertificate();
  smtp = await startSmtpServer({ starttls: true });
  smtpPort = smtp.port;
});

beforeEach(() => {
  receiver.received.length = 0;
  smtp.mails.length = 0;
});

afterAll(async () => {
  await receiver.close();
  await smtp.close();
});

const channel = (id: string, kind: string, events?: string) =>
  `    - id: ${id}\n      kind: ${kind}\n      env: ${id.toUpperCase().replace(/-/g, '_')}_URL\n      allow_private_network: true\n${events ? `      events: ${events}\n` : ''}`;

const incident = (updates = '') => openIncident(updates, { title: 'Login failures', firstMessage: 'First.' });

const ledgerText = (origin: string) =>
  execFileSync('git', ['--git-dir', origin, 'show', 'statusmark-notify-ledger:ledger.json']).toString();

test('issue 15: a failed rebuild alerts only the operator channel, once, with the run link, even when the content is invalid; the ledger is untouched', async () => {
  const repo = makeNotifyRepository(
    { '2026-11-23-login.md': incident() },
    componentsWithChannels(channel('ops', 'slack', '[build_failed]') + channel('public', 'slack')),
  );
  const env = {
    OPS_URL: `${receiver.url}/ops`,
    PUBLIC_URL: `${receiver.url}/public`,
    STATUS_NOW: '2026-11-23T10:05:00Z',
  };
  expect((await runNotify(repo.root, env)).code).toBe(0);
  writeFileSync(join(repo.root, 'incidents', '2026-11-23-login.md'), incident(secondUpdate));
  // An ordinary run: the operator channel hears nothing about incidents.
  const published = await runNotify(repo.root, { ...env, STATUS_NOW: '2026-11-23T10:25:00Z' });
  expect(published.output).toBe('ops (slack): sent 0\npublic (slack): sent 1 (2026-11-23-login#update-2)');
  expect(receiver.received.map((item) => item.path)).toEqual(['/public']);
  receiver.received.length = 0;
  const ledgerBefore = ledgerText(repo.origin);

  // The rebuild failed because an incident is invalid: the alert goes out anyway.
  writeFileSync(join(repo.root, 'incidents', '2026-11-23-broken.md'), incidentFile('title: Broken\nimpact: huge\n'));
  expect((await runNotify(repo.root, { ...env, STATUS_NOW: '2026-11-23T10:40:00Z' })).code).toBe(1);
  const alert = await runNotify(repo.root, { ...env, STATUS_NOW: '2026-11-23T10:40:00Z' }, [
    '--build-failed',
    '--run-url',
    runUrl,
    '--reason',
    'build failure, deploy skipped',
  ]);
  expect(alert).toEqual({ code: 0, output: 'ops (slack): sent the operator alert' });
  expect(receiver.received.map((item) => item.path)).toEqual(['/ops']);
  const slack = SlackMessageSchema.parse(receiver.bodies('/ops')[0]);
  expect(slack.text).toBe(
    `[Build failed] The status page could not be rebuilt: The rebuild of Fixture Status failed; the live page still shows the previous build and subscribers were not told.\nWhat failed: build failure, deploy skipped.\nRun: ${runUrl}`,
  );
  expect(JSON.stringify(slack.blocks)).toContain(`"url":"${runUrl}"`);
  expect(ledgerText(repo.origin)).toBe(ledgerBefore);

  // Not deduplicated: the next failed run alerts again.
  await runNotify(repo.root, env, ['--build-failed', '--run-url', `${runUrl}0`]);
  expect(receiver.received.map((item) => item.path)).toEqual(['/ops', '/ops']);
  expect(ledgerText(repo.origin)).toBe(ledgerBefore);
});

test('public channels never get build_failed by default', () => {
  expect(defaultNotificationEvents).not.toContain('build_failed');
});

test('hostile reason text arrives escaped in Slack, Discord, Teams, webhook JSON and email', async () => {
  const root = makeContentRoot(
    {},
    componentsWithChannels(
      channel('ops-slack', 'slack', '[build_failed]') +
        channel('ops-discord', 'discord', '[build_failed]') +
        channel('ops-teams', 'teams', '[build_failed]') +
        channel('ops-hook', 'webhook', '[build_failed]') +
        `    - id: ops-mail\n      kind: email\n      env: SMTP\n      to: ops@fixture.example\n      from: status@fixture.example\n      events: [build_failed]\n`,
    ),
  );
  const reason = '<!channel> @everyone <script>alert(1)</script> [x](https://evil.example) *bold*\n# line2 \u0007';
  const run = await runNotify(
    root,
    {
      OPS_SLACK_URL: `${receiver.url}/slack`,
      OPS_DISCORD_URL: `${receiver.url}/discord`,
      OPS_TEAMS_URL: `${receiver.url}/teams`,
      OPS_HOOK_URL: `${receiver.url}/hook`,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      STATUS_NOW: '2026-11-23T10:40:00Z',
    },
    ['--build-failed', '--run-url', runUrl, '--reason', reason],
  );
  expect(run.code).toBe(0);
  const flat = '<!channel> @\u2060everyone <script>alert(1)</script> [x](https://evil.example) *bold* # line2';

  const slack = JSON.stringify(SlackMessageSchema.parse(receiver.bodies('/slack')[0]));
  expect(slack).toContain('&lt;!channel&gt; @\u2060everyone &lt;script&gt;');
  expect(slack).not.toMatch(/<!channel>|<script|@everyone/);

  const discord = DiscordMessageSchema.parse(receiver.bodies('/discord')[0]);
  expect(discord.allowed_mentions).toEqual({ parse: [] });
  expect(discord.embeds[0]!.description).toContain('\\[x\\]\\(https://evil.example\\) \\*bold\\*');

  const teams = JSON.stringify(TeamsMessageSchema.parse(receiver.bodies('/teams')[0]));
  expect(teams).toContain('&lt;script>alert\\\\(1\\\\)&lt;/script>');
  expect(teams).not.toContain('<script');

  const hook = receiver.bodies('/hook')[0] as { event: string; build_failed: Record<string, unknown> };
  expect(hook).not.toHaveProperty('incident');
  expect(hook.event).toBe('build_failed');
  expect(hook.build_failed).toEqual({
    title: 'The status page could not be rebuilt',
    page_name: 'Fixture Status',
    page_url: 'https://status.fixture.example',
    reason: flat,
    run_url: runUrl,
    at: '2026-11-23T10:40:00Z',
  });

  const mails = smtp.mails.map((mail) => mail.parsed);
  expect(mails).toHaveLength(1);
  expect(mails[0]!.subject).toBe('[Fixture Status] [Build failed] The status page could not be rebuilt');
  expect(mails[0]!.text).toContain(`What failed: ${flat}.`);
  const html = String(mails[0]!.html);
  expect(html).not.toMatch(/<script|href="https:\/\/evil|<em>|<h1>line2/);
  expect(html).toContain(
    '<code>&lt;!channel&gt; @\u2060everyone &lt;script&gt;alert(1)&lt;/script&gt; [x](https://evil.example) *bold* # line2</code>',
  );
  expect(html).toContain(`<a href="${runUrl}">View the failed run</a>`);
});

test('an invalid channel is reported and skipped; the operator channel is still alerted; an unset secret is a warning', async () => {
  const root = makeContentRoot(
    {},
    componentsWithChannels(
      `    - id: typo\n      kind: slak\n      env: TYPO_URL\n      events: [build_faild]\n` +
        channel('ops', 'slack', '[build_failed, incident_update]') +
        channel('pager', 'webhook', '[build_failed]'),
    ),
  );
  const run = await runNotify(root, { OPS_URL: `${receiver.url}/ops` }, ['--build-failed', '--run-url', runUrl]);
  expect(run.output).toMatchInlineSnapshot(`
    "components.yml:14:13 error InvalidKind notifications.channels[0].kind is the text "slak", which is not one of "slack", "discord", "teams", "webhook", "email".
        hint: Did you mean "slack"? Write "kind: slack".
    components.yml:16:16 error InvalidValue notifications.channels[0].events[0] is the text "build_faild", which is not one of "incident_update", "maintenance_announced", "maintenance_started", "maintenance_update", "maintenance_completed", "maintenance_reminder", "component_status", "build_failed".
        hint: Did you mean "build_failed"? Write "0: build_failed".
    warning: the channels with the problems above were skipped; the others are alerted.
    ops (slack): sent the operator alert
    warning: pager (webhook): skipped: PAGER_URL is unset"
  `);
  expect(run.code).toBe(0);
  expect(receiver.received.map((item) => item.path)).toEqual(['/ops']);
});

test('components.yml that cannot be read: a clear message, exit 1, nothing sent', async () => {
  const root = makeContentRoot({}, 'page: [unclosed\n');
  const run = await runNotify(root, {}, ['--build-failed', '--run-url', runUrl]);
  expect(run.output).toMatchInlineSnapshot(`
    "components.yml:2:1 error YamlSyntax The YAML cannot be read: Flow sequence in block collection must be sufficiently indented and end with a ]
        hint: Check indentation (spaces, not tabs), quote text containing ": " or "#", and close every quote and bracket.
    components.yml could not be read, so no operator alert was sent."
  `);
  expect(run.code).toBe(1);
  expect(receiver.received).toEqual([]);
});

test('--build-failed needs an http(s) --run-url', async () => {
  const root = makeContentRoot({}, componentsWithChannels(channel('ops', 'slack', '[build_failed]')));
  expect((await runNotify(root, {}, ['--build-failed'])).code).toBe(2);
  const bad = await runNotify(root, {}, ['--build-failed', '--run-url', 'javascript:alert(1)']);
  expect(bad.output.split('\n')[0]).toBe('--run-url "javascript:alert(1)" is not an http(s) URL.');
  expect(bad.code).toBe(2);
});

test('--build-failed --dry-run prints the alert and its channels and sends nothing', async () => {
  const root = makeContentRoot(
    {},
    componentsWithChannels(channel('ops', 'slack', '[build_failed]') + channel('public', 'slack')),
  );
  const run = await runNotify(root, { STATUS_NOW: '2026-11-23T10:40:00Z' }, [
    '--build-failed',
    '--dry-run',
    '--run-url',
    runUrl,
  ]);
  expect(run.output).toMatchInlineSnapshot(`
    "[Build failed] The status page could not be rebuilt
    The rebuild of Fixture Status failed; the live page still shows the previous build and subscribers were not told.
    Run: https://github.com/acme/status/actions/runs/4242

    == ops (slack) — skipped on a real run: OPS_URL is unset

    Dry run: nothing was sent."
  `);
  expect(run.code).toBe(0);
  expect(receiver.received).toEqual([]);
});

test('on a page in several languages the operator alert speaks the first of page.languages', async () => {
  const components = componentsWithChannels(channel('ops', 'slack', '[build_failed]')).replace(
    '  timezone: Europe/Berlin\n',
    '  timezone: Europe/Berlin\n  languages: [de, en]\n',
  );
  const repo = makeNotifyRepository({ '2026-11-23-login.md': incident() }, components);
  const alert = await runNotify(repo.root, { OPS_URL: `${receiver.url}/ops-de`, STATUS_NOW: '2026-11-23T10:40:00Z' }, [
    '--build-failed',
    '--run-url',
    runUrl,
  ]);
  expect(alert.code).toBe(0);
  const slack = JSON.stringify(SlackMessageSchema.parse(receiver.bodies('/ops-de')[0]));
  expect(slack).not.toContain('could not be rebuilt');
  expect(slack).toContain('Statusseite');
});

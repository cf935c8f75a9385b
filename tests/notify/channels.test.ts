import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { incidentFile } from '../helpers/content.ts';
import { componentsWithChannels, makeNotifyRepository, runNotify, startReceiver } from '../helpers/notify.ts';
import { startSmtpServer, trustTestCertificate } from '../helpers/smtp.ts';
import {
  DiscordMessageSchema,
  SlackMessageSchema,
  StatuspageIncidentWebhookSchema,
  TeamsMessageSchema,
} from '../helpers/notify-shapes.ts';

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let mails: Awaited<ReturnType<typeof startSmtpServer>>['mails'];
let smtpPort = 0;

beforeAll(async () => {
  receiver = await startReceiver();
  trustTestCertificate();
  smtp = await startSmtpServer({
    starttls: true,
    authOptional: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'mailer' && auth.password === 'hunter2') callback(null, { user: auth.username });
      else callback(new Error('bad credentials'));
    },
  });
  mails = smtp.mails;
  smtpPort = smtp.port;
});

afterAll(async () => {
  await receiver.close();
  await smtp.close();
});

const channels = ['slack', 'discord', 'teams', 'webhook']
  .map(
    (kind) =>
      `    - id: ${kind}-channel\n      kind: ${kind}\n      env: ${kind.toUpperCase()}_URL\n      allow_private_network: true\n`,
  )
  .join('').concat(`    - id: announce
      kind: email
      env: SMTP
      to: status-announce@fixture.example
      from: status@fixture.example
`);

const incident = (updates: string) =>
  incidentFile(`title: "Login failures <script>alert(1)</script> @channel"
impact: major
components: [api, database]
updates:
  - at: 2026-11-23T10:00:00Z
    status: investigating
    message: First.
${updates}`);

test('one new update reaches Slack, Discord, Teams, a webhook and an SMTP list, each in its documented shape', async () => {
  const repo = makeNotifyRepository({ '2026-11-23-login.md': incident('') }, componentsWithChannels(channels));
  const env = {
    SLACK_URL: `${receiver.url}/slack`,
    DISCORD_URL: `${receiver.url}/discord`,
    TEAMS_URL: `${receiver.url}/teams`,
    WEBHOOK_URL: `${receiver.url}/webhook`,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    SMTP_USER: 'mailer',
    SMTP_PASSWORD: 'hunter2',
  };
  expect((await runNotify(repo.root, { ...env, STATUS_NOW: '2026-11-23T10:05:00Z' })).code).toBe(0);
  writeFileSync(
    join(repo.root, 'incidents', '2026-11-23-login.md'),
    incident(`  - at: 2026-11-23T10:20:00Z
    status: identified
    message: "Sessions fail **after** the <b>upgrade</b>; see [details](https://acme.example/x). @here"
    next_update: 2026-11-23T11:00:00Z
`),
  );
  const run = await runNotify(repo.root, { ...env, STATUS_NOW: '2026-11-23T10:25:00Z' });
  expect(run.output).toBe(
    [
      'announce (email): sent 1 (2026-11-23-login#update-2)',
      'discord-channel (discord): sent 1 (2026-11-23-login#update-2)',
      'slack-channel (slack): sent 1 (2026-11-23-login#update-2)',
      'teams-channel (teams): sent 1 (2026-11-23-login#update-2)',
      'webhook-channel (webhook): sent 1 (2026-11-23-login#update-2)',
    ].join('\n'),
  );
  expect(run.code).toBe(0);
  SlackMessageSchema.parse(receiver.bodies('/slack')[0]);
  const discord = DiscordMessageSchema.parse(receiver.bodies('/discord')[0]);
  expect(discord.embeds[0]!.color).toBe(0xea580c);
  TeamsMessageSchema.parse(receiver.bodies('/teams')[0]);
  const hook = StatuspageIncidentWebhookSchema.parse(receiver.bodies('/webhook')[0]);
  expect(
    receiver.received.find((item) => item.path === '/webhook')!.headers['x-statusmark-signature-256'],
  ).toBeUndefined();
  expect(hook.incident.incident_updates[0]!.body).toBe(
    'Sessions fail after the upgrade; see details (https://acme.example/x). @\u2060here',
  );

  expect(mails).toHaveLength(1);
  const [mail] = mails;
  expect([mail!.user, mail!.secure]).toEqual(['mailer', true]);
  expect(mail!.to).toEqual(['status-announce@fixture.example']);
  expect(mail!.parsed.from?.text).toBe('status@fixture.example');
  expect(mail!.parsed.subject).toBe(
    '[Fixture Status] [Identified] Login failures <script>alert(1)</script> @\u2060channel',
  );
  expect(mail!.parsed.headers.get('auto-submitted')).toBe('auto-generated');
  expect(mail!.parsed.messageId).toMatch(/^<[0-9a-z]{13}@status\.fixture\.example>$/);
  expect(mail!.parsed.text).toContain('Next update by: 23 Nov 2026, 12:00 CET');
  expect(mail!.parsed.text).toContain('https://status.fixture.example/incidents/2026-11-23-login/#update-2');
  const html = String(mail!.parsed.html);
  expect(html).toContain('<strong>after</strong>');
  expect(html).toContain('<a href="https://acme.example/x" rel="nofollow noopener">details</a>');
  expect(html).toContain('Login failures &lt;script&gt;');
  expect(html).not.toMatch(/<script|<b>/);
});

test('a German page notifies in German: every label of every chat message and email, with the Statuspage fields unchanged', async () => {
  const german = componentsWithChannels(channels).replace(
    '  timezone: Europe/Berlin\n',
    '  timezone: Europe/Berlin\n  language: de\n',
  );
  const repo = makeNotifyRepository({ '2026-11-23-login.md': incident('') }, german);
  const env = {
    SLACK_URL: `${receiver.url}/de-slack`,
    DISCORD_URL: `${receiver.url}/de-discord`,
    TEAMS_URL: `${receiver.url}/de-teams`,
    WEBHOOK_URL: `${receiver.url}/de-webhook`,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    SMTP_USER: 'mailer',
    SMTP_PASSWORD: 'hunter2',
  };
  expect((await runNotify(repo.root, { ...env, STATUS_NOW: '2026-11-23T10:05:00Z' })).code).toBe(0);
  writeFileSync(
    join(repo.root, 'incidents', '2026-11-23-login.md'),
    incident(`  - at: 2026-11-23T10:20:00Z
    status: identified
    message: Sitzungen schlagen fehl.
    next_update: 2026-11-23T11:00:00Z
`),
  );
  const mailsBefore = mails.length;
  const run = await runNotify(repo.root, { ...env, STATUS_NOW: '2026-11-23T10:25:00Z' });
  expect(run.code).toBe(0);
  const slack = JSON.stringify(SlackMessageSchema.parse(receiver.bodies('/de-slack')[0]));
  const discord = DiscordMessageSchema.parse(receiver.bodies('/de-discord')[0]);
  const teams = JSON.stringify(TeamsMessageSchema.parse(receiver.bodies('/de-teams')[0]));
  const mail = mails[mailsBefore]!.parsed;
  expect(mails).toHaveLength(mailsBefore + 1);

  expect(discord.embeds[0]!.fields.map((field) => [field.name, field.value])).toEqual([
    ['Status', 'Ursache identifiziert'],
    ['Auswirkung', 'Erhebliche Auswirkungen'],
    ['Betroffene Komponenten', 'API, Database'],
    ['Nächste Meldung bis', '23. Nov. 2026, 12:00 MEZ'],
  ]);
  expect(slack).toContain('*Auswirkung:* Erhebliche Auswirkungen');
  expect(slack).toContain('*Betroffene Komponenten:* API, Database');
  expect(slack).toContain('"text":"Auf der Statusseite ansehen"');
  expect(teams).toContain('{"title":"Nächste Meldung bis","value":"23. Nov. 2026, 12:00 MEZ"}');
  expect(teams).toContain('"title":"Auf der Statusseite ansehen"');
  expect(mail.subject).toBe(
    '[Fixture Status] [Ursache identifiziert] Login failures <script>alert(1)</script> @\u2060channel',
  );
  expect(mail.text).toContain('Auswirkung: Erhebliche Auswirkungen\nBetroffene Komponenten: API, Database\n');
  expect(String(mail.html)).toContain('Auf der Statusseite ansehen</a>');
  const english = [
    'Identified',
    'Major impact',
    'Impact',
    'Affected',
    'Next update',
    'View on the status page',
    'Nov 2026',
  ];
  for (const [kind, body] of [
    ['slack', slack],
    ['discord', JSON.stringify(discord)],
    ['teams', teams],
    ['email text', mail.text ?? ''],
    ['email html', String(mail.html)],
  ] as const)
    expect(english.filter((label) => body.includes(label)).map((label) => `${kind}: ${label}`)).toEqual([]);

  // The webhook is Statuspage's API: its fields keep Statuspage's English values.
  const hook = StatuspageIncidentWebhookSchema.parse(receiver.bodies('/de-webhook')[0]);
  expect(hook.incident.impact).toBe('major');
  expect(hook.incident.incident_updates[0]!.status).toBe('identified');
  expect(hook.incident.incident_updates[0]!.body).toBe('Sitzungen schlagen fehl.');
});

test('a channel with language: en on a German page gets English labels, the English translation and the /en/ page, once', async () => {
  const twoChannels = `    - id: german-slack
      kind: slack
      env: DE_URL
      allow_private_network: true
    - id: english-slack
      kind: slack
      env: EN_URL
      allow_private_network: true
      language: en
`;
  const components = componentsWithChannels(twoChannels).replace(
    '  timezone: Europe/Berlin\n',
    '  timezone: Europe/Berlin\n  languages: [de, en]\n',
  );
  const repo = makeNotifyRepository({ '2026-11-23-login.md': incident('') }, components);
  const env = { DE_URL: `${receiver.url}/lang-de`, EN_URL: `${receiver.url}/lang-en` };
  expect((await runNotify(repo.root, { ...env, STATUS_NOW: '2026-11-23T10:05:00Z' })).code).toBe(0);
  writeFileSync(
    join(repo.root, 'incidents', '2026-11-23-login.md'),
    incident(`  - at: 2026-11-23T10:20:00Z
    status: identified
    message: Sitzungen schlagen fehl.
    translations:
      en: Sessions fail.
`),
  );
  const later = { ...env, STATUS_NOW: '2026-11-23T10:25:00Z' };
  expect((await runNotify(repo.root, later)).code).toBe(0);
  const german = JSON.stringify(SlackMessageSchema.parse(receiver.bodies('/lang-de')[0]));
  const english = JSON.stringify(SlackMessageSchema.parse(receiver.bodies('/lang-en')[0]));
  expect(german).toContain('Sitzungen schlagen fehl.');
  expect(german).toContain('*Auswirkung:* Erhebliche Auswirkungen');
  expect(german).toContain('https://status.fixture.example/incidents/2026-11-23-login/#update-2');
  expect(english).toContain('Sessions fail.');
  expect(english).not.toContain('Sitzungen');
  expect(english).toContain('*Impact:* Major impact');
  expect(english).toContain('https://status.fixture.example/en/incidents/2026-11-23-login/#update-2');
  // The same update in two languages is still one delivery per channel: a re-run sends nothing.
  expect((await runNotify(repo.root, later)).code).toBe(0);
  expect(receiver.bodies('/lang-de')).toHaveLength(1);
  expect(receiver.bodies('/lang-en')).toHaveLength(1);
});

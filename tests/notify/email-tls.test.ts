import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';
import { afterEach, beforeAll, expect, test } from 'vitest';
import {
  componentsWithChannels,
  makeNotifyRepository,
  openIncident,
  runNotify,
  secondUpdate,
} from '../helpers/notify.ts';
import { startSmtpServer, trustTestCertificate } from '../helpers/smtp.ts';

beforeAll(trustTestCertificate);

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function smtpServer(options: Parameters<typeof startSmtpServer>[0]) {
  const server = await startSmtpServer(options);
  servers.push(server);
  return server;
}

const incident = (updates = '') => openIncident(updates, { title: 'Login failures', firstMessage: 'First.' });

const emailChannel = `    - id: announce
      kind: email
      env: SMTP
      to: status-announce@fixture.example
      from: status@fixture.example
`;

/** One new update to the email channel, with these SMTP settings; returns the run and its job summary. */
async function sendOneEmail(smtp: Record<string, string>) {
  const repo = makeNotifyRepository({ '2026-11-23-login.md': incident('') }, componentsWithChannels(emailChannel));
  const summary = join(mkdtempSync(join(tmpdir(), 'statusmark-summary-')), 'summary.md');
  const env = (now: string) => ({ STATUS_NOW: now, GITHUB_STEP_SUMMARY: summary, ...smtp });
  await runNotify(repo.root, env('2026-11-23T10:05:00Z'));
  writeFileSync(join(repo.root, 'incidents', '2026-11-23-login.md'), incident(secondUpdate));
  const run = await runNotify(repo.root, env('2026-11-23T10:25:00Z'));
  return { ...run, summary: readFileSync(summary, 'utf8') };
}

const credentials = { SMTP_HOST: '127.0.0.1', SMTP_USER: 'mailer', SMTP_PASSWORD: 'hunter2' };

test('a server that offers no STARTTLS never sees the SMTP password: the delivery fails with what to do (issue 22)', async () => {
  const server = await smtpServer({ starttls: false });
  const run = await sendOneEmail({ ...credentials, SMTP_PORT: String(server.port) });
  expect(run.code).toBe(1);
  expect(server.logins).toEqual([]);
  expect(server.mails).toEqual([]);
  expect(run.output).toContain(
    `announce (email): FAILED: 127.0.0.1:${server.port} does not offer TLS (STARTTLS), so nothing was sent and the password stayed here.`,
  );
  expect(run.output).toContain('SMTP_INSECURE_LOCAL_RELAY=1');
});

test('a server that offers STARTTLS with a trusted certificate gets the password only inside TLS, and the mail (issue 22)', async () => {
  const server = await smtpServer({ starttls: true });
  const run = await sendOneEmail({ ...credentials, SMTP_PORT: String(server.port) });
  expect(run.output).toBe('announce (email): sent 1 (2026-11-23-login#update-2)');
  expect(run.code).toBe(0);
  expect(server.logins).toEqual([{ username: 'mailer', secure: true }]);
  expect(server.mails.map((mail) => [mail.to, mail.user, mail.secure])).toEqual([
    [['status-announce@fixture.example'], 'mailer', true],
  ]);
});

test('SMTP_INSECURE_LOCAL_RELAY=1 sends without TLS to a relay on this machine, and is refused for any other host (issue 22)', async () => {
  const server = await smtpServer({ starttls: false });
  const local = await sendOneEmail({
    SMTP_HOST: 'localhost',
    SMTP_PORT: String(server.port),
    SMTP_INSECURE_LOCAL_RELAY: '1',
  });
  expect(local.output).toBe('announce (email): sent 1 (2026-11-23-login#update-2)');
  expect(server.mails).toHaveLength(1);

  const remote = await sendOneEmail({
    ...credentials,
    SMTP_HOST: 'smtp.fixture.example',
    SMTP_PORT: String(server.port),
    SMTP_INSECURE_LOCAL_RELAY: '1',
  });
  expect(remote.code).toBe(1);
  expect(remote.output).toContain(
    'announce (email): FAILED: SMTP_INSECURE_LOCAL_RELAY only allows a relay on this machine (localhost, 127.0.0.1 or ::1), and SMTP_HOST is smtp.fixture.example; nothing was sent.',
  );
  expect(server.mails).toHaveLength(1);
});

test("an SMTP server's hostile error reply shows as code in the job summary: no link, image or bold renders (issue 22)", async () => {
  const reply =
    '[Reset your password](https://evil.example/x) ![pixel](https://evil.example/p.png) **URGENT** <b>x</b> | `tick`';
  const server = await smtpServer({
    starttls: true,
    onAuth(_auth, _session, callback) {
      callback(new Error(reply));
    },
  });
  const run = await sendOneEmail({ ...credentials, SMTP_PORT: String(server.port) });
  expect(run.code).toBe(1);
  const row = run.summary
    .split('\n')
    .filter((line) => line.startsWith('| announce |'))
    .at(-1);
  expect(row).toBe(
    `| announce | email | FAILED: \`\` Invalid login: 535 [Reset your password](https://evil.example/x) ![pixel](https://evil.example/p.png) **URGENT** <b>x</b> \\| \`tick\` \`\`; sent 0, 1 left for the next run |`,
  );
  const html = await marked.parse(run.summary, { gfm: true });
  expect(html).not.toMatch(/<a |<img |<strong>|<b>/);
  expect(html).toContain('<code>Invalid login: 535 [Reset your password](https://evil.example/x)');
});

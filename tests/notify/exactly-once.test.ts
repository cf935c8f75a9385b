import { execFile, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { incidentFile } from '../helpers/content.ts';
import {
  componentsWithChannels,
  makeNotifyRepository,
  readLedgerBranch,
  runNotify,
  startReceiver,
} from '../helpers/notify.ts';
import {
  StatuspageComponentWebhookSchema,
  StatuspageIncidentWebhookSchema,
  SlackMessageSchema,
} from '../helpers/notify-shapes.ts';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
let receiver: Receiver;
beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(() => receiver.close());

const channels = `    - id: ops-slack
      kind: slack
      env: SLACK_URL
      allow_private_network: true
    - id: hooks
      kind: webhook
      env: HOOK_URL
      signing_secret_env: HOOK_WEBHOOK_SECRET
      allow_private_network: true
`;

const update = (at: string, status: string, message: string, extra = '') =>
  `  - at: ${at}\n    status: ${status}\n    message: ${JSON.stringify(message)}\n${extra}`;

function incident(updates: string[]): string {
  return incidentFile(`title: Elevated API errors
impact: major
components: [api]
updates:
${updates.join('')}`);
}

function envFor(now: string, extra: Record<string, string> = {}) {
  return {
    STATUS_NOW: now,
    SLACK_URL: `${receiver.url}/slack`,
    HOOK_URL: `${receiver.url}/hook`,
    HOOK_WEBHOOK_SECRET: 'shared-secret',
    ...extra,
  };
}

const first = update('2026-11-23T10:00:00Z', 'investigating', 'We are looking into errors.');
const second = update('2026-11-23T10:20:00Z', 'identified', 'A bad deploy; rolling back.');
const third = update('2026-11-23T10:40:00Z', 'monitoring', 'Rolled back; watching.');

function setUp() {
  const repo = makeNotifyRepository({ '2026-11-23-api.md': incident([first]) }, componentsWithChannels(channels));
  const write = (updates: string[], name = '2026-11-23-api.md', text = incident(updates)) =>
    writeFileSync(join(repo.root, 'incidents', name), text);
  return { ...repo, write };
}

describe('exactly-once delivery through npm run notify', () => {
  test('the first run sends nothing and records every published update', async () => {
    const { root, origin } = setUp();
    const run = await runNotify(root, envFor('2026-11-23T10:05:00Z'));
    expect(run.code).toBe(0);
    expect(receiver.received).toEqual([]);
    expect(run.output).toContain('ops-slack (slack): first run: recorded 1 published update, sent nothing');
    expect(readLedgerBranch(origin).channels).toEqual({
      hooks: { done: ['2026-11-23-api#update-1'], claims: {} },
      'ops-slack': { done: ['2026-11-23-api#update-1'], claims: {} },
    });
  });

  test('a new update goes to every channel once; re-running the same build sends nothing new', async () => {
    const { root, write } = setUp();
    await runNotify(root, envFor('2026-11-23T10:05:00Z'));
    write([first, second]);
    const run = await runNotify(root, envFor('2026-11-23T10:25:00Z'));
    expect(run.code).toBe(0);
    expect(receiver.received.map((item) => item.path).sort()).toEqual(['/hook', '/slack']);
    const again = await runNotify(root, envFor('2026-11-23T10:25:00Z'));
    const later = await runNotify(root, envFor('2026-11-23T10:40:00Z'));
    expect([again.code, later.code]).toEqual([0, 0]);
    expect(receiver.received).toHaveLength(2);
    expect(again.output).toContain('ops-slack (slack): sent 0');
  });

  test('the webhook body is Statuspage-shaped and its HMAC verifies on the receiving side', async () => {
    const { root, write } = setUp();
    await runNotify(root, envFor('2026-11-23T10:05:00Z'));
    write([first, second]);
    await runNotify(root, envFor('2026-11-23T10:25:00Z'));
    const [hook] = receiver.received.filter((item) => item.path === '/hook');
    const expected = `sha256=${createHmac('sha256', 'shared-secret').update(hook!.body).digest('hex')}`;
    expect(hook!.headers['x-statusmark-signature-256']).toBe(expected);
    expect(hook!.headers['content-type']).toBe('application/json');
    const body = StatuspageIncidentWebhookSchema.parse(JSON.parse(hook!.body));
    expect(body.incident.incident_updates.map((item) => [item.status, item.body])).toEqual([
      ['identified', 'A bad deploy; rolling back.'],
      ['investigating', 'We are looking into errors.'],
    ]);
    expect(body.incident.shortlink).toBe('https://status.fixture.example/incidents/2026-11-23-api/#update-2');
    // The API component is in partial outage: Statuspage's rollup reads minor (issue 10).
    expect(body.page.status_indicator).toBe('minor');
    SlackMessageSchema.parse(receiver.bodies('/slack')[0]);
  });

  test('a failed channel is retried next run without re-sending to the channel that succeeded', async () => {
    const { root, origin, write } = setUp();
    await runNotify(root, envFor('2026-11-23T10:05:00Z'));
    write([first, second]);
    receiver.on('/slack', { status: 500 });
    const failed = await runNotify(root, envFor('2026-11-23T10:25:00Z'));
    expect(failed.code).toBe(1);
    expect(failed.output).toContain(
      'ops-slack (slack): FAILED: HTTP 500 after 4 attempts; sent 0, 1 left for the next run',
    );
    expect(receiver.received.filter((item) => item.path === '/slack')).toHaveLength(4);
    expect(readLedgerBranch(origin).channels['ops-slack']).toEqual({ done: ['2026-11-23-api#update-1'], claims: {} });
    receiver.on('/slack', { status: 200 });
    const retried = await runNotify(root, envFor('2026-11-23T10:30:00Z'));
    expect(retried.code).toBe(0);
    expect(receiver.received.filter((item) => item.path === '/hook')).toHaveLength(1);
    expect(receiver.received.filter((item) => item.path === '/slack')).toHaveLength(5);
  });

  test('two overlapping runs in separate processes never double-send', async () => {
    const { root, write } = setUp();
    await runNotify(root, envFor('2026-11-23T10:05:00Z'));
    write([first, second, third]);
    receiver.on('/slack', { status: 200, delayMs: 300 });
    receiver.on('/hook', { status: 200, delayMs: 300 });
    const exec = promisify(execFile);
    const env = { ...process.env, ...envFor('2026-11-23T10:45:00Z') };
    const runs = await Promise.allSettled(
      [0, 1, 2].map(() => exec(process.execPath, ['scripts/notify.ts', '--root', root], { env })),
    );
    expect(
      runs.map((run) => (run.status === 'rejected' ? String((run.reason as { stdout: string }).stdout) : run.status)),
    ).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const ids = receiver.received.map(
      (item) => `${item.path} ${JSON.stringify(JSON.parse(item.body)).match(/update-\d/)![0]}`,
    );
    expect(ids.sort()).toEqual(['/hook update-2', '/hook update-3', '/slack update-2', '/slack update-3']);
  });

  test('back-dated incidents and edited old updates are not sent', async () => {
    const { root, write } = setUp();
    await runNotify(root, envFor('2026-11-23T10:05:00Z'));
    write([update('2026-11-23T10:00:00Z', 'investigating', 'Edited wording of the first update.')]);
    write(
      [
        update('2026-11-19T08:00:00Z', 'investigating', 'Backfilled.'),
        update('2026-11-19T09:00:00Z', 'resolved', 'Done.'),
      ],
      '2026-11-19-old.md',
    );
    const run = await runNotify(root, envFor('2026-11-23T10:10:00Z'));
    expect(run.code).toBe(0);
    expect(receiver.received).toEqual([]);
  });

  test('notify: false publishes an update without notifying', async () => {
    const { root, origin, write } = setUp();
    await runNotify(root, envFor('2026-11-23T10:05:00Z'));
    write([first, update('2026-11-23T10:20:00Z', 'investigating', 'Typo fix.', '    notify: false\n')]);
    await runNotify(root, envFor('2026-11-23T10:25:00Z'));
    expect(receiver.received).toEqual([]);
    expect(readLedgerBranch(origin).channels.hooks!.done).toContain('2026-11-23-api#update-2');
  });

  test('a scheduled rebuild that only opens a maintenance window sends "maintenance started" once', async () => {
    const maintenance = incidentFile(`kind: maintenance
title: Database upgrade
components: [database]
window:
  start: 2026-11-24T02:00:00Z
  end: 2026-11-24T03:00:00Z
updates:
${update('2026-11-20T09:00:00Z', 'scheduled', 'We will upgrade the database.')}`);
    const repo = makeNotifyRepository({ '2026-11-24-db.md': maintenance }, componentsWithChannels(channels));
    await runNotify(repo.root, envFor('2026-11-24T01:45:00Z'));
    for (const now of ['2026-11-24T02:00:00Z', '2026-11-24T02:15:00Z', '2026-11-24T02:30:00Z'])
      expect((await runNotify(repo.root, envFor(now))).code).toBe(0);
    const slack = receiver.bodies('/slack') as { text: string }[];
    expect(slack.map((body) => body.text)).toEqual([
      '[In Progress] Database upgrade: The maintenance window has started.',
    ]);
    const hook = StatuspageIncidentWebhookSchema.parse(receiver.bodies('/hook')[0]);
    expect([hook.incident.status, hook.incident.impact, hook.incident.scheduled_for]).toEqual([
      'in_progress',
      'maintenance',
      '2026-11-24T03:00:00.000+01:00',
    ]);
  });

  test('a maintenance reminder goes out once, remind_before ahead of the window', async () => {
    const maintenance = incidentFile(`kind: maintenance
title: Database upgrade
components: [database]
window:
  start: 2026-11-24T02:00:00Z
  end: 2026-11-24T03:00:00Z
updates:
${update('2026-11-20T09:00:00Z', 'scheduled', 'We will upgrade the database.')}`);
    const reminders = `    - id: ops-slack
      kind: slack
      env: SLACK_URL
      allow_private_network: true
      remind_before: [1h]
`;
    const repo = makeNotifyRepository({ '2026-11-24-db.md': maintenance }, componentsWithChannels(reminders));
    for (const now of ['2026-11-23T23:00:00Z', '2026-11-24T01:01:00Z', '2026-11-24T01:30:00Z', '2026-11-24T02:01:00Z'])
      expect((await runNotify(repo.root, envFor(now))).code).toBe(0);
    expect((receiver.bodies('/slack') as { text: string }[]).map((body) => body.text)).toEqual([
      '[Reminder] Database upgrade: Reminder: this maintenance starts in 1 hour.',
      '[In Progress] Database upgrade: The maintenance window has started.',
    ]);
  });

  test('regression: a maintenance announced after its reminder time gets no "starts in 24 hours" reminder', async () => {
    const announcedLate = incidentFile(`kind: maintenance
title: Database upgrade
components: [database]
window:
  start: 2026-11-24T02:00:00Z
  end: 2026-11-24T03:00:00Z
updates:
${update('2026-11-24T00:00:00Z', 'scheduled', 'We will upgrade the database at 02:00 UTC.')}`);
    const reminders = `    - id: ops-slack
      kind: slack
      env: SLACK_URL
      allow_private_network: true
      remind_before: [24h, 1h]
`;
    const repo = makeNotifyRepository({ '2026-11-23-api.md': incident([first]) }, componentsWithChannels(reminders));
    await runNotify(repo.root, envFor('2026-11-23T23:00:00Z'));
    writeFileSync(join(repo.root, 'incidents', '2026-11-24-db.md'), announcedLate);
    for (const now of ['2026-11-24T00:05:00Z', '2026-11-24T01:05:00Z'])
      expect((await runNotify(repo.root, envFor(now))).code).toBe(0);
    expect((receiver.bodies('/slack') as { text: string }[]).map((body) => body.text)).toEqual([
      '[Scheduled] Database upgrade: We will upgrade the database at 02:00 UTC.',
      '[Reminder] Database upgrade: Reminder: this maintenance starts in 1 hour.',
    ]);
  });

  test('a webhook channel can ask for component status changes, shaped as Statuspage component events', async () => {
    const components = `    - id: hooks
      kind: webhook
      env: HOOK_URL
      allow_private_network: true
      events: [component_status]
`;
    const repo = makeNotifyRepository({ '2026-11-23-api.md': incident([first]) }, componentsWithChannels(components));
    await runNotify(repo.root, envFor('2026-11-23T10:05:00Z'));
    writeFileSync(
      join(repo.root, 'incidents', '2026-11-23-api.md'),
      incident([
        first,
        second,
        update(
          '2026-11-23T10:40:00Z',
          'monitoring',
          'Recovered.',
          '    components:\n      - id: api\n        status: operational\n',
        ),
      ]),
    );
    expect((await runNotify(repo.root, envFor('2026-11-23T10:45:00Z'))).code).toBe(0);
    const bodies = receiver.bodies('/hook').map((body) => StatuspageComponentWebhookSchema.parse(body));
    expect(
      bodies.map((body) => [body.component.name, body.component_update.old_status, body.component_update.new_status]),
    ).toEqual([['API', 'partial_outage', 'operational']]);
  });

  test('a burst past max_per_run ends with one summary message', async () => {
    const repo = makeNotifyRepository(
      { '2026-11-23-api.md': incident([first]) },
      componentsWithChannels(channels.split('    - id: hooks')[0]!, 3),
    );
    await runNotify(repo.root, envFor('2026-11-23T10:05:00Z'));
    const updates = [first];
    for (let minute = 10; minute < 16; minute++)
      updates.push(update(`2026-11-23T10:${minute}:00Z`, 'identified', `Step ${minute}.`));
    writeFileSync(join(repo.root, 'incidents', '2026-11-23-api.md'), incident(updates));
    const run = await runNotify(repo.root, envFor('2026-11-23T10:20:00Z'));
    expect(run.code).toBe(0);
    const texts = (receiver.bodies('/slack') as { text: string }[]).map((body) => body.text);
    expect(texts).toEqual([
      '[Identified] Elevated API errors: Step 10.',
      '[Identified] Elevated API errors: Step 11.',
      '[Summary] 4 more status updates: 4 more updates were published: Elevated API errors. See the status page for details.',
    ]);
    expect((await runNotify(repo.root, envFor('2026-11-23T10:21:00Z'))).output).toContain('ops-slack (slack): sent 0');
  });

  test('a channel whose secret is unset is skipped with a warning, and the run succeeds', async () => {
    const { root } = setUp();
    const summary = join(mkdtempSync(join(tmpdir(), 'statusmark-summary-')), 'summary.md');
    const run = await runNotify(root, {
      ...envFor('2026-11-23T10:05:00Z'),
      SLACK_URL: '',
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(run.code).toBe(0);
    expect(run.output).toContain('warning: channel "ops-slack" (slack) skipped: SLACK_URL is unset.');
    expect(readFileSync(summary, 'utf8')).toContain('| ops-slack | slack | skipped: SLACK_URL is unset |');
  });
});

describe('delivery behaviour', () => {
  async function deliverOne(answers: Parameters<Receiver['on']>[1][], extraEnv: Record<string, string> = {}) {
    const { root, write } = setUp();
    await runNotify(root, envFor('2026-11-23T10:05:00Z'));
    write([first, second]);
    receiver.on('/slack', ...answers);
    const started = performance.now();
    const run = await runNotify(root, envFor('2026-11-23T10:25:00Z', extraEnv));
    return {
      root,
      run,
      seconds: (performance.now() - started) / 1000,
      slack: receiver.received.filter((item) => item.path === '/slack'),
    };
  }

  test('429 is retried after the Retry-After the receiver asked for', async () => {
    const { run, seconds, slack } = await deliverOne([
      { status: 429, headers: { 'retry-after': '1' } },
      { status: 200 },
    ]);
    expect(run.code).toBe(0);
    expect(slack).toHaveLength(2);
    expect(seconds).toBeGreaterThanOrEqual(1);
  });

  test('regression: a receiver that got the message but answers late gets it once, not once per attempt and run', async () => {
    const { root, run, slack } = await deliverOne([{ status: 200, delayMs: 2500 }, { status: 200 }]);
    expect(run.code).toBe(0);
    expect(slack).toHaveLength(1);
    expect(run.output).toContain('counted as delivered so it is never sent twice');
    expect(slack[0]!.headers['x-statusmark-delivery-id']).toBe('2026-11-23-api#update-2');
    await runNotify(root, envFor('2026-11-23T12:00:00Z'));
    expect(receiver.received.filter((item) => item.path === '/slack')).toHaveLength(1);
  });

  test('regression: a run killed while a slow channel is still sending repeats nothing the fast channel received', async () => {
    const { root, write } = setUp();
    await runNotify(root, envFor('2026-11-23T10:05:00Z'));
    write([first, second]);
    receiver.on('/slack', { status: 200, delayMs: 20_000 });
    const child = spawn(process.execPath, ['scripts/notify.ts', '--root', root], {
      env: { ...process.env, ...envFor('2026-11-23T10:25:00Z') },
      stdio: 'ignore',
    });
    const deadline = Date.now() + 20_000;
    while (!receiver.received.some((item) => item.path === '/hook') && Date.now() < deadline) await sleep(50);
    // Give the run time to record the webhook's delivery, then cut it off like a cancelled job.
    await sleep(3000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const later = await runNotify(root, envFor('2026-11-23T11:30:00Z'));
    const hooks = receiver.received.filter((item) => item.path === '/hook');
    expect(hooks).toHaveLength(1);
    expect(later.output).toContain('hooks (webhook): sent 0');
  }, 60_000);

  test('a webhook whose signing secret is unset is skipped, never sent unsigned', async () => {
    const { root, write } = setUp();
    await runNotify(root, envFor('2026-11-23T10:05:00Z'));
    write([first, second]);
    const run = await runNotify(root, envFor('2026-11-23T10:25:00Z', { HOOK_WEBHOOK_SECRET: '' }));
    expect(run.output).toContain('warning: channel "hooks" (webhook) skipped: HOOK_WEBHOOK_SECRET is unset.');
    expect(receiver.received.filter((item) => item.path === '/hook')).toEqual([]);
  });

  test('a redirect counts as a failure and is not followed', async () => {
    const { run, slack } = await deliverOne([{ status: 301, headers: { location: 'http://127.0.0.1:1/elsewhere' } }]);
    expect(run.code).toBe(1);
    expect(slack).toHaveLength(1);
    expect(run.output).toContain('HTTP 301: redirects are not followed');
  });

  test('a 4xx other than 429 fails at once without retries', async () => {
    const { run, slack } = await deliverOne([{ status: 404 }]);
    expect(run.code).toBe(1);
    expect(slack).toHaveLength(1);
  });

  test('plain http and private addresses are refused unless the channel allows them', async () => {
    const repo = makeNotifyRepository(
      { '2026-11-23-api.md': incident([first]) },
      componentsWithChannels(`    - id: ops-slack\n      kind: slack\n      env: SLACK_URL\n`),
    );
    await runNotify(repo.root, envFor('2026-11-23T10:05:00Z'));
    writeFileSync(join(repo.root, 'incidents', '2026-11-23-api.md'), incident([first, second]));
    const http = await runNotify(repo.root, envFor('2026-11-23T10:25:00Z'));
    expect(http.code).toBe(1);
    expect(http.output).toContain('Refused: only https URLs are allowed');
    const https = await runNotify(repo.root, envFor('2026-11-23T10:25:00Z', { SLACK_URL: 'https://127.0.0.1:9/hook' }));
    expect(https.output).toContain('Refused: 127.0.0.1 is a private address');
    const named = await runNotify(repo.root, envFor('2026-11-23T10:25:00Z', { SLACK_URL: 'https://localhost:9/hook' }));
    expect(named.output).toContain('Refused: localhost is a private address');
    expect(receiver.received).toEqual([]);
  });
});

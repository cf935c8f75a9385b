import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { parse } from 'yaml';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { runValidateCommand } from '../../src/cli/validate.ts';
import { secretNameProblems } from '../../src/domain/secret-names.ts';
import { loadRepository } from '../../src/node/load-repository.ts';
import { makeContentRoot, projectRoot } from '../helpers/content.ts';
import {
  componentsWithChannels,
  makeNotifyRepository,
  openIncident,
  runNotify,
  secondUpdate,
} from '../helpers/notify.ts';

/** What the receiver got, and whether `standardwebhooks` accepted it. */
interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
  verified: boolean;
}

const asRecord = (headers: IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));

const secret = `whsec_${randomBytes(32).toString('base64')}`;
let verifier = new Webhook(secret);
const deliveries: Delivery[] = [];
/** Statuses to answer, in order; then 200 (200 only for a verified request). */
const answers: number[] = [];
let receiverUrl = '';
let close: () => Promise<void>;

// A receiver as its documentation tells it to be written: verify, then accept; 401 otherwise.
beforeAll(async () => {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let verified = true;
      try {
        verifier.verify(body, asRecord(request.headers));
      } catch {
        verified = false;
      }
      deliveries.push({ headers: request.headers, body, verified });
      response.writeHead(answers.shift() ?? (verified ? 200 : 401)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close());
beforeEach(() => {
  deliveries.length = 0;
  answers.length = 0;
  verifier = new Webhook(secret);
});

const channel = `    - id: hooks
      kind: webhook
      env: STATUS_WEBHOOK_URL
      signing_secret_env: STATUS_WEBHOOK_SECRET
      allow_private_network: true
`;

const incident = (updates = '') => openIncident(updates);

async function deliverSecondUpdate(signingSecret: string) {
  const repo = makeNotifyRepository({ '2026-11-23-api.md': incident('') }, componentsWithChannels(channel));
  const env = (now: string) => ({
    STATUS_NOW: now,
    STATUS_WEBHOOK_URL: receiverUrl,
    STATUS_WEBHOOK_SECRET: signingSecret,
  });
  await runNotify(repo.root, env('2026-11-23T10:05:00Z'));
  writeFileSync(join(repo.root, 'incidents', '2026-11-23-api.md'), incident(secondUpdate));
  return runNotify(repo.root, env('2026-11-23T10:25:00Z'));
}

test('webhooks are signed as Standard Webhooks: the standardwebhooks library verifies them, with the delivery id as webhook-id (issue 22)', async () => {
  const run = await deliverSecondUpdate(secret);
  expect(run.output).toBe('hooks (webhook): sent 1 (2026-11-23-api#update-2)');
  expect(deliveries.map((item) => item.verified)).toEqual([true]);
  const [{ headers, body }] = deliveries as [Delivery];
  expect(headers['webhook-id']).toBe('2026-11-23-api#update-2');
  expect(Math.abs(Number(headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
  expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
  // The signature covers the timestamp: a replay with a fresh timestamp does not verify.
  const replayed = { ...asRecord(headers), 'webhook-timestamp': String(Math.floor(Date.now() / 1000) + 5) };
  expect(() => verifier.verify(body, replayed)).toThrow('No matching signature found');
  // The deprecated header is still sent for one release, unchanged.
  expect(headers['x-statusmark-signature-256']).toBe(
    `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
  );
});

test('a retried webhook keeps its webhook-id, so a receiver can drop the repeat, and each attempt is signed afresh (issue 22)', async () => {
  answers.push(503);
  const run = await deliverSecondUpdate(secret);
  expect(run.code).toBe(0);
  expect(deliveries.map((item) => [item.headers['webhook-id'], item.verified])).toEqual([
    ['2026-11-23-api#update-2', true],
    ['2026-11-23-api#update-2', true],
  ]);
});

test('a secret without the whsec_ prefix is used as it is, as the libraries’ raw format reads it (issue 22)', async () => {
  verifier = new Webhook('a-plain-shared-secret', { format: 'raw' });
  const run = await deliverSecondUpdate('a-plain-shared-secret');
  expect(run.code).toBe(0);
  expect(deliveries.map((item) => item.verified)).toEqual([true]);
});

function validate(channels: string): string {
  const root = makeContentRoot({}, componentsWithChannels(channels));
  const lines: string[] = [];
  runValidateCommand(['--root', root], {
    out: (line) => lines.push(line),
    env: { STATUS_NOW: '2026-11-23T12:00:00Z' },
  });
  return lines.join('\n');
}

test('a channel cannot read a variable the workflow passes for something else, such as the SMTP password (issue 22)', () => {
  expect(
    validate(`    - id: hooks
      kind: webhook
      env: STATUS_WEBHOOK_URL
      signing_secret_env: SMTP_PASSWORD
    - id: ops
      kind: slack
      env: SMTP_PASSWORD
    - id: list
      kind: email
      env: STATUS_WEBHOOK
      to: status-announce@example.com
      from: status@example.com
    - id: runner
      kind: webhook
      env: GITHUB_API_URL
`),
  ).toMatchInlineSnapshot(`
    "components.yml:16:27 error SecretNameNotAllowed The webhook "hooks" cannot sign with "SMTP_PASSWORD": a signing key's name must end in "WEBHOOK_SECRET" (and not start with GITHUB_, RUNNER_ or ACTIONS_, which the runner sets), so no other secret of the notify step can become one.
        hint: Store a key such as "whsec_" followed by 32 random bytes in base64 as a repository secret named like "STATUS_WEBHOOK_SECRET", pass it to the notify step's env in .github/workflows/publish.yml, and write "signing_secret_env: STATUS_WEBHOOK_SECRET".
    components.yml:19:12 error SecretNameNotAllowed The channel "ops" cannot read its webhook URL from "SMTP_PASSWORD": its name must end in "_URL" (and not start with GITHUB_, RUNNER_ or ACTIONS_, which the runner sets).
        hint: Store the URL as a repository secret named like "SLACK_WEBHOOK_URL", pass it to the notify step's env in .github/workflows/publish.yml, and write "env: SLACK_WEBHOOK_URL".
    components.yml:22:12 error SecretNameNotAllowed The email channel "list" cannot read its SMTP settings from "STATUS_WEBHOOK_…": the prefix must be "SMTP" or end in "_SMTP" (and not start with GITHUB_, RUNNER_ or ACTIONS_, which the runner sets).
        hint: Store the settings as repository secrets SMTP_HOST, SMTP_PORT, SMTP_USER and SMTP_PASSWORD, pass them to the notify step's env in .github/workflows/publish.yml, and write "env: SMTP".
    components.yml:27:12 error SecretNameNotAllowed The channel "runner" cannot read its webhook URL from "GITHUB_API_URL": its name must end in "_URL" (and not start with GITHUB_, RUNNER_ or ACTIONS_, which the runner sets).
        hint: Store the URL as a repository secret named like "STATUS_WEBHOOK_URL", pass it to the notify step's env in .github/workflows/publish.yml, and write "env: STATUS_WEBHOOK_URL".
    Validation failed: 0 incident files, 4 errors, 0 warnings."
  `);
});

test('the operator alert skips a channel whose signing secret is the SMTP password, and reports it (issue 22)', async () => {
  const root = makeContentRoot(
    {},
    componentsWithChannels(`    - id: ops-hook
      kind: webhook
      env: STATUS_WEBHOOK_URL
      signing_secret_env: SMTP_PASSWORD
      allow_private_network: true
      events: [build_failed]
`),
  );
  const run = await runNotify(
    root,
    { STATUS_NOW: '2026-11-23T10:40:00Z', STATUS_WEBHOOK_URL: receiverUrl, SMTP_PASSWORD: 'hunter2' },
    ['--build-failed', '--run-url', 'https://github.com/acme/status/actions/runs/1'],
  );
  expect(run.output).toContain('error SecretNameNotAllowed');
  expect(deliveries).toEqual([]);
});

test("the workflow's notify steps pass only variables a channel may read, and every one the sample's channels read", () => {
  type Step = { run?: string; env?: Record<string, string> };
  const flow = parse(readFileSync(join(projectRoot, '.github', 'workflows', 'publish.yml'), 'utf8')) as {
    jobs: Record<string, { steps?: Step[] }>;
  };
  const notifySteps = Object.values(flow.jobs)
    .flatMap((job) => job.steps ?? [])
    .filter((step) => step.run?.includes('npm run notify'));
  expect(notifySteps).toHaveLength(2);
  const ownInputs = new Set(['RUN_URL', 'BUILD_RESULT', 'DEPLOY_RESULT']);
  const smtpSetting = /^((?:\w+_)?SMTP)_(HOST|PORT|USER|PASSWORD)$/;
  for (const step of notifySteps) {
    const names = Object.keys(step.env ?? {}).filter((name) => !ownInputs.has(name));
    for (const name of names) {
      const channel = name.endsWith('_URL')
        ? { id: 'x', kind: 'webhook' as const, env: name }
        : name.endsWith('WEBHOOK_SECRET')
          ? { id: 'x', kind: 'webhook' as const, env: 'X_URL', signing_secret_env: name }
          : { id: 'x', kind: 'email' as const, env: smtpSetting.exec(name)?.[1] ?? name };
      expect([name, secretNameProblems(channel)]).toEqual([name, []]);
    }
    const sample = loadRepository(projectRoot, Date.parse('2026-11-23T12:00:00Z')).repository!.components;
    const read = sample.notifications.channels.flatMap((channel) =>
      channel.kind === 'email'
        ? [`${channel.env}_HOST`, `${channel.env}_PORT`, `${channel.env}_USER`, `${channel.env}_PASSWORD`]
        : [channel.env, ...(channel.signing_secret_env ? [channel.signing_secret_env] : [])],
    );
    expect(read.filter((name) => !names.includes(name))).toEqual([]);
  }
});

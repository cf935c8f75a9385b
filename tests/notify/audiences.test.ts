import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { incidentFile } from '../helpers/content.ts';
import { makeNotifyRepository, readLedgerBranch, runNotify, startReceiver } from '../helpers/notify.ts';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
let receiver: Receiver;
beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(() => receiver.close());

const components = `page:
  name: Fixture Status
  url: https://status.fixture.example
  timezone: UTC
audiences:
  internal:
    url: https://status.internal.fixture.example
components:
  - id: api
    name: API
  - id: zqxqueue
    name: Zqxqueuename
    audience: internal
notifications:
  channels:
    - id: customers
      kind: webhook
      env: CUSTOMERS_URL
      allow_private_network: true
    - id: engineers
      kind: webhook
      env: ENGINEERS_URL
      allow_private_network: true
      audience: internal
`;

const update = (at: string, status: string, message: string, extra = '') =>
  `  - at: ${at}\n    status: ${status}\n    message: ${message}\n${extra}`;

const apiIncident = (...updates: string[]) =>
  incidentFile(`title: Elevated API errors\nimpact: major\ncomponents: [api]\nupdates:\n${updates.join('')}`);

const first = update('2026-11-23T10:00:00Z', 'investigating', 'We are looking into errors.');
const internalNote = update(
  '2026-11-23T10:10:00Z',
  'identified',
  'Zqxinternalnote',
  '    audience: internal\n    components:\n      - id: zqxqueue\n        status: major_outage\n',
);
const publicFix = update('2026-11-23T10:20:00Z', 'monitoring', 'A fix is rolling out.');
const queueIncident = incidentFile(
  `title: Zqxqueuetitle\nimpact: minor\naudience: internal\ncomponents: [zqxqueue]\nupdates:\n${update('2026-11-23T10:15:00Z', 'investigating', 'Zqxqueuemessage')}`,
);

const env = (now: string) => ({
  STATUS_NOW: now,
  CUSTOMERS_URL: `${receiver.url}/customers`,
  ENGINEERS_URL: `${receiver.url}/engineers`,
});

interface WebhookBody {
  incident: { name: string; shortlink: string; incident_updates: { body: string }[] };
}

describe('notifications per audience (issue 28)', () => {
  test('a public channel never hears of an internal item; an internal channel hears of both, with internal links, each once', async () => {
    const { root, origin } = makeNotifyRepository({ '2026-11-23-api.md': apiIncident(first) }, components);
    expect((await runNotify(root, env('2026-11-23T10:05:00Z'))).code).toBe(0);
    writeFileSync(join(root, 'incidents', '2026-11-23-api.md'), apiIncident(first, internalNote, publicFix));
    writeFileSync(join(root, 'incidents', '2026-11-23-zqxqueue.md'), queueIncident);

    const run = await runNotify(root, env('2026-11-23T10:25:00Z'));
    expect(run.code, run.output).toBe(0);
    const customers = receiver.received.filter((item) => item.path === '/customers');
    const engineers = receiver.bodies('/engineers') as WebhookBody[];
    expect(customers).toHaveLength(1);
    expect(customers.map((item) => item.body).join('\n')).not.toMatch(/zqx|internal\.fixture/i);
    const [told] = receiver.bodies('/customers') as WebhookBody[];
    expect(told!.incident.shortlink).toBe('https://status.fixture.example/incidents/2026-11-23-api/#update-2');
    expect(engineers.map((body) => body.incident.shortlink)).toEqual([
      'https://status.internal.fixture.example/incidents/2026-11-23-api/#update-2',
      'https://status.internal.fixture.example/incidents/2026-11-23-zqxqueue/#update-1',
      'https://status.internal.fixture.example/incidents/2026-11-23-api/#update-3',
    ]);
    expect(readLedgerBranch(origin).channels.customers!.done.sort()).toEqual([
      '2026-11-23-api#update-1',
      '2026-11-23-api#update-2',
    ]);

    const again = await runNotify(root, env('2026-11-23T10:30:00Z'));
    expect(again.code, again.output).toBe(0);
    expect(receiver.received).toHaveLength(4);
  });

  test('the dry run plans a public channel from the public page only', async () => {
    const { root } = makeNotifyRepository(
      { '2026-11-23-api.md': apiIncident(first, internalNote, publicFix), '2026-11-23-zqxqueue.md': queueIncident },
      components,
    );
    const run = await runNotify(root, env('2026-11-23T10:25:00Z'), ['--dry-run']);
    expect(run.code, run.output).toBe(0);
    const [customers, engineers] = run.output.split('== engineers');
    expect(customers).not.toMatch(/zqx/i);
    expect(engineers).toContain('Zqxqueuetitle');
    expect(engineers).toContain('Zqxinternalnote');
  });
});

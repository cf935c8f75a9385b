import { writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import {
  componentsWithChannels,
  makeNotifyRepository,
  openIncident,
  runNotify,
  secondUpdate,
} from '../helpers/notify.ts';

const incident = (updates = '') => openIncident(updates);

const open: { server: Server; sockets: Set<Socket>; timers: NodeJS.Timeout[] }[] = [];
afterEach(async () => {
  for (const { server, sockets, timers } of open.splice(0)) {
    timers.forEach(clearInterval);
    sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(server: Server) {
  const entry = { server, sockets: new Set<Socket>(), timers: [] as NodeJS.Timeout[] };
  server.on('connection', (socket: Socket) => entry.sockets.add(socket));
  open.push(entry);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, timers: entry.timers };
}

/** Notifies one new update to a Slack channel at `url`; the helper's attempt limit is 2 s. */
async function notifyOnce(url: string) {
  const repo = makeNotifyRepository(
    { '2026-11-23-api.md': incident('') },
    componentsWithChannels(
      '    - id: ops-slack\n      kind: slack\n      env: SLACK_WEBHOOK_URL\n      allow_private_network: true\n',
    ),
  );
  const env = (now: string) => ({ STATUS_NOW: now, SLACK_WEBHOOK_URL: url });
  await runNotify(repo.root, env('2026-11-23T10:05:00Z'));
  writeFileSync(join(repo.root, 'incidents', '2026-11-23-api.md'), incident(secondUpdate));
  const started = performance.now();
  const run = await runNotify(repo.root, env('2026-11-23T10:25:00Z'));
  return { ...run, seconds: (performance.now() - started) / 1000 };
}

test('a receiver that answers 200 and then trickles its body one byte at a time does not hold notify: the status decides (issue 22)', async () => {
  const server = createHttpServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.flushHeaders();
      receiver.timers.push(setInterval(() => response.write('.'), 300));
    });
  });
  const receiver = await listen(server);
  const run = await notifyOnce(receiver.url);
  expect(run.output).toBe('ops-slack (slack): sent 1 (2026-11-23-api#update-2)');
  expect(run.code).toBe(0);
  expect(run.seconds).toBeLessThan(5);
}, 20_000);

test('a receiver that trickles its status line and headers is cut off at the attempt deadline, counted as delivered once (issue 22)', async () => {
  let requests = 0;
  const server = createTcpServer((socket) => {
    socket.once('data', () => {
      requests++;
      socket.write('HTTP/1.1 200 OK\r\n');
      receiver.timers.push(setInterval(() => socket.write('x-slow: .\r\n'), 300));
    });
  });
  const receiver = await listen(server);
  const run = await notifyOnce(receiver.url);
  expect(run.output).toContain('ops-slack (slack): sent 1 (2026-11-23-api#update-2); warning: ');
  expect(run.output).toContain('no answer within 2 s after the message was sent');
  expect(run.code).toBe(0);
  expect(requests).toBe(1);
  expect(run.seconds).toBeLessThan(8);
}, 20_000);

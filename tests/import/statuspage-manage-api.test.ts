import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { projectRoot } from '../helpers/content.ts';
import { emptyRoot, importClock, snapshotFiles } from '../helpers/import.ts';

/** A self-signed certificate for 127.0.0.1, trusted by the child process through NODE_EXTRA_CA_CERTS. */
function makeCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'statusmark-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  return {
    key: readFileSync(join(dir, 'key.pem')),
    cert: readFileSync(join(dir, 'cert.pem')),
    certFile: join(dir, 'cert.pem'),
  };
}

const incidents = Array.from({ length: 230 }, (_, index) => {
  const at = new Date(Date.parse('2024-01-01T00:00:00Z') + index * 86_400_000).toISOString();
  return {
    id: `mgmt${String(index).padStart(6, '0')}`,
    name: `Incident ${index + 1}`,
    status: 'resolved',
    impact: 'minor',
    created_at: at,
    started_at: at,
    incident_updates: [
      {
        id: `mgmtu${String(index).padStart(6, '0')}`,
        status: 'resolved',
        body: 'Fixed.',
        created_at: at,
        display_at: at,
        affected_components: [{ code: 'mgmtcomp0001', name: 'API', new_status: 'operational' }],
      },
    ],
    components: [{ id: 'mgmtcomp0001', name: 'API' }],
  };
});

test('the Manage API gives the whole history, 100 incidents a page, with the key only in the header (issue 24)', async () => {
  const { key, cert, certFile } = makeCertificate();
  const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer({ key, cert }, (request, response) => {
    const url = new URL(request.url ?? '/', 'https://127.0.0.1');
    seen.push({ path: `${url.pathname}${url.search}`, headers: request.headers });
    const page = Number(url.searchParams.get('page') ?? 1);
    const body =
      url.pathname === '/v1/pages/mgmtpage0001'
        ? { id: 'mgmtpage0001', name: 'Managed', subdomain: 'managed', time_zone: 'Etc/UTC' }
        : url.pathname.endsWith('/components')
          ? [{ id: 'mgmtcomp0001', name: 'API', created_at: '2023-01-01T00:00:00Z', position: 1, showcase: true }]
          : url.pathname.endsWith('/component-groups')
            ? []
            : incidents.slice((page - 1) * 100, page * 100);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const root = emptyRoot();
  try {
    const { port } = server.address() as AddressInfo;
    const child = spawn(
      process.execPath,
      [
        'scripts/import.ts',
        'statuspage',
        '--page-id',
        'mgmtpage0001',
        '--api-url',
        `https://127.0.0.1:${port}/v1`,
        '--root',
        root,
      ],
      {
        cwd: projectRoot,
        env: {
          ...process.env,
          NODE_EXTRA_CA_CERTS: certFile,
          STATUSPAGE_API_KEY: 'sekret-key-42',
          STATUS_NOW: importClock,
        },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, output).toBe(0);
    expect(output).not.toContain('sekret-key-42');
    expect(seen.map((request) => request.path)).toEqual([
      '/v1/pages/mgmtpage0001',
      '/v1/pages/mgmtpage0001/components?per_page=100&page=1',
      '/v1/pages/mgmtpage0001/component-groups?per_page=100&page=1',
      '/v1/pages/mgmtpage0001/incidents?per_page=100&page=1',
      '/v1/pages/mgmtpage0001/incidents?per_page=100&page=2',
      '/v1/pages/mgmtpage0001/incidents?per_page=100&page=3',
    ]);
    expect(seen.every((request) => request.headers.authorization === 'OAuth sekret-key-42')).toBe(true);
    const files = snapshotFiles(root);
    expect(Object.keys(files).filter((file) => file.startsWith('incidents/'))).toHaveLength(230);
    expect(files['components.yml']).toContain('url: https://managed.statuspage.io');
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}, 60_000);

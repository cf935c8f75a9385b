import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImportCommand } from '../../src/cli/import.ts';

const statuses = ['investigating', 'identified', 'monitoring', 'resolved'];

/** A Statuspage page's API as a folder: `count` resolved incidents of four updates, twelve components. */
function generateStatuspageFolder(folder: string, count: number, now: number): void {
  const page = { id: 'benchpage001', name: 'Bench', url: 'https://status.bench.example', time_zone: 'Etc/UTC' };
  const components = Array.from({ length: 12 }, (_, index) => ({
    id: `benchcomp${String(index).padStart(3, '0')}`,
    name: `Component ${index + 1}`,
    status: 'operational',
    created_at: '2015-01-01T00:00:00.000Z',
    position: index + 1,
    description: null,
    showcase: true,
    group_id: null,
    group: false,
  }));
  const incidents = Array.from({ length: count }, (_, index) => {
    const start = now - (index + 1) * 6 * 3_600_000;
    const id = `benchinc${String(index).padStart(5, '0')}`;
    const component = components[index % components.length]!;
    const updates = statuses.map((status, step) => ({
      id: `${id}u${step}`,
      status,
      body: `Update ${step + 1} of incident ${index + 1}: we are on it.<br /><br />More &amp; more detail.`,
      created_at: new Date(start + step * 1_200_000).toISOString(),
      display_at: new Date(start + step * 1_200_000).toISOString(),
      affected_components: [
        { code: component.id, name: component.name, new_status: step === 3 ? 'operational' : 'partial_outage' },
      ],
    }));
    return {
      id,
      name: `Incident ${index + 1} with the API`,
      status: 'resolved',
      impact: 'major',
      created_at: updates[0]!.created_at,
      started_at: updates[0]!.created_at,
      incident_updates: updates.reverse(),
      components: [component],
    };
  });
  mkdirSync(join(folder, 'api', 'v2'), { recursive: true });
  writeFileSync(join(folder, 'api', 'v2', 'summary.json'), JSON.stringify({ page, components, incidents: [] }));
  writeFileSync(join(folder, 'api', 'v2', 'incidents.json'), JSON.stringify({ page, incidents }));
}

/** Seconds to import `count` incidents from a local folder into an empty content root (issue 24: target < 10 s). */
export async function benchImport(workDir: string, count: number, now: string): Promise<number> {
  const source = join(workDir, 'source');
  const root = join(workDir, 'root');
  mkdirSync(root, { recursive: true });
  generateStatuspageFolder(source, count, Date.parse(now));
  const lines: string[] = [];
  const started = performance.now();
  const code = await runImportCommand(['statuspage', source, '--root', root], {
    out: (line) => lines.push(line),
    env: { STATUS_NOW: now },
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`the import failed:\n${lines.join('\n')}`);
  return seconds;
}

if (import.meta.main) {
  const workDir = mkdtempSync(join(tmpdir(), 'statusmark-bench-import-'));
  const seconds = await benchImport(workDir, 1300, '2026-11-23T12:00:00Z');
  console.log(`import: 1300 Statuspage incidents from a local folder: ${seconds.toFixed(2)} s (target < 10 s)`);
  rmSync(workDir, { recursive: true, force: true });
}

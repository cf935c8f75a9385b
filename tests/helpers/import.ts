import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runImportCommand } from '../../src/cli/import.ts';
import { fixturesDir } from './content.ts';

export const statuspageFixture = join(fixturesDir, 'import', 'statuspage-page');
export const cstateFixture = join(fixturesDir, 'import', 'cstate-site');
/** The fixture page's clock: its open incident was updated 2026-11-20 09:30 UTC. */
export const importClock = '2026-11-20T12:00:00Z';

export async function runImport(args: string[], env: Record<string, string> = {}) {
  const lines: string[] = [];
  const code = await runImportCommand(args, {
    out: (line) => lines.push(line),
    env: { STATUS_NOW: importClock, ...env },
    http: { backoffMs: () => 20, timeoutMs: 2000 },
  });
  return { code, output: lines.join('\n') };
}

/** Every file under a folder with its bytes, to prove that a run changed nothing. */
export function snapshotFiles(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(root, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return files;
}

/** A copy of the fixture page to change, as the old page changes during a migration. */
export function copyStatuspageFixture(): string {
  const folder = mkdtempSync(join(tmpdir(), 'statusmark-source-'));
  cpSync(statuspageFixture, folder, { recursive: true });
  return folder;
}

export function readSourceJson(folder: string, file: string): Record<string, unknown[]> {
  return JSON.parse(readFileSync(join(folder, 'api', 'v2', file), 'utf8')) as Record<string, unknown[]>;
}

export function writeSourceJson(folder: string, file: string, data: unknown): void {
  writeFileSync(join(folder, 'api', 'v2', file), JSON.stringify(data, null, 2));
}

export const emptyRoot = () => mkdtempSync(join(tmpdir(), 'statusmark-import-'));

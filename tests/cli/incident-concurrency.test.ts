import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { readAsValidator } from '../../src/node/update-insertion.ts';
import { projectRoot } from '../helpers/content.ts';

const slug = '2026-11-23-api-errors';
const file = `incidents/${slug}.md`;
const openIncident = `---
title: API errors
impact: minor
components:
  - api
updates:
  - at: 2026-11-23T14:00:00Z
    status: investigating
    message: Looking.
---
`;

/** The real command in its own Node process, as `npm run incident:update` starts it. */
function runCli(root: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(projectRoot, 'scripts', 'incident.ts'), ...args], {
      env: { ...process.env, STATUS_ROOT: root, STATUS_NOW: '2026-11-23T15:00:00Z' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

test('regression: eight parallel incident:update runs lose no update, and readers never see a partial file', async () => {
  const root = mkdtempSync(join(tmpdir(), 'statusmark-parallel-'));
  cpSync(join(projectRoot, 'components.yml'), join(root, 'components.yml'));
  cpSync(join(projectRoot, 'incidents'), join(root, 'incidents'), { recursive: true });
  writeFileSync(join(root, file), openIncident);

  const writers = Array.from({ length: 8 }, (_, index) =>
    runCli(root, ['update', slug, '--status', 'identified', '--message', `Writer ${index + 1} reporting.`]),
  );
  let finished = false;
  const all = Promise.all(writers).finally(() => (finished = true));
  // A validate or build running meanwhile: every read must be a whole, valid file.
  let reads = 0;
  const badReads: string[] = [];
  while (!finished) {
    const text = readFileSync(join(root, file), 'utf8');
    const parsed = readAsValidator(file, text);
    if (!parsed.ok) badReads.push(`${parsed.problems[0]?.code}: ${JSON.stringify(text.slice(0, 80))}`);
    reads++;
    await nextTurn();
  }
  const results = await all;

  expect(badReads).toEqual([]);
  expect(reads).toBeGreaterThan(0);
  const parsed = readAsValidator(file, readFileSync(join(root, file), 'utf8'));
  if (!parsed.ok) throw new Error('the final file does not parse');
  const written = parsed.value.value.updates.slice(1).map((update) => update.message);
  const succeeded = results.flatMap((result, index) => (result.code === 0 ? [`Writer ${index + 1} reporting.`] : []));
  // Never a silent loss: every run that said "Wrote" has its update in the file, once.
  expect(written.sort()).toEqual(succeeded.sort());
  for (const result of results) {
    if (result.code === 0) expect(result.output).toContain(`Wrote ${file}`);
    else expect(result.output).toMatch(/error (FileLocked|FileChangedWhileWriting) /);
  }
  // With the lock, the runs queue up instead of failing.
  expect(succeeded).toHaveLength(8);
  expect(readdirSync(join(root, 'incidents')).filter((name) => name.startsWith('.'))).toEqual([]);
});

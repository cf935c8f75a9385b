import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { projectRoot } from '../helpers/content.ts';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const twoCommands = /## Two commands\s+```sh\n([^\n]*?)\s+#[^\n]*\n([^\n]*?)\s+#/.exec(readme);

test('the README names two commands, and CI runs its test command', () => {
  expect(twoCommands?.[1]).toBe('npm install && npm start');
  expect(twoCommands?.[2]).toBe('npm test');
  expect(readFileSync(join(projectRoot, '.ci', 'run'), 'utf8')).toMatch(/^npm test$/m);
});

async function waitForPage(url: string, deadline: number): Promise<string> {
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return await response.text();
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer in time`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

test(
  "a fresh clone installs and serves the sample page with the README's first command",
  { timeout: 600_000 },
  async () => {
    const clone = join(mkdtempSync(join(tmpdir(), 'statusmark-clone-')), 'status');
    execFileSync('git', ['clone', '--quiet', projectRoot, clone]);
    // Same command as the README, with a free port so it cannot clash with a running preview.
    const child = spawn('sh', ['-c', `${twoCommands![1]} -- --port 4517`], {
      cwd: clone,
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, STATUS_NOW: '' },
    });
    try {
      const html = await waitForPage('http://127.0.0.1:4517/', Date.now() + 540_000);
      expect(html).toContain('<h1>Partially Degraded Service</h1>');
      expect(html).toContain('Slow page loads in the web dashboard');
    } finally {
      const exited =
        child.exitCode === null && child.signalCode === null
          ? new Promise((resolve) => child.once('exit', resolve))
          : undefined;
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
      // The clone holds a full npm install (about half a gigabyte): never leave it in the temp dir.
      rmSync(dirname(clone), { recursive: true, force: true });
    }
  },
);

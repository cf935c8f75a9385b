import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { recoverInterruptedBuilds, swapInto } from '../../src/node/swap-build.ts';
import { fixtureClock, fixtureRoot } from '../helpers/build.ts';
import { projectRoot } from '../helpers/content.ts';

const site = 'all-operational';

function buildEnv(outDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    STATUS_ROOT: fixtureRoot(site),
    STATUS_NOW: fixtureClock(site),
    STATUS_OUT_DIR: outDir,
    STATUS_CACHE_DIR: `${outDir}-cache`,
  };
}

const snapshot = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

test(
  'issue 11 item 16: a build killed midway leaves the previous dist/ complete, and the next build replaces it whole',
  { timeout: 300_000 },
  async () => {
    const work = mkdtempSync(join(tmpdir(), 'statusmark-swap-'));
    const dist = join(work, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<h1>The previous site</h1>');
    writeFileSync(join(dist, 'previous-only.txt'), 'from the previous build');
    const previous = snapshot(dist);

    const child = spawn(process.execPath, ['scripts/build.ts'], {
      cwd: projectRoot,
      env: buildEnv(dist),
      detached: true,
      stdio: 'ignore',
    });
    const staging = `${dist}.partial-${child.pid}`;
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Kill the build as soon as Astro has started writing its output.
    let killedMidway = false;
    while (child.exitCode === null && !killedMidway) {
      if (existsSync(staging) && readdirSync(staging).length > 0) {
        process.kill(-child.pid!, 'SIGKILL');
        killedMidway = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await exited;
    expect(killedMidway).toBe(true);
    expect(snapshot(dist)).toEqual(previous);

    const finished = spawnSync(process.execPath, ['scripts/build.ts'], {
      cwd: projectRoot,
      env: buildEnv(dist),
      encoding: 'utf8',
    });
    expect(finished.status, finished.stderr).toBe(0);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain('All Systems Operational');
    expect(existsSync(join(dist, 'previous-only.txt'))).toBe(false);
    // The killed build's folder is cleared up; nothing but the site and its cache is left.
    expect(readdirSync(work).sort()).toEqual(['dist', 'dist-cache']);
  },
);

test('a swap cut off between its two renames is undone before the next build', () => {
  const work = mkdtempSync(join(tmpdir(), 'statusmark-swap-'));
  const dist = join(work, 'dist');
  const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
  mkdirSync(`${dist}.old-${deadPid}`);
  writeFileSync(join(`${dist}.old-${deadPid}`, 'index.html'), 'the previous site');
  mkdirSync(`${dist}.partial-${deadPid}`);
  // Another build still running (here: the live parent process) keeps its folder.
  mkdirSync(`${dist}.partial-${process.ppid}`);
  recoverInterruptedBuilds(dist);
  expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('the previous site');
  expect(readdirSync(work).sort()).toEqual(['dist', `dist.partial-${process.ppid}`]);
});

test('regression: a leftover dist.old folder with our own pid (pid 1 in a container) does not break every later swap', () => {
  const parent = mkdtempSync(join(tmpdir(), 'statusmark-swap-'));
  const target = join(parent, 'dist');
  mkdirSync(target);
  writeFileSync(join(target, 'index.html'), 'old site');
  mkdirSync(`${target}.old-${process.pid}`);
  writeFileSync(join(`${target}.old-${process.pid}`, 'index.html'), 'older site');
  recoverInterruptedBuilds(target);
  for (const site of ['first new site', 'second new site']) {
    const staging = `${target}.partial-${process.pid}`;
    mkdirSync(staging);
    writeFileSync(join(staging, 'index.html'), site);
    swapInto(target, staging);
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe(site);
  }
  expect(readdirSync(parent)).toEqual(['dist']);
});

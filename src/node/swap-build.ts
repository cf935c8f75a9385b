import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * `dist/` is swapped, never written in place: the build goes to a sibling
 * `dist.partial-<pid>/` and only a finished build is renamed over `dist/`.
 * Astro empties its output folder first, so building in place would leave a
 * half-written site behind when a build is interrupted.
 */
export function stagingDirFor(target: string, pid = process.pid): string {
  return `${target}.partial-${pid}`;
}

/** Another live build. Our own pid counts as dead: in a container every build may be pid 1. */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Before a build: puts back a site left in `dist.old-<pid>/` by a swap that was
 * cut off between its two renames, and removes folders left by builds that died.
 */
export function recoverInterruptedBuilds(target: string): void {
  const parent = dirname(target);
  if (!existsSync(parent)) return;
  const prefix = `${basename(target)}.`;
  for (const name of readdirSync(parent)) {
    const match = /^(partial|old)-(\d+)$/.exec(name.startsWith(prefix) ? name.slice(prefix.length) : '');
    if (!match || isRunning(Number(match[2]))) continue;
    const path = join(parent, name);
    if (match[1] === 'old' && !existsSync(target)) renameSync(path, target);
    else rmSync(path, { recursive: true, force: true });
  }
}

/** Replaces `target` with the finished `staging` folder: two renames, never a partial copy. */
export function swapInto(target: string, staging: string): void {
  const old = `${target}.old-${process.pid}`;
  const hadOld = existsSync(target);
  // A leftover from a build that had our pid would make the rename fail on every later build.
  rmSync(old, { recursive: true, force: true });
  if (hadOld) renameSync(target, old);
  renameSync(staging, target);
  if (hadOld) rmSync(old, { recursive: true, force: true });
}

import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Another process holds the lock longer than we wait. */
export class FileLockedError extends Error {
  readonly lockFile: string;
  readonly holder: string;
  constructor(lockFile: string, holder: string) {
    super(`${lockFile} is held by ${holder || 'another process'}`);
    this.lockFile = lockFile;
    this.holder = holder;
  }
}

/** The file on disk is not the one the change was made from. */
export class FileChangedError extends Error {}

/** `incidents/.x.md.lock`: hidden, and not an `*.md` file, so the validator never lists it. */
export function lockFileFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.lock`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A lock is stale when its process on this machine has gone, or when it is
 * older than `staleMs` (locks are held for milliseconds: only while one file is
 * checked and renamed into place, never while someone types).
 */
function isStale(lockFile: string, content: string, staleMs: number): boolean {
  const [pid, host] = content.split(' ');
  if (host === hostname() && pid && !isRunning(Number(pid))) return true;
  try {
    return Date.now() - statSync(lockFile).mtimeMs > staleMs;
  } catch {
    return false;
  }
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

export interface LockOptions {
  /** How long to wait for another writer. Default 30 s (eight writers on a busy laptop take a few). */
  timeoutMs?: number;
  /** Age after which a lock whose owner cannot be checked is broken. Default 60 s. */
  staleMs?: number;
}

/**
 * Runs `action` while holding an exclusive lock file next to `path`
 * (created with `wx`, so exactly one process wins), waiting for other holders
 * and breaking locks left by processes that died.
 */
export async function withFileLock<T>(
  path: string,
  action: () => T | Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const lockFile = lockFileFor(path);
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const staleMs = options.staleMs ?? 60_000;
  const owner = `${process.pid} ${hostname()} ${new Date().toISOString()}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const descriptor = openSync(lockFile, 'wx');
      writeSync(descriptor, owner);
      closeSync(descriptor);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readOrEmpty(lockFile);
    // Re-read just before unlinking so a lock taken over in between is not broken by mistake.
    if (isStale(lockFile, holder, staleMs) && readOrEmpty(lockFile) === holder) {
      try {
        unlinkSync(lockFile);
      } catch {
        // Someone else broke it first.
      }
      continue;
    }
    if (Date.now() > deadline) throw new FileLockedError(lockFile, holder);
    await sleep(Math.min(200, 5 * 2 ** Math.min(attempt, 6)) + Math.random() * 20);
  }
  try {
    return await action();
  } finally {
    try {
      unlinkSync(lockFile);
    } catch {
      // Broken as stale by another process: nothing left to release.
    }
  }
}

function readIfExists(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return a === undefined || b === undefined ? a === b : Buffer.compare(a, b) === 0;
}

/**
 * Replaces `path` with `bytes` atomically (a temporary file in the same
 * folder, then a rename), so a reader sees the old file or the new one, never
 * an empty or half-written one. Throws FileChangedError, writing nothing, when
 * the file is no longer `expected` (undefined: the file must not exist yet).
 * Call it while holding `withFileLock(path)`.
 */
export function replaceFileAtomically(path: string, bytes: Uint8Array, expected: Uint8Array | undefined): void {
  if (!sameBytes(readIfExists(path), expected)) throw new FileChangedError(path);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const descriptor = openSync(temporary, 'wx', expected ? statSync(path).mode & 0o777 : 0o644);
  try {
    writeSync(descriptor, bytes);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  try {
    renameSync(temporary, path);
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
}

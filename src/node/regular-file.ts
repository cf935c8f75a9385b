import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, type Stats } from 'node:fs';
import type { Problem } from '../domain/problems.ts';
import { maxFileBytes } from './source-file.ts';

/** On failure, `errno` is the system error code (ENOENT…) when there was one. */
export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: Problem; errno?: string | undefined };

function what(stats: Stats, path: string): string {
  if (stats.isSymbolicLink()) {
    let target = '?';
    try {
      target = readlinkSync(path);
    } catch {
      // The link vanished between lstat and readlink; the message still says what it was.
    }
    return `a symbolic link (to "${target}")`;
  }
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function refuse(file: string, stats: Stats, path: string): ReadResult {
  return {
    ok: false,
    problem: {
      file,
      severity: 'error',
      line: 1,
      column: 1,
      code: 'NotARegularFile',
      message: `${file} is ${what(stats, path)}; only regular files are read, so nothing outside the repository is published and every change shows in git history.`,
      hint: `Replace it with a regular file holding the content itself (git rm ${file}, then copy the text in).`,
    },
  };
}

function unreadable(file: string, error: unknown): ReadResult {
  const errno = (error as NodeJS.ErrnoException).code;
  return {
    ok: false,
    errno,
    problem: {
      file,
      severity: 'error',
      line: 1,
      column: 1,
      code: 'UnreadableFile',
      message: `The file cannot be read (${errno ?? String(error)}).`,
      hint: 'Make it a regular, readable markdown file, or remove it from incidents/.',
    },
  };
}

/**
 * Reads `path` only if it is a regular file. Symbolic links, pipes and
 * devices are refused before they are opened: a link would publish content
 * from outside the repository (git stores only the link text, so history
 * checks would not see it), `/dev/zero` would never end, and a FIFO would
 * block. The file is opened without following links and checked again on the
 * open descriptor, so swapping it between the check and the read does not help.
 * Files over the size limit come back as that many zero bytes, unread, so the
 * decoder reports FileTooLarge.
 */
export function readRegularFile(file: string, path: string): ReadResult {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    return unreadable(file, error);
  }
  if (stats.isDirectory()) return unreadable(file, Object.assign(new Error('EISDIR'), { code: 'EISDIR' }));
  if (!stats.isFile()) return refuse(file, stats, path);
  let descriptor: number;
  try {
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    return unreadable(file, error);
  }
  try {
    const opened = fstatSync(descriptor);
    if (!opened.isFile()) return refuse(file, opened, path);
    if (opened.size > maxFileBytes) return { ok: true, bytes: new Uint8Array(opened.size) };
    const bytes = new Uint8Array(opened.size);
    let read = 0;
    while (read < bytes.length) {
      const count = readSync(descriptor, bytes, read, bytes.length - read, read);
      if (count === 0) break;
      read += count;
    }
    return { ok: true, bytes: bytes.subarray(0, read) };
  } catch (error) {
    return unreadable(file, error);
  } finally {
    closeSync(descriptor);
  }
}

/** The NotARegularFile problem for a path that exists and is a link, pipe or device; undefined otherwise. */
export function nonRegularFileProblem(file: string, path: string): Problem | undefined {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch {
    return undefined;
  }
  if (stats.isFile() || stats.isDirectory()) return undefined;
  const refused = refuse(file, stats, path);
  return refused.ok ? undefined : refused.problem;
}

import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let tick = 0;

/** Runs git in a temp repository with fixed identity and commit dates, so runs are repeatable. */
export function git(root: string, ...args: string[]): string {
  return gitAt(root, `2026-11-0${1 + (tick % 9)}T12:00:00Z`, ...args);
}

/** Runs git with author and committer date `date` (ISO 8601), for commits made at a chosen time. */
export function gitAt(root: string, date: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: root,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
  }).toString();
}

export function initRepository(root: string): void {
  git(root, 'init', '-q', '-b', 'main');
}

export function commitAll(root: string, message: string): void {
  tick++;
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '--allow-empty', '-m', message);
}

export function writeFile(root: string, path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

export function removeFile(root: string, path: string): void {
  rmSync(join(root, path));
}

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { nextRebuildFile } from '../domain/rebuild-decision.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * A hash of everything a deploy publishes, next-rebuild.json aside (it carries the hash): each
 * file's path and bytes, in code-unit order of the paths. Equal hashes mean byte-identical sites.
 */
export function hashDist(dir: string): string {
  const whole = createHash('sha256');
  const files = filesUnder(dir)
    .map((file) => ({ file, path: relative(dir, file).split(sep).join('/') }))
    .filter(({ path }) => path !== nextRebuildFile)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { file, path } of files)
    whole.update(`${path}\0${createHash('sha256').update(readFileSync(file)).digest('hex')}\n`);
  return `sha256:${whole.digest('hex')}`;
}

/**
 * Completes dist/next-rebuild.json for publishing: adds the commit and the content hash, so the
 * next scheduled check can skip a deploy of identical bytes. Returns the hash, or undefined when
 * the build wrote no such file.
 */
export function finishNextRebuild(dir: string, commit: string): string | undefined {
  const path = join(dir, nextRebuildFile);
  if (!existsSync(path)) return undefined;
  const record = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const content = hashDist(dir);
  writeFileSync(path, `${JSON.stringify({ ...record, commit, content }, null, 2)}\n`);
  return content;
}

import { join } from 'node:path';
import { audienceProblem, publicAudience } from '../domain/audience.ts';
import { slugPattern } from '../domain/vocabulary.ts';
import { parseComponentsFile } from './parse-files.ts';
import { readRegularFile } from './regular-file.ts';

/** The audience a build is for: `STATUS_AUDIENCE` (what `--audience` sets), else the public. */
export function readAudience(env: Record<string, string | undefined> = process.env): string {
  return env.STATUS_AUDIENCE || publicAudience;
}

/** Where a build goes unless `STATUS_OUT_DIR` says otherwise: `dist/` for the public, `dist-<audience>/` for others. */
export function defaultOutDir(audience: string): string {
  return audience === publicAudience ? 'dist' : `dist-${audience}`;
}

/** Astro's cache per audience, so one audience's content never sits in another's build cache. */
export function defaultCacheDir(audience: string): string {
  return audience === publicAudience ? './node_modules/.astro' : `./node_modules/.astro-${audience}`;
}

/**
 * Why a build of `audience` cannot start, read from components.yml in `root` before anything is
 * written; undefined when it can. An unreadable or invalid components.yml is left to the
 * validation the build runs next.
 */
export function declaredAudienceProblem(root: string, audience: string): string | undefined {
  if (!slugPattern.test(audience))
    return `"${audience}" is not an audience name: use lowercase letters, digits and single hyphens, as in components.yml.`;
  if (audience === publicAudience) return undefined;
  const read = readRegularFile('components.yml', join(root, 'components.yml'));
  const parsed = read.ok ? parseComponentsFile('components.yml', read.bytes) : undefined;
  const problem = parsed?.ok ? audienceProblem(parsed.value.value, audience) : undefined;
  return problem && `${problem.message} ${problem.hint}`;
}

import { join } from 'node:path';
import { parseArgs } from 'node:util';
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
 * `--audience <name>` from a command line (`npm run build`, `npm start`), checked against
 * components.yml in `root` before anything is written. `strict`: no other arguments (the build);
 * otherwise the others are returned as given (for `astro preview`). A string is what is wrong.
 */
export function parseAudienceOption(
  args: readonly string[],
  root: string,
  env: Record<string, string | undefined>,
  strict: boolean,
): { audience: string; rest: string[] } | string {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { audience: { type: 'string' } },
      strict,
      allowPositionals: !strict,
      tokens: true,
    });
  } catch (error) {
    return (error as Error).message;
  }
  const flag = parsed.tokens.find((token) => token.kind === 'option' && token.name === 'audience');
  if (flag?.kind === 'option' && flag.value === undefined)
    return '--audience needs a name, for example "--audience internal".';
  const taken = new Set(
    flag?.kind === 'option' ? (flag.inlineValue ? [flag.index] : [flag.index, flag.index + 1]) : [],
  );
  const rest = args.filter((_, index) => !taken.has(index));
  const audience = typeof parsed.values.audience === 'string' ? parsed.values.audience : readAudience(env);
  if (!slugPattern.test(audience))
    return `"${audience}" is not an audience name: use lowercase letters, digits and single hyphens, as in components.yml.`;
  if (audience === publicAudience) return { audience, rest };
  const read = readRegularFile('components.yml', join(root, 'components.yml'));
  // An unreadable or invalid components.yml is reported by the validation the build runs next.
  const parsedFile = read.ok ? parseComponentsFile('components.yml', read.bytes) : undefined;
  const problem = parsedFile?.ok ? audienceProblem(parsedFile.value.value, audience) : undefined;
  return problem ? `${problem.message} ${problem.hint}` : { audience, rest };
}

import { isOptionError, parseOptions } from './options.ts';
import { declaredAudienceProblem, readAudience } from '../node/audience-option.ts';

const commands = {
  'npm run build': { audience: { type: 'string' } },
  // `npm start` previews too: these go on to astro preview.
  'npm start': { audience: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
} as const;

/**
 * `npm run build` / `npm start` options: `--audience <name>` (default `STATUS_AUDIENCE`, else the
 * public), checked against components.yml in `root` before anything is written, and for `npm
 * start` the `astro preview` arguments. A string is what is wrong, to print before exiting 2.
 */
export function parseSiteOptions(
  command: keyof typeof commands,
  args: readonly string[],
  root: string,
  env: Record<string, string | undefined>,
): { audience: string; preview: string[] } | string {
  const parsed = parseOptions(args, commands[command], { command, positionals: false });
  if (isOptionError(parsed)) return `${parsed.message} ${parsed.takes}`;
  const values: { audience?: string; port?: string; host?: string } = parsed.values;
  const audience = values.audience ?? readAudience(env);
  const problem = declaredAudienceProblem(root, audience);
  if (problem) return problem;
  const preview = [...(values.port ? ['--port', values.port] : []), ...(values.host ? ['--host', values.host] : [])];
  return { audience, preview };
}

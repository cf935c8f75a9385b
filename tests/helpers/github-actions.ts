import { existsSync, readFileSync } from 'node:fs';

/**
 * The step outputs a command wrote to `GITHUB_OUTPUT`, read as the runner reads them: each value in
 * the `name<<delimiter` form, on one line. Nothing written: no outputs.
 */
export function readStepOutputs(file: string): Record<string, string> {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  return Object.fromEntries([...text.matchAll(/^([\w-]+)<<(\S+)\n(.*)\n\2$/gm)].map((match) => [match[1]!, match[3]!]));
}

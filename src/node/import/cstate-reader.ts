import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCstate } from '../../domain/import/cstate.ts';
import { ImportError, type ImportSource } from '../../domain/import/model.ts';
import { timeZoneProblem } from '../../domain/time.ts';
import { decodeSourceFile, splitFrontMatter } from '../source-file.ts';
import { parseYamlWithPositions } from '../yaml-source.ts';

export interface CstateReadOptions {
  timezone: string;
  /** `old=new` pairs from `--map`. */
  map: readonly string[];
}

/** YAML as the validator reads it (alias limits included), or an error naming the file. */
function readYaml(file: string, text: string, lineOffset: number): unknown {
  const parsed = parseYamlWithPositions(file, text, lineOffset);
  if (parsed.ok) return parsed.value.data;
  const problem = parsed.problems[0]!;
  throw new ImportError(`${file}:${problem.line}`, 'the YAML', `cannot be read: ${problem.message}`, problem.hint);
}

function readText(path: string): string {
  const decoded = decodeSourceFile(path, readFileSync(path));
  if (!decoded.ok) throw new ImportError(path, 'the file', decoded.problem.message, decoded.problem.hint);
  return decoded.text;
}

/** A cState site folder: `config.yml` (or `config.yaml`) and `content/issues/*.md`. */
export function readCstateSource(from: string | undefined, options: CstateReadOptions): Promise<ImportSource> {
  if (!from)
    throw new ImportError(
      'cstate',
      'the source',
      'is missing.',
      'Give the site folder: npm run import -- cstate ../status-site',
      'ImportUsage',
    );
  const zone = timeZoneProblem(options.timezone);
  if (zone)
    throw new ImportError(`--timezone ${options.timezone}`, 'the time zone', zone.message, zone.hint, 'ImportUsage');
  const map = new Map<string, string>();
  for (const pair of options.map) {
    const [old, ...rest] = pair.split('=');
    if (!old || rest.length === 0 || !rest.join('='))
      throw new ImportError(
        `--map ${pair}`,
        'the mapping',
        'is not written as old=new.',
        'Write --map "chat.sr.ht=meta.sr.ht": the name in affected, then the system it means.',
        'ImportUsage',
      );
    map.set(old.trim(), rest.join('=').trim());
  }
  const configFile = ['config.yml', 'config.yaml'].map((name) => join(from, name)).find((path) => existsSync(path));
  if (!configFile)
    throw new ImportError(
      from,
      'the site',
      'has no config.yml.',
      'Give the folder of the cState site: the one holding config.yml and content/issues/.',
      'ImportSourceUnreachable',
    );
  const config = readYaml(configFile, readText(configFile), 0);
  const issuesDir = join(from, 'content', 'issues');
  const names = existsSync(issuesDir)
    ? readdirSync(issuesDir)
        .filter((name) => name.endsWith('.md') && !name.startsWith('_'))
        .sort()
    : [];
  const issues = names.map((name) => {
    const path = join(issuesDir, name);
    const file = join('content', 'issues', name);
    const text = readText(path);
    if (text.trimStart().startsWith('+++'))
      throw new ImportError(
        path,
        'the front matter',
        'is TOML (+++), which the import does not read.',
        'Convert it to YAML between "---" lines (hugo convert toYAML).',
      );
    const split = splitFrontMatter(path, text);
    if (!split.ok) throw new ImportError(path, 'the file', split.problem.message, split.problem.hint);
    return { file, frontMatter: readYaml(path, split.value.yaml, split.value.yamlLineOffset), body: split.value.body };
  });
  return Promise.resolve(readCstate({ name: from, config, issues, timezone: options.timezone, map }));
}

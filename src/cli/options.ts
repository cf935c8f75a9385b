import { parseArgs } from 'node:util';
import { suggestClosest } from '../domain/suggest.ts';

/** The options a command takes: `node:util` `parseArgs` option configs without short names. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

type ValueOf<O extends OptionSpec[string]> = O['type'] extends 'string'
  ? O['multiple'] extends true
    ? string[]
    : string
  : O['multiple'] extends true
    ? boolean[]
    : boolean;

export interface ParsedOptions<S extends OptionSpec> {
  values: { [Name in keyof S]?: ValueOf<S[Name]> };
  positionals: string[];
  /** Options matched by `pattern`, by name, each value given in order (`--title-de` → `title-de`). */
  patterned: Map<string, string[]>;
}

/** Why the arguments were refused: the sentence to print, and which options the command does take. */
export interface OptionError {
  message: string;
  /** `It takes --base, --format, --root.` */
  takes: string;
}

export interface OptionSettings {
  /** How the command is named in messages: `npm run validate`, `incident:new`. */
  command: string;
  /** Whether arguments that are not options are accepted. Default: true. */
  positionals?: boolean;
  /** Further string options by name, such as `--title-<language>`; checked by the command. */
  pattern?: RegExp;
}

/**
 * Strict options for every command: an unknown option is refused with the closest known one
 * ("Did you mean --format?"), a string option needs a value, a switch takes none. A value may start
 * with a dash (`--message "-5 % errors"`), as the Open Group conventions allow. `--help` is never listed.
 */
export function parseOptions<const S extends OptionSpec>(
  args: readonly string[],
  spec: S,
  settings: OptionSettings,
): ParsedOptions<S> | OptionError {
  const known = Object.keys(spec).filter((name) => name !== 'help');
  const takes = `It takes ${known.map((name) => `--${name}`).join(', ')}.`;
  const patterned = new Map<string, string[]>();
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = { ...spec };
  for (const arg of args) {
    if (arg === '--') break;
    const name = /^--([^=]+)/.exec(arg)?.[1];
    if (name && !(name in spec) && settings.pattern?.test(name)) options[name] = { type: 'string', multiple: true };
  }
  const parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  for (const token of parsed.tokens) {
    if (token.kind === 'positional' && settings.positionals === false)
      return { message: `"${token.value}" is not an option of ${settings.command}; options start with --.`, takes };
    if (token.kind !== 'option') continue;
    const option = options[token.name];
    if (!option) {
      const suggestion = suggestClosest(token.name, known);
      return {
        message: `${token.rawName} is not an option of ${settings.command}.${suggestion ? ` Did you mean --${suggestion}?` : ''}`,
        takes,
      };
    }
    if (option.type === 'string' && token.value === undefined)
      return { message: `${token.rawName} needs a value.`, takes };
    if (option.type === 'boolean' && token.value !== undefined)
      return { message: `${token.rawName} takes no value.`, takes };
    if (!(token.name in spec)) patterned.set(token.name, [...(patterned.get(token.name) ?? []), token.value!]);
  }
  const values = Object.fromEntries(Object.entries(parsed.values).filter(([name]) => name in spec));
  return { values: values as ParsedOptions<S>['values'], positionals: parsed.positionals, patterned };
}

export function isOptionError<S extends OptionSpec>(parsed: ParsedOptions<S> | OptionError): parsed is OptionError {
  return 'takes' in parsed;
}

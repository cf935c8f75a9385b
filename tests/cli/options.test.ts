import { describe, expect, test } from 'vitest';
import { runValidateCommand } from '../../src/cli/validate.ts';
import { parseOptions } from '../../src/cli/options.ts';

const spec = {
  base: { type: 'string' },
  format: { type: 'string' },
  root: { type: 'string' },
  help: { type: 'boolean' },
} as const;
const parse = (args: string[]) => parseOptions(args, spec, { command: 'npm run validate', positionals: false });

describe('the one option parser of every command', () => {
  test('an unknown option is refused with the closest known one', () => {
    expect(parse(['--frmat', 'github'])).toEqual({
      message: '--frmat is not an option of npm run validate. Did you mean --format?',
      takes: 'It takes --base, --format, --root.',
    });
  });

  test('an option far from every known one gets no guess', () => {
    expect(parse(['--verbose'])).toMatchObject({ message: '--verbose is not an option of npm run validate.' });
  });

  test('an option without its value is refused, and a switch with one', () => {
    expect(parse(['--base'])).toMatchObject({ message: '--base needs a value.' });
    expect(parse(['--help=yes'])).toMatchObject({ message: '--help takes no value.' });
  });

  test('a value may start with a dash, as in --message "-5 % errors"', () => {
    expect(parseOptions(['--message', '-5 % errors'], { message: { type: 'string' } }, { command: 'x' })).toMatchObject(
      {
        values: { message: '-5 % errors' },
      },
    );
  });

  test('options a pattern admits are collected by name, in order', () => {
    const parsed = parseOptions(
      ['slug', '--title-de', 'A', '--title-de=B'],
      { title: { type: 'string' } },
      { command: 'x', pattern: /^title-/ },
    );
    expect(parsed).toMatchObject({ positionals: ['slug'], patterned: new Map([['title-de', ['A', 'B']]]) });
  });

  test('npm run validate prints the did-you-mean and its usage, exit 2', () => {
    const lines: string[] = [];
    const code = runValidateCommand(['--bsae', 'main'], { out: (line) => lines.push(line), env: {} });
    expect(code).toBe(2);
    expect(lines.join('\n')).toMatchInlineSnapshot(`
      "--bsae is not an option of npm run validate. Did you mean --base? It takes --base, --format, --root, --verbose.
      Usage: npm run validate -- [--base <git-ref>] [--format human|github] [--root <dir>] [--verbose]
        --base     also check that history published at <git-ref> is not rewritten
        --format   github adds annotations for pull requests (default when GITHUB_ACTIONS=true)
        --root     folder holding components.yml and incidents/ (default: STATUS_ROOT or .)
        --verbose  list every warning, also those about incidents resolved over 90 days ago
                   (by default counted in one line per code)"
    `);
  });
});

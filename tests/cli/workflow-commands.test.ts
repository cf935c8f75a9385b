import { describe, expect, test } from 'vitest';
import { runValidateCommand } from '../../src/cli/validate.ts';
import { loadSiteData } from '../../src/site/site-data.ts';
import { fixtureComponents, incidentFile, makeContentRoot } from '../helpers/content.ts';
import { commitAll, initRepository, writeFile } from '../helpers/git.ts';
import { runnerCommands } from '../helpers/runner-log.ts';

const injection = '\n::notice title=All checks passed::Safe to merge\n::stop-commands::x\r##[warning]y';
const hostileFile = `evil${injection.replace(/\r/g, '')}.md`;

/** Author text that tries to write workflow commands from a value, a key and a file name. */
function hostileRoot(): string {
  const frontMatter = [
    'title: Hostile',
    'impact: minor',
    `components: [${JSON.stringify(`api${injection}`)}]`,
    `${JSON.stringify(`impact${injection}`)}: major`,
    'updates:',
    '  - at: 2026-11-20T10:00:00Z',
    '    status: investigating',
    '    message: Looking.',
    '',
  ].join('\n');
  return makeContentRoot({ 'hostile.md': incidentFile(frontMatter), [hostileFile]: incidentFile(frontMatter) });
}

function run(args: string[], env: Record<string, string | undefined>): { log: string; exitCode: number } {
  const lines: string[] = [];
  const exitCode = runValidateCommand([...args, '--root', hostileRoot()], {
    out: (line) => lines.push(line),
    env: { STATUS_NOW: '2026-11-23T12:00:00Z', ...env },
  });
  return { log: lines.join('\n') + '\n', exitCode };
}

describe('issue 11 item 12: author text cannot issue workflow commands in the CI log', () => {
  test('with --format github the runner sees only the error annotations, escaped and intact', () => {
    const { log, exitCode } = run(['--format', 'github'], {});
    expect(exitCode).toBe(1);
    const commands = runnerCommands(log);
    const names = commands.map((command) => command.name);
    expect(names.filter((name) => name !== 'error')).toEqual(['stop-commands']);
    expect(commands.find((command) => command.name === 'stop-commands')?.data).toMatch(/^[0-9a-f-]{36}$/);
    const errors = commands.filter((command) => command.name === 'error');
    expect(errors.length).toBeGreaterThanOrEqual(4);
    // The annotation still carries the real file name and the hostile value, unescaped by the runner.
    expect(errors.map((command) => command.properties.file)).toContain(`incidents/${hostileFile}`);
    expect(errors.some((command) => command.data.includes(`api${injection}`))).toBe(true);
  });

  test('GITHUB_ACTIONS=true protects the log even with --format human', () => {
    const { log } = run(['--format', 'human'], { GITHUB_ACTIONS: 'true' });
    expect(runnerCommands(log).map((command) => command.name)).toEqual(['stop-commands']);
  });

  test('human output never puts author text at the start of a line and shows line breaks as \\n', () => {
    const { log } = run([], {});
    expect(runnerCommands(log)).toEqual([]);
    expect(log).toContain(
      '"api\\n::notice title=All checks passed::Safe to merge\\n::stop-commands::x\\r##[warning]y"',
    );
    expect(log).toContain('incidents/evil\\n::notice title=All checks passed::');
    for (const line of log.split(/\r\n|\r|\n/))
      expect(line).toMatch(/^(incidents\/|components\.yml|Validation |    hint: |          |$)/);
  });

  test('a build that refuses hostile content in GitHub Actions cannot issue workflow commands either', () => {
    let message = '';
    try {
      loadSiteData({ STATUS_ROOT: hostileRoot(), STATUS_NOW: '2026-11-23T12:00:00Z', GITHUB_ACTIONS: 'true' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('nothing was built');
    expect(runnerCommands(message).map((command) => command.name)).toEqual(['stop-commands']);
  });

  test('the corrected YAML in a ComponentRemoved hint quotes a hostile component name', () => {
    const components = fixtureComponents.replace('name: API\n', `name: ${JSON.stringify(`API${injection}`)}\n`);
    const incident = incidentFile(
      'title: Down\nimpact: minor\ncomponents: [api]\nupdates:\n  - at: 2026-11-20T10:00:00Z\n    status: investigating\n    message: Looking.\n',
    );
    const root = makeContentRoot({ 'down.md': incident }, components);
    initRepository(root);
    commitAll(root, 'publish');
    writeFile(root, 'components.yml', components.replace(/  - id: api\n[\s\S]*?(?=  - id: )/, ''));
    writeFile(root, 'incidents/down.md', incident.replace('[api]', '[webhooks]'));
    const lines: string[] = [];
    runValidateCommand(['--root', root, '--base', 'HEAD'], {
      out: (line) => lines.push(line),
      env: { STATUS_NOW: '2026-11-23T12:00:00Z' },
    });
    const log = lines.join('\n');
    expect(log).toContain('ComponentRemoved');
    expect(log).toContain(`name: ${JSON.stringify(`API${injection}`).replace(/\\/g, '\\')}`);
    expect(runnerCommands(log)).toEqual([]);
  });
});

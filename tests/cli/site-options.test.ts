import { describe, expect, test } from 'vitest';
import { parseSiteOptions } from '../../src/cli/site-options.ts';
import { fixtureComponents, makeContentRoot } from '../helpers/content.ts';

const root = makeContentRoot({}, fixtureComponents.replace('groups:\n', 'audiences: [internal]\ngroups:\n'));

describe('npm run build and npm start options (issue 28)', () => {
  test('--audience names a declared audience; STATUS_AUDIENCE is the default, else the public', () => {
    expect(parseSiteOptions('npm run build', ['--audience', 'internal'], root, {})).toEqual({
      audience: 'internal',
      preview: [],
    });
    expect(parseSiteOptions('npm run build', [], root, { STATUS_AUDIENCE: 'internal' })).toMatchObject({
      audience: 'internal',
    });
    expect(parseSiteOptions('npm run build', [], root, {})).toMatchObject({ audience: 'public' });
  });

  test('refuses an undeclared audience, a name that is no audience, and an unknown option', () => {
    expect(parseSiteOptions('npm run build', ['--audience', 'internl'], root, {})).toMatchInlineSnapshot(
      `"The audience "internl" is not declared in components.yml. Did you mean "internal"? Audiences are "public", "internal"."`,
    );
    expect(parseSiteOptions('npm run build', ['--audience', '../etc'], root, {})).toMatchInlineSnapshot(
      `""../etc" is not an audience name: use lowercase letters, digits and single hyphens, as in components.yml."`,
    );
    expect(parseSiteOptions('npm run build', ['--audiences', 'internal'], root, {})).toMatchInlineSnapshot(
      `"--audiences is not an option of npm run build. Did you mean --audience? It takes --audience."`,
    );
  });

  test('npm start passes --port and --host on to astro preview', () => {
    expect(parseSiteOptions('npm start', ['--audience=internal', '--port', '4322'], root, {})).toEqual({
      audience: 'internal',
      preview: ['--port', '4322'],
    });
  });
});

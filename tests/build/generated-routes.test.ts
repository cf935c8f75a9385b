import { describe, expect, test } from 'vitest';
import { generatedRouteAt } from '../../src/domain/permalinks.ts';
import { loadRepository } from '../../src/node/load-repository.ts';
import { builtSite, fixtureClock, fixtureRoot, fixtureSiteNames } from '../helpers/build.ts';
import { listFiles } from '../helpers/dist.ts';

/** Generated, but public/ may replace them (README, "Your own assets: public/"). */
const replaceable = ['favicon.svg', 'favicon-32x32.png', 'apple-touch-icon.png', 'robots.txt'];

describe('the routes public/ may not replace (issue 22)', () => {
  test.each([...fixtureSiteNames, 'sample'])(
    'cover every file the build wrote for %s, so a new route cannot be shadowed unnoticed',
    (name) => {
      const loaded = loadRepository(fixtureRoot(name), Date.parse(fixtureClock(name)));
      const page = loaded.repository!.components.page;
      const missed = listFiles(builtSite(name))
        // Astro's hashed bundles, and the operator's own public/ files copied as they are.
        .filter((file) => !file.startsWith('_astro/') && !replaceable.includes(file) && file !== '.gitkeep')
        .filter((file) => generatedRouteAt(page, file) === undefined);
      expect(missed).toEqual([]);
    },
  );
});

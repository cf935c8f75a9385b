import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isSampleClock } from '../../src/node/clock.ts';
import { builtSite } from '../helpers/build.ts';
import { makeContentRoot } from '../helpers/content.ts';

describe('only the sample runs its page scripts on its own clock (issue 22)', () => {
  test('a build at exactly the instant in sample.now, as npm start makes it, is the sample', () => {
    const root = makeContentRoot({});
    writeFileSync(join(root, 'sample.now'), '2026-11-23T09:30:00Z\n');
    expect(isSampleClock(root, { STATUS_NOW: '2026-11-23T09:30:00Z' })).toBe(true);
    expect(isSampleClock(root, { STATUS_NOW: '2026-11-23T10:30:00+01:00' })).toBe(true);
  });

  test('a real site never is: deploys run on the real clock, other clocks differ, and real content has no sample.now', () => {
    const root = makeContentRoot({});
    writeFileSync(join(root, 'sample.now'), '2026-11-23T09:30:00Z\n');
    expect(isSampleClock(root, {})).toBe(false);
    expect(isSampleClock(root, { STATUS_NOW: '' })).toBe(false);
    expect(isSampleClock(root, { STATUS_NOW: '2026-11-23T09:31:00Z' })).toBe(false);
    expect(isSampleClock(makeContentRoot({}), { STATUS_NOW: '2026-11-23T09:30:00Z' })).toBe(false);
    writeFileSync(join(root, 'sample.now'), 'soon\n');
    expect(isSampleClock(root, { STATUS_NOW: '2026-11-23T09:30:00Z' })).toBe(false);
  });

  test('the built sample says so in its page script, and a fixture site built at a fixed clock does not', () => {
    const script = (site: string) =>
      /"sampleClock":(true|false)/.exec(readFileSync(join(builtSite(site), 'index.html'), 'utf8'))?.[1];
    expect(script('sample')).toBe('true');
    expect(script('major-outage')).toBe('false');
  });
});

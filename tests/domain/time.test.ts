import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatZonedIso, wallClockAt, wallClockFromParts } from '../../src/domain/time.ts';

const zones = Intl.supportedValuesOf('timeZone');

describe('wall clock in a time zone', () => {
  test('reads the same date and time from the zone offset as from the formatter’s parts, in every zone (issue 26)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        // 1800 to 2200: local mean time with odd seconds, wartime and double summer time, today's rules.
        fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2200, 0, 1) }),
        (zone, instant) => {
          expect(wallClockAt(instant, zone)).toEqual(wallClockFromParts(instant, zone));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  test('is right on both sides of a daylight-saving change and at local mean time', () => {
    const berlinSpring = Date.parse('2026-03-29T01:00:00Z');
    expect(formatZonedIso(berlinSpring - 1, 'Europe/Berlin')).toBe('2026-03-29T01:59:59.999+01:00');
    expect(formatZonedIso(berlinSpring, 'Europe/Berlin')).toBe('2026-03-29T03:00:00.000+02:00');
    expect(formatZonedIso(Date.parse('2026-11-01T05:30:00Z'), 'America/St_Johns')).toBe(
      '2026-11-01T02:00:00.000-03:30',
    );
    expect(wallClockAt(Date.UTC(1880, 0, 1), 'Europe/Berlin')).toEqual(
      wallClockFromParts(Date.UTC(1880, 0, 1), 'Europe/Berlin'),
    );
  });
});

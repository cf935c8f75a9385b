import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { foldLine } from '../../src/serialize/ics.ts';

const octets = (text: string) => new TextEncoder().encode(text).length;

describe('iCalendar line folding (RFC 5545 §3.1)', () => {
  test('every physical line is at most 75 octets, no character is split, and unfolding gives the line back', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(
            fc.constant('a'),
            fc.constant('é'),
            fc.constant('東'),
            fc.constant('🔥'),
            fc.constant('\ud800'),
            fc.constant(';'),
          ),
          maxLength: 300,
        }),
        (line) => {
          const folded = foldLine(line).split('\r\n');
          for (const [index, physical] of folded.entries()) {
            expect(octets(physical)).toBeLessThanOrEqual(75);
            if (index > 0) expect(physical.startsWith(' ')).toBe(true);
            // A surrogate pair (🔥) never ends one physical line and starts the next.
            if (index > 0)
              expect(/[\ud800-\udbff]$/.test(folded[index - 1]!) && /^ [\udc00-\udfff]/.test(physical)).toBe(false);
          }
          expect(folded.map((physical, index) => (index === 0 ? physical : physical.slice(1))).join('')).toBe(line);
        },
      ),
    );
  });

  test('a line is folded only when it needs to be, and as late as it can be', () => {
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
    // 25 three-octet characters fit (75 octets); a four-octet emoji after 74 octets does not.
    expect(foldLine('東'.repeat(25))).toBe('東'.repeat(25));
    expect(foldLine(`${'a'.repeat(74)}🔥`)).toBe(`${'a'.repeat(74)}\r\n 🔥`);
    expect(foldLine(`${'a'.repeat(71)}🔥`)).toBe(`${'a'.repeat(71)}🔥`);
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stableId } from '../../src/serialize/ids.ts';

/** FNV-1a, 64 bit, in BigInt arithmetic: how the API's ids were computed when they were first served. */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(36).padStart(13, '0');
}

describe('stable API ids', () => {
  test('keep the ids already served: the same 64-bit FNV-1a hash for any slug (issue 26)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('page', 'component', 'group', 'incident', 'update'),
        fc.string({ unit: 'binary', maxLength: 80 }),
        (kind, key) => {
          expect(stableId(kind, key)).toBe(fnv1a64(`${kind}:${key}`));
        },
      ),
      { numRuns: 5000 },
    );
    expect(stableId('incident', '2026-11-20-api-errors')).toBe(fnv1a64('incident:2026-11-20-api-errors'));
    expect(stableId('update', '2026-11-20-api-errors#1')).toMatchInlineSnapshot(`"3bu42vc0ij5qh"`);
  });
});

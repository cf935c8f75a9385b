const encoder = new TextEncoder();

/**
 * Stable, opaque ids for the Statuspage-compatible API, derived from slugs and
 * component ids (FNV-1a, 64 bit, base 36): the same input gives the same id
 * in every build, and different kinds never collide because the kind is hashed too.
 */
export function stableId(kind: 'page' | 'component' | 'group' | 'incident' | 'update', key: string): string {
  // The 64-bit state in two 32-bit halves: a build hashes every update, and BigInt arithmetic per byte was slow (issue 26).
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (const byte of encoder.encode(`${kind}:${key}`)) {
    low = (low ^ byte) >>> 0;
    // × 0x100000001b3 = × 0x1b3 plus a shift left by 40, modulo 2^64.
    const product = low * 0x1b3;
    high = (Math.imul(high, 0x1b3) + Math.floor(product / 0x100000000) + (low << 8)) >>> 0;
    low = product >>> 0;
  }
  return ((BigInt(high) << 32n) | BigInt(low)).toString(36).padStart(13, '0');
}

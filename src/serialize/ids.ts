/**
 * Stable, opaque ids for the Statuspage-compatible API, derived from slugs and
 * component ids (FNV-1a, 64 bit, base 36): the same input gives the same id
 * in every build, and different kinds never collide because the kind is hashed too.
 */
export function stableId(kind: 'page' | 'component' | 'group' | 'incident' | 'update', key: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(`${kind}:${key}`)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(36).padStart(13, '0');
}

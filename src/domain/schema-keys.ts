import type { z } from 'zod';

interface AnyDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  /** A record's values (`translations`, `page.language_strings`). */
  valueType?: z.ZodType;
}

function defOf(schema: z.ZodType): AnyDef {
  return (schema as unknown as { _zod: { def: AnyDef } })._zod.def;
}

/** Unwraps optional, default, pipe and union wrappers down to an object schema, if there is one. */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const def = defOf(schema);
  if (def.type === 'object') return def.shape;
  const inner = def.innerType ?? def.in;
  if (inner) return objectShape(inner);
  if (def.type === 'union') {
    for (const option of def.options ?? []) {
      const shape = objectShape(option);
      if (shape) return shape;
    }
  }
  return undefined;
}

function elementOf(schema: z.ZodType): z.ZodType | undefined {
  const def = defOf(schema);
  if (def.type === 'array') return def.element;
  const inner = def.innerType ?? def.in;
  return inner ? elementOf(inner) : undefined;
}

/** The schema of every value of a record (keyed by language, say), if `schema` is one. */
function recordValueOf(schema: z.ZodType): z.ZodType | undefined {
  const def = defOf(schema);
  if (def.type === 'record') return def.valueType;
  const inner = def.innerType ?? def.in;
  if (inner) return recordValueOf(inner);
  // `audiences` is a list or a record of names.
  for (const option of def.type === 'union' ? (def.options ?? []) : []) {
    const value = recordValueOf(option);
    if (value) return value;
  }
  return undefined;
}

/** The keys a strict object schema allows at a path in the data (for did-you-mean). */
export function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = schema;
  for (const key of path) {
    if (!current) return [];
    current =
      typeof key === 'number' ? elementOf(current) : (objectShape(current)?.[String(key)] ?? recordValueOf(current));
  }
  return current ? Object.keys(objectShape(current) ?? {}) : [];
}

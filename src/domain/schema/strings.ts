import { z } from 'zod';
import { english, placeholdersOf, type StringOverrides } from '../strings.ts';
import { fail } from './primitives.ts';

/** One entry of `page.strings`: words for the interface, using only the placeholders the entry has. */
function overrideText(template: string) {
  const allowed = placeholdersOf(template);
  return z
    .string()
    .min(1)
    .superRefine((text, ctx) => {
      const unknown = placeholdersOf(text).filter((name) => !allowed.includes(name));
      if (unknown.length > 0)
        fail(
          ctx,
          'UnknownPlaceholder',
          `"{${unknown[0]}}" is not a value this text can show.`,
          allowed.length > 0
            ? `Use ${allowed.map((name) => `"{${name}}"`).join(', ')}, or write the text without placeholders.`
            : 'This text shows no values; write it without "{…}".',
        );
    });
}

function overrideSchema(entry: unknown): z.ZodType {
  if (typeof entry === 'string') return overrideText(entry).optional();
  const forms = entry as Record<string, string>;
  if ('other' in forms) {
    const text = overrideText(Object.values(forms).join(' '));
    const byCategory = z.strictObject({
      zero: text.optional(),
      one: text.optional(),
      two: text.optional(),
      few: text.optional(),
      many: text.optional(),
      other: text.optional(),
    });
    return z.union([text, byCategory]).optional();
  }
  return z
    .strictObject(Object.fromEntries(Object.keys(forms).map((key) => [key, overrideText(forms[key]!).optional()])))
    .optional();
}

/**
 * `page.strings`: replacements for any of the interface's words, keyed like the English table in
 * src/domain/strings.ts (and the list in docs/authoring.md). A phrase with a count takes one text
 * or one per plural category (`one`, `few`, `many`, `other`…). Example: `indicator: { none: All good }`.
 * Default: none.
 */
export const StringOverridesSchema = z.strictObject(
  Object.fromEntries(Object.entries(english).map(([key, entry]) => [key, overrideSchema(entry)])),
) as unknown as z.ZodType<StringOverrides>;

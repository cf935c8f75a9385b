import { z } from 'zod';
import { PageSchema } from './page.ts';
import { fail, SlugSchema } from './primitives.ts';

/** The audience every site has and nobody lists: what an item without `audience` belongs to. */
export const publicAudience = 'public';

/** An audience's name, as `audience:` on an item and `--audience` on the build write it. Example: `internal`. */
export const AudienceNameSchema = SlugSchema.superRefine((name, ctx) => {
  if (name === publicAudience)
    fail(
      ctx,
      'ReservedAudience',
      `"${publicAudience}" is the audience every item without "audience" belongs to; it is never listed.`,
      `Remove "${publicAudience}" from "audiences"; list only the other audiences, for example "audiences: [internal]".`,
    );
});

/** Where an audience's site is served, when not at the public page's address. */
export const AudienceSiteSchema = z.strictObject({
  /** Absolute URL of this audience's site, without the base path. Example: `https://status.internal.example.com`. Default: `page.url`. */
  url: PageSchema.shape.url.optional(),
  /** Path prefix of this audience's site. Example: `/`. Default: `page.base_path`. */
  base_path: PageSchema.shape.base_path.unwrap().optional(),
});

export type AudienceSite = z.output<typeof AudienceSiteSchema>;

/**
 * The audiences besides the public, each built as its own site (`npm run build -- --audience
 * internal`) showing everything public plus the items marked `audience: <name>`. A list of names
 * (`[internal]`: its site is served elsewhere at the public page's url and base path), or a
 * mapping of names to their own `url` and `base_path`
 * (`{ internal: { url: https://status.internal.example.com } }`). Output: always the mapping.
 * Default: none (only the public site).
 */
export const AudiencesSchema = z
  .union([z.array(AudienceNameSchema), z.record(AudienceNameSchema, AudienceSiteSchema.nullable())])
  .transform((audiences): Record<string, AudienceSite> =>
    Array.isArray(audiences)
      ? Object.fromEntries(audiences.map((name) => [name, {}]))
      : Object.fromEntries(Object.entries(audiences).map(([name, site]) => [name, site ?? {}])),
  )
  .default({});

/**
 * Who an item is for: absent for everyone (the public page and every other audience's page),
 * or one of `audiences` for that audience's page only. Example: `internal`. Default: public.
 */
export const ItemAudienceSchema = SlugSchema.optional();

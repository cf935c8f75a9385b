import { z } from 'zod';
import { quoteList, suggestClosest } from '../suggest.ts';
import { impacts, type Impact } from '../vocabulary.ts';
import { DurationSchema } from './primitives.ts';

/**
 * One commitment per impact, as a duration: `{ critical: 15m, major: 15m, minor: 60m }`. An impact
 * left out has no such commitment. Output: milliseconds per impact.
 */
const PerImpactSchema = z
  .record(z.string(), DurationSchema)
  .superRefine((table, ctx) => {
    for (const key of Object.keys(table))
      if (!(impacts as readonly string[]).includes(key)) {
        const suggestion = suggestClosest(key, impacts);
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `"${key}" is not an impact, so no incident can be held to this commitment.`,
          params: {
            code: 'UnknownImpact',
            hint: suggestion
              ? `Did you mean "${suggestion}"? Rename "${key}:" to "${suggestion}:".`
              : `Use one of: ${quoteList(impacts)}.`,
          },
        });
      }
  })
  // Every key is an impact once the check above passed.
  .transform((table) => table as Partial<Record<Impact, number>>);

/** The defaults, from common incident procedures (see docs/authoring.md, "Commitments"). */
export const defaultCommitments = {
  first_update: { critical: '15m', major: '15m', minor: '60m' },
  update_every: { critical: '30m', major: '60m', minor: '4h' },
  postmortem: { critical: '72h', major: '72h' },
} as const;

/**
 * What the page promises its readers, per impact. A table you write replaces that table's
 * default as a whole: list every impact you commit to. Durations in days, hours and minutes.
 */
export const CommitmentsSchema = z.strictObject({
  /**
   * From `started` (or the first update) to the first update going public.
   * Default: `{ critical: 15m, major: 15m, minor: 60m }`.
   */
  first_update: PerImpactSchema.prefault(defaultCommitments.first_update),
  /**
   * The longest silence between two updates while an incident is open, by the impact of the
   * moment. Default: `{ critical: 30m, major: 60m, minor: 4h }`.
   */
  update_every: PerImpactSchema.prefault(defaultCommitments.update_every),
  /**
   * From the resolving update to `postmortem_published`, by the highest impact the incident
   * reached. Default: `{ critical: 72h, major: 72h }`.
   */
  postmortem: PerImpactSchema.prefault(defaultCommitments.postmortem),
});

export type Commitments = z.output<typeof CommitmentsSchema>;

/** The defaults as the model holds them, for callers without a components.yml. */
export const commitmentDefaults: Commitments = CommitmentsSchema.parse({});

import { z } from 'zod';
import {
  isCalendarDate,
  offsetMinutesOf,
  parseTimestamp,
  timestampPattern,
  timestampZone,
  zonelessPattern,
} from '../time.ts';
import { slugPattern, toSlug } from '../vocabulary.ts';

/** `…+99:99`, `…-24:00`: the shape of an offset, but not one any clock uses. */
function hasImpossibleOffset(text: string): boolean {
  const zone = timestampZone(text);
  return zone !== undefined && zone !== 'Z' && Number.isNaN(offsetMinutesOf(zone));
}

/** Custom issues carry a permanent code and a hint in `params`; see zod-problems.ts. */
export function fail(ctx: z.RefinementCtx, code: string, message: string, hint: string): void {
  ctx.addIssue({ code: 'custom', message, params: { code, hint } });
}

/**
 * A moment with an explicit offset of at most ±14:00, e.g. `2026-11-20T14:05:00Z` or
 * `2026-11-20T15:10:00+01:00`. Output: epoch milliseconds.
 */
export const TimestampSchema = z
  .string()
  .superRefine((text, ctx) => {
    if (zonelessPattern.test(text)) {
      fail(
        ctx,
        'MissingTimezoneOffset',
        `The time "${text}" has no time zone, so it could mean different moments.`,
        `Add "Z" for UTC or your offset, for example "${text}Z" or "${text}+01:00".`,
      );
    } else if (hasImpossibleOffset(text)) {
      fail(
        ctx,
        'InvalidTimezoneOffset',
        `The time "${text}" has the offset "${timestampZone(text)}", which no clock uses.`,
        'Offsets run from -12:00 to +14:00 with minutes below 60: write "Z" for UTC or your offset, for example "+01:00" or "+05:30".',
      );
    } else if (!timestampPattern.test(text) || Number.isNaN(parseTimestamp(text))) {
      fail(
        ctx,
        'InvalidTimestamp',
        `"${text}" is not a valid date and time.`,
        'Write it as ISO 8601 with an offset, for example "2026-11-20T14:05:00Z".',
      );
    }
  })
  .transform((text) => parseTimestamp(text));

/** A calendar date such as `2025-03-01`. */
export const DateSchema = z.string().superRefine((text, ctx) => {
  if (!isCalendarDate(text)) {
    fail(
      ctx,
      'InvalidDate',
      `"${text}" is not a calendar date.`,
      'Write the date as YYYY-MM-DD, for example "2025-03-01".',
    );
  }
});

/** A permanent lowercase identifier: letters, digits and single hyphens, e.g. `api-gateway`. */
export const SlugSchema = z.string().superRefine((text, ctx) => {
  if (!slugPattern.test(text)) {
    const fixed = toSlug(text);
    fail(
      ctx,
      'InvalidId',
      `"${text}" is not a valid id: use lowercase letters, digits and single hyphens.`,
      `Use "${fixed || 'my-component'}" instead.`,
    );
  }
});

export const AbsoluteUrlSchema = z.string().superRefine((text, ctx) => {
  if (!/^https?:\/\/[^\s/]+/.test(text) || !URL.canParse(text)) {
    fail(
      ctx,
      'InvalidUrl',
      `"${text}" is not an absolute http(s) URL.`,
      'Write the full address, for example "https://status.example.com".',
    );
  }
});

/** `1h`, `90m`, `1d12h`, `1h30m` in milliseconds; NaN for anything else, or zero. */
export function parseDurationText(text: string): number {
  const parts = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/.exec(text.trim());
  const ms = parts ? ((Number(parts[1] ?? 0) * 24 + Number(parts[2] ?? 0)) * 60 + Number(parts[3] ?? 0)) * 60_000 : NaN;
  return ms > 0 ? ms : NaN;
}

/** A span of time in days, hours and minutes, e.g. `15m`, `4h`, `1h30m`, `3d`. Output: milliseconds. */
export const DurationSchema = z
  .string()
  .superRefine((text, ctx) => {
    if (Number.isNaN(parseDurationText(text)))
      fail(
        ctx,
        'InvalidDuration',
        `"${text}" is not a duration.`,
        'Write days, hours and minutes as, for example, "1h", "90m" or "1h30m".',
      );
  })
  .transform(parseDurationText);

/** A span before a maintenance window, e.g. `30m`, `1h`, `2d`. */
export const LeadTimeSchema = z.string().superRefine((text, ctx) => {
  if (!/^[1-9]\d{0,3}[mhd]$/.test(text))
    fail(
      ctx,
      'InvalidLeadTime',
      `"${text}" is not a span of time.`,
      'Write minutes, hours or days, for example "30m", "1h" or "2d".',
    );
});

/** The name of an environment variable, e.g. `SLACK_WEBHOOK_URL`: secrets never live in the repository. */
export const EnvNameSchema = z.string().superRefine((text, ctx) => {
  if (!/^[A-Z_][A-Z0-9_]*$/.test(text)) {
    const fixed = text
      .toUpperCase()
      .replace(/[^A-Z0-9_]+/g, '_')
      .replace(/^(\d)/, '_$1');
    fail(
      ctx,
      'InvalidEnvName',
      `"${text}" is not an environment variable name; the secret itself never goes in components.yml.`,
      text.includes('://') || !fixed
        ? 'Store the URL as a repository secret, pass it to the notify step, and write its name here, for example "SLACK_WEBHOOK_URL".'
        : `Write the name of the variable that holds it, for example "${fixed}".`,
    );
  }
});

/**
 * Ids kept from the page a site was imported from (`statuspage_id:`), so the Statuspage-compatible
 * API serves the same ids as before and old incident links keep working. Opaque, but safe in a
 * URL path and a file name: letters, digits, `_` and `-`, at most 64 characters.
 */
export const sourceIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** A Statuspage id as imported, e.g. `kctbh9vrtdwd`. */
export const StatuspageIdSchema = z.string().superRefine((text, ctx) => {
  if (!sourceIdPattern.test(text))
    ctx.addIssue({
      code: 'custom',
      message: `"${text}" is not a Statuspage id: use letters, digits, "_" and "-" only, at most 64 characters.`,
      params: {
        code: 'InvalidStatuspageId',
        hint: 'Keep the id exactly as Statuspage served it (for example "kctbh9vrtdwd"), or remove statuspage_id.',
      },
    });
});

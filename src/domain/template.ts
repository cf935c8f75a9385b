import { z } from 'zod';
import { AffectedComponentSchema } from './schema/index.ts';
import { impacts, kinds, updateStatuses } from './vocabulary.ts';

/** `incidents/templates/<name>.md`: a pre-filled start for `npm run incident:new -- --template <name>`. */
export const TemplateSchema = z.strictObject({
  /** `incident` or `maintenance`. Default: `incident`. */
  kind: z.enum(kinds).default('incident'),
  /** Pre-filled title; the author may change it. */
  title: z.string().min(1),
  /** Pre-filled impact (incidents). */
  impact: z.enum(impacts).optional(),
  /** Pre-filled affected components (ids from components.yml; the author can change them). */
  components: z.array(AffectedComponentSchema).default([]),
  /** First update's status. Default: `investigating` (maintenance: `scheduled`). */
  status: z.enum(updateStatuses).optional(),
  /** First update's message. */
  message: z.string().min(1),
  /**
   * The title and message in the page's other languages, keyed by language as `page.languages`
   * writes it; copied into the new incident, where a `--title-<language>` or
   * `--message-<language>` flag replaces them. Example: `{ de: { title: API langsam, message: Wir prüfen das. } }`.
   * Default: none.
   */
  translations: z
    .record(
      z.string(),
      z.strictObject({
        /** The pre-filled title in this language. */
        title: z.string().min(1).optional(),
        /** The first update's message in this language. */
        message: z.string().min(1).optional(),
      }),
    )
    .default({}),
});

export type Template = z.output<typeof TemplateSchema>;

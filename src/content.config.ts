import { defineCollection } from 'astro:content';
import { IncidentSchema } from './domain/schema/index.ts';
import { readIncidentFrontMatter } from './node/load-repository.ts';
import { readContentRoot } from './node/clock.ts';

/**
 * `getCollection('incidents')` for anyone adding their own pages: the same
 * files and the same schema as `npm run validate` (src/domain/schema/incident.ts is the
 * one definition). The built-in pages render the derived site model instead,
 * which this schema also feeds (see src/site/site-data.ts).
 */
export const collections = {
  incidents: defineCollection({
    loader: () => readIncidentFrontMatter(readContentRoot()),
    schema: IncidentSchema,
  }),
};

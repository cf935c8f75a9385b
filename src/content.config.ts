import { defineCollection } from 'astro:content';
import { IncidentSchema } from './domain/schema/index.ts';
import { loadIncidentFrontMatter } from './site/site-data.ts';

/**
 * `getCollection('incidents')` for anyone adding their own pages: the same
 * files and the same schema as `npm run validate` (src/domain/schema.ts is the
 * one definition). The built-in pages render the derived site model instead.
 * The entries are the front matter the build already validated with
 * IncidentSchema (src/site/site-data.ts), stored as they are rather than read
 * and parsed a second time.
 */
export const collections = {
  incidents: defineCollection({
    loader: {
      name: 'statusmark-incidents',
      load: ({ store }) => {
        store.clear();
        for (const [id, data] of loadIncidentFrontMatter()) store.set({ id, data });
        return Promise.resolve();
      },
    },
    schema: IncidentSchema,
  }),
};

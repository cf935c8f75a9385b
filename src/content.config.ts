import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { IncidentSchema } from './domain/schema/index.ts';
import { contentCollectionIsRead } from './node/collection-readers.ts';

/**
 * `getCollection('incidents')` for anyone adding their own pages: the same
 * files and the same schema as `npm run validate` (src/domain/schema.ts is the
 * one definition). The built-in pages render the derived site model instead.
 * The entries are the front matter the build already validated with
 * IncidentSchema (src/site/site-data.ts), stored as they are rather than read
 * and parsed a second time. When no file in src/ imports `astro:content`,
 * nothing can read the collection and it stays empty (see contentCollectionIsRead).
 */
export const collections = {
  incidents: defineCollection({
    loader: {
      name: 'statusmark-incidents',
      load: async ({ store }) => {
        store.clear();
        if (!contentCollectionIsRead(fileURLToPath(new URL('.', import.meta.url)))) return;
        // Loaded only when needed: through Vite, the site's whole import graph costs a second and a half.
        const { loadIncidentFrontMatter } = await import('./site/site-data.ts');
        for (const [id, data] of loadIncidentFrontMatter()) store.set({ id, data });
      },
    },
    schema: IncidentSchema,
  }),
};

/**
 * The Astro settings that decide what a build writes and how it generates pages. astro.config.ts
 * uses them, and so does the bare-Astro floor `npm run bench` measures the build against
 * (scripts/bench/floor.ts), so the two differ only in what the status page itself does.
 */
export const buildSettings = {
  trailingSlash: 'ignore',
  // Four pages in flight: while one page's file is written (or a preview card is rendered on the
  // thread pool) the next is rendered, instead of the main thread waiting on the disk (issue 26).
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  compressHTML: true,
  devToolbar: { enabled: false },
} as const;

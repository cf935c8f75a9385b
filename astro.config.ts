import { defineConfig } from 'astro/config';
import { loadSiteData } from './src/node/site-data.ts';

// Validate before Astro writes anything: invalid content exits here with the
// same messages as `npm run validate`, and dist/ is left untouched.
let page;
try {
  page = loadSiteData().model.page;
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

export default defineConfig({
  site: page.url,
  // Tests and benchmarks build fixture sites side by side.
  outDir: process.env.STATUS_OUT_DIR ?? './dist',
  cacheDir: process.env.STATUS_CACHE_DIR ?? './node_modules/.astro',
  base: page.base_path,
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'always' },
  compressHTML: true,
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
});

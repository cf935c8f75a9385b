import type { AstroIntegration } from 'astro';
import { defineConfig } from 'astro/config';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCacheDir, defaultOutDir, readAudience } from './src/node/audience-option.ts';
import { readContentRoot } from './src/node/clock.ts';
import { apiIncidentFiles } from './src/site/api-incident-files.ts';
import { buildSettings } from './src/site/build-settings.ts';
import { loadSiteData, publicDirectory } from './src/site/site-data.ts';

// Validate before Astro writes anything: invalid content exits here with the
// same messages as `npm run validate`, and dist/ is left untouched.
let page;
try {
  page = loadSiteData().model.page;
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

// Link-preview images and icons use only these committed fonts (see src/node/render-png.ts).
process.env.STATUSMARK_FONT_DIR = fileURLToPath(new URL('./src/assets/fonts/', import.meta.url));

/** `npm run dev`: reload the browser when components.yml or an incident file changes. */
const liveReloadContent: AstroIntegration = {
  name: 'statusmark-live-reload',
  hooks: {
    'astro:server:setup': ({ server }) => {
      process.env.STATUSMARK_DEV = '1';
      const root = resolve(readContentRoot());
      server.watcher.add([resolve(root, 'components.yml'), resolve(root, 'incidents')]);
      server.watcher.on('all', (_event, path) => {
        if (path.endsWith('components.yml') || path.startsWith(resolve(root, 'incidents')))
          server.ws.send({ type: 'full-reload' });
      });
    },
  },
};

export default defineConfig({
  integrations: [liveReloadContent, apiIncidentFiles()],
  site: page.url,
  // Tests and benchmarks build fixture sites side by side; each audience (STATUS_AUDIENCE) has its own.
  outDir: process.env.STATUS_OUT_DIR ?? `./${defaultOutDir(readAudience())}`,
  cacheDir: process.env.STATUS_CACHE_DIR ?? defaultCacheDir(readAudience()),
  base: page.base_path,
  // The operator's assets (logo, icons, custom.css) live in public/ beside components.yml.
  publicDir: publicDirectory(),
  ...buildSettings,
  server: { host: '127.0.0.1' },
});

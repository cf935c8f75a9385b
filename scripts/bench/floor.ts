import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSettings } from '../../src/site/build-settings.ts';

/**
 * Writes a bare Astro project to `root` that builds `pages` trivially rendered HTML pages, with
 * this repository's Astro (its node_modules is linked in) and the same build settings as
 * astro.config.ts (`buildSettings`). Its build time is the framework's floor: what Astro itself
 * costs for that many pages on this machine, right now.
 */
export function generateFloorProject(root: string, pages: number): void {
  mkdirSync(join(root, 'src', 'pages'), { recursive: true });
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
  writeFileSync(join(root, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(
    join(root, 'astro.config.mjs'),
    `export default {
  site: 'https://floor.example',
  // Not the default node_modules/.astro: node_modules is this repository's, shared.
  cacheDir: './.astro-cache',
  // The same settings as astro.config.ts (src/site/build-settings.ts), four pages in flight included.
  ...${JSON.stringify(buildSettings)},
};
`,
  );
  writeFileSync(
    join(root, 'src', 'pages', '[page].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, index) => ({ params: { page: String(index + 1) } }));
}
const { page } = Astro.params;
---
<html lang="en"><head><meta charset="utf-8" /><title>Page {page}</title></head><body><p>Page {page}</p></body></html>
`,
  );
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const importsContentModule = /\bfrom\s*['"]astro:content['"]|\bimport\s*\(\s*['"]astro:content['"]\s*\)/;
const sourceFile = /\.(?:astro|[cm]?[jt]sx?|mdx?)$/;

/**
 * Whether any source file under `srcDir` other than the content config imports `astro:content`,
 * that is: whether a page an operator added can read `getCollection('incidents')`. The built-in
 * pages render the site model, so without such a page the collection stays empty and the build
 * skips storing and serialising every incident's front matter a second time (issue 26: about two
 * seconds at 10,000 incidents).
 */
export function contentCollectionIsRead(srcDir: string): boolean {
  const entries = readdirSync(srcDir, { recursive: true, withFileTypes: true });
  return entries.some(
    (entry) =>
      entry.isFile() &&
      sourceFile.test(entry.name) &&
      !/^content\.config\.[cm]?[jt]s$/.test(entry.name) &&
      importsContentModule.test(readFileSync(join(entry.parentPath, entry.name), 'utf8')),
  );
}

import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generatedRouteAt } from '../domain/permalinks.ts';
import type { Problem } from '../domain/problems.ts';
import { nonRegularFileProblem } from './regular-file.ts';

export const publicDirName = 'public';

/**
 * Every path in public/ (relative to the content root, with `/`), folders before what they
 * hold. Symbolic links are listed, never followed: a link would publish a file or folder from
 * outside the repository, and a loop would never end.
 */
function walk(root: string, relative: string): string[] {
  let names: string[];
  try {
    if (!lstatSync(join(root, relative)).isDirectory()) return [];
    names = readdirSync(join(root, relative)).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => [`${relative}/${name}`, ...walk(root, `${relative}/${name}`)]);
}

function shadowsGenerated(file: string): Problem {
  const published = file.slice(publicDirName.length);
  return {
    file,
    severity: 'error',
    line: 1,
    column: 1,
    code: 'PublicFileShadowsPage',
    message: `${file} would be published at ${published} (below base_path), where the build writes a file of its own: it would replace that file, which would then stop following your incidents.`,
    hint: `Rename or move it (git mv ${file} ${publicDirName}/<another name>). Only the icons (favicon.svg, favicon-32x32.png, apple-touch-icon.png) and robots.txt may replace generated files; see "Your own assets: public/" in the README.`,
  };
}

/**
 * public/ is copied into the site as it is, so it is checked like content: no symbolic links,
 * pipes or devices anywhere in it, and (when the page's languages are known) no file where the
 * build writes one of its own. The validator and the build both run this, from loadRepository.
 */
export function checkPublicFolder(root: string, page: { languages: readonly string[] } | undefined): Problem[] {
  const problems: Problem[] = [];
  const linked = nonRegularFileProblem(publicDirName, join(root, publicDirName));
  if (linked) return [linked];
  for (const file of walk(root, publicDirName)) {
    const refused = nonRegularFileProblem(file, join(root, file));
    if (refused) {
      problems.push(refused);
      continue;
    }
    if (page && generatedRouteAt(page, file.slice(publicDirName.length + 1))) problems.push(shadowsGenerated(file));
  }
  return problems;
}

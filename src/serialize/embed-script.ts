import { minifySync } from 'vite';
import { languageFolder } from '../domain/languages.ts';

/** Where src/embed/embed.js keeps the languages the build fills in. */
const languagesMarker = /\/\* languages \*\/ \{[^}]*\}/;

/**
 * embed.js as served: the hand-written script (`source`) with the page's languages filled in
 * (each tag and its folder below the base path, the first at the root), so `data-lang` picks its
 * embed.json without a second request; then minified (Vite's own minifier, the one the build
 * already runs), since every visitor of the operator's app downloads it.
 */
export function renderEmbedScript(source: string, page: { languages: readonly string[] }): string {
  if (!languagesMarker.test(source)) throw new Error('src/embed/embed.js has lost its "/* languages */ {…}" marker.');
  const folders = Object.fromEntries(
    page.languages.map((tag) => {
      const folder = languageFolder(page, tag);
      return [tag, folder === undefined ? '' : `${folder}/`];
    }),
  );
  const filled = source.replace(languagesMarker, () => JSON.stringify(folders));
  const result = minifySync('embed.js', filled, { compress: true, mangle: true });
  if (result.errors.length > 0) throw new Error(`embed.js did not minify: ${result.errors[0]!.message}`);
  return result.code;
}

import { languageFolder } from '../domain/languages.ts';
import { loadSiteData, type SiteData } from './site-data.ts';

/**
 * Routes under `src/pages/[...lang]/` are built once per language: `lang` is
 * undefined for the first language (the site root) and the folder of each
 * other one (`en`, `pt-br`).
 */
export interface LanguageParams {
  lang: string | undefined;
}

/** `getStaticPaths` of a route that exists once per language. */
export function languagePaths(): { params: LanguageParams }[] {
  const { page } = loadSiteData().state;
  return page.languages.map((tag) => ({ params: { lang: languageFolder(page, tag) } }));
}

/** `getStaticPaths` of a route with its own parameters, for every language: each language's model gives its paths. */
export function pathsInEveryLanguage<Params extends Record<string, string | undefined>, Props>(
  pathsOf: (data: SiteData) => { params: Params; props?: Props }[],
): { params: Params & LanguageParams; props?: Props }[] {
  return languagePaths().flatMap(({ params }) =>
    pathsOf(siteDataFor(params)).map((path) => ({ ...path, params: { ...path.params, ...params } })),
  );
}

/** The site data of the language a route was built for (from `Astro.params`). */
export function siteDataFor(params: Partial<LanguageParams> | Record<string, string | undefined>): SiteData {
  return loadSiteData(process.env, params.lang);
}

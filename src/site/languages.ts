import { languagePathSegment } from '../domain/languages.ts';
import { loadSiteData, type SiteData } from './site-data.ts';

/**
 * Routes under `src/pages/[...lang]/` are built once per language: `lang` is
 * undefined for the first language (the site root) and the folder of each
 * other one (`en`, `pt-br`).
 */
export interface LanguageParams {
  lang: string | undefined;
}

function languageTags(): string[] {
  return loadSiteData().state.page.languages;
}

/** `getStaticPaths` of a route that exists once per language. */
export function languagePaths(): { params: LanguageParams }[] {
  return languageTags().map((tag, index) => ({ params: { lang: index === 0 ? undefined : languagePathSegment(tag) } }));
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
  const segment = params.lang;
  const tag = segment === undefined ? undefined : languageTags().find((name) => languagePathSegment(name) === segment);
  return loadSiteData(process.env, tag);
}

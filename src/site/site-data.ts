import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatForActions, formatHuman } from '../domain/problem-format.ts';
import { deriveStatusState, type StatusState } from '../domain/derive.ts';
import { hasErrors, sortProblems } from '../domain/problems.ts';
import { computeNextChange, type NextChange } from '../domain/next-change.ts';
import { renderNextRebuild } from '../serialize/next-rebuild.ts';
import { buildSiteModel } from './model.ts';
import type { SiteModel } from './views.ts';
import type { Incident, IncidentFrontMatter } from '../domain/schema/index.ts';
import { languageFolder } from '../domain/languages.ts';
import { pagePermalinks, type Permalinks } from '../domain/permalinks.ts';
import { stateInLanguage } from '../domain/translated-text.ts';
import { isSampleClock, readBuildClock, readContentRoot } from '../node/clock.ts';
import { loadRepository } from '../node/load-repository.ts';
import { readAudience } from '../node/audience-option.ts';
import { audienceProblem, contentForAudience } from '../domain/audience.ts';

export interface SiteData {
  state: StatusState;
  model: SiteModel;
  /** When the output next changes by time alone: published as next-rebuild.json. */
  nextChange: NextChange;
}

interface LoadedSite {
  /** Which content root at which `STATUS_NOW` for which audience this is: the working directory and the environment it was read from. */
  key: string;
  /** The incidents as validated, for the content collection. */
  incidents: Incident[];
  /** The derived state in the page's first language. */
  state: StatusState;
  publicFiles: string[];
  nextChange: NextChange;
  /** The build runs on the sample's clock (see `isSampleClock`). */
  sampleClock: boolean;
  byLanguage: Map<string, SiteData>;
}

/**
 * astro.config.ts loads the site to validate it, then the content collection and the pages read
 * it: three module instances (the config, Vite's content loader and the prerender bundle each
 * have their own copy of this module) in one process. They share the one load through the global
 * object, so a build reads, validates and derives once instead of three times.
 */
const sharedSite = Symbol.for('statusmark.site-data');
const shared = globalThis as { [sharedSite]?: LoadedSite };

/**
 * Loads, validates and derives the site once per build, through the same
 * loader as `npm run validate`, and builds one model per language from that
 * one derivation. Invalid content stops the build with the validator's
 * messages. `folder` is a language's folder (see `languageFolder`); default:
 * the first language, at the root.
 */
export function loadSiteData(env: Record<string, string | undefined> = process.env, folder?: string): SiteData {
  const { state, publicFiles, nextChange, sampleClock, byLanguage } = loadedSite(env);
  const { page } = state;
  const tag = page.languages.find((name) => languageFolder(page, name) === folder) ?? page.languages[0]!;
  let data = byLanguage.get(tag);
  if (!data) {
    const translated = stateInLanguage(state, tag);
    data = {
      state: translated,
      model: buildSiteModel(translated, { publicFiles, rebuildDue: nextChange.due, sampleClock }),
      nextChange,
    };
    byLanguage.set(tag, data);
  }
  return data;
}

/**
 * What the Statuspage API is rendered from (the state and permalinks in the page's first
 * language, as `loadSiteData().state` and `.model.links` give them) without building the site
 * model: the worker writing `/api/v2/incidents/<id>.json` needs nothing else.
 */
export function loadApiSource(env: Record<string, string | undefined> = process.env): {
  state: StatusState;
  links: Permalinks;
} {
  const { state } = loadedSite(env);
  const translated = stateInLanguage(state, state.page.languages[0]!);
  return { state: translated, links: pagePermalinks(translated.page) };
}

/** The incidents' front matter as IncidentSchema gives it, keyed by slug: what `getCollection('incidents')` holds. */
export function loadIncidentFrontMatter(
  env: Record<string, string | undefined> = process.env,
): [string, IncidentFrontMatter][] {
  return loadedSite(env).incidents.map((incident) => {
    const frontMatter: Partial<Incident> = { ...incident };
    // What the file gives beside its front matter (IncidentSchema is strict: it has no such keys).
    delete frontMatter.slug;
    delete frontMatter.file;
    delete frontMatter.body;
    return [incident.slug, frontMatter as IncidentFrontMatter];
  });
}

function loadedSite(env: Record<string, string | undefined>): LoadedSite {
  // Every page asks, several times: the raw inputs decide the site, without resolving paths again.
  const key = `${process.cwd()}\0${env.STATUS_ROOT ?? ''}\0${env.STATUS_NOW ?? ''}\0${env.STATUS_AUDIENCE ?? ''}`;
  // A build derives once; `astro dev` re-reads on every request so edits show up on reload.
  const site = shared[sharedSite];
  if (env.STATUSMARK_DEV === '1' || site?.key !== key) return (shared[sharedSite] = loadSite(env, key));
  return site;
}

function loadSite(env: Record<string, string | undefined>, key: string): LoadedSite {
  const root = resolve(readContentRoot(env));
  const now = readBuildClock(env);
  const loaded = loadRepository(root, now);
  if (!loaded.repository || hasErrors(loaded.problems)) {
    const lines = sortProblems(loaded.problems)
      .filter((problem) => problem.severity === 'error')
      .map(formatHuman);
    // In a GitHub Actions log the report must not be able to issue workflow commands.
    const report = (env.GITHUB_ACTIONS === 'true' ? formatForActions(lines, [], randomUUID()) : lines).join('\n');
    throw new Error(`The status page content in ${root} is invalid; nothing was built.\n${report}`);
  }
  // Everything below sees only what this audience may: as if the other audiences' items were deleted.
  const unknown = audienceProblem(loaded.repository.components, readAudience(env));
  if (unknown) throw new Error(`${unknown.message} ${unknown.hint} Nothing was built.`);
  const repository = contentForAudience(loaded.repository, readAudience(env));
  const file = repository.components;
  const state = deriveStatusState(file, repository.incidents, now);
  const nextChange = computeNextChange(state, {
    components: file.components,
    remindBefore: file.notifications.channels.flatMap((channel) => channel.remind_before),
  });
  return {
    key,
    incidents: repository.incidents,
    state,
    publicFiles: readPublicFiles(root),
    nextChange,
    sampleClock: isSampleClock(root, env),
    byLanguage: new Map(),
  };
}

/** The operator's public/ folder sits next to components.yml; Astro copies it under the base path. */
export function publicDirectory(root: string = resolve(readContentRoot())): string {
  return join(root, 'public');
}

function readPublicFiles(root: string): string[] {
  const directory = publicDirectory(root);
  return existsSync(directory) ? readdirSync(directory).sort() : [];
}

/** next-rebuild.json: when the scheduled check should rebuild next, and why. */
export function nextRebuildResponse(): Response {
  const { state, nextChange } = loadSiteData();
  return new Response(renderNextRebuild(nextChange, state.now), { headers: { 'content-type': 'application/json' } });
}

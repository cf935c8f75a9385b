import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ImportError } from '../../domain/import/model.ts';
import type { SourceDocument, StatuspageDocuments } from '../../domain/import/statuspage.ts';
import type { GetText } from './http.ts';
import { parseJsonDocument } from './read-json.ts';

/** Largest JSON file read from a folder. */
const maxFileBytes = 512 * 1024 * 1024;

export interface StatuspageReadOptions {
  get: GetText;
  /** Manage API: the page id, with the key in STATUSPAGE_API_KEY. */
  pageId?: string | undefined;
  apiKey?: string | undefined;
  /** Default `https://api.statuspage.io/v1`. */
  apiUrl?: string | undefined;
  progress?: (line: string) => void;
}

type Fetch = (file: string) => Promise<{ location: string; data: unknown } | undefined>;

/** A member of a top-level document, e.g. `incidents` of incidents.json, as its own document. */
function member(document: { location: string; data: unknown }, key: string): SourceDocument | undefined {
  const data = document.data as Record<string, unknown> | null;
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new ImportError(
      document.location,
      'the document',
      'is not a JSON object.',
      'Check that the address serves the Statuspage API v2.',
    );
  return key in data ? { location: `${document.location} (${key})`, data: data[key] } : undefined;
}

/** The public API v2 of a page, from its address or from a folder laid out like it. */
async function readPublicApi(
  name: string,
  fetchFile: Fetch,
  progress?: (line: string) => void,
): Promise<StatuspageDocuments> {
  const documents: StatuspageDocuments = {
    name,
    page: { location: name, data: undefined },
    components: [],
    groups: [],
    incidents: [],
  };
  const summary = await fetchFile('summary.json');
  const components = await fetchFile('components.json');
  progress?.('read the components');
  const incidents = await fetchFile('incidents.json');
  const maintenances = await fetchFile('scheduled-maintenances.json');
  if (!incidents)
    throw new ImportError(
      name,
      'the file api/v2/incidents.json',
      'was not found.',
      'Give the status page address (https://status.example.com), or a folder holding api/v2/incidents.json.',
      'ImportSourceUnreachable',
    );
  const withPage = summary ?? components ?? incidents;
  documents.page = member(withPage, 'page') ?? { location: withPage.location, data: undefined };
  for (const [document, key] of [
    [summary, 'components'],
    [components, 'components'],
  ] as const) {
    const list = document && member(document, key);
    if (list) documents.components.push(list);
  }
  for (const [document, key] of [
    [incidents, 'incidents'],
    [maintenances, 'scheduled_maintenances'],
  ] as const) {
    const list = document && member(document, key);
    if (list) documents.incidents.push(list);
  }
  progress?.('read the incidents');
  return documents;
}

function folderFetch(folder: string): Fetch {
  const base = existsSync(join(folder, 'api', 'v2')) ? join(folder, 'api', 'v2') : folder;
  return (file) => Promise.resolve(readFolderFile(join(base, file)));
}

function readFolderFile(path: string): { location: string; data: unknown } | undefined {
  if (!existsSync(path)) return undefined;
  if (statSync(path).size > maxFileBytes)
    throw new ImportError(
      path,
      'the document',
      `is larger than ${maxFileBytes / 1024 / 1024} MB.`,
      'Check the file.',
      'ImportSourceNotJson',
    );
  return { location: path, data: parseJsonDocument(path, readFileSync(path, 'utf8')) };
}

function urlFetch(address: string, get: GetText): Fetch {
  const base = address.replace(/\/+$/, '').replace(/\/api\/v2$/, '');
  return async (file) => {
    const url = `${base}/api/v2/${file}`;
    const text = await get(url);
    return text === undefined ? undefined : { location: url, data: parseJsonDocument(url, text) };
  };
}

/** Every page of a Manage API list, 100 at a time. */
async function readPages(
  get: GetText,
  url: string,
  headers: Record<string, string>,
  what: string,
  progress?: (line: string) => void,
) {
  const documents: SourceDocument[] = [];
  for (let page = 1; ; page++) {
    const location = `${url}?per_page=100&page=${page}`;
    const text = await get(location, headers);
    if (text === undefined)
      throw new ImportError(location, what, 'was not found.', 'Check --page-id.', 'ImportSourceUnreachable');
    const data = parseJsonDocument(location, text);
    documents.push({ location, data });
    const count = Array.isArray(data) ? data.length : 0;
    progress?.(`read ${(page - 1) * 100 + count} ${what}`);
    if (count < 100) return documents;
  }
}

/** The authenticated Manage API: the page, its components and groups, and every incident. */
async function readManageApi(options: StatuspageReadOptions): Promise<StatuspageDocuments> {
  const apiUrl = (options.apiUrl ?? 'https://api.statuspage.io/v1').replace(/\/+$/, '');
  if (!apiUrl.startsWith('https://'))
    throw new ImportError(
      apiUrl,
      'the Manage API',
      'is not an https address, and the API key is only ever sent over https.',
      'Use the default https://api.statuspage.io/v1, or an https address.',
      'ImportKeyNotOverHttps',
    );
  if (!options.apiKey)
    throw new ImportError(
      apiUrl,
      'the Manage API',
      'needs an API key, and STATUSPAGE_API_KEY is not set.',
      'Create a key in Statuspage (your avatar → API info) and run: STATUSPAGE_API_KEY=… npm run import -- statuspage --page-id <id>',
      'ImportMissingKey',
    );
  const headers = { authorization: `OAuth ${options.apiKey}` };
  const page = `${apiUrl}/pages/${encodeURIComponent(options.pageId!)}`;
  const pageText = await options.get(page, headers);
  if (pageText === undefined)
    throw new ImportError(page, 'the page', 'was not found.', 'Check --page-id.', 'ImportSourceUnreachable');
  return {
    name: page,
    page: { location: page, data: parseJsonDocument(page, pageText) },
    components: await readPages(options.get, `${page}/components`, headers, 'components', options.progress),
    groups: await readPages(options.get, `${page}/component-groups`, headers, 'component groups', options.progress),
    incidents: await readPages(options.get, `${page}/incidents`, headers, 'incidents', options.progress),
  };
}

/** Reads a Statuspage page from its address, a folder, or (with a page id) the Manage API. */
export async function readStatuspageDocuments(
  from: string | undefined,
  options: StatuspageReadOptions,
): Promise<StatuspageDocuments> {
  if (options.pageId) return readManageApi(options);
  if (!from)
    throw new ImportError(
      'statuspage',
      'the source',
      'is missing.',
      'Give the page address or a folder: npm run import -- statuspage https://status.example.com',
      'ImportUsage',
    );
  if (/^https?:\/\//i.test(from)) return readPublicApi(from, urlFetch(from, options.get), options.progress);
  if (!existsSync(from))
    throw new ImportError(
      from,
      'the source',
      'is neither an http(s) address nor a folder that exists.',
      'Give the page address (https://status.example.com) or a folder holding api/v2/incidents.json.',
      'ImportSourceUnreachable',
    );
  return readPublicApi(from, folderFetch(from), options.progress);
}

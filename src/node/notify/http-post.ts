import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isPrivateAddress, publicOnlyLookup } from './network.ts';

export interface PostOptions {
  allowPrivateNetwork: boolean;
  /** Longest one attempt may take, from connecting to the status line. Default 30 s, what Statuspage gives receivers. */
  timeoutMs?: number;
  /** Attempts after the first, on 429, 5xx and network errors. Default 3. */
  retries?: number;
  /** Backoff before retry n (0-based) when no Retry-After is given. Default 1 s, 2 s, 4 s. */
  backoffMs?: (attempt: number) => number;
  /** Longest Retry-After honoured; longer waits fail the delivery (retried next run). Default 60 s. */
  maxWaitMs?: number;
}

export interface PostResult {
  ok: boolean;
  status: number | null;
  attempts: number;
  /** Why it failed, for the job summary (never includes the URL: it is the secret). */
  error?: string;
  /**
   * The whole body reached the receiver, which then did not answer in time: it may have
   * posted the message. Not retried, so subscribers never see it twice.
   */
  uncertain?: boolean;
}

/** A timeout after the request body was fully sent: the receiver may already have acted on it. */
class AnswerTimeout extends Error {}

const defaultTimeoutMs = 30_000;

interface Response {
  status: number;
  headers: IncomingHttpHeaders;
}

/** Checks the target before any byte is sent: https only, no private addresses, unless allowed. */
export function checkTarget(url: string, allowPrivateNetwork: boolean): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'the configured URL is not a valid URL';
  }
  if (allowPrivateNetwork)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? undefined : 'only http(s) URLs are allowed';
  if (parsed.protocol !== 'https:')
    return 'only https URLs are allowed (set allow_private_network: true for http on a private network)';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && isPrivateAddress(host))
    return `${host} is a private address (set allow_private_network: true to allow it)`;
  if (host === 'localhost' || host.endsWith('.localhost')) return `${host} is a private address`;
  return undefined;
}

/**
 * One attempt. The status decides: the answer's body is never read, so a receiver that trickles
 * it cannot hold the run. `timeoutMs` bounds the whole attempt, not just idle time: a receiver
 * sending a byte now and then is cut off too (issue 22).
 */
function send(url: URL, body: string, headers: Record<string, string>, options: PostOptions): Promise<Response> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
        ...(options.allowPrivateNetwork ? {} : { lookup: publicOnlyLookup }),
      },
      (response) => {
        clearTimeout(deadline);
        resolve({ status: response.statusCode ?? 0, headers: response.headers });
        response.destroy();
      },
    );
    let bodySent = false;
    req.on('finish', () => (bodySent = true));
    const deadline = setTimeout(() => {
      const message = `no answer within ${timeoutMs / 1000} s`;
      req.destroy(bodySent ? new AnswerTimeout(message) : new Error(message));
    }, timeoutMs);
    req.on('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    req.end(body);
  });
}

/** Retry-After as seconds or an HTTP date → milliseconds to wait. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POSTs a JSON body; `headers` may be a function, called for each attempt. 2xx is success; 3xx is failure (never followed: a redirect could lead off
 * the checked host); 429 and 5xx are retried with backoff, honouring Retry-After; other 4xx fail at once.
 */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string> | (() => Record<string, string>),
  options: PostOptions,
): Promise<PostResult> {
  const refused = checkTarget(url, options.allowPrivateNetwork);
  if (refused) return { ok: false, status: null, attempts: 0, error: `Refused: ${refused}` };
  const retries = options.retries ?? 3;
  const backoff = options.backoffMs ?? ((attempt) => 1000 * 2 ** attempt);
  let last: PostResult = { ok: false, status: null, attempts: 0 };
  for (let attempt = 0; attempt <= retries; attempt++) {
    let wait: number | undefined;
    try {
      const response = await send(new URL(url), body, typeof headers === 'function' ? headers() : headers, options);
      if (response.status >= 200 && response.status < 300)
        return { ok: true, status: response.status, attempts: attempt + 1 };
      last = { ok: false, status: response.status, attempts: attempt + 1, error: `HTTP ${response.status}` };
      if (response.status >= 300 && response.status < 400) {
        return { ...last, error: `HTTP ${response.status}: redirects are not followed; configure the final URL.` };
      }
      if (response.status !== 429 && response.status < 500) return last;
      wait = retryAfterMs(response.headers['retry-after']);
    } catch (error) {
      last = { ok: false, status: null, attempts: attempt + 1, error: (error as Error).message };
      if (error instanceof AnswerTimeout) return { ...last, uncertain: true };
      if ((error as NodeJS.ErrnoException).code === 'EPRIVATE') return last;
    }
    if (attempt === retries) break;
    const delay = wait ?? backoff(attempt);
    if (delay > (options.maxWaitMs ?? 60_000)) {
      return { ...last, error: `${last.error}; asked to wait ${Math.round(delay / 1000)} s, retrying next run.` };
    }
    await sleep(delay);
  }
  return last;
}

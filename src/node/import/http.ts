import { ImportError } from '../../domain/import/model.ts';

export interface HttpOptions {
  /** Per request. Default 30 s. */
  timeoutMs?: number;
  /** Tries after a network error or a 5xx answer. Default 3. */
  retries?: number;
  /** Waits after a 420 or 429, each as long as `Retry-After` says (at most `maxWaitMs`). Default 10. */
  rateLimitWaits?: number;
  /** Longest `Retry-After` honoured; a longer one stops the import. Default 5 minutes. */
  maxWaitMs?: number;
  /** Pause before retry `attempt` (1-based). Default 1 s, 2 s, 4 s… */
  backoffMs?: (attempt: number) => number;
  /** Least time between two requests (the Manage API allows 60 a minute). Default 0. */
  minIntervalMs?: number;
  /** Told about waits, for the progress line. */
  onWait?: (message: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `Retry-After` as seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * GETs a URL as text, with a timeout, retries for network errors and 5xx answers, and waits for
 * 420/429 as `Retry-After` says. A 404 or another 4xx stops at once. Headers (the API key) are
 * never part of any message.
 */
export function createHttpClient(options: HttpOptions = {}) {
  const { timeoutMs = 30_000, retries = 3, rateLimitWaits = 10, maxWaitMs = 300_000, minIntervalMs = 0 } = options;
  const backoff = options.backoffMs ?? ((attempt: number) => 1000 * 2 ** (attempt - 1));
  let lastRequest = 0;
  return async function getText(url: string, headers: Record<string, string> = {}): Promise<string | undefined> {
    let failures = 0;
    let waits = 0;
    for (;;) {
      const gap = lastRequest + minIntervalMs - Date.now();
      if (gap > 0) await sleep(gap);
      lastRequest = Date.now();
      let response: Response;
      try {
        response = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        const reason =
          (error as Error).name === 'TimeoutError'
            ? `no answer within ${timeoutMs / 1000} s`
            : String((error as Error & { cause?: Error }).cause?.message ?? (error as Error).message);
        if (++failures > retries)
          throw new ImportError(
            url,
            'the request',
            `is not reachable: ${reason}.`,
            'Check the address and your connection, then run the import again.',
            'ImportSourceUnreachable',
          );
        await sleep(backoff(failures));
        continue;
      }
      if (response.ok) return await response.text();
      await response.body?.cancel();
      if (response.status === 404) return undefined;
      if (response.status === 420 || response.status === 429) {
        const wait = retryAfterMs(response.headers.get('retry-after'), Date.now()) ?? backoff(waits + 1);
        if (++waits > rateLimitWaits || wait > maxWaitMs)
          throw new ImportError(
            url,
            'the request',
            `is rate limited (HTTP ${response.status}) for longer than the import waits.`,
            'Run the import again later.',
            'ImportSourceUnreachable',
          );
        options.onWait?.(`rate limited by ${new URL(url).host}: waiting ${Math.ceil(wait / 1000)} s`);
        await sleep(wait);
        continue;
      }
      if (response.status >= 500 && ++failures <= retries) {
        await sleep(backoff(failures));
        continue;
      }
      throw new ImportError(
        url,
        'the request',
        `was answered with HTTP ${response.status}.`,
        response.status === 401 || response.status === 403
          ? 'The API key was refused: check STATUSPAGE_API_KEY and --page-id.'
          : 'Check the address, then run the import again.',
        'ImportSourceUnreachable',
      );
    }
  };
}

export type GetText = ReturnType<typeof createHttpClient>;

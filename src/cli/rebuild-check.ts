// The scheduled check job runs this with a sparse checkout and no `npm ci`: it may import only
// node:* and files that import nothing installed (type-only imports are erased).
import { setTimeout as sleep } from 'node:timers/promises';
import { decideRebuild, nextRebuildFile, type LiveAnswer, type RebuildDecision } from '../domain/rebuild-decision.ts';
import { escapeMarkdown } from '../domain/text-safety.ts';
import { appendStepSummary, setStepOutputs } from '../node/github-actions.ts';

/** Same file name as `links.nextRebuild()`; this job cannot load the site model to ask it. */
const maxBytes = 64 * 1024;

/** Asks the live site, bypassing the CDN's cache, for at most 64 KiB within the timeout. */
export async function askLiveSite(siteUrl: string, timeoutMs: number): Promise<LiveAnswer> {
  try {
    const url = new URL(nextRebuildFile, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
    url.searchParams.set('nocache', String(Date.now()));
    const signal = AbortSignal.timeout(timeoutMs);
    const response = await fetch(url, { cache: 'no-store', redirect: 'follow', signal });
    const chunks: Uint8Array[] = [];
    let size = 0;
    // Leaving the loop early cancels the download.
    for await (const chunk of response.body ?? []) {
      size += (chunk as Uint8Array).byteLength;
      if (size > maxBytes) break;
      chunks.push(chunk);
    }
    if (size > maxBytes) return { kind: 'failed', message: `the answer is larger than ${maxBytes / 1024} KiB` };
    return { kind: 'answered', status: response.status, text: Buffer.concat(chunks).toString('utf8') };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError')
      return { kind: 'failed', message: `no answer within ${timeoutMs / 1000} s` };
    return { kind: 'failed', message: (error as Error).message };
  }
}

function outputs(decision: RebuildDecision): Record<string, string> {
  const time = (instant: number | undefined) => (instant === undefined ? '' : new Date(instant).toISOString());
  return {
    build: String(decision.build),
    clock: time(decision.clock),
    'not-before': time(decision.notBefore),
    'live-content': decision.liveContent ?? '',
    'keep-alive': String(decision.keepAlive),
  };
}

/**
 * `node scripts/rebuild-check.ts`: reads SITE_URL, GITHUB_EVENT_NAME and SCHEDULE (the cron line
 * that started the run), decides, waits until the build should start, and writes the decision to
 * GITHUB_OUTPUT and the job summary. STATUS_NOW fixes the clock for tests.
 */
export async function runRebuildCheck(env: Record<string, string | undefined>, out: (line: string) => void) {
  const now = env.STATUS_NOW ? Date.parse(env.STATUS_NOW) : Date.now();
  const timeoutMs = Number(env.REBUILD_CHECK_TIMEOUT_SECONDS || 20) * 1000;
  const siteUrl = env.SITE_URL?.trim();
  const answer: LiveAnswer = siteUrl
    ? await askLiveSite(siteUrl, timeoutMs)
    : { kind: 'failed', message: 'GitHub did not say where the Pages site is' };
  const decision = decideRebuild(answer, now, {
    event: env.GITHUB_EVENT_NAME ?? 'workflow_dispatch',
    schedule: env.SCHEDULE,
  });
  out(`${decision.build ? 'Rebuild' : 'No rebuild'}: ${decision.reason}`);
  appendStepSummary(env, [
    `## ${decision.build ? 'Rebuilding the status page' : 'No rebuild needed'}`,
    '',
    escapeMarkdown(decision.reason),
  ]);
  if (decision.startAt !== undefined && decision.startAt > now) {
    out(`Waiting until ${new Date(decision.startAt).toISOString()}.`);
    await sleep(decision.startAt - now);
  }
  setStepOutputs(env, outputs(decision));
  return decision;
}

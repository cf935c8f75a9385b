import { describe, expect, test } from 'vitest';
import { decideRebuild, hourlySlots, type LiveAnswer } from '../../src/domain/rebuild-decision.ts';
import { t } from '../helpers/model.ts';

const schedule = { event: 'schedule', schedule: '45 * * * *' };
const live = (due: string, built = '2026-11-23T00:00:00Z', extra: object = {}): LiveAnswer => ({
  kind: 'answered',
  status: 200,
  text: JSON.stringify({ built, due, reasons: [{ kind: 'day_boundary' }], ...extra }),
});
const decide = (answer: LiveAnswer, now: string, run = schedule) => {
  const decision = decideRebuild(answer, t(now), run);
  const time = (instant: number | undefined) => (instant === undefined ? undefined : new Date(instant).toISOString());
  return {
    ...decision,
    clock: time(decision.clock),
    notBefore: time(decision.notBefore),
    startAt: time(decision.startAt),
  };
};

describe('issue 23: whether a scheduled run rebuilds', () => {
  test('reads the reasons a build publishes, incident slugs with their dates included', () => {
    const maintenance = live('2026-11-24T00:00:00.000Z', undefined, {
      reasons: [{ kind: 'maintenance_start', incident: '2026-11-23-database-upgrade' }],
    });
    expect(decide(maintenance, '2026-11-23T12:47:00Z').reason).toBe(
      'Next due at 2026-11-24T00:00:00.000Z (maintenance_start 2026-11-23-database-upgrade); a later check takes it.',
    );
  });

  test('a quiet hour skips: the next due moment belongs to a later check', () => {
    expect(decide(live('2026-11-24T00:00:00.000Z'), '2026-11-23T12:47:00Z')).toMatchObject({
      build: false,
      reason: 'Next due at 2026-11-24T00:00:00.000Z (day_boundary); a later check takes it.',
    });
  });

  test('the check before a due moment builds ahead with that moment as its clock and deploys at it', () => {
    expect(decide(live('2026-11-24T00:00:00.000Z'), '2026-11-23T23:47:10Z')).toEqual({
      build: true,
      reason: 'Due at 2026-11-24T00:00:00.000Z (day_boundary): building from 2026-11-23T23:56:00.000Z to deploy then.',
      clock: '2026-11-24T00:00:00.000Z',
      notBefore: '2026-11-24T00:00:00.000Z',
      startAt: '2026-11-23T23:56:00.000Z',
      liveContent: undefined,
      keepAlive: false,
    });
  });

  test('a window opening mid-interval is taken by the check whose stretch holds it, and no other', () => {
    const window = live('2026-11-23T14:20:00.000Z');
    // The 13:45 check covers 14:00 up to 15:00; the 12:45 check leaves it, the 14:45 one would be late.
    expect(decide(window, '2026-11-23T12:49:00Z').build).toBe(false);
    expect(decide(window, '2026-11-23T13:52:00Z')).toMatchObject({ build: true, startAt: '2026-11-23T14:16:00.000Z' });
    // A check started 33 minutes late still builds at once, for the same moment.
    expect(decide(window, '2026-11-23T14:18:00Z')).toMatchObject({
      build: true,
      clock: '2026-11-23T14:20:00.000Z',
      startAt: '2026-11-23T14:18:00.000Z',
    });
  });

  test('a moment in the stretch of the previous check is left to it; a missed one is rebuilt at once', () => {
    const soon = live('2026-11-23T13:55:00.000Z');
    expect(decide(soon, '2026-11-23T13:46:00Z')).toMatchObject({
      build: false,
      reason: 'Due at 2026-11-23T13:55:00.000Z (day_boundary): the check before this one is waiting for it.',
    });
    expect(decide(soon, '2026-11-23T14:46:00Z')).toMatchObject({
      build: true,
      reason: 'Due since 2026-11-23T13:55:00.000Z (day_boundary), 51 min ago.',
      clock: undefined,
    });
  });

  test('a run by hand always builds', () => {
    expect(
      decide(live('2026-11-24T00:00:00.000Z'), '2026-11-23T12:47:00Z', { event: 'workflow_dispatch', schedule: '' }),
    ).toMatchObject({ build: true, reason: 'This run was started by workflow_dispatch, not by the schedule.' });
  });

  test('bad answers rebuild and say why: none, an old deploy, garbage, hostile content', () => {
    const now = '2026-11-23T12:47:00Z';
    const reasons = [
      { kind: 'failed', message: 'no answer within 20 s' } as const,
      { kind: 'answered', status: 404, text: '<h1>Not found</h1>' } as const,
      { kind: 'answered', status: 503, text: '' } as const,
      { kind: 'answered', status: 200, text: '<!doctype html><p>hello' } as const,
      { kind: 'answered', status: 200, text: '[1,2]' } as const,
      live('2026-11-23T13:00'),
      live('2099-01-01T00:00:00.000Z'),
      live('2026-11-24T00:00:00.000Z', '2026-12-01T00:00:00.000Z'),
      live('2026-11-24T00:00:00.000Z', undefined, { reasons: [{ kind: '</code><script>alert(1)</script>' }] }),
      live('2026-11-24T00:00:00.000Z', undefined, { content: 'sha256:../../etc' }),
    ].map((answer) => decide(answer, now));
    expect(reasons.every((decision) => decision.build && decision.clock === undefined)).toBe(true);
    expect(reasons.map((decision) => decision.reason)).toMatchInlineSnapshot(`
      [
        "The live site gave no usable answer (no answer within 20 s).",
        "The live site has no next-rebuild.json (nothing deployed yet, or a deploy from before it).",
        "The live site answered HTTP 503 for next-rebuild.json.",
        "The live next-rebuild.json cannot be trusted: it is not JSON.",
        "The live next-rebuild.json cannot be trusted: it is not a JSON object.",
        "The live next-rebuild.json cannot be trusted: "built" or "due" is not a UTC timestamp.",
        "The live next-rebuild.json cannot be trusted: its due moment (2099-01-01T00:00:00.000Z) is not within 26 hours after its build (2026-11-23T00:00:00.000Z).",
        "The live next-rebuild.json cannot be trusted: it claims a build from the future (2026-12-01T00:00:00.000Z).",
        "The live next-rebuild.json cannot be trusted: "reasons" holds something other than names.",
        "The live next-rebuild.json cannot be trusted: "content" is not a sha256 hash.",
      ]
    `);
  });

  test('the keep-alive runs once a day, in the first check after midnight UTC', () => {
    const quiet = live('2026-11-24T00:00:00.000Z', '2026-11-23T00:00:00Z');
    const twice = { event: 'schedule', schedule: '15,45 * * * *' };
    expect(decide(quiet, '2026-11-24T00:17:00Z', twice).keepAlive).toBe(true);
    expect(decide(quiet, '2026-11-24T00:47:00Z', twice).keepAlive).toBe(false);
    expect(decide(quiet, '2026-11-24T00:47:00Z', schedule).keepAlive).toBe(true);
    expect(decide(quiet, '2026-11-24T01:47:00Z', schedule).keepAlive).toBe(false);
  });

  test('reads the minutes a cron line fires at', () => {
    expect(hourlySlots('45 * * * *')).toEqual([45]);
    expect(hourlySlots('45,15 * * * *')).toEqual([15, 45]);
    expect(hourlySlots('*/20 * * * *')).toEqual([0, 20, 40]);
    expect(hourlySlots('0 */2 * * *')).toBeUndefined();
    expect(hourlySlots('75 * * * *')).toBeUndefined();
  });
});

import { describe, expect, test } from 'vitest';
import { busyMonth, modelCost, quietMonth, rebuildCron } from '../../scripts/bench/actions-cost.ts';

const cron = rebuildCron();

describe('issue 23: what it costs to run', () => {
  test('a quiet month in a private repository bills at most 1,500 Actions minutes with the default schedule', () => {
    const quiet = modelCost(quietMonth(), cron, 0);
    expect(quiet).toMatchObject({ checks: 720, builds: 30 });
    expect(quiet.billedMinutes).toBeLessThanOrEqual(1500);
  });

  test('a busy month builds for every push, every edge and the hourly refresh while something is open', () => {
    const busy = modelCost(busyMonth(), cron, 0);
    // 104 pushes (100 updates, 4 announcements), 30 midnights, 16 maintenance edges and reminders, and refreshes.
    expect(busy.builds).toBeGreaterThanOrEqual(104 + 30 + 16);
    expect(busy.billedMinutes).toBeGreaterThan(modelCost(quietMonth(), cron, 0).billedMinutes);
  });

  test('maintenance edges, reminders and midnights reach the page within 5 minutes while runs start up to 15 minutes late', () => {
    const worst = Math.max(...[0, 5, 10, 15].map((delay) => modelCost(busyMonth(), cron, delay).worstLatenessMs));
    expect(worst).toBeLessThanOrEqual(5 * 60_000);
    // Later than that, the edge is late by about the excess.
    expect(modelCost(busyMonth(), cron, 25).worstLatenessMs).toBeGreaterThan(5 * 60_000);
  });

  test('checking twice an hour costs more and changes nothing on time', () => {
    const hourly = modelCost(quietMonth(), cron, 0);
    const twice = modelCost(quietMonth(), '15,45 * * * *', 0);
    expect(twice.checks).toBe(2 * hourly.checks);
    expect(twice.billedMinutes).toBeGreaterThan(hourly.billedMinutes);
    expect(twice.worstLatenessMs).toBe(hourly.worstLatenessMs);
  });
});

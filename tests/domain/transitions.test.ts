import { describe, expect, test } from 'vitest';
import { allowedNextStatuses, isAllowedTransition } from '../../src/domain/transitions.ts';

describe('status transitions', () => {
  test('moves forward, may skip steps and may repeat a status', () => {
    expect(isAllowedTransition('incident', 'investigating', 'identified')).toBe(true);
    expect(isAllowedTransition('incident', 'investigating', 'resolved')).toBe(true);
    expect(isAllowedTransition('incident', 'investigating', 'investigating')).toBe(true);
    expect(isAllowedTransition('incident', 'monitoring', 'monitoring')).toBe(true);
  });

  test('rejects a move from resolved back to monitoring', () => {
    expect(isAllowedTransition('incident', 'resolved', 'monitoring')).toBe(false);
    expect(isAllowedTransition('incident', 'monitoring', 'identified')).toBe(false);
  });

  test('allows reopening a resolved incident to investigating only', () => {
    expect(isAllowedTransition('incident', 'resolved', 'investigating')).toBe(true);
    expect(allowedNextStatuses('incident', 'resolved')).toEqual(['investigating', 'resolved']);
  });

  test('treats a completed maintenance as final', () => {
    expect(isAllowedTransition('maintenance', 'scheduled', 'verifying')).toBe(true);
    expect(isAllowedTransition('maintenance', 'completed', 'in_progress')).toBe(false);
    expect(isAllowedTransition('maintenance', 'completed', 'scheduled')).toBe(false);
    expect(isAllowedTransition('maintenance', 'verifying', 'in_progress')).toBe(false);
  });
});

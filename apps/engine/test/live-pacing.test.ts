import { describe, expect, it } from 'vitest';
import { liveRefetchInterval } from '../src/live-queries.ts';

describe('live-query refetch pacing', () => {
  it('refetch a group at the configured interval while its refetches are quick', () => {
    expect(liveRefetchInterval(100, 0)).toBe(100);
    expect(liveRefetchInterval(100, 40)).toBe(100);
  });

  it('let a group whose statements outlast two thirds of the interval rest half as long as they took', () => {
    expect(liveRefetchInterval(100, 300)).toBe(450);
  });
});

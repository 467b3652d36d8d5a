import { resubscribeDelay } from './resubscribe-backoff';

describe('resubscribe back-off', () => {
  const exact = { jitter: 0 };

  it('doubles from 100 ms and stops at 30 s', () => {
    const delays = [1, 2, 3, 4, 5, 9, 12, 40].map((attempt) => resubscribeDelay(attempt, exact));
    expect(delays).toEqual([100, 200, 400, 800, 1600, 25600, 30000, 30000]);
  });

  it('spreads each delay by the jitter, never past the cap', () => {
    expect(resubscribeDelay(1, { jitter: 0.2 }, () => 0)).toBe(80);
    expect(resubscribeDelay(1, { jitter: 0.2 }, () => 0.999999)).toBe(120);
    expect(resubscribeDelay(20, { jitter: 0.2 }, () => 0.999999)).toBe(30000);
  });

  it('takes its own numbers', () => {
    expect(resubscribeDelay(3, { initialMs: 10, factor: 3, maxMs: 1000, jitter: 0 })).toBe(90);
    expect(resubscribeDelay(0, exact)).toBe(100);
  });
});

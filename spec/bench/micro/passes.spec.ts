import { median, medianNsPerPrefix, nsPerPrefix, timePasses, type PassLimits } from '../../../bench/micro/passes';
import { Deadline, DeadlineExceeded } from '../../../bench/measure/deadline';

describe('median', () => {
  it('takes the middle of an odd count, whatever the order', () => {
    expect(median([5, 1, 9, 3, 7])).toBe(5);
    expect(median([42])).toBe(42);
  });

  it('takes the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses no values', () => {
    expect(() => median([])).toThrow(/no values/);
  });
});

describe('nsPerPrefix', () => {
  it('divides a pass by the prefixes it covered', () => {
    expect(nsPerPrefix(250_000_000, 1_000_000)).toBe(250);
    expect(medianNsPerPrefix({ ns: [300e6, 100e6, 200e6] }, 1e6)).toBe(200);
  });

  it('refuses a zero prefix count', () => {
    expect(() => nsPerPrefix(1000, 0)).toThrow(/positive prefix count/);
  });
});

describe('timePasses', () => {
  const far = () => new Deadline(60_000);
  const limits = (o: Partial<PassLimits>): PassLimits => ({ minPasses: 3, minMs: 0, maxPasses: 10, budgetMs: 60_000, deadline: far(), ...o });

  it('runs minPasses passes when minMs is already reached', () => {
    let calls = 0;
    const t = timePasses('x', limits({ minPasses: 4 }), () => void calls++);
    expect(calls).toBe(4);
    expect(t.ns).toHaveLength(4);
    expect(t.ns.every((ns) => ns >= 0)).toBe(true);
  });

  it('goes on up to maxPasses while minMs has not gone by', () => {
    let calls = 0;
    timePasses('x', limits({ minPasses: 2, minMs: 60_000, maxPasses: 7 }), () => void calls++);
    expect(calls).toBe(7);
  });

  it('always runs one pass, and no more once the budget is spent', () => {
    let calls = 0;
    timePasses('x', limits({ minPasses: 5, budgetMs: 0 }), () => void calls++);
    expect(calls).toBe(1);
  });

  it('stops at the deadline with DeadlineExceeded', () => {
    expect(() => timePasses('decode', limits({ deadline: new Deadline(0) }), () => undefined)).toThrow(DeadlineExceeded);
  });

  it('lets a failed check of a pass through', () => {
    expect(() =>
      timePasses('x', limits({}), () => {
        throw new Error('decode pass: 9 prefixes, the capture holds 10');
      }),
    ).toThrow(/9 prefixes/);
  });

  it('refuses fewer than one pass, or a maximum below the minimum', () => {
    expect(() => timePasses('x', limits({ minPasses: 0 }), () => undefined)).toThrow(/1 <= minPasses <= maxPasses/);
    expect(() => timePasses('x', limits({ minPasses: 5, maxPasses: 4 }), () => undefined)).toThrow(/got 5 and 4/);
  });
});

import { percentile } from '../../../bench/cases/flow-latency';

describe('percentile (nearest rank)', () => {
  const values = Array.from({ length: 1000 }, (_, i) => i + 1);
  it('gives p50 and p99 of 1..1000 as 500 and 990', () => {
    expect(percentile(values, 0.5)).toBe(500);
    expect(percentile(values, 0.99)).toBe(990);
    expect(percentile(values, 1)).toBe(1000);
  });
  it('takes the only value of one, and refuses none', () => {
    expect(percentile([7], 0.99)).toBe(7);
    expect(() => percentile([], 0.5)).toThrow('percentile of no values');
  });
});

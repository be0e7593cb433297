import { percentile, spreadFigures } from '../../../bench/cases/flow-latency';

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

describe('spreadFigures', () => {
  it('names p50, p99 and max of ns differences in ms, and gives nothing for no values', () => {
    const ns = Array.from({ length: 100 }, (_, i) => (100 - i) * 10_000);
    expect(spreadFigures('peer socket → peer process read', ns)).toEqual([
      { name: 'peer socket → peer process read p50', value: 0.5, unit: 'ms' },
      { name: 'peer socket → peer process read p99', value: 0.99, unit: 'ms' },
      { name: 'peer socket → peer process read max', value: 1, unit: 'ms' },
    ]);
    expect(spreadFigures('x', [])).toEqual([]);
  });
});

import { count, figureValue, megabytes, seconds, shortCount, times } from '../../../bench/report/format';

describe('report number formats', () => {
  it('writes counts with separators, and short for titles', () => {
    expect(count(1_000_000)).toBe('1,000,000');
    expect(count(333_333.4)).toBe('333,333');
    expect([1_000_000, 1_290_000, 100_000, 20_000, 950].map(shortCount)).toEqual(['1 M', '1.29 M', '100 k', '20 k', '950']);
  });

  it('writes ratios with the digits that matter', () => {
    expect([0.8234, 1, 13.44, 412.6].map(times)).toEqual(['0.82×', '1.00×', '13.4×', '413×']);
  });

  it('writes figures, seconds and MB', () => {
    expect([0, 100, 1_000_000, 85.25, 7.123, 140.4].map(figureValue)).toEqual(['0', '100', '1,000,000', '85.3', '7.12', '140']);
    expect(seconds(2)).toBe('2.00');
    expect(seconds(undefined)).toBe('—');
    expect(megabytes(254 * 1024 * 1024)).toBe('254 MB');
    expect(megabytes(undefined)).toBe('—');
  });
});

import { SeededRandom } from '../../../bench/gen/seeded-random';

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => {
      const r = new SeededRandom(seed);
      return Array.from({ length: 5 }, () => r.uint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('is mulberry32: seed 1 gives the first outputs of the reference implementation', () => {
    const r = new SeededRandom(1);
    expect([r.uint32(), r.uint32(), r.uint32()]).toEqual([2693262067, 11749833, 2265367787]);
  });

  it('keeps draws in range', () => {
    const r = new SeededRandom(7);
    for (let k = 0; k < 2000; k++) {
      const f = r.float();
      expect(f >= 0 && f < 1).toBe(true);
      const b = r.between(3, 5);
      expect(b >= 3 && b <= 5 && Number.isInteger(b)).toBe(true);
    }
  });

  it('draws weighted indexes in proportion and never a zero weight', () => {
    const r = new SeededRandom(9);
    const counts = [0, 0, 0];
    for (let k = 0; k < 10000; k++) counts[r.weighted([0, 1, 3], 4)]!++;
    expect(counts[0]).toBe(0);
    expect(counts[2]! / counts[1]!).toBeGreaterThan(2.5);
    expect(counts[2]! / counts[1]!).toBeLessThan(3.5);
  });

  it('refuses a seed that is not an integer', () => {
    expect(() => new SeededRandom(1.5)).toThrow(/integer/);
  });
});

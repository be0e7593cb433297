import { DEFAULT_SEED, FULL_TABLE, MAX_SET_SIZE, drawSetSizes, generateRealisticTable, splitCount } from '../../../bench/gen/realistic-table';
import { SeededRandom } from '../../../bench/gen/seeded-random';
import { fiveRouteTable } from './tiny-table';

describe('realistic table', () => {
  const table = generateRealisticTable({ seed: DEFAULT_SEED, ipv4Count: 8000, ipv6Count: 2000 });

  it('splits N with the full table mix', () => {
    expect(splitCount(1_290_000)).toEqual(FULL_TABLE);
    expect(splitCount(100_000)).toEqual({ ipv4: 81395, ipv6: 18605 });
    expect(splitCount(1)).toEqual({ ipv4: 1, ipv6: 0 });
    expect(() => splitCount(0)).toThrow();
  });

  it('is the same table for the same seed, another for another seed', () => {
    const again = generateRealisticTable({ seed: DEFAULT_SEED, ipv4Count: 8000, ipv6Count: 2000 });
    expect(again.ipv4Keys).toEqual(table.ipv4Keys);
    expect(again.ipv6Keys).toEqual(table.ipv6Keys);
    expect(again.setFirst).toEqual(table.setFirst);
    expect(again.sets.data).toEqual(table.sets.data);
    const other = generateRealisticTable({ seed: DEFAULT_SEED + 1, ipv4Count: 8000, ipv6Count: 2000 });
    expect(other.ipv4Keys).not.toEqual(table.ipv4Keys);
  });

  it('covers every prefix with exactly one set, IPv4 sets before IPv6 sets', () => {
    expect(table.count).toBe(10000);
    expect(table.setFirst[0]).toBe(0);
    expect(table.setFirst[table.setCount]).toBe(10000);
    expect(table.setFirst[table.ipv4SetCount]).toBe(8000);
    for (let s = 0; s < table.setCount; s++) {
      expect(table.setSize(s)).toBeGreaterThanOrEqual(1);
      expect(table.setSize(s)).toBeLessThanOrEqual(MAX_SET_SIZE);
      expect(table.setOf(table.setFirst[s]!)).toBe(s);
      expect(table.setOf(table.setFirst[s + 1]! - 1)).toBe(s);
    }
  });

  it('has a few hundred thousand sets at full size: ~4 prefixes a set, most with 1–3', () => {
    const sizes = drawSetSizes(new SeededRandom(1), 1_290_000);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(1_290_000);
    expect(sizes.length).toBeGreaterThan(250_000);
    expect(sizes.length).toBeLessThan(400_000);
    expect(sizes.filter((n) => n <= 3).length / sizes.length).toBeGreaterThan(0.75);
    expect(sizes.reduce((a, b) => Math.max(a, b), 0)).toBeGreaterThan(1000);
  });

  it('finds each prefix by its text, in its own family only', () => {
    for (const i of [0, 1, 4321, 7999, 8000, 9999]) {
      const text = table.prefixText(i);
      expect(table.isIpv6(i) ? table.indexOfIpv6(text) : table.indexOfIpv4(text)).toBe(i);
    }
    expect(table.indexOfIpv4('127.0.0.0/8')).toBe(-1);
    expect(table.indexOfIpv6('2001:db8::/32')).toBe(-1);
  });

  it('reads the hand-made table', () => {
    const t = fiveRouteTable();
    expect([0, 1, 2, 3, 4].map((i) => t.prefixText(i))).toEqual(['10.1.0.0/16', '10.2.3.0/24', '20.0.0.0/8', '2a00:1::/32', '2a00:1:2::/48']);
    expect([0, 1, 2, 3, 4].map((i) => t.setOf(i))).toEqual([0, 0, 1, 2, 2]);
    expect(t.lengthHistogram(false)).toEqual(new Map([[8, 1], [16, 1], [24, 1]]));
    // Paths as received: 3 + 3 + 1 + 2 + 2 over 5 routes.
    expect(t.meanAsPathLength()).toBeCloseTo(11 / 5);
  });
});

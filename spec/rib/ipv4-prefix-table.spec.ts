import fc from 'fast-check';
import { Ipv4PrefixTable } from '../../lib/rib/ipv4-prefix-table';

describe('Ipv4PrefixTable', () => {
  it('sets, gets, replaces and deletes', () => {
    const t = new Ipv4PrefixTable();
    t.set(0, 1); // 0.0.0.0/0 packs to 0
    t.set(10 * 2 ** 24 * 64 + 24, 2);
    t.set(10 * 2 ** 24 * 64 + 24, 3);
    expect([t.size, t.get(0), t.get(10 * 2 ** 24 * 64 + 24), t.get(5)]).toEqual([2, 1, 3, undefined]);
    expect(t.delete(0)).toBe(1);
    expect(t.delete(0)).toBeUndefined();
    expect(t.size).toBe(1);
  });

  it('holds 300,000 consecutive /24s through growth, and survives churn of deletions', () => {
    const t = new Ipv4PrefixTable();
    const key = (i: number) => (0x0a000000 + i * 256) * 64 + 24;
    for (let i = 0; i < 300_000; i++) t.set(key(i), i & 0xffff);
    expect(t.size).toBe(300_000);
    for (let i = 0; i < 300_000; i += 2) t.delete(key(i));
    for (let round = 0; round < 3; round++) for (let i = 0; i < 300_000; i += 2) { t.set(key(i), 7); t.delete(key(i)); }
    expect(t.size).toBe(150_000);
    expect(t.get(key(1))).toBe(1);
    expect(t.get(key(2))).toBeUndefined();
    expect([...t.entries()].length).toBe(150_000);
  });

  it('behaves like a Map under random operations (fast-check)', () => {
    const op = fc.record({ del: fc.boolean(), address: fc.integer({ min: 0, max: 63 }).map((n) => n * 0x01010101 >>> 0), length: fc.integer({ min: 0, max: 32 }), value: fc.nat(1000) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3000 }), (ops) => {
        const t = new Ipv4PrefixTable();
        const m = new Map<number, number>();
        for (const o of ops) {
          const k = o.address * 64 + o.length;
          if (o.del) expect(t.delete(k)).toBe(m.get(k)), m.delete(k);
          else t.set(k, o.value), m.set(k, o.value);
        }
        expect(t.size).toBe(m.size);
        expect(new Map(t.entries())).toEqual(m);
      }),
      { numRuns: 100 },
    );
  });
});

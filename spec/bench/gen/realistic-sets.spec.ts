import { ORIGIN_IGP, ORIGIN_INCOMPLETE, generateAttributeSets, publicAsn } from '../../../bench/gen/realistic-sets';
import { SeededRandom } from '../../../bench/gen/seeded-random';

describe('realistic attribute sets', () => {
  const sets = generateAttributeSets(new SeededRandom(11), 5000);

  it('gives the same sets for the same seed', () => {
    const again = generateAttributeSets(new SeededRandom(11), 5000);
    expect(again.data).toEqual(sets.data);
    expect(generateAttributeSets(new SeededRandom(12), 5000).data).not.toEqual(sets.data);
  });

  it('makes every set distinct', () => {
    const seen = new Set<string>();
    for (let s = 0; s < sets.count; s++) {
      seen.add(JSON.stringify([sets.origin(s), sets.asPath(s), sets.med(s), sets.communities(s), sets.largeCommunities(s)]));
    }
    expect(seen.size).toBe(sets.count);
  });

  it('draws paths of 0..11 ASes after the sender (1..12 as received), around 4–5 on average', () => {
    let total = 0;
    for (let s = 0; s < sets.count; s++) {
      const n = sets.asPathLength(s);
      expect(n >= 0 && n <= 11).toBe(true);
      expect(sets.asPath(s).length).toBe(n);
      total += n + 1;
    }
    expect(total / sets.count).toBeGreaterThan(4);
    expect(total / sets.count).toBeLessThan(5.2);
  });

  it('uses public ASes only: no AS_TRANS, private or reserved numbers', () => {
    for (let s = 0; s < sets.count; s++) {
      for (const asn of sets.asPath(s)) {
        expect(asn).toBeGreaterThan(0);
        expect(asn).not.toBe(23456);
        expect(asn >= 64496 && asn <= 131071).toBe(false);
        expect(asn).toBeLessThan(4_200_000_000);
      }
    }
    const r = new SeededRandom(1);
    for (let k = 0; k < 1000; k++) {
      const asn = publicAsn(r);
      expect(asn >= 64496 && asn <= 131071).toBe(false);
    }
  });

  it('has the realistic shares of origins, MED, communities and large communities', () => {
    let incomplete = 0;
    let med = 0;
    let communities = 0;
    let large = 0;
    for (let s = 0; s < sets.count; s++) {
      expect([ORIGIN_IGP, ORIGIN_INCOMPLETE]).toContain(sets.origin(s));
      if (sets.origin(s) === ORIGIN_INCOMPLETE) incomplete++;
      if (sets.med(s) !== undefined) med++;
      const c = sets.communities(s);
      if (c.length) communities++;
      expect(c.length).toBeLessThanOrEqual(8);
      for (let k = 0; k < c.length; k++) {
        const high = Math.floor(c[k]! / 65536);
        expect(high >= 1 && high <= 64495).toBe(true); // never 0 or 65535 (NO_EXPORT and friends)
        if (k > 0) expect(c[k]!).toBeGreaterThan(c[k - 1]!);
      }
      const l = sets.largeCommunities(s);
      if (l.length) large++;
      expect(l.length).toBeLessThanOrEqual(3);
    }
    const share = (n: number) => n / sets.count;
    expect(share(incomplete)).toBeGreaterThan(0.08);
    expect(share(incomplete)).toBeLessThan(0.16);
    expect(share(med)).toBeCloseTo(0.3, 1);
    expect(share(communities)).toBeCloseTo(0.6, 1);
    expect(share(large)).toBeGreaterThan(0.04);
    expect(share(large)).toBeLessThan(0.12);
  });
});

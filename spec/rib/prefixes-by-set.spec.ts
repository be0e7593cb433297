import fc from 'fast-check';
import { PrefixesBySet } from '../../lib/rib/prefixes-by-set';

describe('PrefixesBySet', () => {
  it('holds each set its own prefixes, sorted, and nothing for a set without routes', () => {
    const routes: Array<[number, number]> = [
      [900, 2],
      [100, 0],
      [700, 2],
      [300, 0],
      [500, 2],
    ];
    const by = PrefixesBySet.build(4, (visit) => routes.forEach(([p, s]) => visit(p, s)));
    expect(Array.from(by.of(0))).toEqual([100, 300]);
    expect(Array.from(by.of(1))).toEqual([]);
    expect(Array.from(by.of(2))).toEqual([500, 700, 900]);
    expect(Array.from(by.of(3))).toEqual([]);
    expect(Array.from(by.of(10))).toEqual([]);
  });

  it('matches a filter and sort per set for any routes', () => {
    const route = fc.tuple(fc.integer({ min: 0, max: 2 ** 38 - 1 }), fc.integer({ min: 0, max: 19 }));
    fc.assert(
      fc.property(fc.array(route, { maxLength: 200 }), (routes) => {
        const by = PrefixesBySet.build(20, (visit) => routes.forEach(([p, s]) => visit(p, s)));
        for (let s = 0; s < 20; s++) {
          const expected = routes.filter(([, set]) => set === s).map(([p]) => p).sort((a, b) => a - b);
          expect(Array.from(by.of(s))).toEqual(expected);
        }
      }),
    );
  });
});

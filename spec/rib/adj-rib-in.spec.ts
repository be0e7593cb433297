import { AdjRibIn } from '../../lib/rib/adj-rib-in';
import type { UpdateMessage } from '../../lib/wire/types';

const announce = (prefixes: string[], med = 0): UpdateMessage => ({
  type: 'update',
  withdrawn: [],
  attributes: { origin: 0, med },
  announced: [{ afi: 1, safi: 1, prefixes, nextHop: ['198.51.100.1'] }],
});

describe('AdjRibIn', () => {
  it('keeps announced routes and interns identical attribute sets', () => {
    const rib = new AdjRibIn();
    expect(rib.apply(announce(['10.0.0.0/24', '10.0.1.0/24']))).toEqual({ announced: 2, withdrawn: 0 });
    rib.apply(announce(['10.0.2.0/24']));
    expect(rib.size).toBe(3);
    expect(rib.attributeSets).toBe(1);
    expect(rib.get(1, 1, '10.0.2.0/24')).toBe(rib.get(1, 1, '10.0.0.0/24'));
  });

  it('withdraws, and replaces a route announced again with other attributes', () => {
    const rib = new AdjRibIn();
    rib.apply(announce(['10.0.0.0/24', '10.0.1.0/24']));
    rib.apply(announce(['10.0.1.0/24'], 9));
    expect(rib.get(1, 1, '10.0.1.0/24')?.attributes.med).toBe(9);
    const r = rib.apply({ type: 'update', withdrawn: [{ afi: 1, safi: 1, prefixes: ['10.0.0.0/24', '10.9.9.0/24'] }], attributes: {}, announced: [] });
    expect(r).toEqual({ announced: 0, withdrawn: 1 });
    expect(rib.size).toBe(1);
  });

  it('RFC 7606 treat-as-withdraw removes the announced prefixes instead of adding them', () => {
    const rib = new AdjRibIn();
    rib.apply(announce(['10.0.0.0/24']));
    const r = rib.apply({ ...announce(['10.0.0.0/24', '10.0.1.0/24']), errorAction: 'treat-as-withdraw' });
    expect(r).toEqual({ announced: 0, withdrawn: 1 });
    expect(rib.size).toBe(0);
  });

  it('keys ADD-PATH routes by path id', () => {
    const rib = new AdjRibIn();
    rib.apply({ type: 'update', withdrawn: [], attributes: {}, announced: [{ afi: 1, safi: 1, prefixes: ['10.0.0.0/24', '10.0.0.0/24'], pathIds: [1, 2], nextHop: ['198.51.100.1'] }] });
    expect(rib.size).toBe(2);
    expect(rib.get(1, 1, '10.0.0.0/24', 2)).toBeDefined();
  });
});

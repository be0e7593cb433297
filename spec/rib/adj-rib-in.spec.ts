import { AdjRibIn } from '../../lib/rib/adj-rib-in';
import { decodeMessage, encodeMessage } from '../../lib/wire/message';
import { wireKeyOf } from '../../lib/wire/attributes';
import { DEFAULT_CONTEXT, type PathAttributes, type UpdateMessage } from '../../lib/wire/types';

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

  it('keys each family by its descriptor: IPv4 by packed number, IPv6 by text, IPv4 text with no packed form (host bits) as given', () => {
    const rib = new AdjRibIn();
    rib.apply(announce(['10.0.0.0/24', '10.0.1.1/24']));
    const v6: UpdateMessage = { type: 'update', withdrawn: [], attributes: { origin: 0 }, announced: [{ afi: 2, safi: 1, prefixes: ['2001:db8::/32'], nextHop: ['2001:db8::1'] }] };
    rib.apply(v6);
    expect(rib.familySize(1, 1)).toBe(2);
    expect(rib.familySize(2, 1)).toBe(1);
    expect([...rib.entries()].map(([fk, key]) => [fk, key])).toEqual([
      [0x101, '10.0.0.0/24'],
      [0x101, '10.0.1.1/24'],
      [0x201, '2001:db8::/32'],
    ]);
    // Batches hand IPv4 back packed (no text array until read), IPv6 as text.
    const lists = [...rib.batches()].flatMap((b) => b.announced);
    expect(lists.map((l) => [l.afi, l.prefixes])).toEqual([
      [1, ['10.0.0.0/24']],
      [1, ['10.0.1.1/24']],
      [2, ['2001:db8::/32']],
    ]);
    expect(rib.apply({ type: 'update', withdrawn: [{ afi: 1, safi: 1, prefixes: ['10.0.1.1/24', '10.0.0.0/24'] }], attributes: {}, announced: [] })).toEqual({ announced: 0, withdrawn: 2 });
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

  describe('sets decoded from the wire (kept as their bytes, attributes/wire-key.ts)', () => {
    const attributes: PathAttributes = {
      origin: 0,
      asPath: [{ type: 2, asns: [65001, 4200000000] }],
      med: 7,
      communities: [0xfde80001, 0xfde80002],
      largeCommunities: [[65001, 1, 2]],
    };
    const received = (prefixes: string[], nextHop: string, attrs: PathAttributes = attributes): UpdateMessage => {
      const msg: UpdateMessage = { type: 'update', withdrawn: [], attributes: attrs, announced: [{ afi: 2, safi: 1, prefixes, nextHop: [nextHop] }] };
      return decodeMessage(encodeMessage(msg, DEFAULT_CONTEXT), DEFAULT_CONTEXT) as UpdateMessage;
    };

    it('share one set across UPDATEs, apart by next hop, and read back as decoded', () => {
      const rib = new AdjRibIn();
      const first = received(['2001:db8:1::/48'], '2001:db8::1');
      expect(wireKeyOf(first.attributes)).toBeDefined();
      rib.apply(first);
      rib.apply(received(['2001:db8:2::/48', '2001:db8:3::/48'], '2001:db8::1'));
      rib.apply(received(['2001:db8:4::/48'], '2001:db8::2'));
      rib.apply(received(['2001:db8:5::/48'], '2001:db8::1', { ...attributes, med: 8 }));
      expect(rib.size).toBe(5);
      expect(rib.attributeSets).toBe(3);
      expect(rib.get(2, 1, '2001:db8:3::/48')).toBe(rib.get(2, 1, '2001:db8:1::/48'));
      expect(rib.get(2, 1, '2001:db8:3::/48')?.attributes).toEqual(first.attributes);
      expect(rib.get(2, 1, '2001:db8:3::/48')?.nextHop).toEqual(['2001:db8::1']);
      expect(rib.get(2, 1, '2001:db8:4::/48')?.nextHop).toEqual(['2001:db8::2']);
      expect(rib.get(2, 1, '2001:db8:5::/48')?.attributes.med).toBe(8);
      const listed = [...rib.entries()].map(([, prefix, e]) => `${prefix} ${e.nextHop[0]} ${e.attributes.med}`);
      expect(listed.sort()).toEqual([
        '2001:db8:1::/48 2001:db8::1 7',
        '2001:db8:2::/48 2001:db8::1 7',
        '2001:db8:3::/48 2001:db8::1 7',
        '2001:db8:4::/48 2001:db8::2 7',
        '2001:db8:5::/48 2001:db8::1 8',
      ]);
    });

    it('and sets built in code (no wire key) stay apart from them', () => {
      const rib = new AdjRibIn();
      rib.apply(received(['2001:db8:1::/48'], '2001:db8::1'));
      rib.apply({ type: 'update', withdrawn: [], attributes: { ...attributes }, announced: [{ afi: 2, safi: 1, prefixes: ['2001:db8:2::/48'], nextHop: ['2001:db8::1'] }] });
      expect(rib.attributeSets).toBe(2);
      expect(rib.get(2, 1, '2001:db8:2::/48')?.attributes).toEqual(rib.get(2, 1, '2001:db8:1::/48')?.attributes);
      rib.clear();
      expect(rib.size).toBe(0);
      expect(rib.attributeSets).toBe(0);
    });
  });

  it('changesOf keeps only what would change what is held', () => {
    const rib = new AdjRibIn();
    rib.apply(announce(['10.0.0.0/24', '10.0.1.0/24']));
    expect(rib.changesOf(announce(['10.0.0.0/24']))).toBeUndefined();
    const changed = rib.changesOf(announce(['10.0.0.0/24', '10.0.2.0/24']));
    expect(changed?.announced.flatMap((l) => l.prefixes)).toEqual(['10.0.2.0/24']);
    expect(rib.changesOf(announce(['10.0.1.0/24'], 5))?.announced.flatMap((l) => l.prefixes)).toEqual(['10.0.1.0/24']);
    const withdrawal = rib.changesOf({ type: 'update', withdrawn: [{ afi: 1, safi: 1, prefixes: ['10.0.1.0/24', '10.9.0.0/24'] }], attributes: {}, announced: [] });
    expect(withdrawal?.withdrawn.flatMap((l) => l.prefixes)).toEqual(['10.0.1.0/24']);
  });
});

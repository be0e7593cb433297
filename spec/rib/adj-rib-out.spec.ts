import { AdjRibOut, type OutRoute } from '../../lib/rib/adj-rib-out';
import { expandIpv4RunPacked, expandPrefixRun } from '../../lib/rib/route-set';
import { formatIpv4Packed } from '../../lib/wire/nlri/packed-ipv4';
import type { RouteTable } from '../../lib/rib/route-table';
import { parseIpv4PrefixPacked } from '../../lib/wire/nlri/ipv4-prefix';
import { FLOW_ROUTE_GRAMMAR } from '../../lib/families/flow/route-grammar';

const route = (prefix: string, med = 0, nextHop = 'self'): OutRoute => ({ afi: 1, safi: 1, prefix, nextHop, attributes: { origin: 0, med } });

describe('AdjRibOut', () => {
  it('groups routes that share next hop and attributes', () => {
    const rib = new AdjRibOut();
    rib.load([route('10.0.0.0/24'), route('10.0.1.0/24'), route('10.0.2.0/24', 5)]);
    const groups = [...rib.groups()];
    expect(groups.map((g) => g.prefixes)).toEqual([['10.0.0.0/24', '10.0.1.0/24'], ['10.0.2.0/24']]);
    expect(rib.size).toBe(3);
  });

  it('returns only what changed on reload: removed routes withdrawn, new or changed routes announced', () => {
    const rib = new AdjRibOut();
    rib.load([route('10.0.0.0/24'), route('10.0.1.0/24'), route('10.0.2.0/24')]);
    const change = rib.load([route('10.0.0.0/24'), route('10.0.2.0/24', 7), route('10.0.3.0/24')]);
    expect(change.withdraw).toEqual([{ afi: 1, safi: 1, prefixes: ['10.0.1.0/24'] }]);
    expect(change.announce.map((g) => [g.prefixes, g.attributes.med])).toEqual([
      [['10.0.3.0/24'], 0],
      [['10.0.2.0/24'], 7],
    ]);
  });

  it('a reload with the same routes changes nothing', () => {
    const rib = new AdjRibOut();
    rib.load([route('10.0.0.0/24')], [{ afi: 1, safi: 1, from: '20.0.0.0/24', length: 24, count: 3, nextHop: 'self', attributes: {} }]);
    const change = rib.load([route('10.0.0.0/24')], [{ afi: 1, safi: 1, from: '20.0.0.0/24', length: 24, count: 3, nextHop: 'self', attributes: {} }]);
    expect(change).toEqual({ withdraw: [], announce: [] });
  });

  it('withdraws a removed route set and announces a new one', () => {
    const rib = new AdjRibOut();
    rib.load([], [{ afi: 1, safi: 1, from: '20.0.0.0/24', length: 24, count: 2, nextHop: 'self', attributes: {} }]);
    const change = rib.load([], [{ afi: 1, safi: 1, from: '30.0.0.0/24', length: 24, count: 1, nextHop: 'self', attributes: {} }]);
    expect(change.withdraw[0].prefixes).toEqual(['20.0.0.0/24', '20.0.1.0/24']);
    expect(change.announce[0].prefixes).toEqual(['30.0.0.0/24']);
  });
});

describe('expandPrefixRun', () => {
  it('expands IPv4 runs in chunks without gaps', () => {
    const chunks = [...expandPrefixRun({ afi: 1, from: '10.0.0.0/24', length: 24, count: 5 }, 2)];
    expect(chunks).toEqual([['10.0.0.0/24', '10.0.1.0/24'], ['10.0.2.0/24', '10.0.3.0/24'], ['10.0.4.0/24']]);
    const big = [...expandPrefixRun({ afi: 1, from: '10.0.0.0/24', length: 24, count: 70000 })].flat();
    expect(big.length).toBe(70000);
    expect(big[65536]).toBe('11.0.0.0/24');
  });

  it('expands IPv4 runs packed, the same prefixes as the text form, stopping at the end of the space', () => {
    const run = { afi: 1, from: '10.0.0.0/24', length: 24, count: 70000 };
    expect([...expandIpv4RunPacked(run, 1000)].flat().map(formatIpv4Packed)).toEqual([...expandPrefixRun(run)].flat());
    expect([...expandIpv4RunPacked({ afi: 1, from: '255.255.254.0/24', length: 24, count: 5 })].flat().map(formatIpv4Packed)).toEqual(['255.255.254.0/24', '255.255.255.0/24']);
  });

  it('expands IPv6 runs', () => {
    expect([...expandPrefixRun({ afi: 2, from: '2001:db8::/48', length: 48, count: 3 })].flat()).toEqual(['2001:db8::/48', '2001:db8:1::/48', '2001:db8:2::/48']);
  });
});

describe('AdjRibOut API routes', () => {
  it('upsert returns only new or changed routes, grouped by attributes', () => {
    const rib = new AdjRibOut();
    rib.load([route('10.0.0.0/24')]);
    const first = rib.upsert([route('10.0.1.0/24'), route('10.0.2.0/24'), route('10.0.0.0/24')]);
    expect(first.announce.map((g) => g.prefixes)).toEqual([['10.0.1.0/24', '10.0.2.0/24']]); // 10.0.0.0/24 unchanged
    const second = rib.upsert([route('10.0.1.0/24', 9), route('10.0.2.0/24')]);
    expect(second.announce.map((g) => [g.prefixes, g.attributes.med])).toEqual([[['10.0.1.0/24'], 9]]);
    expect(rib.size).toBe(3);
    expect(rib.apiSize).toBe(3);
  });

  it('remove withdraws API routes, and falls back to the config version of a prefix', () => {
    const rib = new AdjRibOut();
    rib.load([route('10.0.0.0/24', 1)]);
    rib.upsert([route('10.0.0.0/24', 2), route('10.0.5.0/24')]);
    const change = rib.remove([{ afi: 1, safi: 1, prefix: '10.0.0.0/24' }, { afi: 1, safi: 1, prefix: '10.0.5.0/24' }, { afi: 1, safi: 1, prefix: '10.9.9.0/24' }]);
    expect(change.withdraw).toEqual([{ afi: 1, safi: 1, prefixes: ['10.0.5.0/24'] }]);
    expect(change.announce.map((g) => [g.prefixes, g.attributes.med])).toEqual([[['10.0.0.0/24'], 1]]);
    expect([...rib.groups()].flatMap((g) => g.prefixes)).toEqual(['10.0.0.0/24']);
  });

  it('API routes survive a config reload, and win over the config for the same prefix', () => {
    const rib = new AdjRibOut();
    rib.load([route('10.0.0.0/24', 1)]);
    rib.upsert([route('10.0.0.0/24', 2), route('10.0.7.0/24')]);
    const change = rib.load([route('10.0.0.0/24', 1), route('10.0.8.0/24')]);
    expect(change.withdraw).toEqual([]);
    expect(change.announce.flatMap((g) => g.prefixes)).toEqual(['10.0.8.0/24']);
    const all = new Map([...rib.groups()].flatMap((g) => g.prefixes.map((p) => [p, g.attributes.med] as const)));
    expect(all).toEqual(new Map([['10.0.0.0/24', 2], ['10.0.7.0/24', 0], ['10.0.8.0/24', 0]]));
    expect(rib.clearApi().withdraw).toEqual([{ afi: 1, safi: 1, prefixes: ['10.0.7.0/24'] }]);
  });

  it('sends a prefix announced twice in one batch once, with the attributes of the last announcement', () => {
    const rib = new AdjRibOut();
    rib.upsert([route('10.0.0.0/24', 1), route('10.0.1.0/24', 2)]);
    // The set with MED 1 exists before the one with MED 2: order of sets must not decide.
    const change = rib.upsert([route('10.0.3.0/24', 2), route('10.0.3.0/24', 1), route('10.0.4.0/24', 1), route('10.0.4.0/24', 2)]);
    const sent = change.announce.flatMap((g) => g.prefixes.map((p) => [p, g.attributes.med]));
    expect(sent.sort()).toEqual([['10.0.3.0/24', 1], ['10.0.4.0/24', 2]]);
  });

  it('keeps other families and ADD-PATH routes by text, beside packed IPv4', () => {
    const rib = new AdjRibOut();
    const v6: OutRoute = { afi: 2, safi: 1, prefix: '2001:db8::/32', nextHop: '2001:db8::1', attributes: { origin: 0 } };
    const withId: OutRoute = { ...route('10.0.0.0/24'), pathId: 7 };
    const change = rib.upsert([v6, withId, route('10.0.0.0/24')]);
    // Groups come in the order their attribute sets were first seen.
    expect(change.announce.map((g) => [g.afi, g.prefixes, g.pathIds])).toEqual([
      [2, ['2001:db8::/32'], undefined],
      [1, ['10.0.0.0/24'], undefined],
      [1, ['10.0.0.0/24'], [7]],
    ]);
    expect(rib.apiSize).toBe(3);
    const gone = rib.remove([v6, withId]);
    expect(gone.withdraw).toEqual([
      { afi: 2, safi: 1, prefixes: ['2001:db8::/32'] },
      { afi: 1, safi: 1, prefixes: ['10.0.0.0/24'], pathIds: [7] },
    ]);
    expect(rib.apiSize).toBe(1);
  });

  it('lists everything grouped and in prefix order, counting a prefix held by both layers once', () => {
    const rib = new AdjRibOut();
    rib.load([route('10.0.9.0/24'), route('10.0.1.0/24')]);
    rib.upsert([route('10.0.5.0/24'), route('10.0.1.0/24'), route('10.0.2.0/24', 3)]);
    expect([...rib.groups()].map((g) => [g.prefixes, g.attributes.med])).toEqual([
      [['10.0.1.0/24', '10.0.5.0/24', '10.0.9.0/24'], 0],
      [['10.0.2.0/24'], 3],
    ]);
    expect(rib.size).toBe(4);
    expect(rib.usesSelfNextHop()).toBe(true);
  });

  it('replaceConfig loads without a change, and a later load diffs against it', () => {
    const rib = new AdjRibOut();
    rib.replaceConfig([route('10.0.1.0/24'), route('10.0.0.0/24'), route('10.0.2.0/24', 4)]);
    expect([...rib.groups()].map((g) => g.prefixes)).toEqual([['10.0.0.0/24', '10.0.1.0/24'], ['10.0.2.0/24']]);
    const change = rib.load([route('10.0.0.0/24'), route('10.0.2.0/24', 5)]);
    expect(change.withdraw.map((w) => w.prefixes)).toEqual([['10.0.1.0/24']]);
    expect(change.announce.map((g) => [g.prefixes, g.attributes.med])).toEqual([[['10.0.2.0/24'], 5]]);
    expect(rib.attributeSetCount).toBe(2);
  });

  it('skips, in a send under way, a set whose routes were replaced after it started', () => {
    const rib = new AdjRibOut();
    rib.upsert([route('10.0.0.0/24', 1), route('10.0.1.0/24', 2)]);
    const groups = rib.groups();
    expect(groups.next().value?.prefixes).toEqual(['10.0.0.0/24']);
    rib.upsert([route('10.0.1.0/24', 3)]);
    expect(groups.next().done).toBe(true);
    expect([...rib.groups()].map((g) => [g.prefixes, g.attributes.med])).toEqual([
      [['10.0.0.0/24'], 1],
      [['10.0.1.0/24'], 3],
    ]);
  });

  it('forgets an attribute set once no route points at it', () => {
    const rib = new AdjRibOut();
    for (let med = 0; med < 50; med++) {
      rib.upsert([route('10.0.0.0/24', med)]);
      rib.upsert([route('10.0.0.0/24', med + 1000)]);
    }
    rib.remove([{ afi: 1, safi: 1, prefix: '10.0.0.0/24' }]);
    expect(rib.apiSize).toBe(0);
    expect(rib.attributeSetCount).toBe(0);
    expect(rib.usesSelfNextHop()).toBe(false);
  });

  it('loads routes from a dump table, the config list winning for the same prefix, and diffs on reload', () => {
    const table = (v4: string[], sets: number[]): RouteTable => ({
      sets: [
        { afi: 1, safi: 1, nextHop: '198.51.100.1', attributes: { origin: 0, med: 1 }, bytesKey: 'set 0' },
        { afi: 1, safi: 1, nextHop: '198.51.100.2', attributes: { origin: 0, med: 2 }, bytesKey: 'set 1' },
        { afi: 2, safi: 1, nextHop: '2001:db8::1', attributes: { origin: 0 }, bytesKey: 'set 2' },
      ],
      v4Prefixes: v4.map(parseIpv4PrefixPacked),
      v4Sets: sets,
      other: [{ afi: 2, safi: 1, prefix: '2001:db8::/32', set: 2 }],
      skippedRecords: 0,
      skippedPrefixes: 0,
      skippedFamilies: new Map(),
    });
    const rib = new AdjRibOut();
    const first = rib.load([route('10.0.1.0/24', 9)], [], [{ table: table(['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24'], [0, 0, 1]), nextHop: 'self' }]);
    expect(first.announce.map((g) => [g.nextHop, g.attributes.med ?? null, g.prefixes])).toEqual([
      ['self', 1, ['10.0.0.0/24']],
      ['self', 2, ['10.0.2.0/24']],
      ['self', null, ['2001:db8::/32']],
      ['self', 9, ['10.0.1.0/24']],
    ]);
    expect(rib.attributeSetCount).toBe(4);
    const second = rib.load([], [], [{ table: table(['10.0.0.0/24', '10.0.1.0/24'], [1, 0]) }]);
    expect(second.withdraw.map((w) => w.prefixes)).toEqual([['10.0.2.0/24']]);
    expect(second.announce.map((g) => [g.nextHop, g.prefixes])).toEqual([
      ['198.51.100.1', ['10.0.1.0/24']],
      ['198.51.100.2', ['10.0.0.0/24']],
      ['2001:db8::1', ['2001:db8::/32']],
    ]);
    expect(rib.attributeSetCount).toBe(3);
  });

  it('counts the routes of some families only (what a session that negotiated them advertises)', () => {
    const rib = new AdjRibOut();
    const v6: OutRoute = { afi: 2, safi: 1, prefix: '2001:db8::/32', nextHop: '2001:db8::1', attributes: { origin: 0 } };
    rib.load([route('10.0.0.0/24'), route('10.0.1.0/24'), { ...route('10.0.2.0/24'), pathId: 7 }, v6], [
      { afi: 1, safi: 1, from: '20.0.0.0/24', length: 24, count: 3, nextHop: 'self', attributes: {} },
      { afi: 2, safi: 1, from: '2001:db8:1::/48', length: 48, count: 2, nextHop: 'self', attributes: {} },
    ]);
    rib.upsert([route('10.0.0.0/24', 9), route('10.0.9.0/24'), { ...v6, prefix: '2001:db8:9::/48' }]);
    const ipv4 = 1 * 256 + 1;
    const ipv6 = 2 * 256 + 1;
    expect(rib.sizeIn(new Set([ipv4]))).toBe(4 + 3);
    expect(rib.sizeIn(new Set([ipv6]))).toBe(2 + 2);
    expect(rib.sizeIn(new Set([ipv4, ipv6]))).toBe(rib.size);
    expect(rib.sizeIn(new Set())).toBe(0);
  });
});

describe('AdjRibOut: FlowSpec rules keyed by their NLRI octets (FamilyDescriptor.routeKey)', () => {
  const fromApi = (text: string): OutRoute => {
    const parsed = FLOW_ROUTE_GRAMMAR.parse(text, 0);
    if (!parsed.ok) throw new Error(parsed.error);
    const r = parsed.value;
    return { afi: r.afi, safi: r.safi, prefix: r.text, nlri: r.nlri, nextHop: '', attributes: r.attributes };
  };
  const fromConfig = (value: unknown): OutRoute => {
    const parsed = FLOW_ROUTE_GRAMMAR.config!.decode(value);
    if (!parsed.ok) throw new Error(parsed.error);
    const r = parsed.value;
    return { afi: r.afi, safi: r.safi, prefix: r.text, nlri: r.nlri, nextHop: '', attributes: r.attributes };
  };

  it('takes a rule from the API (read to octets) and the same rule from the config (components) as one route', () => {
    const rib = new AdjRibOut();
    rib.load([fromConfig({ match: { destination: '10.0.0.1/32', protocol: ['udp'], sourcePort: ['=53'] }, then: { discard: true } })]);
    // Written another way (other order, other spacing), with another action: it replaces the config's.
    const change = rib.upsert([fromApi('protocol udp source-port =53 destination 10.0.0.1/32 rate-limit 1000')]);
    expect(change.announce.map((g) => g.prefixes)).toEqual([['flow destination-ipv4 10.0.0.1/32 protocol =udp source-port =53']]);
    expect(rib.size).toBe(1);
    // Withdrawn through the API, the config's version is announced again, not withdrawn.
    const back = rib.remove([fromApi('destination 10.0.0.1/32 protocol [ udp ] source-port [ =53 ] discard')]);
    expect(back.withdraw).toEqual([]);
    expect(back.announce.map((g) => g.prefixes)).toEqual([['flow destination-ipv4 10.0.0.1/32 protocol =udp source-port =53']]);
  });

  it('keeps a route given by text only (no value) under the same key as its rule', () => {
    const rib = new AdjRibOut();
    rib.upsert([fromApi('destination 10.0.0.2/32 discard')]);
    const gone = rib.remove([{ afi: 1, safi: 133, prefix: 'flow destination-ipv4 10.0.0.2/32' }]);
    expect(gone.withdraw.map((w) => w.prefixes)).toEqual([['flow destination-ipv4 10.0.0.2/32']]);
    expect(rib.size).toBe(0);
  });
});

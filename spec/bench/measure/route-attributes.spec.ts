import {
  attributeDifference,
  expectedAttributes,
  fromExabgpAttribute,
  parseBirdRouteAll,
  samplePrefixes,
} from '../../../bench/measure/route-attributes';
import { generateRealisticTable } from '../../../bench/gen/realistic-table';
import { fiveRouteTable } from '../gen/tiny-table';

/** A `show route <prefix> protocol bench all` answer of BIRD 2.0.12 seen here, its values changed to the five-route table's. */
const BIRD_IPV6 = `Table master6:
2a00:1:2::/48        unreachable [bench 11:30:41.290 from 127.0.3.3] * (100) [AS6939i]
\tType: BGP univ
\tBGP.origin: IGP
\tBGP.as_path: 65003 6939
\tBGP.next_hop: 2001:db8::1
\tBGP.med: 0
\tBGP.local_pref: 100
\tBGP.community: (6939,2) (6939,1)
\tBGP.large_community: (6939, 3, 4)
`;

describe('route attributes', () => {
  const table = fiveRouteTable();

  it('expects the sender AS in front of the generated path', () => {
    expect(expectedAttributes(table, 4, 65003)).toEqual({
      origin: 'igp',
      asPath: [65003, 6939],
      med: 0,
      communities: [6939 * 65536 + 1, 6939 * 65536 + 2],
      largeCommunities: ['6939:3:4'],
    });
    expect(expectedAttributes(table, 2, 65003)).toEqual({ origin: 'incomplete', asPath: [65003], med: undefined, communities: [], largeCommunities: ['64500:1:2'] });
  });

  it('reads BIRD show route all, communities in any order', () => {
    const got = parseBirdRouteAll(BIRD_IPV6)!;
    expect(attributeDifference(expectedAttributes(table, 4, 65003), got)).toBe('');
    expect(parseBirdRouteAll('Table master4:\n')).toBeUndefined();
    const bare = parseBirdRouteAll('\tBGP.origin: Incomplete\n\tBGP.as_path: \n\tBGP.next_hop: 198.51.100.1\n')!;
    expect(bare).toEqual({ origin: 'incomplete', asPath: [], med: undefined, communities: [], largeCommunities: [] });
  });

  it('reads an ExaBGP JSON attribute object', () => {
    const got = fromExabgpAttribute({
      origin: 'igp',
      'as-path': [65003, 6939],
      'confederation-path': [],
      med: 0,
      community: [
        [6939, 2],
        [6939, 1],
      ],
      'large-community': [[6939, 3, 4]],
    })!;
    expect(attributeDifference(expectedAttributes(table, 4, 65003), got)).toBe('');
    expect(fromExabgpAttribute(undefined)).toBeUndefined();
  });

  it('names every attribute that differs', () => {
    const expected = expectedAttributes(table, 0, 65003);
    const got = { ...expected, asPath: [65003, 3356], med: undefined, largeCommunities: ['1:2:3'] };
    expect(attributeDifference(expected, got)).toBe('as-path [65003,3356] (expected [65003,3356,64500]), med null (expected 10), large communities ["1:2:3"] (expected [])');
  });

  it('samples both ends of each family and a prefix with each feature', () => {
    expect(samplePrefixes(table)).toEqual([0, 1, 2, 3, 4]);
    const big = generateRealisticTable({ seed: 2, ipv4Count: 5000, ipv6Count: 1000 });
    const picks = samplePrefixes(big);
    expect(picks).toContain(0);
    expect(picks).toContain(4999);
    expect(picks).toContain(5000);
    expect(picks).toContain(5999);
    const sets = picks.map((i) => big.setOf(i));
    expect(sets.some((s) => big.sets.med(s) !== undefined && s < big.ipv4SetCount)).toBe(true);
    expect(sets.some((s) => big.sets.largeCommunities(s).length > 0 && s >= big.ipv4SetCount)).toBe(true);
    expect(picks.length).toBeLessThanOrEqual(14);
  });
});

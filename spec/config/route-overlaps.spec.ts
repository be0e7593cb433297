/**
 * A prefix announced both by a neighbor's "routes" and by one of its "routeSets" runs, or by two
 * runs, is refused at load with both places named, in the lines `rxbgp validate` prints.
 */
import { isLeft } from 'fp-ts/Either';
import { decodeConfig, formatErrors } from '../../lib/config';

function errorLines(neighbor: Record<string, unknown>): string[] {
  const r = decodeConfig({
    localAs: 65001,
    routerId: '192.0.2.1',
    neighbors: [{ peerAddress: '127.0.0.2', peerAs: 65002, localAddress: '127.0.0.1', families: ['ipv4 unicast', 'ipv6 unicast'], ...neighbor }],
  });
  return isLeft(r) ? formatErrors(r.left, 'c.json').split('\n') : [];
}

describe('routes announced twice by one neighbor', () => {
  it('refuses a prefix of "routes" that a route set also holds, naming both places', () => {
    expect(
      errorLines({
        routes: [{ prefix: '172.16.2.0/23' }, { prefix: '172.16.3.0/24', med: 7 }, { prefix: '172.16.0.0/16' }, { prefix: '172.17.0.0/24' }],
        routeSets: [{ prefixes: { from: '172.16.0.0/24', count: 256 } }],
      }),
    ).toEqual(['c.json: neighbors[0].routes[1].prefix: 172.16.3.0/24 is also in neighbors[0].routeSets[0] (from 172.16.0.0/24, count 256)']);
  });

  it('leaves out routes of another family written with their keys beside the prefix (an L3VPN or labeled route)', () => {
    expect(
      errorLines({
        families: ['ipv4 unicast', 'ipv4 mpls-vpn', 'ipv4 nlri-mpls'],
        routes: [{ prefix: '172.16.3.0/24', rd: '65000:1', labels: [100], nextHop: '192.0.2.9' }, { prefix: '172.16.4.0/24', labels: [7], nextHop: '192.0.2.9' }],
        routeSets: [{ prefixes: { from: '172.16.0.0/24', count: 256 } }],
      }),
    ).toEqual([]);
  });

  it('compares by prefix index, at both ends of a run and for IPv6', () => {
    const sets = [
      { prefixes: { from: '10.0.0.0/24', count: 3 } },
      { prefixes: { from: '2001:db8::/48', count: 65536 }, nextHop: '2001:db8::1' },
      { prefixes: { from: '255.255.255.254/32', count: 2 } },
    ];
    expect(
      errorLines({
        routes: [
          { prefix: '9.255.255.0/24' },
          { prefix: '10.0.0.0/24' },
          { prefix: '10.0.2.0/24' },
          { prefix: '10.0.3.0/24' },
          { prefix: '2001:db9::/48', nextHop: '2001:db8::1' },
          { prefix: '2001:db8:ffff::/48', nextHop: '2001:db8::1' },
          { prefix: '255.255.255.255/32' },
        ],
        routeSets: sets,
      }),
    ).toEqual([
      'c.json: neighbors[0].routes[1].prefix: 10.0.0.0/24 is also in neighbors[0].routeSets[0] (from 10.0.0.0/24, count 3)',
      'c.json: neighbors[0].routes[2].prefix: 10.0.2.0/24 is also in neighbors[0].routeSets[0] (from 10.0.0.0/24, count 3)',
      'c.json: neighbors[0].routes[5].prefix: 2001:db8:ffff::/48 is also in neighbors[0].routeSets[1] (from 2001:db8::/48, count 65536)',
      'c.json: neighbors[0].routes[6].prefix: 255.255.255.255/32 is also in neighbors[0].routeSets[2] (from 255.255.255.254/32, count 2)',
    ]);
  });

  it('refuses two runs that share prefixes, at the run written later, whichever starts first', () => {
    expect(
      errorLines({
        routeSets: [
          { prefixes: { from: '10.0.128.0/24', count: 256 } },
          { prefixes: { from: '10.0.0.0/24', count: 129 } },
          { prefixes: { from: '10.1.128.0/24', count: 10 } },
          { prefixes: { from: '10.0.0.0/16', count: 2 } },
        ],
      }),
    ).toEqual(['c.json: neighbors[0].routeSets[1].prefixes: 1 prefix from 10.0.128.0/24 is also in neighbors[0].routeSets[0] (from 10.0.128.0/24, count 256)']);
    expect(
      errorLines({
        routeSets: [
          { prefixes: { from: '10.0.0.0/24', count: 256 } },
          { prefixes: { from: '10.0.16.0/24', count: 16 } },
        ],
      }),
    ).toEqual(['c.json: neighbors[0].routeSets[1].prefixes: 16 prefixes from 10.0.16.0/24 are also in neighbors[0].routeSets[0] (from 10.0.0.0/24, count 256)']);
  });

  it('a route with its own ADD-PATH path identifier is another path, not a duplicate', () => {
    expect(errorLines({ routes: [{ prefix: '10.0.1.0/24', pathId: 2 }], routeSets: [{ prefixes: { from: '10.0.0.0/24', count: 4 } }] })).toEqual([]);
    expect(errorLines({ routes: [{ prefix: '10.0.1.0/24', pathId: 0 }], routeSets: [{ prefixes: { from: '10.0.0.0/24', count: 4 } }] })).toHaveLength(1);
  });

  it('finds the one duplicate among large runs and many routes without expanding them', () => {
    const routes = Array.from({ length: 2000 }, (_, i) => ({ prefix: `11.${i >> 8}.${i & 255}.0/24` }));
    routes.push({ prefix: '20.15.66.0/24' });
    const routeSets = [
      { prefixes: { from: '20.0.0.0/24', count: 1_000_000 } },
      { prefixes: { from: '2001:db8::/64', count: 10_000_000 }, nextHop: '2001:db8::1' },
    ];
    expect(errorLines({ routes, routeSets })).toEqual([
      'c.json: neighbors[0].routes[2000].prefix: 20.15.66.0/24 is also in neighbors[0].routeSets[0] (from 20.0.0.0/24, count 1000000)',
    ]);
  });
});

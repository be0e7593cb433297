/**
 * A neighbor's labeled unicast and L3VPN routes in the JSON config: ExaBGP's keywords in camelCase
 * beside "prefix" (`"rd"`, `"labels"`), the family chosen as ExaBGP's `route` does (an rd: mpls-vpn,
 * labels alone: nlri-mpls) through FamilyDescriptor.routeQualifiers, every error at its path.
 */
import { isLeft } from 'fp-ts/Either';
import { decodeConfig, formatErrors, type Config } from '../../lib/config';

function config(routes: unknown[], families?: string[]): unknown {
  return {
    localAs: 65001,
    routerId: '192.0.2.1',
    neighbors: [{ peerAddress: '127.0.0.2', peerAs: 65002, localAddress: '127.0.0.1', routes, ...(families ? { families } : {}) }],
  };
}

function decoded(json: unknown): Config {
  const r = decodeConfig(json);
  if (isLeft(r)) throw new Error(formatErrors(r.left));
  return r.right;
}

function errorLines(json: unknown): string[] {
  const r = decodeConfig(json);
  return isLeft(r) ? formatErrors(r.left, 'c.json').split('\n') : [];
}

describe('labeled and VPN routes in the config', () => {
  it('reads an L3VPN route, a labeled route, and negotiates their families by default', () => {
    const c = decoded(
      config([
        { prefix: '10.0.0.0/25', rd: '65000:1', labels: [1000], nextHop: '200.10.0.101', extendedCommunities: ['target:65000:1'] },
        { prefix: '2001:db8::/32', labels: [16, 17], nextHop: '2001:db8::1' },
        { prefix: '192.0.2.0/24' },
      ]),
    );
    const n = c.neighbors[0];
    expect(n.routes.map((r) => [r.afi, r.safi, r.prefix, r.nextHop])).toEqual([
      [1, 128, '10.0.0.0/25 label 1000 rd 65000:1', '200.10.0.101'],
      [2, 4, '2001:db8::/32 label [ 16 17 ]', '2001:db8::1'],
      [1, 1, '192.0.2.0/24', 'self'],
    ]);
    expect(n.families).toEqual([{ afi: 1, safi: 1 }, { afi: 1, safi: 128 }, { afi: 2, safi: 4 }]);
  });

  it('takes one label as a number and an RD of each type', () => {
    const n = decoded(config([{ prefix: '10.0.0.0/24', rd: '192.0.2.1:7', labels: 5, nextHop: '192.0.2.1' }, { prefix: '10.0.0.0/24', rd: '4200000000:7', labels: [5], nextHop: '192.0.2.1' }])).neighbors[0];
    expect(n.routes.map((r) => r.prefix)).toEqual(['10.0.0.0/24 label 5 rd 192.0.2.1:7', '10.0.0.0/24 label 5 rd 4200000000:7']);
  });

  it.each([
    ['an RD without labels', [{ prefix: '10.0.0.0/24', rd: '65000:1', nextHop: '192.0.2.1' }], 'c.json: neighbors[0].routes[0].rd: an ipv4 mpls-vpn route needs a label (RFC 8277 §2)'],
    ['a label out of range', [{ prefix: '10.0.0.0/24', labels: [1048576], nextHop: '192.0.2.1' }], 'c.json: neighbors[0].routes[0].labels: label "1048576" is not an MPLS label (0..1048575)'],
    ['a bad RD', [{ prefix: '10.0.0.0/24', rd: 'x', labels: [1], nextHop: '192.0.2.1' }], 'c.json: neighbors[0].routes[0].rd: expected a route distinguisher ADMIN:NUMBER (65000:7, 192.0.2.1:7 or 4200000000:7)'],
    ['labels that are not values', [{ prefix: '10.0.0.0/24', labels: { a: 1 }, nextHop: '192.0.2.1' }], 'c.json: neighbors[0].routes[0].labels: expected a value or a list of values, got an object'],
  ])('%s is an error at its path', (_name, routes, line) => {
    expect(errorLines(config(routes))).toEqual([line]);
  });

  it('refuses a VPN route for a neighbor whose families leave it out', () => {
    expect(errorLines(config([{ prefix: '10.0.0.0/24', rd: '1:1', labels: [1], nextHop: '192.0.2.1' }], ['ipv4 unicast']))).toEqual([
      'c.json: neighbors[0].routes[0].prefix: 10.0.0.0/24 is an ipv4 mpls-vpn route, but this neighbor\'s families do not include "ipv4 mpls-vpn"',
    ]);
  });
});

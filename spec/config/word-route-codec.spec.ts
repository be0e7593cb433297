/**
 * A neighbor's routes of families without prefixes in the JSON config: "vpls" and "rtc" lists (named
 * after the process-API word), each item the family's keys (camelCase after the command's words)
 * beside a route's attribute keys; multicast routes in "routes" as ExaBGP's `route` makes them
 * (an IPv4 prefix in 224.0.0.0/4). Families negotiated by default, every error at its path.
 */
import { isLeft } from 'fp-ts/Either';
import { decodeConfig, formatErrors, type Config } from '../../lib/config';

function config(neighbor: Record<string, unknown>): unknown {
  return { localAs: 65001, routerId: '192.0.2.1', neighbors: [{ peerAddress: '127.0.0.2', peerAs: 65002, localAddress: '127.0.0.1', ...neighbor }] };
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

const VPLS = { rd: '192.168.201.1:123', endpoint: 5, base: 10702, offset: 1, size: 8, nextHop: '192.168.201.1', localPref: 100, extendedCommunities: ['target:54591:6'] };
const RTC = { originAs: 65000, routeTarget: 'target:65000:100', nextHop: '192.0.2.1' };

describe('VPLS, RTC and multicast routes in the config', () => {
  it('reads them and negotiates their families by default', () => {
    const n = decoded(config({ vpls: [VPLS], rtc: [RTC, { prefixLength: 0 }], routes: [{ prefix: '232.1.1.0/24', nextHop: '198.51.100.1' }] })).neighbors[0];
    expect(n.families).toEqual([
      { afi: 1, safi: 1 },
      { afi: 1, safi: 2 },
      { afi: 25, safi: 65 },
      { afi: 1, safi: 132 },
    ]);
    expect(n.routes.map((r) => [r.afi, r.safi, r.prefix, r.nextHop])).toEqual([
      [1, 2, '232.1.1.0/24', '198.51.100.1'],
      [25, 65, 'rd 192.168.201.1:123 endpoint 5 base 10702 offset 1 size 8', '192.168.201.1'],
      [1, 132, 'origin-as 65000 route-target target:65000:100', '192.0.2.1'],
      [1, 132, 'prefix-length 0', 'self'],
    ]);
    expect(n.routes[1].attributes).toEqual({ origin: 0, asPath: [], localPref: 100, extendedCommunities: [BigInt('0x0002d53f00000006')] });
  });

  it('reports each error at its path', () => {
    expect(
      errorLines(
        config({
          vpls: [{ ...VPLS, endpoint: 70000 }, { ...VPLS, colour: 1 }, { ...VPLS, localPref: -1 }, VPLS, VPLS],
          rtc: [{ ...RTC, prefixLength: 20 }, { originAs: 1 }, { ...RTC, nextHop: 'banana' }],
        }),
      ),
    ).toEqual([
      'c.json: neighbors[0].vpls[0].endpoint: endpoint must be a number 0..65535, not "70000"',
      'c.json: neighbors[0].vpls[1].colour: unknown key "colour" (expected rd, endpoint, base, offset, size)',
      expect.stringMatching(/^c\.json: neighbors\[0\]\.vpls\[2\]\.localPref: /),
      'c.json: neighbors[0].rtc[0].prefixLength: prefix-length must be 0 or 32..96 (RFC 4684 §4), not "20"',
      'c.json: neighbors[0].rtc[1]: an rtc route needs route-target (or prefix-length 0 for the default route, prefix-length 32 for an origin AS alone)',
      expect.stringMatching(/^c\.json: neighbors\[0\]\.rtc\[2\]\.nextHop: /),
    ]);
    expect(errorLines(config({ vpls: [VPLS, VPLS] }))).toEqual(['c.json: neighbors[0].vpls[1]: duplicate route: vpls[0] is the same l2vpn vpls route (rd 192.168.201.1:123 endpoint 5 base 10702 offset 1 size 8)']);
  });

  it('refuses routes of a family the neighbor does not negotiate', () => {
    expect(errorLines(config({ families: ['ipv4 unicast'], rtc: [RTC], routes: [{ prefix: '232.1.1.0/24', nextHop: '198.51.100.1' }] }))).toEqual([
      'c.json: neighbors[0].routes[0].prefix: 232.1.1.0/24 is an ipv4 multicast route, but this neighbor\'s families do not include "ipv4 multicast"',
      'c.json: neighbors[0].rtc[0]: origin-as 65000 route-target target:65000:100 is an ipv4 rtc route, but this neighbor\'s families do not include "ipv4 rtc"',
    ]);
  });
});

/**
 * The text, API, config and policy forms of an EVPN route: the route type words and their fields in
 * any order (aliases included) read to one canonical text, every error names its word and column, the
 * API reads route attributes after the route's words, the config's "evpn" list (camelCase keys after
 * ExaBGP's JSON keywords, route attributes beside them) reports errors at their path, and policies
 * see the route's fields.
 */
import { isLeft } from 'fp-ts/Either';
import { parseCommand } from '../../../lib/api/commands';
import { decodeConfig } from '../../../lib/config';
import { grammarRouteCodec } from '../../../lib/config/grammar-route-codec';
import { evpnFamily, type EvpnRoute } from '../../../lib/families';

const value = (text: string): EvpnRoute => {
  const parsed = evpnFamily.parseText(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

const canonical = (text: string): string => evpnFamily.formatText(value(text));

describe('EVPN route text', () => {
  it.each([
    ['mac-ip mac 00:11:22:33:44:55 rd 65000:1 label [ 100 ]', 'mac-ip rd 65000:1 esi - ethernet-tag 0 mac 00:11:22:33:44:55 label 100'],
    ['macadv rd 65000:1 etag 5 esi 00:00:00:00:00:00:00:00:00:00 mac aa:bb:cc:dd:ee:ff ip 2001:DB8:0::1 vni 10', 'mac-ip rd 65000:1 esi - ethernet-tag 5 mac AA:BB:CC:DD:EE:FF ip 2001:db8::1 label 0 (10)'],
    ['a-d rd 192.0.2.1:7 esi 0x0102030405060708090a ethernet-tag 4294967295', 'ethernet-ad rd 192.0.2.1:7 esi 01:02:03:04:05:06:07:08:09:0a ethernet-tag 4294967295'],
    ['multicast ip 192.0.2.1 rd 65000:1', 'multicast rd 65000:1 ethernet-tag 0 ip 192.0.2.1'],
    ['esi rd 65000:1 esi single-homed ip 2001:db8::1', 'ethernet-segment rd 65000:1 esi - ip 2001:db8::1'],
    ['prefix rd 65000:1 prefix 2001:db8::/32 label 16', 'ip-prefix rd 65000:1 esi - ethernet-tag 0 prefix 2001:db8::/32 gateway :: label 16'],
    ['prfxadv rd 65000:1 prefix 10.0.0.0/8 gateway 192.0.2.9 vni 5000', 'ip-prefix rd 65000:1 esi - ethernet-tag 0 prefix 10.0.0.0/8 gateway 192.0.2.9 label 312 (5000)'],
    ['generic code 250 raw 0xabcd', 'generic code 250 raw 0xABCD'],
  ])('reads "%s"', (text, expected) => {
    expect(canonical(text)).toBe(expected);
    expect(canonical(expected)).toBe(expected);
  });

  it.each([
    ['', 'expected an EVPN route type (ethernet-ad, mac-ip, multicast, ethernet-segment, ip-prefix) (at the end of the line)'],
    ['mac-adv rd 65000:1', 'unknown EVPN route type, expected ethernet-ad, mac-ip, multicast, ethernet-segment, ip-prefix or generic (column 1, "mac-adv")'],
    ['mac-ip mac 00:11:22:33:44:55', 'an EVPN mac-ip route needs rd <route distinguisher> (RFC 7432 §7) (at the end of the line)'],
    ['mac-ip rd 65000:1', 'a mac-ip route needs mac <6 colon-separated hex octets> (at the end of the line)'],
    ['mac-ip rd 65000:1 mac 00:11:22:33:44', 'a mac-ip route needs mac <6 colon-separated hex octets> (column 23, "00:11:22:33:44")'],
    ['mac-ip rd 65000:1 mac 00:11:22:33:44:55 label [ 1 2 3 ]', 'a MAC/IP Advertisement route has one or two labels (RFC 7432 §7.2) (column 41, "label")'],
    ['mac-ip rd 65000:1 mac 00:11:22:33:44:55 label 1048576', 'label "1048576" is not an MPLS label (0..1048575) (column 41, "label")'],
    ['mac-ip rd 65000:1 mac 00:11:22:33:44:55 label 1 vni 2', 'give label or vni, not both (column 49, "vni")'],
    ['mac-ip rd 65000:1 rd 65000:2', 'rd given twice (column 19, "rd")'],
    ['multicast rd 65000:1 esi -', 'a multicast route has no esi (it takes rd, ethernet-tag, ip) (column 22, "esi")'],
    ['multicast rd 65000:1 ip 192.0.2.1 next-hop 1.2.3.4', 'unexpected "next-hop" (column 35) in an EVPN route'],
    ['multicast rd 65000:1', "a multicast route needs ip <originating router's address> (RFC 7432 §7.3) (at the end of the line)"],
    ['ethernet-segment rd 65000:1 esi 00:11 ip 192.0.2.1', 'expected an ESI: - (zero) or 10 colon-separated hex octets (column 33, "00:11")'],
    ['ip-prefix rd 65000:1 prefix 10.0.0.0/33', 'prefix length 33 is too long for an IPv4 prefix (column 29, "10.0.0.0/33")'],
    ['ip-prefix rd 65000:1 prefix 10.0.0.0/8 gateway ::1', "the gateway must be of the prefix's address family (RFC 9136 §3.1) (column 48, \"::1\")"],
    ['ip-prefix rd 65000:1 prefix 10.0.0.0/8 label [ 1 2 ]', 'an IP Prefix route has one label (column 40, "label")'],
    ['ethernet-ad rd 1:2:3', 'the ADMIN of a route distinguisher must be an AS number (0..4294967295) or an IPv4 address (column 16, "1:2:3")'],
    ['ethernet-ad rd 65000:1 ethernet-tag 4294967296', 'expected an Ethernet Tag ID 0..4294967295 (column 37, "4294967296")'],
    ['generic code 2 raw 0x00', 'route type 2 is written with its own words (mac-ip) (column 14, "2")'],
    ['generic code 9 raw 0x0', 'generic needs raw 0x<route type specific octets in hex> (column 20, "0x0")'],
  ])('refuses "%s"', (text, error) => {
    expect(evpnFamily.parseText(text)).toEqual({ ok: false, error });
  });

  it('names a route by its BGP route key (RFC 7432 §7.1, §7.2, RFC 9136 §3.1): labels, ESI and gateway aside', () => {
    const key = (text: string): string => evpnFamily.routeKey!({ prefix: text });
    expect(key('mac-ip rd 65000:1 mac 00:11:22:33:44:55 label 100')).toBe(key('mac-ip rd 65000:1 esi 01:01:01:01:01:01:01:01:01:01 mac 00:11:22:33:44:55 label 200'));
    expect(key('mac-ip rd 65000:1 mac 00:11:22:33:44:55 label 100')).not.toBe(key('mac-ip rd 65000:1 mac 00:11:22:33:44:55 ip 10.0.0.1 label 100'));
    expect(key('ip-prefix rd 65000:1 prefix 10.0.0.0/8 gateway 192.0.2.1 label 1')).toBe(key('ip-prefix rd 65000:1 esi 01:01:01:01:01:01:01:01:01:01 prefix 10.0.0.0/8 label 2'));
    expect(key('ethernet-ad rd 65000:1 esi - label 1')).toBe(key('ethernet-ad rd 65000:1 esi - label 2'));
    expect(key('ethernet-ad rd 65000:1 esi - label 1')).not.toBe(key('ethernet-ad rd 65000:1 esi 01:01:01:01:01:01:01:01:01:01 label 1'));
    expect(evpnFamily.receivedKey!(value('multicast rd 65000:1 ip 192.0.2.1'))).toBe('multicast rd 65000:1 ethernet-tag 0 ip 192.0.2.1');
  });

  it('shows policies the route type and its fields', () => {
    expect(evpnFamily.policyView(value('mac-ip rd 65000:1 esi 01:02:03:04:05:06:07:08:09:0a ethernet-tag 7 mac 00:11:22:33:44:55 ip 10.0.0.1 label [ 100 200 ]'))).toEqual({
      kind: 'evpn',
      routeType: 2,
      routeTypeName: 'mac-ip',
      name: 'MAC/IP advertisement',
      rd: '65000:1',
      esi: '01:02:03:04:05:06:07:08:09:0a',
      ethernetTag: 7,
      mac: '00:11:22:33:44:55',
      ip: '10.0.0.1',
      labels: [100, 200],
      labelFields: [1600, 3201],
    });
    expect(evpnFamily.policyView(value('ip-prefix rd 65000:1 prefix 10.0.0.0/8 vni 10'))).toEqual({
      kind: 'evpn',
      routeType: 5,
      routeTypeName: 'ip-prefix',
      name: 'IP Prefix Advertisement',
      rd: '65000:1',
      esi: '-',
      ethernetTag: 0,
      prefix: '10.0.0.0/8',
      gateway: '0.0.0.0',
      labels: [0],
      labelFields: [10],
    });
    expect(evpnFamily.policyView(value('generic code 9 raw 0x01'))).toEqual({ kind: 'evpn', routeType: 9, routeTypeName: 'generic', raw: '01' });
  });
});

describe('EVPN in the process API', () => {
  it('reads `announce evpn route ...` with the route attributes after its words', () => {
    const parsed = parseCommand('announce evpn route mac-ip rd 65000:1 mac 00:11:22:33:44:55 ip 10.0.0.1 label 100 next-hop 198.51.100.1 extended-community [ target:65000:1 mac-mobility:3 encap:VXLAN ] local-preference 200');
    expect(parsed).toMatchObject({
      ok: true,
      command: {
        kind: 'announce-route',
        routes: [
          {
            afi: 25,
            safi: 70,
            prefix: 'mac-ip rd 65000:1 esi - ethernet-tag 0 mac 00:11:22:33:44:55 ip 10.0.0.1 label 100',
            nextHop: '198.51.100.1',
            attributes: { origin: 0, asPath: [], localPref: 200, extendedCommunities: [0x0002fde800000001n, 0x0600000000000003n, 0x030c000000000008n] },
          },
        ],
      },
    });
  });

  it('reads `announce l2vpn evpn ...` and neighbor selectors, and a withdrawal without next hop or labels', () => {
    expect(parseCommand('neighbor 127.0.0.2 announce l2vpn evpn multicast rd 65000:1 ip 192.0.2.1 next-hop self')).toMatchObject({
      ok: true,
      command: { kind: 'announce-route', selectors: [{ address: '127.0.0.2' }], routes: [{ afi: 25, safi: 70, prefix: 'multicast rd 65000:1 ethernet-tag 0 ip 192.0.2.1', nextHop: 'self' }] },
    });
    expect(parseCommand('withdraw evpn route mac-ip rd 65000:1 mac 00:11:22:33:44:55')).toMatchObject({
      ok: true,
      command: { kind: 'withdraw-route', routes: [{ afi: 25, safi: 70, prefix: 'mac-ip rd 65000:1 esi - ethernet-tag 0 mac 00:11:22:33:44:55', attributes: {} }] },
    });
  });

  it.each([
    ['announce evpn route mac-ip rd 65000:1 mac 00:11:22:33:44:55', 'an announced l2vpn evpn route needs next-hop <address|self>'],
    ['announce evpn route mac-ip rd 65000:1 mac 00:11:22:33:44:55 next-hop 198.51.100.1 colour 1', 'unknown l2vpn evpn route word or attribute'],
    ['announce evpn route mac-ip rd 65000:1 mac 00:11:22:33:44:5 next-hop 198.51.100.1', 'a mac-ip route needs mac <6 colon-separated hex octets> (column 43, "00:11:22:33:44:5")'],
    ['announce evpn route multicast rd 65000:1 ip 192.0.2.1 next-hop 198.51.100.1 extended-community encap:FOO', 'expected encap:TYPE'],
    ['announce evpn mac-ip rd 65000:1', 'expected "announce evpn route ..."'],
  ])('refuses "%s"', (line, error) => {
    const parsed = parseCommand(line);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(error);
  });
});

describe('EVPN in the JSON config', () => {
  const config = (evpn: unknown[], extra: Record<string, unknown> = {}) => ({
    localAs: 65000,
    routerId: '192.0.2.1',
    neighbors: [{ peerAddress: '127.0.0.2', peerAs: 65000, evpn, ...extra }],
  });
  const errorsOf = (json: unknown): string[] => {
    const decoded = decodeConfig(json);
    return isLeft(decoded) ? decoded.left.map((e) => `${e.path}: ${e.message}`) : [];
  };

  it('turns each item into a route of l2vpn evpn, with its attributes, and adds the family', () => {
    const decoded = decodeConfig(
      config([
        { routeType: 'mac-ip', rd: '65000:1', esi: '-', ethernetTag: 0, mac: '00:11:22:33:44:55', ip: '10.0.0.1', labels: [100, 200], nextHop: '198.51.100.1', extendedCommunities: ['target:65000:1', 'encap:VXLAN'], localPref: 200 },
        { routeType: 'ip-prefix', rd: '65000:1', prefix: '10.1.0.0/16', vni: 5000, nextHop: 'self' },
      ]),
    );
    if (isLeft(decoded)) throw new Error(JSON.stringify(decoded.left));
    const n = decoded.right.neighbors[0];
    expect(n.families).toEqual([{ afi: 1, safi: 1 }, { afi: 25, safi: 70 }]);
    expect(n.routes).toEqual([
      {
        afi: 25,
        safi: 70,
        prefix: 'mac-ip rd 65000:1 esi - ethernet-tag 0 mac 00:11:22:33:44:55 ip 10.0.0.1 label [ 100 200 ]',
        nextHop: '198.51.100.1',
        attributes: { origin: 0, asPath: [], localPref: 200, extendedCommunities: [0x0002fde800000001n, 0x030c000000000008n] },
      },
      { afi: 25, safi: 70, prefix: 'ip-prefix rd 65000:1 esi - ethernet-tag 0 prefix 10.1.0.0/16 gateway 0.0.0.0 label 312 (5000)', nextHop: 'self', attributes: { origin: 0, asPath: [] } },
    ]);
  });

  it("writes a route with its attributes back to the item it was read from (the config codec's encode)", () => {
    const codec = grammarRouteCodec('evpn');
    const item = {
      routeType: 'mac-ip',
      rd: '65000:1',
      esi: '-',
      ethernetTag: 0,
      mac: '00:11:22:33:44:55',
      ip: '10.0.0.1',
      labels: [100],
      nextHop: '198.51.100.1',
      origin: 'egp',
      asPath: [65001, 65002],
      med: 5,
      localPref: 200,
      communities: ['65000:1'],
      largeCommunities: ['65000:1:2'],
      extendedCommunities: ['target:65000:1', 'encap:VXLAN'],
    };
    const decoded = codec.decode(item);
    if (isLeft(decoded)) throw new Error(JSON.stringify(decoded.left));
    expect(codec.encode(decoded.right)).toEqual(item);
  });

  it('reads back the config form it writes', () => {
    for (const text of ['mac-ip rd 65000:1 esi - ethernet-tag 3 mac 00:11:22:33:44:55 mac-length 40 ip 10.0.0.1 label [ 100 200 ]', 'ip-prefix rd 65000:1 esi - ethernet-tag 0 prefix 10.1.0.0/16 gateway 0.0.0.0 label 312 (5000)', 'generic code 9 raw 0x0102']) {
      const route = value(text);
      expect(evpnFamily.decodeConfig(evpnFamily.encodeConfig(route))).toEqual({ ok: true, value: route });
    }
  });

  it.each([
    [{ routeType: 'mac-ip', rd: '65000:1', mac: '00:11:22:33:44:5', nextHop: '198.51.100.1' }, 'neighbors[0].evpn[0].mac: a mac-ip route needs mac <6 colon-separated hex octets>'],
    [{ routeType: 'mac-ip', rd: '65000:1', mac: '00:11:22:33:44:55', labels: [1, 2, 3] }, 'neighbors[0].evpn[0].labels: a MAC/IP Advertisement route has one or two labels (RFC 7432 §7.2)'],
    [{ routeType: 'multicast', rd: '65000:1', ip: '192.0.2.1', nextHop: 'not-an-ip' }, 'neighbors[0].evpn[0].nextHop: expected "self" or an IP address'],
    [{ routeType: 'multicast', rd: 'x', ip: '192.0.2.1' }, 'neighbors[0].evpn[0].rd: expected a route distinguisher ADMIN:NUMBER (65000:7, 192.0.2.1:7 or 4200000000:7)'],
    [{ routeType: 'multicast', rd: '65000:1', ip: '192.0.2.1', colour: 3 }, 'neighbors[0].evpn[0].colour: unknown key'],
    [{ routeType: 'mac', rd: '65000:1' }, 'neighbors[0].evpn[0].routeType: unknown EVPN route type, expected ethernet-ad, mac-ip, multicast, ethernet-segment, ip-prefix or generic'],
    [{ rd: '65000:1' }, 'neighbors[0].evpn[0].routeType: expected a route type'],
    [{ routeType: 'multicast', rd: '65000:1', ip: '192.0.2.1', extendedCommunities: ['encap:FOO'] }, 'neighbors[0].evpn[0].extendedCommunities[0]: expected encap:TYPE'],
  ])('reports %j at its path', (item, error) => {
    const errors = errorsOf(config([item]));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toContain(error);
  });

  it('refuses an EVPN route for a neighbor whose families leave EVPN out, and the same route twice', () => {
    const route = { routeType: 'multicast', rd: '65000:1', ip: '192.0.2.1', nextHop: '198.51.100.1' };
    expect(errorsOf(config([route], { families: ['ipv4 unicast'] }))[0]).toContain('neighbors[0].evpn[0]: multicast rd 65000:1 ethernet-tag 0 ip 192.0.2.1 is an l2vpn evpn rule, but this neighbor\'s families do not include "l2vpn evpn"');
    expect(errorsOf(config([route, route]))[0]).toContain('neighbors[0].evpn[1]: duplicate rule');
  });
});

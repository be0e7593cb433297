/**
 * `rxbgp encode`'s core on hand-built commands, against hand-computed UPDATE bytes, and
 * back through rxbgp's own decoder.
 */
import type { Command, RouteSpec } from '../../../lib/api/commands/types';
import { encodeRouteCommand, type EncodeOptions } from '../../../lib/cli/commands/encode-updates';
import { decodeHexMessage } from '../../../lib/wire/message';
import type { UpdateMessage } from '../../../lib/wire/types';
import { hex, toHex } from '../../helpers/hex';

const ASN4: EncodeOptions = { asn4: true };
const v4 = (prefix: string, nextHop: string, attributes: RouteSpec['attributes'] = {}, pathId?: number): RouteSpec => ({
  afi: 1,
  safi: 1,
  prefix,
  nextHop,
  attributes,
  ...(pathId === undefined ? {} : { pathId }),
});
const announce = (...routes: RouteSpec[]): Command => ({ kind: 'announce-route', routes });
const withdraw = (...routes: RouteSpec[]): Command => ({ kind: 'withdraw-route', routes });
const encodeHex = async (command: Command, options = ASN4) => (await encodeRouteCommand(command, options)).map(toHex);
const SEQUENCE = 2;

describe('encodeRouteCommand', () => {
  it('encodes the given attributes and nothing more, 4-octet and 2-octet AS', async () => {
    const command = announce(v4('10.0.0.0/24', '192.0.2.1', { origin: 0, asPath: [{ type: SEQUENCE, asns: [65001] }], communities: [(65000 << 16) | 1] }));
    expect(await encodeHex(command)).toEqual([
      toHex(hex`
        ffffffffffffffffffffffffffffffff 0036 02  # header, length 54, UPDATE
        0000                                      # no withdrawn routes
        001b                                      # 27 octets of attributes
        40 01 01 00                               # ORIGIN IGP
        40 02 06 02 01 0000fde9                   # AS_PATH SEQUENCE [65001], 4-octet
        40 03 04 c0000201                         # NEXT_HOP 192.0.2.1
        c0 08 04 fde80001                         # COMMUNITIES 65000:1
        18 0a0000                                 # 10.0.0.0/24
      `),
    ]);
    expect(await encodeHex(command, { asn4: false })).toEqual([
      toHex(hex`
        ffffffffffffffffffffffffffffffff 0034 02 0000 0019
        40 01 01 00
        40 02 04 02 01 fde9                       # AS_PATH SEQUENCE [65001], 2-octet
        40 03 04 c0000201
        c0 08 04 fde80001
        18 0a0000
      `),
    ]);
  });

  it('packs routes sharing next hop and attributes into one message, first appearance first', async () => {
    const med = { med: 1 };
    const messages = await encodeHex(announce(v4('10.0.0.0/24', '192.0.2.1', med), v4('10.0.1.0/24', '192.0.2.2', med), v4('10.0.2.0/24', '192.0.2.1', med)));
    expect(messages).toEqual([
      toHex(hex`
        ffffffffffffffffffffffffffffffff 002d 02 0000 000e
        40 03 04 c0000201                         # NEXT_HOP 192.0.2.1
        80 04 04 00000001                         # MULTI_EXIT_DISC 1
        18 0a0000 18 0a0002                       # 10.0.0.0/24 10.0.2.0/24
      `),
      toHex(hex`
        ffffffffffffffffffffffffffffffff 0029 02 0000 000e
        40 03 04 c0000202                         # NEXT_HOP 192.0.2.2
        80 04 04 00000001
        18 0a0001                                 # 10.0.1.0/24
      `),
    ]);
  });

  it('puts IPv6 in MP_REACH_NLRI / MP_UNREACH_NLRI', async () => {
    const route: RouteSpec = { afi: 2, safi: 1, prefix: '2001:db8:1::/48', nextHop: '2001:db8::1', attributes: { origin: 0, asPath: [] } };
    expect(await encodeHex(announce(route))).toEqual([
      toHex(hex`
        ffffffffffffffffffffffffffffffff 003d 02 0000 0026
        40 01 01 00                               # ORIGIN IGP
        40 02 00                                  # AS_PATH empty
        80 0e 1c 0002 01                          # MP_REACH_NLRI, 28 octets, IPv6 unicast
        10 20010db8000000000000000000000001 00    # next hop 2001:db8::1, reserved
        30 20010db80001                           # 2001:db8:1::/48
      `),
    ]);
    expect(await encodeHex(withdraw({ ...route, prefix: '2001:db8::/32' }))).toEqual([
      toHex(hex`
        ffffffffffffffffffffffffffffffff 0022 02 0000 000b
        80 0f 08 0002 01 20 20010db8              # MP_UNREACH_NLRI IPv6 unicast 2001:db8::/32
      `),
    ]);
  });

  it('withdraws IPv4 routes in the Withdrawn Routes field whatever their next hop or attributes', async () => {
    expect(await encodeHex(withdraw(v4('10.0.0.0/24', '192.0.2.1', { med: 5 }), v4('10.1.0.0/16', 'self')))).toEqual([
      toHex(hex`
        ffffffffffffffffffffffffffffffff 001e 02
        0007 18 0a0000 10 0a01                    # withdrawn: 10.0.0.0/24 10.1.0.0/16
        0000                                      # no attributes
      `),
    ]);
  });

  it('resolves next-hop self to the given address, else 127.0.0.1 / ::1', async () => {
    const nh = async (command: Command, options: EncodeOptions) => (decodeHexMessage((await encodeHex(command, options))[0]) as UpdateMessage).announced[0].nextHop;
    expect(await nh(announce(v4('10.0.0.0/24', 'self')), ASN4)).toEqual(['127.0.0.1']);
    expect(await nh(announce(v4('10.0.0.0/24', 'self')), { asn4: true, nextHopSelf: '198.51.100.7' })).toEqual(['198.51.100.7']);
    expect(await nh(announce({ afi: 2, safi: 1, prefix: '2001:db8::/32', nextHop: 'self', attributes: {} }), ASN4)).toEqual(['::1']);
  });

  it('carries path identifiers (RFC 7911) when routes give them', async () => {
    expect(await encodeHex(announce(v4('10.0.0.0/24', '192.0.2.1', {}, 7)))).toEqual([
      toHex(hex`
        ffffffffffffffffffffffffffffffff 0026 02 0000 0007
        40 03 04 c0000201
        00000007 18 0a0000                        # path id 7, 10.0.0.0/24
      `),
    ]);
  });

  it('with --local-as/--peer-as, completes attributes as the daemon does for that session', async () => {
    const attrs = async (options: EncodeOptions, given: RouteSpec['attributes'] = {}) =>
      (decodeHexMessage((await encodeHex(announce(v4('10.0.0.0/24', '192.0.2.1', given)), options))[0]) as UpdateMessage).attributes;
    // iBGP: ORIGIN IGP, empty AS_PATH, LOCAL_PREF 100.
    expect(await attrs({ asn4: true, localAs: 65001 })).toEqual({ origin: 0, asPath: [], nextHop: '192.0.2.1', localPref: 100 });
    // eBGP: our AS as the path, no LOCAL_PREF even when given.
    expect(await attrs({ asn4: true, localAs: 65001, peerAs: 65002 }, { localPref: 300 })).toEqual({
      origin: 0,
      asPath: [{ type: SEQUENCE, asns: [65001] }],
      nextHop: '192.0.2.1',
    });
    // eBGP: our AS goes in front of a given AS_PATH (RFC 4271 §5.1.2), as the daemon sends it.
    expect(await attrs({ asn4: true, localAs: 65001, peerAs: 65002 }, { origin: 2, asPath: [{ type: SEQUENCE, asns: [64512] }] })).toMatchObject({
      origin: 2,
      asPath: [{ type: SEQUENCE, asns: [65001, 64512] }],
    });
  });

  it('eBGP, byte for byte: AS_PATH 65001 64512, no LOCAL_PREF', async () => {
    const route = v4('10.0.0.0/24', '192.0.2.1', { origin: 0, asPath: [{ type: SEQUENCE, asns: [64512] }], localPref: 300, med: 5 });
    expect(await encodeHex(announce(route), { asn4: true, localAs: 65001, peerAs: 65002 })).toEqual([
      toHex(hex`
        ffffffffffffffffffffffffffffffff 003a 02  # header, length 58, UPDATE
        0000                                      # no withdrawn routes
        001f                                      # 31 octets of attributes
        40 01 01 00                               # ORIGIN IGP
        40 02 0a 02 02 0000fde9 0000fc00          # AS_PATH SEQUENCE [65001 64512], 4-octet
        40 03 04 c0000201                         # NEXT_HOP 192.0.2.1
        80 04 04 00000005                         # MULTI_EXIT_DISC 5 (LOCAL_PREF dropped: eBGP)
        18 0a0000                                 # 10.0.0.0/24
      `),
    ]);
  });

  it('iBGP, byte for byte: AS_PATH as given, LOCAL_PREF 100 added', async () => {
    const route = v4('10.0.0.0/24', '192.0.2.1', { origin: 0, asPath: [{ type: SEQUENCE, asns: [64512] }] });
    expect(await encodeHex(announce(route), { asn4: true, localAs: 65001, peerAs: 65001 })).toEqual([
      toHex(hex`
        ffffffffffffffffffffffffffffffff 0036 02  # header, length 54, UPDATE
        0000                                      # no withdrawn routes
        001b                                      # 27 octets of attributes
        40 01 01 00                               # ORIGIN IGP
        40 02 06 02 01 0000fc00                   # AS_PATH SEQUENCE [64512]: no prepend to an internal peer
        40 03 04 c0000201                         # NEXT_HOP 192.0.2.1
        40 05 04 00000064                         # LOCAL_PREF 100 (RFC 4271 §5.1.5)
        18 0a0000                                 # 10.0.0.0/24
      `),
    ]);
  });

  it('with --local-as, next-hop self of an IPv6 route over an IPv4 --next-hop-self is its IPv4-mapped form, as the daemon sends', async () => {
    const route: RouteSpec = { afi: 2, safi: 1, prefix: '2001:db8::/32', nextHop: 'self', attributes: {} };
    const u = decodeHexMessage((await encodeHex(announce(route), { asn4: true, localAs: 65001, peerAs: 65002, nextHopSelf: '198.51.100.7' }))[0]) as UpdateMessage;
    expect(u.announced[0].nextHop).toEqual(['::ffff:198.51.100.7']);
    await expect(encodeRouteCommand(announce(v4('10.0.0.0/24', 'self')), { asn4: true, localAs: 65001, nextHopSelf: '2001:db8::1' })).rejects.toThrow(
      'next-hop self of IPv4 route 10.0.0.0/24 needs an IPv4 --next-hop-self, got 2001:db8::1',
    );
  });

  it('splits a large bulk announcement into messages of at most 4096 octets that decode back to every prefix', async () => {
    const prefixes = Array.from({ length: 3000 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`);
    const messages = await encodeRouteCommand(announce(...prefixes.map((p) => v4(p, '192.0.2.1', { med: 9 }))), ASN4);
    expect(messages.length).toBeGreaterThan(1);
    expect(Math.max(...messages.map((m) => m.length))).toBeLessThanOrEqual(4096);
    const decoded = messages.map((m) => decodeHexMessage(toHex(m)) as UpdateMessage);
    expect(decoded.flatMap((u) => u.announced.flatMap((a) => a.prefixes))).toEqual(prefixes);
    expect(new Set(decoded.map((u) => u.attributes.med))).toEqual(new Set([9]));
  });

  it('refuses commands that are not route announcements or withdrawals', async () => {
    await expect(encodeRouteCommand({ kind: 'version' }, ASN4)).rejects.toThrow(/announce\/withdraw route/);
  });
});

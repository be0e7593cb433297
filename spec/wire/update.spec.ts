import { familyKey, type UpdateMessage } from '../../lib/wire/types';
import { BgpError } from '../../lib/wire/errors';
import { hex, toHex } from '../helpers/hex';
import { ASN2, ASN4, decodeBody, encodeBody, notificationOf } from './update-helpers';

/*
 * Fixtures checked against ExaBGP 4.2.21 (`exabgp --decode`), which reports the same routes
 * and attributes; the bodies below are the messages after their 19-octet header.
 */
describe('UPDATE (RFC 4271 §4.3)', () => {
  it('decodes and encodes IPv4 unicast with every attribute', () => {
    const body = hex`
      0000                            # Withdrawn Routes Length 0
      006b                            # Total Path Attribute Length 107
      40 01 01 00                     # ORIGIN IGP
      40 02 0e 02 03                  # AS_PATH, AS_SEQUENCE of 3
        0000fde8 00011170 00000001    #   65000 70000 1
      40 03 04 c0000201               # NEXT_HOP 192.0.2.1
      80 04 04 00000064               # MULTI_EXIT_DISC 100
      40 05 04 000000c8               # LOCAL_PREF 200
      40 06 00                        # ATOMIC_AGGREGATE
      c0 07 08 0000fde8 c0000202      # AGGREGATOR 65000 192.0.2.2
      c0 08 08 fde80001 ffffff01      # COMMUNITIES 65000:1 no-export
      80 09 04 0a000001               # ORIGINATOR_ID 10.0.0.1
      80 0a 04 0a000002               # CLUSTER_LIST 10.0.0.2
      c0 10 08 0002fde800000064       # EXTENDED_COMMUNITIES target:65000:100
      c0 20 0c 0000fde8 00000001 00000002  # LARGE_COMMUNITIES 65000:1:2
      18 0a0001                       # NLRI 10.0.1.0/24
      18 0a0002                       # NLRI 10.0.2.0/24
    `;
    const message: UpdateMessage = {
      type: 'update',
      withdrawn: [],
      attributes: {
        origin: 0,
        asPath: [{ type: 2, asns: [65000, 70000, 1] }],
        nextHop: '192.0.2.1',
        med: 100,
        localPref: 200,
        atomicAggregate: true,
        aggregator: { asn: 65000, address: '192.0.2.2' },
        communities: [65000 * 65536 + 1, 0xffffff01],
        originatorId: '10.0.0.1',
        clusterList: ['10.0.0.2'],
        extendedCommunities: [0x0002fde800000064n],
        largeCommunities: [[65000, 1, 2]],
      },
      announced: [{ afi: 1, safi: 1, prefixes: ['10.0.1.0/24', '10.0.2.0/24'], nextHop: ['192.0.2.1'] }],
    };
    expect(decodeBody(body)).toStrictEqual(message);
    expect(encodeBody(message)).toBe(toHex(body));
  });

  it('decodes IPv6 MP_REACH_NLRI with a link-local next hop, sent first as routers do', () => {
    const body = hex`
      0000 0048                                # no withdrawn routes, 72 octets of attributes
      80 0e 31 0002 01                         # MP_REACH_NLRI, length 49, IPv6 unicast
        20 20010db8000000000000000000000001    #   next hop length 32: 2001:db8::1
           fe800000000000000000000000000001    #   and fe80::1
        00                                     #   reserved
        20 20010db8                            #   2001:db8::/32
        30 20010db80001                        #   2001:db8:1::/48
      40 01 01 00                              # ORIGIN IGP
      40 02 06 02 01 0000fde8                  # AS_PATH 65000
      80 04 04 00000000                        # MULTI_EXIT_DISC 0
    `;
    const message: UpdateMessage = {
      type: 'update',
      withdrawn: [],
      attributes: { origin: 0, asPath: [{ type: 2, asns: [65000] }], med: 0 },
      announced: [{ afi: 2, safi: 1, prefixes: ['2001:db8::/32', '2001:db8:1::/48'], nextHop: ['2001:db8::1', 'fe80::1'] }],
    };
    expect(decodeBody(body)).toStrictEqual(message);
    // Re-encoded in ascending type order (RFC 4271 §5), MP_REACH_NLRI in its place:
    const canonical = Buffer.concat([body.subarray(0, 4), body.subarray(56), body.subarray(4, 56)]);
    expect(encodeBody(message)).toBe(toHex(canonical));
    expect(decodeBody(canonical)).toStrictEqual(message);
  });

  it('decodes and encodes MP_UNREACH_NLRI and classic withdrawals', () => {
    const body = hex`
      0003 10 0a01                    # Withdrawn Routes: 10.1.0.0/16
      0012                            # 18 octets of attributes
      80 0f 0f 0002 01                # MP_UNREACH_NLRI, length 15, IPv6 unicast
        20 20010db8                   #   2001:db8::/32
        30 20010db80001               #   2001:db8:1::/48
    `;
    const message: UpdateMessage = {
      type: 'update',
      withdrawn: [
        { afi: 1, safi: 1, prefixes: ['10.1.0.0/16'] },
        { afi: 2, safi: 1, prefixes: ['2001:db8::/32', '2001:db8:1::/48'] },
      ],
      attributes: {},
      announced: [],
    };
    expect(decodeBody(body)).toStrictEqual(message);
    expect(encodeBody(message)).toBe(toHex(body));
  });

  it('merges AS4_PATH and AS4_AGGREGATOR on a 2-octet session (RFC 6793 §4.2.3)', () => {
    const body = hex`
      0000 0039                       # no withdrawn routes, 57 octets of attributes
      40 01 01 02                     # ORIGIN INCOMPLETE
      40 02 0a 02 04                  # AS_PATH, AS_SEQUENCE of 4 2-octet ASes
        fde8 0064 5ba0 5ba0           #   65000 100 AS_TRANS AS_TRANS
      40 03 04 c0000201               # NEXT_HOP 192.0.2.1
      c0 07 06 5ba0 c0000202          # AGGREGATOR AS_TRANS 192.0.2.2
      c0 11 0a 02 02                  # AS4_PATH, AS_SEQUENCE of 2
        00011170 00011171             #   70000 70001
      c0 12 08 00011171 c0000202      # AS4_AGGREGATOR 70001 192.0.2.2
      08 0a                           # NLRI 10.0.0.0/8
    `;
    const message: UpdateMessage = {
      type: 'update',
      withdrawn: [],
      attributes: {
        origin: 2,
        asPath: [{ type: 2, asns: [65000, 100, 70000, 70001] }],
        nextHop: '192.0.2.1',
        aggregator: { asn: 70001, address: '192.0.2.2' },
        as4Path: [{ type: 2, asns: [70000, 70001] }],
        as4Aggregator: { asn: 70001, address: '192.0.2.2' },
      },
      announced: [{ afi: 1, safi: 1, prefixes: ['10.0.0.0/8'], nextHop: ['192.0.2.1'] }],
    };
    expect(decodeBody(body, ASN2)).toStrictEqual(message);
    // Sent again to a 2-octet peer, AS4_PATH is regenerated from the merged path (§4.2.2): the whole path.
    const again = decodeBody(hex(encodeBody(message, ASN2)), ASN2);
    expect(again.attributes.asPath).toEqual(message.attributes.asPath);
    expect(again.attributes.aggregator).toEqual(message.attributes.aggregator);
    expect(again.attributes.as4Path).toEqual([{ type: 2, asns: [65000, 100, 70000, 70001] }]);
  });

  it('keeps AS4_PATH unmerged on a 4-octet session (RFC 6793 §4.1)', () => {
    const body = hex`0000 001a  400101 00  400206 0201 00011170  c0110a 0202 00011170 00011171`;
    expect(decodeBody(body, ASN4).attributes).toEqual({
      origin: 0,
      asPath: [{ type: 2, asns: [70000] }],
      as4Path: [{ type: 2, asns: [70000, 70001] }],
    });
  });

  it('decodes and encodes ADD-PATH identifiers in the classic fields (RFC 7911)', () => {
    const ctx = { ...ASN4, addPath: new Set([familyKey(1, 1)]) };
    const body = hex`
      0008 00000005 18 0a0000         # Withdrawn Routes Length 8: path 5, 10.0.0.0/24
      0015                            # 21 octets of attributes
      40 01 01 00                     # ORIGIN IGP
      40 02 00                        # AS_PATH empty (iBGP)
      40 03 04 c0000201               # NEXT_HOP 192.0.2.1
      40 05 04 00000064               # LOCAL_PREF 100
      00000001 18 0a0001              # path 1, 10.0.1.0/24
      00000002 18 0a0001              # path 2, 10.0.1.0/24
    `;
    const message: UpdateMessage = {
      type: 'update',
      withdrawn: [{ afi: 1, safi: 1, prefixes: ['10.0.0.0/24'], pathIds: [5] }],
      attributes: { origin: 0, asPath: [], nextHop: '192.0.2.1', localPref: 100 },
      announced: [{ afi: 1, safi: 1, prefixes: ['10.0.1.0/24', '10.0.1.0/24'], pathIds: [1, 2], nextHop: ['192.0.2.1'] }],
    };
    expect(decodeBody(body, ctx)).toStrictEqual(message);
    expect(encodeBody(message, ctx)).toBe(toHex(body));
  });

  it('encodes IPv4 unicast in MP_REACH_NLRI when marked mp, with the next hop from the list', () => {
    const message: UpdateMessage = {
      type: 'update',
      withdrawn: [],
      attributes: { origin: 0, asPath: [] },
      announced: [{ afi: 1, safi: 1, mp: true, prefixes: ['10.0.1.0/24'], nextHop: ['192.0.2.1'] }],
    };
    const encoded = encodeBody(message);
    expect(encoded).toBe(toHex(hex`0000 0017  400101 00  400200  800e0d 0001 01 04 c0000201 00 18 0a0001`));
    expect(decodeBody(hex(encoded))).toStrictEqual(message);
  });

  it('refuses to encode two MP_REACH_NLRI families in one UPDATE', () => {
    const message: UpdateMessage = {
      type: 'update',
      withdrawn: [],
      attributes: { origin: 0, asPath: [] },
      announced: [
        { afi: 2, safi: 1, prefixes: ['2001:db8::/32'], nextHop: ['2001:db8::1'] },
        { afi: 1, safi: 1, mp: true, prefixes: ['10.0.0.0/8'], nextHop: ['192.0.2.1'] },
      ],
    };
    expect(() => encodeBody(message)).toThrow(/one MP_REACH_NLRI/);
  });
});

describe('UPDATE errors (RFC 4271 §6.3, RFC 7606)', () => {
  it.each([
    ['a body shorter than its two length fields', hex`000000`],
    ['a Withdrawn Routes Length past the message', hex`0005 0800 0000`],
    ['a Withdrawn Routes Length leaving no room for the attribute length', hex`0002 080a 00`],
    ['a Total Path Attribute Length past the message', hex`0000 0005 400101 00`],
  ])('resets with Malformed Attribute List on %s', (_why, body) => {
    expect(notificationOf(() => decodeBody(body))).toEqual({ code: 3, subcode: 1, data: '' });
  });

  it.each([
    ['an NLRI longer than 32 bits', hex`0000 0015 400101 00 400200 400304 c0000201 800404 00000000 21 0a000000 00`],
    ['an NLRI running past the message', hex`0000 0007 400101 00 400200 18 0a00`],
    ['a withdrawn prefix running past its field', hex`0002 18 0a 0000`],
  ])('resets with Invalid Network Field on %s (RFC 7606 §5.3)', (_why, body) => {
    expect(notificationOf(() => decodeBody(body))).toEqual({ code: 3, subcode: 10, data: '' });
  });

  it('resets with Unrecognized Well-known Attribute (RFC 4271 §6.3)', () => {
    expect(notificationOf(() => decodeBody(hex`0000 0003 401e00`))).toEqual({ code: 3, subcode: 2, data: '401e00' });
  });

  it.each([
    ['ORIGIN', hex`0000 000a  400200  400304 c0000201  08 0a`],
    ['AS_PATH', hex`0000 000b  400101 00  400304 c0000201  08 0a`],
    ['NEXT_HOP', hex`0000 0007  400101 00  400200  08 0a`],
  ])('treats as withdraw an UPDATE without %s, keeping its routes (RFC 7606 §3.d)', (_name, body) => {
    const message = decodeBody(body);
    expect(message.errorAction).toBe('treat-as-withdraw');
    expect(message.announced).toEqual([{ afi: 1, safi: 1, prefixes: ['10.0.0.0/8'], nextHop: expect.any(Array) }]);
  });

  it('treats as withdraw an MP_REACH_NLRI without AS_PATH, but asks no NEXT_HOP of it (RFC 4760 §3)', () => {
    const reach = '800e0d 0001 01 04 c0000201 00 18 0a0001';
    expect(decodeBody(hex`0000 0014 400101 00 ${reach}`).errorAction).toBe('treat-as-withdraw');
    expect(decodeBody(hex`0000 0017 400101 00 400200 ${reach}`).errorAction).toBeUndefined();
  });

  it('asks no attribute of an UPDATE that only withdraws', () => {
    expect(decodeBody(hex`0002 08 0a 0000`)).toStrictEqual({
      type: 'update',
      withdrawn: [{ afi: 1, safi: 1, prefixes: ['10.0.0.0/8'] }],
      attributes: {},
      announced: [],
    });
  });

  it('reports a treat-as-withdraw malformation with the dropped attribute', () => {
    const message = decodeBody(hex`0000 000e  400101 05  400200  400304 c0000201  08 0a`);
    expect(message).toMatchObject({ errorAction: 'treat-as-withdraw', discarded: [1] });
    expect(message.attributes).toEqual({ asPath: [], nextHop: '192.0.2.1' });
  });

  it('reports a discarded attribute and keeps the route', () => {
    const message = decodeBody(hex`0000 0012  400101 00  400200  400304 c0000201  400601 00  08 0a`);
    expect(message).toMatchObject({ errorAction: 'discard', discarded: [6] });
    expect(message.attributes).toEqual({ origin: 0, asPath: [], nextHop: '192.0.2.1' });
  });

  it('treats as withdraw an attribute overrunning the attribute field, still finding the NLRI', () => {
    const message = decodeBody(hex`0000 000e  400101 00  400200  400305 c0000201  08 0a`);
    expect(message.errorAction).toBe('treat-as-withdraw');
    expect(message.announced[0].prefixes).toEqual(['10.0.0.0/8']);
  });

  it('gives a message or a BgpError for every truncation of a valid UPDATE', () => {
    const body = hex(
      encodeBody({
        type: 'update',
        withdrawn: [{ afi: 2, safi: 1, prefixes: ['2001:db8::/32'] }],
        attributes: { origin: 0, asPath: [{ type: 2, asns: [1, 2] }], communities: [1], unknown: [{ flags: 0xc0, type: 99, value: hex`0102` }] },
        announced: [{ afi: 1, safi: 1, prefixes: ['10.0.0.0/8', '10.1.0.0/16'], nextHop: ['192.0.2.1'] }],
      }),
    );
    for (let length = 0; length <= body.length; length++) {
      try {
        expect(decodeBody(body.subarray(0, length)).type).toBe('update');
      } catch (error) {
        expect(error).toBeInstanceOf(BgpError);
      }
    }
  });
});

describe('RFC 8950 extended next hops', () => {
  const ipv6NextHopBody = hex`
    0000                                # no withdrawn routes
    0023                                # 35 octets of attributes
    40 01 01 00                         # ORIGIN IGP
    40 02 00                            # AS_PATH empty
    80 0e 19                            # MP_REACH_NLRI, 25 octets
    0001 01                             # AFI IPv4, SAFI unicast
    10 20010db8000000000000000000000001 # next hop length 16: 2001:db8::1
    00                                  # reserved
    18 0a0000                           # 10.0.0.0/24
  `;

  it('reads IPv4 NLRI with an IPv6 next hop from MP_REACH_NLRI, and writes it back there (no NEXT_HOP)', () => {
    const msg = decodeBody(ipv6NextHopBody);
    expect(msg.announced).toEqual([{ afi: 1, safi: 1, mp: true, prefixes: ['10.0.0.0/24'], nextHop: ['2001:db8::1'] }]);
    expect(encodeBody(msg)).toBe(toHex(ipv6NextHopBody));
  });

  it('puts an IPv4 route given an IPv6 next hop in MP_REACH_NLRI even without the mp mark (RFC 8950 §3)', () => {
    const msg: UpdateMessage = { type: 'update', withdrawn: [], attributes: { origin: 0, asPath: [] }, announced: [{ afi: 1, safi: 1, prefixes: ['10.0.0.0/24'], nextHop: ['2001:db8::1'] }] };
    expect(encodeBody(msg)).toBe(toHex(ipv6NextHopBody));
  });

  it('reads IPv6 NLRI with a 4-octet next hop as an IPv4 next hop, as ExaBGP does, instead of resetting', () => {
    const msg = decodeBody(hex`
      0000 0021  40 01 01 00  40 02 00
      80 0e 17 0002 01 04 c0000201 00  30 20010db80001  30 20010db80002   # IPv6 unicast, next hop 192.0.2.1
    `);
    expect(msg.announced).toEqual([{ afi: 2, safi: 1, prefixes: ['2001:db8:1::/48', '2001:db8:2::/48'], nextHop: ['192.0.2.1'] }]);
  });
});

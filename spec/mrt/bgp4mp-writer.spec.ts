import {
  Bgp4mpSubtype,
  bgp4mpMessageLength,
  bgp4mpPeering,
  bgp4mpSubtype,
  encodeBgp4mpMessage,
  writeBgp4mpMessage,
} from '../../lib/mrt/bgp4mp-writer';
import { FAMILY_CONTEXT } from '../../lib/families/family-context';
import { decodeMessage, encodeMessage } from '../../lib/wire/message';
import type { UpdateMessage } from '../../lib/wire/types';
import { Writer } from '../../lib/wire/writer';
import { MARKER, hex, toHex } from '../helpers/hex';

const KEEPALIVE = hex`${MARKER} 0013 04`;
// 2023-11-14 22:13:20.123 UTC
const TIME = 1_700_000_000_123;

describe('encodeBgp4mpMessage', () => {
  it('writes a BGP4MP_MESSAGE_AS4 record for an IPv4 peering (RFC 6396 §4.4.3)', () => {
    const record = encodeBgp4mpMessage({ time: TIME, peerAs: 65002, localAs: 4_200_000_001, peerAddress: '192.0.2.1', localAddress: '192.0.2.2', message: KEEPALIVE });
    expect(toHex(record)).toBe(
      toHex(hex`
        6553f100          # timestamp 1700000000 (seconds: the milliseconds are dropped)
        0010              # type BGP4MP (16)
        0004              # subtype BGP4MP_MESSAGE_AS4
        00000027          # length 39: what follows the common header
        0000fdea          # peer AS 65002
        fa56ea01          # local AS 4200000001
        0000              # interface index (unknown)
        0001              # address family IPv4
        c0000201          # peer IP 192.0.2.1
        c0000202          # local IP 192.0.2.2
        ${MARKER} 0013 04 # the KEEPALIVE, header included
      `),
    );
  });

  it('writes a BGP4MP_MESSAGE_AS4 record for an IPv6 peering, with 16-octet addresses', () => {
    const record = encodeBgp4mpMessage({ time: TIME, peerAs: 65002, localAs: 65001, peerAddress: '2001:db8::1', localAddress: '2001:DB8::2', message: KEEPALIVE });
    expect(toHex(record)).toBe(
      toHex(hex`
        6553f100 0010 0004
        0000003f                          # length 63
        0000fdea                          # peer AS 65002
        0000fde9                          # local AS 65001
        0000                              # interface index
        0002                              # address family IPv6
        20010db8000000000000000000000001  # peer IP 2001:db8::1
        20010db8000000000000000000000002  # local IP 2001:db8::2
        ${MARKER} 0013 04
      `),
    );
  });

  it('marks a message we sent with BGP4MP_MESSAGE_AS4_LOCAL, Peer and Local unswapped (RFC 6396 §4.4.6)', () => {
    const record = encodeBgp4mpMessage({ time: TIME, peerAs: 65002, localAs: 65001, peerAddress: '192.0.2.1', localAddress: '192.0.2.2', message: KEEPALIVE, local: true });
    expect(toHex(record)).toBe(toHex(hex`6553f100 0010 0007 00000027  0000fdea 0000fde9 0000 0001 c0000201 c0000202 ${MARKER} 0013 04`));
  });

  it('writes BGP4MP_MESSAGE with 2-octet ASes for a session without 4-octet AS, AS_TRANS for a wide one (RFC 6396 §4.4.2)', () => {
    const record = encodeBgp4mpMessage({ time: TIME, peerAs: 65002, localAs: 4_200_000_001, peerAddress: '192.0.2.1', localAddress: '192.0.2.2', message: KEEPALIVE, asn4: false });
    expect(toHex(record)).toBe(
      toHex(hex`
        6553f100 0010
        0001              # subtype BGP4MP_MESSAGE
        00000023          # length 35
        fdea              # peer AS 65002
        5ba0              # local AS: AS_TRANS (23456)
        0000 0001 c0000201 c0000202 ${MARKER} 0013 04
      `),
    );
  });

  it('writes BGP4MP_ET with the microseconds counted in the length (RFC 6396 §3)', () => {
    const record = encodeBgp4mpMessage({ time: 1_700_000_000_123.5, peerAs: 65002, localAs: 65001, peerAddress: '192.0.2.1', localAddress: '192.0.2.2', message: KEEPALIVE, extendedTime: true });
    expect(toHex(record)).toBe(
      toHex(hex`
        6553f100
        0011              # type BGP4MP_ET (17)
        0004
        0000002b          # length 43 = 4 (microseconds) + 39
        0001e26c          # microseconds 123500
        0000fdea 0000fde9 0000 0001 c0000201 c0000202 ${MARKER} 0013 04
      `),
    );
  });

  it('records a missing or other-family local address as unspecified', () => {
    const v4 = encodeBgp4mpMessage({ time: TIME, peerAs: 1, localAs: 2, peerAddress: '192.0.2.1', message: KEEPALIVE });
    expect(toHex(v4.subarray(24, 32))).toBe('c000020100000000');
    const v6 = encodeBgp4mpMessage({ time: TIME, peerAs: 1, localAs: 2, peerAddress: '2001:db8::1', localAddress: '192.0.2.2', message: KEEPALIVE });
    expect(toHex(v6.subarray(40, 56))).toBe('00'.repeat(16));
  });

  it('refuses a peer address that is not an IP address, an AS beyond 4 octets and a time beyond 32-bit seconds', () => {
    const base = { time: TIME, peerAs: 1, localAs: 2, peerAddress: '192.0.2.1', message: KEEPALIVE };
    expect(() => encodeBgp4mpMessage({ ...base, peerAddress: 'router.example' })).toThrow('peer address "router.example" is not an IP address');
    expect(() => encodeBgp4mpMessage({ ...base, peerAs: 2 ** 32 })).toThrow('peer AS 4294967296 is not a 4-octet AS number');
    expect(() => encodeBgp4mpMessage({ ...base, localAs: -1 })).toThrow('local AS -1');
    expect(() => encodeBgp4mpMessage({ ...base, time: 2 ** 32 * 1000 })).toThrow('outside the 32-bit seconds');
    expect(() => encodeBgp4mpMessage({ ...base, time: -1 })).toThrow('outside the 32-bit seconds');
  });
});

describe('bgp4mpSubtype', () => {
  it('picks the subtype from direction, AS width and ADD-PATH (RFC 6396 §4.4, RFC 8050 §3)', () => {
    const cases: Array<[boolean, boolean, boolean, number]> = [
      [false, true, false, Bgp4mpSubtype.MESSAGE_AS4],
      [false, false, false, Bgp4mpSubtype.MESSAGE],
      [true, true, false, Bgp4mpSubtype.MESSAGE_AS4_LOCAL],
      [true, false, false, Bgp4mpSubtype.MESSAGE_LOCAL],
      [false, true, true, Bgp4mpSubtype.MESSAGE_AS4_ADDPATH],
      [false, false, true, Bgp4mpSubtype.MESSAGE_ADDPATH],
      [true, true, true, Bgp4mpSubtype.MESSAGE_AS4_LOCAL_ADDPATH],
      [true, false, true, Bgp4mpSubtype.MESSAGE_LOCAL_ADDPATH],
    ];
    expect(cases.map(([local, asn4, addPath]) => bgp4mpSubtype({ local, asn4, addPath }))).toEqual(cases.map((c) => c[3]));
    expect([Bgp4mpSubtype.MESSAGE, Bgp4mpSubtype.MESSAGE_AS4, Bgp4mpSubtype.MESSAGE_AS4_LOCAL, Bgp4mpSubtype.MESSAGE_AS4_LOCAL_ADDPATH]).toEqual([1, 4, 7, 11]);
  });
});

describe('writeBgp4mpMessage', () => {
  it('appends records one after the other into one writer, each as long as bgp4mpMessageLength says', () => {
    const peering = bgp4mpPeering(65002, 65001, '2001:db8::1', '2001:db8::2');
    const open = hex`${MARKER} 001d 01 04 fdea 005a c0000201 00`;
    const w = new Writer(16);
    writeBgp4mpMessage(w, peering, TIME, KEEPALIVE);
    writeBgp4mpMessage(w, peering, TIME + 1000, open, { local: true, extendedTime: true });
    const first = bgp4mpMessageLength(peering, KEEPALIVE);
    const second = bgp4mpMessageLength(peering, open, { local: true, extendedTime: true });
    expect(w.pos).toBe(first + second);
    const out = w.view();
    expect(out.readUInt32BE(8)).toBe(first - 12);
    expect(toHex(out.subarray(first, first + 16))).toBe(toHex(hex`6553f101 0011 0007 ${(second - 12).toString(16).padStart(8, '0')} 0001e078`));
    expect(toHex(out.subarray(first + second - open.length))).toBe(toHex(open));
  });
});

describe('BGP4MP records of families other than unicast', () => {
  // The MRT sink writes BGP4MP only: a record holds the message as it crossed the wire, so every
  // family's NLRI, in its MP_REACH_NLRI / MP_UNREACH_NLRI, is in the file as the peer encoded it.
  it.each([
    ['ipv4 nlri-mpls', 1, 4, '10.1.0.0/24 label 1000', '192.0.2.1', undefined],
    ['ipv6 nlri-mpls', 2, 4, '2001:db8::/32 label 16', '2001:db8::1', undefined],
    // With an MP_UNREACH_NLRI too (RFC 8277 §2.4: the withdrawal's label field is 0x800000).
    ['ipv4 mpls-vpn', 1, 128, '10.0.0.0/25 label [ 1000 2000 ] rd 65000:1', '192.0.2.1', '10.2.0.0/24 label 524288 rd 65000:2'],
    ['ipv6 mpls-vpn', 2, 128, '2001:db8:1::/48 label 100 rd 1.2.3.4:5', '2001:db8::1', undefined],
    ['ipv4 flow', 1, 133, 'flow destination-ipv4 10.0.0.0/24 protocol =tcp', undefined, undefined],
  ])('keeps a %s UPDATE whole: the record decodes back to its routes', (_name, afi, safi, prefix, nextHop, withdraw) => {
    const update: UpdateMessage = {
      type: 'update',
      withdrawn: withdraw === undefined ? [] : [{ afi, safi, prefixes: [withdraw] }],
      attributes: { origin: 0, asPath: [{ type: 2, asns: [64500] }] },
      announced: [{ afi, safi, nextHop: nextHop === undefined ? [] : [nextHop], prefixes: [prefix] }],
    };
    const message = encodeMessage(update, FAMILY_CONTEXT);
    const w = new Writer();
    writeBgp4mpMessage(w, bgp4mpPeering(64500, 64501, '192.0.2.1', '192.0.2.2'), TIME, message);
    const record = Buffer.from(w.view());
    // Common header (12), Peer AS, Local AS (4 each), Interface Index, Address Family (2 each), two IPv4 addresses.
    expect(record.readUInt16BE(4)).toBe(16);
    expect(record.readUInt16BE(6)).toBe(Bgp4mpSubtype.MESSAGE_AS4);
    expect(record.subarray(12 + 20)).toEqual(message);
    const read = decodeMessage(record.subarray(12 + 20), FAMILY_CONTEXT) as UpdateMessage;
    expect(read.announced.map((l) => ({ afi: l.afi, safi: l.safi, prefixes: l.prefixes, nextHop: l.nextHop }))).toEqual([{ afi, safi, prefixes: [prefix], nextHop: update.announced[0]!.nextHop }]);
    expect(read.withdrawn.flatMap((l) => l.prefixes)).toEqual(update.withdrawn.flatMap((l) => l.prefixes));
  });
});

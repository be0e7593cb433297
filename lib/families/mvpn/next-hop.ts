/**
 * MVPN's "Network Address of Next Hop" (RFC 4760 §3; RFC 6514 §4 leaves it to the route's use): an
 * IPv4 address (4 octets) or IPv6 (16, or 32 with a link-local one, RFC 2545 §3), of either AFI:
 * ExaBGP's qa/encoding/conf-mvpn.ci sends ipv6 mcast-vpn routes with an IPv4 next hop.
 */
import { Afi } from '../../wire/iana';
import { decodeIpNextHop, encodeIpNextHop, type NextHopLength } from '../../wire/nlri/ip-next-hop';
import type { Writer } from '../../wire/writer';
import type { NextHopRule } from '../family-descriptor';
import { ipNextHopRule } from '../ip-prefix/prefix-family';

const LENGTHS: readonly NextHopLength[] = [4, 16, 32];

export const decodeMvpnNextHop = (buf: Buffer, start: number, end: number): string[] | undefined => decodeIpNextHop(buf, start, end, LENGTHS);
export const encodeMvpnNextHop = (w: Writer, nextHop: readonly string[]): void => encodeIpNextHop(w, nextHop, LENGTHS);

/** `next-hop self` resolves to an address of the family's own AFI; a withdrawal gets the zero address. */
export const mvpnNextHop = (afi: typeof Afi.IPV4 | typeof Afi.IPV6): NextHopRule =>
  afi === Afi.IPV4 ? ipNextHopRule([Afi.IPV4, Afi.IPV6], '0.0.0.0') : ipNextHopRule([Afi.IPV6, Afi.IPV4], '::');

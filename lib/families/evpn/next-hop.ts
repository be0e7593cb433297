/**
 * EVPN's "Network Address of Next Hop" (RFC 7432 §7: the PE's IP address; RFC 4760 §3): an IPv4
 * address (4 octets), or IPv6 (16, or 32 with a link-local one as RFC 2545 §3 allows).
 */
import { Afi } from '../../wire/iana';
import { decodeIpNextHop, encodeIpNextHop, type NextHopLength } from '../../wire/nlri/ip-next-hop';
import type { Writer } from '../../wire/writer';
import type { NextHopRule } from '../family-descriptor';
import { ipNextHopRule } from '../ip-prefix/prefix-family';

const LENGTHS: readonly NextHopLength[] = [4, 16, 32];

export const decodeEvpnNextHop = (buf: Buffer, start: number, end: number): string[] | undefined => decodeIpNextHop(buf, start, end, LENGTHS);
export const encodeEvpnNextHop = (w: Writer, nextHop: readonly string[]): void => encodeIpNextHop(w, nextHop, LENGTHS);

// An announcement must name its next hop (the PE's address, RFC 7432 §7); a withdrawal, which
// carries none (MP_UNREACH_NLRI), gets 0.0.0.0.
export const EVPN_NEXT_HOP: NextHopRule = ipNextHopRule([Afi.IPV4, Afi.IPV6], '0.0.0.0');
